// Re-syncing a large collection with one article changed writes a handful of keys: 3 puts, 2 deletes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MiniflareKv, miniflareKv } from "./support/miniflareKv.ts";
import { readPublished } from "./support/readPublished.ts";
import { recordingKvTarget } from "./support/recordingKvTarget.ts";
import { NOW, syncFixture } from "./support/syncFixture.ts";

let local: MiniflareKv;
beforeEach(async () => {
	local = await miniflareKv();
});
afterEach(async () => {
	await local.dispose();
});

function collection(n: number, edited?: number): Record<string, string> {
	const files: Record<string, string> = {};
	for (let i = 0; i < n; i++) {
		const day = new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString().replace(".000Z", "Z");
		const body = i === edited ? "Nội dung đã sửa.\n" : `Nội dung bài ${i}.\n`;
		files[`bai-${i}.md`] = `---\ntitle: Bài ${i}\ndate: ${day}\ntags: [Chủ đề ${i % 7}]\n---\n\n${body}`;
	}
	return files;
}

describe("one changed article in 300", () => {
	it("writes its record, the manifest and head, then deletes its old record and the old manifest", async () => {
		await syncFixture(local.kv, collection(300));
		const recording = recordingKvTarget(local.kv);
		const result = await syncFixture(recording.kv, collection(300, 42), { now: NOW + 1000 });
		const puts = recording.log.flatMap((e) => (e.op === "putMany" ? e.keys : []));
		const deletes = recording.log.flatMap((e) => (e.op === "deleteMany" ? e.keys : []));
		expect(puts.map((key) => key.split(":")[0])).toEqual(["article", "manifest", "head"]);
		expect(deletes.map((key) => key.split(":")[0])).toEqual(["article", "manifest"]);
		expect(result.report).toEqual({
			recordsWritten: 1,
			manifestWritten: true,
			headWritten: true,
			keysDeleted: 2,
			requests: 3,
		});
		expect(result.plan.changes).toEqual({ added: [], updated: ["bai-42"], removed: [] });
		const published = await readPublished(local.kv);
		expect(published?.records.find((r) => r.id === "bai-42")?.contentHtml).toBe("<p>Nội dung đã sửa.</p>\n");
	});
});
