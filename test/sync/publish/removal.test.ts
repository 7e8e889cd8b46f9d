// Removing an article's file unpublishes it at once; its record leaves KV one sync later (lagging readers may need it).

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ARTICLE_PREFIX, articleKey, MANIFEST_PREFIX, manifestKey } from "../../../src/store/kvLayout.ts";
import { versionKeySet } from "../../../src/sync/publish/planSync.ts";
import { type MiniflareKv, miniflareKv } from "../support/miniflareKv.ts";
import { readPublished } from "../support/readPublished.ts";
import { recordingKvTarget } from "../support/recordingKvTarget.ts";
import { manyArticles, NOW, syncFixture } from "../support/syncFixture.ts";
import { SITE_YAML } from "../support/tempContent.ts";

let local: MiniflareKv;
beforeEach(async () => {
	local = await miniflareKv();
});
afterEach(async () => {
	await local.dispose();
});

const publishedIds = async () => (await readPublished(local.kv))?.records.map((r) => r.id);

describe("removal", () => {
	it("unpublishes the article at once, and deletes its record at the next sync that moves head", async () => {
		const files = manyArticles(3);
		const first = await syncFixture(local.kv, files);
		const removedRecord = articleKey(first.snapshot.recordHashes.get("a02") ?? "");
		const firstManifest = manifestKey(first.snapshot.manifestHash);

		const { "a02.md": _removed, ...rest } = files;
		const removing = recordingKvTarget(local.kv);
		const second = await syncFixture(removing.kv, rest, { now: NOW + 1000 });
		expect(second.plan.changes).toEqual({ added: [], updated: [], removed: ["a02"] });
		// Readers following head no longer see it...
		expect(await publishedIds()).toEqual(["a03", "a01"]);
		expect((await readPublished(local.kv))?.articles.map((e) => e.id)).toEqual(["a03", "a01"]);
		// ...but it stays for readers elsewhere still on the previous head: nothing is deleted yet.
		expect(removing.log.filter((e) => e.op === "deleteMany")).toEqual([]);
		expect(await local.kv.get(removedRecord)).not.toBeNull();
		expect(await local.kv.get(firstManifest)).not.toBeNull();

		// Re-syncing the same content moves nothing, and head still names the first version as the previous one,
		// so nothing is deleted.
		const again = await syncFixture(local.kv, rest, { now: NOW + 2000 });
		expect(again.report?.requests).toBe(0);
		expect(await local.kv.get(removedRecord)).not.toBeNull();
		expect(await local.kv.get(firstManifest)).not.toBeNull();
		expect(await publishedIds()).toEqual(["a03", "a01"]);

		const edited = { ...rest, "a01.md": (rest["a01.md"] ?? "").replace("Bài 1", "Bài một") };
		const next = recordingKvTarget(local.kv);
		const third = await syncFixture(next.kv, edited, { now: NOW + 3000 });
		expect(third.plan.changes).toEqual({ added: [], updated: ["a01"], removed: [] });
		expect(await publishedIds()).toEqual(["a03", "a01"]);
		expect(await local.kv.get(removedRecord)).toBeNull();
		expect(await local.kv.get(firstManifest)).toBeNull();
		const headWrite = next.log.findIndex((e) => e.op === "putMany" && e.keys.includes("head"));
		const deletion = next.log.findIndex((e) => e.op === "deleteMany");
		expect(headWrite).toBeGreaterThanOrEqual(0);
		expect(deletion).toBeGreaterThan(headWrite);
		// a01's first record is kept: the second version, now the previous one, lists it. What goes is what only
		// the first version reached: a02's record, the first manifest, and its index values that changed since.
		const kept = new Set([...versionKeySet(second.snapshot), ...versionKeySet(third.snapshot)]);
		const garbage = [...versionKeySet(first.snapshot)].filter((key) => !kept.has(key)).sort();
		expect(garbage).toEqual(expect.arrayContaining([removedRecord, firstManifest]));
		expect(next.log.filter((e) => e.op === "deleteMany")).toEqual([{ op: "deleteMany", keys: garbage }]);
	});

	it("empties the collection when every file is gone, and drops the old records one sync later", async () => {
		const first = await syncFixture(local.kv, manyArticles(2));
		const emptied = await syncFixture(local.kv, {}, { now: NOW + 1000 });
		expect((await readPublished(local.kv))?.articles).toEqual([]);
		expect((await local.kv.listKeys(ARTICLE_PREFIX)).length).toBe(2);
		expect((await local.kv.listKeys(MANIFEST_PREFIX)).length).toBe(2);

		const retitled = SITE_YAML.replace("title: Tin tức thử", "title: Tin tức trống");
		const third = await syncFixture(local.kv, {}, { now: NOW + 2000, siteYaml: retitled });
		expect((await readPublished(local.kv))?.manifest.site.title).toBe("Tin tức trống");
		const kept = new Set([...versionKeySet(emptied.snapshot), ...versionKeySet(third.snapshot)]);
		expect(third.report?.keysDeleted).toBe(
			[...versionKeySet(first.snapshot)].filter((key) => !kept.has(key)).length,
		);
		expect(await local.kv.listKeys(ARTICLE_PREFIX)).toEqual([]);
		// The empty version just replaced stays for lagging readers.
		expect((await local.kv.listKeys(MANIFEST_PREFIX)).length).toBe(2);
	});
});
