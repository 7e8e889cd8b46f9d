// WebSub: a hub that fails, refuses or hangs never fails the sync; the CLI's warning names hub, URL and status.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeHubNotice } from "../../../src/sync/publish/notifyHub.ts";
import { type MiniflareKv, miniflareKv } from "../support/miniflareKv.ts";
import { readPublished } from "../support/readPublished.ts";
import { recordingHub, refusingHubUrl } from "../support/recordingHub.ts";
import { NOW } from "../support/syncFixture.ts";
import { feedsOf, syncWithHub, twoDesks } from "../support/syncWithHub.ts";

let local: MiniflareKv;
beforeEach(async () => {
	local = await miniflareKv();
});
afterEach(async () => {
	await local.dispose();
});

const EDITED = twoDesks({ news: "Nội dung họp báo đã sửa.\n" });
const CHANGED = ["", "tags/thoi-su", "authors/nguyen-an"].flatMap(feedsOf).sort();

/** Publishes twoDesks() naming the same hub (a new hub changes every feed), so the next sync changes exactly CHANGED. */
async function publishFirst(hubUrl: string, requests?: unknown[]): Promise<void> {
	await syncWithHub(local.kv, twoDesks(), { hub: hubUrl, hubOptions: { timeoutMs: 300 } });
	if (requests) requests.length = 0;
}

async function expectEditPublished(): Promise<void> {
	const published = await readPublished(local.kv);
	expect(published?.records.find((record) => record.id === "thoi-su")?.contentHtml).toBe(
		"<p>Nội dung họp báo đã sửa.</p>\n",
	);
}

describe("a failing hub", () => {
	it("answering 500: every ping is tried, the sync succeeds, and each failure is a warning", async () => {
		const hub = await recordingHub({ status: 500 });
		try {
			await publishFirst(hub.url, hub.requests);
			const result = await syncWithHub(local.kv, EDITED, { hub: hub.url, now: NOW + 60_000 });
			expect(result.report?.headWritten).toBe(true);
			await expectEditPublished();
			expect(hub.requests.map((request) => request.form["hub.url"]).sort()).toEqual(CHANGED);
			expect(result.hub?.action).toBe("pinged");
			expect(result.hub?.failures.map((failure) => [failure.url, failure.status]).sort()).toEqual(
				CHANGED.map((url) => [url, 500]),
			);
			const { lines, warnings } = describeHubNotice(result.hub ?? expect.unreachable());
			expect(lines).toEqual([`Pinged WebSub hub ${hub.url}: 0 of 9 changed feed URLs accepted.`]);
			for (const url of CHANGED) {
				const warning = warnings.find((line) => line.includes(`${url}:`));
				expect(warning).toContain(hub.url);
				expect(warning).toMatch(/HTTP 500\b/);
			}
			expect(warnings.at(-1)).toMatch(/content is published/);
		} finally {
			await hub.close();
		}
	});

	it("refusing connections: the sync succeeds, the first refusal stops the rest, warnings say why", async () => {
		const hubUrl = await refusingHubUrl();
		await publishFirst(hubUrl);
		const result = await syncWithHub(local.kv, EDITED, {
			hub: hubUrl,
			now: NOW + 60_000,
			hubOptions: { concurrency: 1 },
		});
		expect(result.report?.headWritten).toBe(true);
		await expectEditPublished();
		const failures = result.hub?.failures ?? [];
		expect(failures.map((failure) => failure.url).sort()).toEqual(CHANGED);
		expect(failures.every((failure) => failure.status === null)).toBe(true);
		expect(failures[0]?.reason).toMatch(/ECONNREFUSED/);
		expect(failures.slice(1).every((failure) => /not sent/.test(failure.reason))).toBe(true);
		const { warnings } = describeHubNotice(result.hub ?? expect.unreachable());
		expect(warnings[0]).toBe(
			`Warning: WebSub hub ${hubUrl} did not take the ping for ${failures[0]?.url}: ${failures[0]?.reason}`,
		);
	});

	it("never answering: each ping gives up at the timeout, at most `concurrency` are sent", async () => {
		const hub = await recordingHub({ hang: true });
		try {
			await publishFirst(hub.url, hub.requests);
			const started = Date.now();
			const result = await syncWithHub(local.kv, EDITED, {
				hub: hub.url,
				now: NOW + 60_000,
				hubOptions: { timeoutMs: 300, concurrency: 2 },
			});
			expect(Date.now() - started).toBeLessThan(5_000);
			await expectEditPublished();
			expect(hub.requests).toHaveLength(2);
			const reasons = result.hub?.failures.map((failure) => failure.reason) ?? [];
			expect(reasons).toHaveLength(9);
			expect(reasons.filter((reason) => reason === "no answer within 0.3 s")).toHaveLength(2);
		} finally {
			await hub.close();
		}
	});

	it("keeps at most `concurrency` pings in flight", async () => {
		const hub = await recordingHub({ delayMs: 50 });
		try {
			const result = await syncWithHub(local.kv, twoDesks(), {
				hub: hub.url,
				hubOptions: { concurrency: 3 },
			});
			expect(result.hub?.failures).toEqual([]);
			expect(hub.requests).toHaveLength(15);
			expect(hub.maxInFlight()).toBe(3);
		} finally {
			await hub.close();
		}
	});
});
