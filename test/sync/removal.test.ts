// Removing an article's file removes it from KV: out of the manifest first, its record deleted after head moved.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articleKey, manifestKey } from "../../src/store/kvLayout.ts";
import { type MiniflareKv, miniflareKv } from "./support/miniflareKv.ts";
import { readPublished } from "./support/readPublished.ts";
import { recordingKvTarget } from "./support/recordingKvTarget.ts";
import { manyArticles, NOW, syncFixture } from "./support/syncFixture.ts";

let local: MiniflareKv;
beforeEach(async () => {
	local = await miniflareKv();
});
afterEach(async () => {
	await local.dispose();
});

describe("removal", () => {
	it("deletes the removed article's record and the old manifest, after head stops listing them", async () => {
		const files = manyArticles(3);
		const first = await syncFixture(local.kv, files);
		const removedRecord = articleKey(first.snapshot.recordHashes.get("a02") ?? "");
		expect(await local.kv.get(removedRecord)).not.toBeNull();

		const { "a02.md": _removed, ...rest } = files;
		const recording = recordingKvTarget(local.kv);
		const second = await syncFixture(recording.kv, rest, { now: NOW + 1000 });

		const published = await readPublished(local.kv);
		expect(published?.manifest.articles.map((e) => e.id)).toEqual(["a03", "a01"]);
		expect(await local.kv.get(removedRecord)).toBeNull();
		expect(await local.kv.get(manifestKey(first.snapshot.manifestHash))).toBeNull();
		expect(second.plan.changes).toEqual({ added: [], updated: [], removed: ["a02"] });

		const headWrite = recording.log.findIndex((e) => e.op === "putMany" && e.keys.includes("head"));
		const deletion = recording.log.findIndex((e) => e.op === "deleteMany");
		expect(headWrite).toBeGreaterThanOrEqual(0);
		expect(deletion).toBeGreaterThan(headWrite);
		expect(recording.log[deletion]).toEqual({
			op: "deleteMany",
			keys: [removedRecord, manifestKey(first.snapshot.manifestHash)].sort(),
		});
	});

	it("empties the collection when every file is gone", async () => {
		await syncFixture(local.kv, manyArticles(2));
		await syncFixture(local.kv, {}, { now: NOW + 1000 });
		const published = await readPublished(local.kv);
		expect(published?.manifest.articles).toEqual([]);
		expect((await local.kv.listKeys("article:")).length).toBe(0);
		expect((await local.kv.listKeys("manifest:")).length).toBe(1);
	});
});
