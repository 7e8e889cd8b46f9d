// WebSub: syncs to local KV never ping the hub (localhost feed URLs mean nothing to it), and the CLI says so.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { offlineEnv } from "../../../src/sync/shared/offlineEnv.ts";
import { type MiniflareKv, miniflareKv } from "../support/miniflareKv.ts";
import { type RecordingHub, recordingHub } from "../support/recordingHub.ts";
import { syncWithHub, twoDesks } from "../support/syncWithHub.ts";
import { SITE_YAML, tempContent } from "../support/tempContent.ts";

let hub: RecordingHub;
beforeEach(async () => {
	hub = await recordingHub();
});
afterEach(async () => {
	await hub.close();
});

describe("a local sync with a hub configured", () => {
	let local: MiniflareKv;
	beforeEach(async () => {
		local = await miniflareKv();
	});
	afterEach(async () => {
		await local.dispose();
	});

	it("publishes, sends no ping, and reports the localhost feeds it left out", async () => {
		const result = await syncWithHub(local.kv, twoDesks(), { hub: hub.url, target: "local" });
		expect(result.report?.headWritten).toBe(true);
		expect(result.hub?.action).toBe("local");
		expect(result.hub?.urls).toContain("http://localhost:8787/rss.xml");
		expect(hub.requests).toEqual([]);
	});
});

describe("npm run sync (local) with a hub configured", () => {
	let persistTo: string;
	beforeEach(async () => {
		persistTo = await mkdtemp(path.join(tmpdir(), "edgefeed-hub-cli-"));
	});
	afterEach(async () => {
		await rm(persistTo, { recursive: true, force: true });
	});

	it("sends nothing and says that only --remote syncs ping the hub", async () => {
		const content = await tempContent(twoDesks(), `${SITE_YAML}hub: ${hub.url}\n`);
		try {
			// Asynchronous on purpose: the hub in this process must stay able to answer while the CLI runs.
			// The CLI as `npm run sync` runs it (`node src/sync/cli.ts`; cli.test.ts covers the npm script itself).
			const run = await promisify(execFile)(
				process.execPath,
				["src/sync/cli.ts", "--persist-to", persistTo, "--content", content.dir],
				{ env: offlineEnv() },
			);
			expect(run.stderr).toBe("");
			expect(run.stdout).toMatch(/^Synced to local KV: 2 articles\./m);
			expect(run.stdout).toContain(`WebSub hub ${hub.url} not pinged for 15 changed feed URLs`);
			expect(run.stdout).toMatch(/only production \(--remote\) syncs ping it/);
		} finally {
			await content.remove();
		}
		expect(hub.requests).toEqual([]);
	});
});
