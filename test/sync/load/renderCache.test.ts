// The render cache's file: what it keeps across opens, looked up one by one or many at once; a corrupt one is
// replaced by a new, working one when it is opened.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openRenderCache } from "../../../src/sync/load/renderCache.ts";

let dir: string;
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const STAMP = { size: 10, mtimeNs: 1n, ctimeNs: 2n, ino: 3n };

describe("the render cache file", () => {
	it("keeps what was saved across opens, and forgets a stamp that changed", async () => {
		dir = await mkdtemp(path.join(tmpdir(), "edgefeed-cache-"));
		const file = path.join(dir, "nested", "cache.sqlite");
		const cache = await openRenderCache(file);
		cache.rememberTextHash("/c", "a.md", STAMP, "h1");
		cache.saveOutcome("k1", "{}");
		cache.saveRecord("r1", '{"id":"a"}');
		cache.close();

		const again = await openRenderCache(file);
		expect(again.textHash("/c", "a.md", STAMP)).toBe("h1");
		expect(again.textHash("/c", "a.md", { ...STAMP, ctimeNs: 5n })).toBeUndefined();
		expect(again.outcome("k1")).toBe("{}");
		expect(again.hasRecord("r1")).toBe(true);
		expect(again.recordJson("r1")).toBe('{"id":"a"}');
		again.close();
	});

	it("answers for many files, outcomes and records at once, past one query's worth", async () => {
		dir = await mkdtemp(path.join(tmpdir(), "edgefeed-cache-"));
		const file = path.join(dir, "cache.sqlite");
		const cache = await openRenderCache(file);
		const names = Array.from({ length: 1200 }, (_, i) => `${i}.md`);
		for (const name of names) {
			cache.rememberTextHash("/c", name, STAMP, `h-${name}`);
			cache.saveOutcome(`k-${name}`, `"${name}"`);
			cache.saveRecord(`r-${name}`, "{}");
		}
		cache.close();

		const again = await openRenderCache(file);
		const changed = { ...STAMP, size: 11 };
		const hashes = again.textHashes("/c", [
			...names.map((name) => [name, name === "7.md" ? changed : STAMP] as const),
			["new.md", STAMP],
		]);
		expect(hashes.size).toBe(1199);
		expect(hashes.get("1100.md")).toBe("h-1100.md");
		expect(hashes.has("7.md") || hashes.has("new.md")).toBe(false);
		expect(again.textHashes("/other", [["1.md", STAMP]]).size).toBe(0);
		const outcomes = again.outcomes([...names.map((name) => `k-${name}`), "k-none"]);
		expect(outcomes.size).toBe(1200);
		expect(outcomes.get("k-999.md")).toBe('"999.md"');
		const hashesAsked = [...names.map((name) => `r-${name}`), "r-none"];
		expect(again.keptRecords(hashesAsked).size).toBe(1200);
		again.checkedAll();
		// Once every file was checked today, records are only looked up, and still found.
		expect(again.keptRecords(hashesAsked).size).toBe(1200);
		again.close();
	});

	it("replaces a file that is not a cache with an empty one", async () => {
		dir = await mkdtemp(path.join(tmpdir(), "edgefeed-cache-"));
		const file = path.join(dir, "cache.sqlite");
		await writeFile(file, "SQLite format 3\0 but then nothing that makes sense ".repeat(200));
		const cache = await openRenderCache(file);
		expect(cache.outcome("k1")).toBeUndefined();
		cache.saveOutcome("k1", "{}");
		cache.close();
		const again = await openRenderCache(file);
		expect(again.outcome("k1")).toBe("{}");
		again.close();
	});
});
