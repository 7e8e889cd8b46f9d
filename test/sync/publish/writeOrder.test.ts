// Write order: records, then the version's index values (manifest last), then head alone, then deletes; a reader
// checked after every request sees a whole version.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articleKey, manifestKey } from "../../../src/store/kvLayout.ts";
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";
import { versionKeySet } from "../../../src/sync/publish/planSync.ts";
import { type MiniflareKv, miniflareKv } from "../support/miniflareKv.ts";
import { observingKvTarget } from "../support/observingKvTarget.ts";
import { type Published, readPublished } from "../support/readPublished.ts";
import { recordingKvTarget } from "../support/recordingKvTarget.ts";
import { manyArticles, NOW, syncFixture } from "../support/syncFixture.ts";

let local: MiniflareKv;
beforeEach(async () => {
	local = await miniflareKv();
});
afterEach(async () => {
	await local.dispose();
});

/** After each write/delete request, follows head like a reader would and records the manifest it found. */
function checkingReader(inner: KvTarget, seen: (Published | null)[]): KvTarget {
	return observingKvTarget(inner, async () => {
		seen.push(await readPublished(inner));
	});
}

describe("write order", () => {
	it("writes new records, then the index values, then head alone, then deletes", async () => {
		const first = manyArticles(4);
		const initial = await syncFixture(local.kv, first);
		// The version deletes act on is two syncs back: the previous one is kept for lagging readers.
		const files: Record<string, string> = {
			...first,
			"a02.md": (first["a02.md"] ?? "").replace("Đoạn văn", "Đoạn văn đã sửa"),
			"a04.md": (first["a04.md"] ?? "").replace("Đoạn văn", "Đoạn văn đã sửa"),
		};
		const middle = await syncFixture(local.kv, files, { now: NOW + 1000 });
		const changed: Record<string, string> = {
			...files,
			"a01.md": (files["a01.md"] ?? "").replace("Bài 1", "Bài một"),
			"new.md": files["a02.md"]?.replace("Bài 2", "Bài mới") ?? "",
		};
		delete changed["a03.md"];

		const recording = recordingKvTarget(local.kv);
		const last = await syncFixture(recording.kv, changed, { now: NOW + 2000 });
		const writes = recording.log.filter((e) => e.op === "putMany" || e.op === "deleteMany");
		const flat = writes.flatMap((e) =>
			"keys" in e ? e.keys.map((key) => `${e.op} ${key.split(":")[0]}`) : [],
		);
		const kinds = flat.map((line) => line.split(" "));
		const firstIndex = kinds.findIndex(([op, kind]) => op === "putMany" && kind !== "article");
		const headAt = flat.indexOf("putMany head");
		// Records first (a01's and the new article's), then index values, the manifest among them, then head...
		expect(flat.slice(0, firstIndex)).toEqual(["putMany article", "putMany article"]);
		expect(
			flat
				.slice(firstIndex, headAt)
				.every((line) => line.startsWith("putMany ") && line !== "putMany article"),
		).toBe(true);
		expect(flat.slice(firstIndex, headAt)).toContain("putMany manifest");
		// ...then only deletes: what the first version alone reached (a02's and a04's first records among them).
		expect(flat.slice(headAt + 1).every((line) => line.startsWith("deleteMany "))).toBe(true);
		const kept = new Set([...versionKeySet(middle.snapshot), ...versionKeySet(last.snapshot)]);
		expect(writes.flatMap((e) => (e.op === "deleteMany" ? e.keys : []))).toEqual(
			[...versionKeySet(initial.snapshot)].filter((key) => !kept.has(key)).sort(),
		);
		expect(writes.flatMap((e) => (e.op === "deleteMany" ? e.keys : []))).toEqual(
			expect.arrayContaining([
				articleKey(initial.snapshot.recordHashes.get("a02") ?? ""),
				articleKey(initial.snapshot.recordHashes.get("a04") ?? ""),
				manifestKey(initial.snapshot.manifestHash),
			]),
		);
		expect(writes.find((e) => e.op === "putMany" && e.keys.includes("head"))).toEqual({
			op: "putMany",
			keys: ["head"],
		});
		// The plan is fixed before KV changes; after the first write KV is only read to check it may go on: every
		// key of the new version is there and head has not moved (before head), head is still this sync's (before deletes).
		const firstWrite = recording.log.indexOf(writes[0] as never);
		expect(
			recording.log
				.slice(firstWrite)
				.map((e) => (e.op === "get" ? `get ${e.key}` : e.op === "list" ? "list" : e.op)),
		).toEqual(["putMany", "list", "get head", "putMany", "get head", "deleteMany"]);
	});

	it("shows readers the old version until head moves, and the new one whole from then on", async () => {
		const files = manyArticles(4);
		const first = await syncFixture(local.kv, files);
		const edited: Record<string, string> = {
			...files,
			"a02.md": (files["a02.md"] ?? "").replace("Đoạn văn", "Đoạn văn đã sửa"),
		};
		delete edited["a04.md"];
		const seen: (Published | null)[] = [];
		const second = await syncFixture(checkingReader(local.kv, seen), edited, { now: NOW + 1000 });
		const versions = seen.map((p) => p?.head.manifest);
		expect(versions.length).toBeGreaterThan(1);
		const switchAt = versions.indexOf(second.snapshot.manifestHash);
		expect(versions.slice(0, switchAt).every((v) => v === first.snapshot.manifestHash)).toBe(true);
		expect(versions.slice(switchAt).every((v) => v === second.snapshot.manifestHash)).toBe(true);
	});
});
