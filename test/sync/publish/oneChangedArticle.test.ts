// Re-syncing a large collection with one article changed writes a handful of small values, whatever the
// collection's size, and deletes only what the version two syncs back alone reached.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";
import { versionKeySet } from "../../../src/sync/publish/planSync.ts";
import { syncContent } from "../../../src/sync/syncContent.ts";
import { type MiniflareKv, miniflareKv } from "../support/miniflareKv.ts";
import { readPublished } from "../support/readPublished.ts";
import { type KvOperation, recordingKvTarget } from "../support/recordingKvTarget.ts";
import { NOW, syncFixture } from "../support/syncFixture.ts";
import { SITE_YAML, tempContent } from "../support/tempContent.ts";

let local: MiniflareKv;
beforeEach(async () => {
	local = await miniflareKv();
});
afterEach(async () => {
	await local.dispose();
});

/** n articles; `edits` maps an article's index to its new body. */
function collection(n: number, edits: Record<number, string> = {}): Record<string, string> {
	const files: Record<string, string> = {};
	for (let i = 0; i < n; i++) {
		const day = new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString().replace(".000Z", "Z");
		const body = edits[i] ?? `Nội dung bài ${i}.\n`;
		files[`bai-${i}.md`] = `---\ntitle: Bài ${i}\ndate: ${day}\ntags: [Chủ đề ${i % 7}]\n---\n\n${body}`;
	}
	return files;
}

const keysOf = (log: KvOperation[], op: "putMany" | "deleteMany") =>
	log.flatMap((e) => (e.op === op ? e.keys : []));

/** Large enough that writing what did not change would show (each write is a key); 300 only took longer. */
const SIZE = 100;

/** What a one-article edit may write: its record, its slug shard, the summaries of its scopes (everything, its tag,
 * its author) and their shards, the catalog listing those shards, the manifest naming it, then head; at most 12
 * values. */
function expectSmallWrite(log: KvOperation[]): void {
	const kinds = keysOf(log, "putMany").map((key) => key.split(":")[0]);
	expect(kinds.length).toBeLessThanOrEqual(12);
	expect(kinds.at(-1)).toBe("head");
	expect(kinds.filter((kind) => kind === "article")).toEqual(["article"]);
	expect(new Set(kinds)).toEqual(
		new Set(["article", "slugs", "scope", "scopes", "catalog", "manifest", "head"]),
	);
	expect(kinds.indexOf("catalog")).toBeLessThan(kinds.indexOf("manifest"));
}

describe(`one changed article in ${SIZE}`, () => {
	it("first change: writes its record and at most 12 small values, head last, and deletes nothing (the first version is kept)", async () => {
		await syncFixture(local.kv, collection(SIZE));
		const recording = recordingKvTarget(local.kv);
		const result = await syncFixture(recording.kv, collection(SIZE, { 42: "Nội dung đã sửa.\n" }), {
			now: NOW + 1000,
		});
		expectSmallWrite(recording.log);
		expect(keysOf(recording.log, "deleteMany")).toEqual([]);
		expect(result.report).toMatchObject({
			recordsWritten: 1,
			headWritten: true,
			keysDeleted: 0,
			requests: 2,
		});
		expect(result.plan.changes).toEqual({ added: [], updated: ["bai-42"], removed: [] });
		const published = await readPublished(local.kv);
		expect(published?.records.find((r) => r.id === "bai-42")?.contentHtml).toBe("<p>Nội dung đã sửa.</p>\n");
	});

	it("steady state: at most 12 small writes, then deletes what only the version two syncs back reached", async () => {
		const first = await syncFixture(local.kv, collection(SIZE));
		const second = await syncFixture(local.kv, collection(SIZE, { 42: "Nội dung đã sửa.\n" }), {
			now: NOW + 1000,
		});
		const recording = recordingKvTarget(local.kv);
		const edits = { 42: "Nội dung đã sửa.\n", 7: "Bài bảy, đã sửa.\n" };
		const result = await syncFixture(recording.kv, collection(SIZE, edits), { now: NOW + 2000 });
		expectSmallWrite(recording.log);
		// What the first version alone reached: bai-42's first record, its manifest, shards and summaries.
		const kept = new Set([...versionKeySet(second.snapshot), ...versionKeySet(result.snapshot)]);
		const garbage = [...versionKeySet(first.snapshot)].filter((key) => !kept.has(key)).sort();
		expect(garbage).toContain(`article:${first.snapshot.recordHashes.get("bai-42")}`);
		expect(garbage.length).toBeLessThanOrEqual(12);
		expect(keysOf(recording.log, "deleteMany")).toEqual(garbage);
		expect(result.report).toMatchObject({ recordsWritten: 1, headWritten: true, requests: 3 });
		expect(result.plan.changes).toEqual({ added: [], updated: ["bai-7"], removed: [] });
		const published = await readPublished(local.kv);
		expect(published?.records.find((r) => r.id === "bai-7")?.contentHtml).toBe("<p>Bài bảy, đã sửa.</p>\n");
	});
});

describe(`one old article edited in ${3 * SIZE}, with the articles' table kept between syncs`, () => {
	it("writes its record, slug shard and the version's corrections, and no archive page", async () => {
		const content = await tempContent(collection(3 * SIZE), SITE_YAML);
		const renderCache = path.join(content.dir, ".cache", "render-cache.sqlite");
		const sync = (kv: KvTarget, now: number) =>
			syncContent({ contentDir: content.dir, target: "local", kv, now, renderCache, lease: { settleMs: 0 } });
		try {
			await sync(local.kv, NOW);
			for (const [at, text] of [
				[1000, "Bài hai, đính chính.\n"],
				[2000, "Bài hai, đính chính lần hai.\n"],
			] as const) {
				await writeFile(path.join(content.dir, "bai-2.md"), collection(3, { 2: text })["bai-2.md"] as string);
				const recording = recordingKvTarget(local.kv);
				const result = await sync(recording.kv, NOW + at);
				const kinds = keysOf(recording.log, "putMany").map((key) => key.split(":")[0]);
				// Its tag (43 articles) lists it among its newest, so that summary changes; the scopes' pointers note
				// the change, so their shard does.
				expect(kinds.toSorted()).toEqual(
					["article", "catalog", "corrections", "head", "manifest", "scope", "scopes", "slugs"].toSorted(),
				);
				expect(kinds.at(-1)).toBe("head");
				expect(result.plan.changes).toEqual({ added: [], updated: ["bai-2"], removed: [] });
				const published = await readPublished(local.kv);
				const entry = published?.scopes[""]?.entries.find((e) => e.id === "bai-2");
				expect(entry?.record).toBe(published?.articles.find((e) => e.id === "bai-2")?.record);
				expect(published?.records.find((r) => r.id === "bai-2")?.contentHtml).toBe(`<p>${text.trim()}</p>\n`);
			}
		} finally {
			await content.remove();
		}
	});
});
