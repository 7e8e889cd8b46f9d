// WebSub: a production sync that switched head pings the hub once per changed feed URL, and only then.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Head } from "../../../src/domain/model.ts";
import { HEAD_KEY } from "../../../src/store/kvLayout.ts";
import type { KvEntry } from "../../../src/sync/publish/kvTarget.ts";
import { syncContent } from "../../../src/sync/syncContent.ts";
import { type MiniflareKv, miniflareKv } from "../support/miniflareKv.ts";
import { readPublished } from "../support/readPublished.ts";
import { type RecordingHub, recordingHub } from "../support/recordingHub.ts";
import { failingKvTarget, InjectedFailure } from "../support/recordingKvTarget.ts";
import { NOW } from "../support/syncFixture.ts";
import { feedsOf, syncWithHub, twoDesks } from "../support/syncWithHub.ts";
import { SITE_YAML, tempContent } from "../support/tempContent.ts";

let local: MiniflareKv;
let hub: RecordingHub;
beforeEach(async () => {
	local = await miniflareKv();
	// Each ping notes which manifest KV's head named when it arrived.
	hub = await recordingHub({
		observe: async () => (JSON.parse((await local.kv.get(HEAD_KEY)) ?? "null") as Head | null)?.manifest,
	});
});
afterEach(async () => {
	await hub.close();
	await local.dispose();
});

const pinged = (): string[] => hub.requests.map((request) => request.form["hub.url"] ?? "").sort();

describe("hub pings after a production sync", () => {
	it("first sync: every scope's three feeds, each as its own form-encoded publish ping", async () => {
		const result = await syncWithHub(local.kv, twoDesks(), { hub: hub.url });
		const scopes = ["", "tags/thoi-su", "tags/the-thao", "authors/nguyen-an", "authors/tran-binh"];
		expect(pinged()).toEqual(scopes.flatMap(feedsOf).sort());
		for (const request of hub.requests) {
			expect(request.method).toBe("POST");
			expect(request.contentType).toMatch(/^application\/x-www-form-urlencoded\b/);
			expect(request.form["hub.mode"]).toBe("publish");
			expect(request.urlFields).toBe(1);
			// Sent only once head named the new version, so the hub fetches what it is told about.
			expect(request.observed).toBe(result.snapshot.manifestHash);
		}
		expect(result.hub).toMatchObject({ hub: hub.url, action: "pinged", failures: [] });
	});

	it("one changed article pings the site's, its tag's and its author's feeds, not the other desk's", async () => {
		await syncWithHub(local.kv, twoDesks(), { hub: hub.url });
		hub.requests.length = 0;
		const result = await syncWithHub(local.kv, twoDesks({ news: "Nội dung họp báo đã sửa.\n" }), {
			hub: hub.url,
			now: NOW + 60_000,
		});
		expect(result.plan.changes.updated).toEqual(["thoi-su"]);
		expect(pinged()).toEqual(["", "tags/thoi-su", "authors/nguyen-an"].flatMap(feedsOf).sort());
		expect(pinged().some((url) => url.includes("the-thao") || url.includes("tran-binh"))).toBe(false);
		expect(hub.requests.every((request) => request.observed === result.snapshot.manifestHash)).toBe(true);
	});

	it("a removed tag's feeds are pinged too (they changed: they are gone)", async () => {
		await syncWithHub(local.kv, twoDesks(), { hub: hub.url });
		hub.requests.length = 0;
		const { "thoi-su.md": kept } = twoDesks();
		await syncWithHub(local.kv, { "thoi-su.md": kept as string }, { hub: hub.url, now: NOW + 60_000 });
		expect(pinged()).toEqual(["", "tags/the-thao", "authors/tran-binh"].flatMap(feedsOf).sort());
	});

	it("unchanged re-sync: head stays, nothing is pinged", async () => {
		await syncWithHub(local.kv, twoDesks(), { hub: hub.url });
		hub.requests.length = 0;
		const again = await syncWithHub(local.kv, twoDesks(), { hub: hub.url, now: NOW + 86_400_000 });
		expect(again.plan.head).toBeNull();
		expect(again.hub).toBeNull();
		expect(hub.requests).toEqual([]);
	});

	it("no hub in site.yaml: no request at all", async () => {
		const other = await recordingHub();
		try {
			const result = await syncWithHub(local.kv, twoDesks());
			expect(result.report?.headWritten).toBe(true);
			expect(result.hub).toBeNull();
			expect(other.requests).toEqual([]);
			expect(hub.requests).toEqual([]);
		} finally {
			await other.close();
		}
	});

	it("dry run: lists what it would ping, sends nothing, writes nothing", async () => {
		await syncWithHub(local.kv, twoDesks(), { hub: hub.url });
		hub.requests.length = 0;
		const before = await local.dump();
		const result = await syncWithHub(local.kv, twoDesks({ sport: "Tỉ số đã cập nhật.\n" }), {
			hub: hub.url,
			now: NOW + 60_000,
			dryRun: true,
		});
		expect(result.hub?.action).toBe("dry-run");
		expect([...(result.hub?.urls ?? [])].sort()).toEqual(
			["", "tags/the-thao", "authors/tran-binh"].flatMap(feedsOf).sort(),
		);
		expect(hub.requests).toEqual([]);
		expect(await local.dump()).toEqual(before);
	});

	it("a sync that fails before head moves pings nothing", async () => {
		await syncWithHub(local.kv, twoDesks(), { hub: hub.url });
		hub.requests.length = 0;
		const published = await readPublished(local.kv);
		const content = await tempContent(
			twoDesks({ news: "Bản sửa không tới nơi.\n" }),
			`${SITE_YAML}hub: ${hub.url}\n`,
		);
		try {
			// Write 1 is the changed record: the sync dies there, with head on the old version.
			const failing = failingKvTarget(local.kv, 1);
			await expect(
				syncContent({
					contentDir: content.dir,
					target: "production",
					kv: failing.kv,
					now: NOW + 60_000,
					hub: { settleMs: 0 },
				}),
			).rejects.toBeInstanceOf(InjectedFailure);
		} finally {
			await content.remove();
		}
		expect((await readPublished(local.kv))?.head).toEqual(published?.head);
		expect(hub.requests).toEqual([]);
	});

	it("waits the settle time after head moved before the first ping", async () => {
		const settles: Array<[number, number]> = [];
		let headWrittenAt = Number.NaN;
		const kv = {
			...local.kv,
			async putMany(entries: KvEntry[]) {
				await local.kv.putMany(entries);
				if (entries.some((entry) => entry.key === HEAD_KEY)) headWrittenAt = Date.now();
			},
		};
		await syncWithHub(kv, twoDesks(), {
			hub: hub.url,
			hubOptions: { settleMs: 300, onSettle: (ms, pings) => settles.push([ms, pings]) },
		});
		expect(settles).toEqual([[300, 15]]);
		expect(hub.requests).toHaveLength(15);
		// Timers may fire a millisecond early by Date.now()'s rounding.
		const firstPing = Math.min(...hub.requests.map((request) => request.receivedAt));
		expect(firstPing - headWrittenAt).toBeGreaterThanOrEqual(299);
	});
});
