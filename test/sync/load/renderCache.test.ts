// The render cache's file: what it keeps across opens, looked up one by one or many at once; a corrupt one is
// replaced by a new, working one when it is opened.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
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
		again.close();
	});

	it("drops what no run used for a week, but never a record a kept outcome or listing names", async () => {
		dir = await mkdtemp(path.join(tmpdir(), "edgefeed-cache-"));
		const file = path.join(dir, "cache.sqlite");
		const day = (n: number) => vi.setSystemTime(Date.UTC(2026, 0, 1 + n, 12));
		vi.useFakeTimers({ toFake: ["Date"] });
		try {
			day(0);
			const cache = await openRenderCache(file);
			cache.saveRecord("named", '{"id":"a"}');
			cache.saveOutcome("kept", JSON.stringify({ record: { hash: "named" } }));
			cache.saveRecord("alone", '{"id":"b"}');
			cache.saveOutcome("unused", JSON.stringify({ record: { hash: "gone" } }));
			cache.saveRecord("gone", '{"id":"c"}');
			cache.saveRecord("listed", '{"id":"d"}');
			const listing = cache.listing("L");
			listing.find("d.md", STAMP);
			listing.remember("d.md", STAMP, {
				textHash: "h",
				outcome: JSON.stringify({ record: { hash: "listed" } }),
			});
			listing.finish();
			cache.close();
			day(6); // the outcome and the listing are used; their records are not read
			const using = await openRenderCache(file);
			expect(using.outcomes(["kept"]).size).toBe(1);
			expect(using.listing("L").find("d.md", STAMP)).toBeDefined();
			using.close();
			day(10);
			(await openRenderCache(file)).close(); // prunes what was last used before day 3
			day(11);
			const after = await openRenderCache(file);
			expect(after.outcome("kept")).toBeDefined();
			expect(after.recordJson("named")).toBe('{"id":"a"}');
			expect(after.recordJson("listed")).toBe('{"id":"d"}');
			expect(after.outcome("unused")).toBeUndefined();
			expect(after.recordJson("gone")).toBeUndefined();
			expect(after.recordJson("alone")).toBeUndefined();
			after.close();
		} finally {
			vi.useRealTimers();
		}
	});

	it("brings a cache of the first schema up to date, keeping what it holds", async () => {
		dir = await mkdtemp(path.join(tmpdir(), "edgefeed-cache-"));
		const file = path.join(dir, "cache.sqlite");
		const { DatabaseSync } = await import("node:sqlite");
		const old = new DatabaseSync(file);
		old.exec(`
			CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
			CREATE TABLE stamps (dir TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns TEXT NOT NULL,
				ctime_ns TEXT NOT NULL, ino TEXT NOT NULL, text_hash TEXT NOT NULL, used_day INTEGER NOT NULL,
				PRIMARY KEY (dir, name)) STRICT;
			CREATE TABLE outcomes (key TEXT PRIMARY KEY, json TEXT NOT NULL, used_day INTEGER NOT NULL) STRICT;
			CREATE TABLE records (hash TEXT PRIMARY KEY, json TEXT NOT NULL, used_day INTEGER NOT NULL) STRICT;
			INSERT INTO meta VALUES ('schema', '1');
			INSERT INTO outcomes VALUES ('k1', '{"record":{"hash":"r1"}}', 99999);
			INSERT INTO records VALUES ('r1', '{"id":"a"}', 1), ('r2', '{"id":"b"}', 1);`);
		old.close();
		(await openRenderCache(file)).close(); // migrates, then prunes what was last used on day 1
		const again = await openRenderCache(file);
		expect(again.outcome("k1")).toBe('{"record":{"hash":"r1"}}');
		expect(again.recordJson("r1")).toBe('{"id":"a"}');
		expect(again.recordJson("r2")).toBeUndefined();
		again.close();
	});

	it("reads a listing's files beside the names asked, and drops those of files gone", async () => {
		dir = await mkdtemp(path.join(tmpdir(), "edgefeed-cache-"));
		const file = path.join(dir, "cache.sqlite");
		const cache = await openRenderCache(file);
		const names = Array.from({ length: 2500 }, (_, i) => `${String(i).padStart(4, "0")}.md`);
		const first = cache.listing("L");
		// As the loader does: each name asked, in order, then what was found for it remembered.
		for (const name of [...names, "\u{1F600}.md", "\uFFFD.md"]) {
			expect(first.find(name, STAMP)).toBeUndefined();
			first.remember(name, STAMP, { textHash: `h-${name}`, outcome: `"${name}"` });
		}
		first.finish();
		cache.close();

		const again = await openRenderCache(file);
		const second = again.listing("L");
		// Every third file is gone, one has a new stamp; names come in JavaScript's order (an astral one before U+FFFD).
		const kept = names.filter((_, i) => i % 3 !== 0);
		expect(second.find(kept[0] as string, STAMP)).toEqual({
			textHash: `h-${kept[0]}`,
			outcome: `"${kept[0]}"`,
		});
		for (const name of kept.slice(1, -1)) expect(second.find(name, STAMP)).toBeDefined();
		expect(second.find(kept.at(-1) as string, { ...STAMP, size: 11 })).toBeUndefined();
		expect(second.find("\u{1F600}.md", STAMP)?.outcome).toBe('"\u{1F600}.md"');
		expect(second.find("\uFFFD.md", undefined)).toBeUndefined();
		second.remember("new.md", STAMP, { textHash: "h-new", outcome: '"new"' });
		second.finish();
		expect(again.listing("other").find("0001.md", STAMP)).toBeUndefined();
		again.close();

		const third = (await openRenderCache(file)).listing("L");
		expect(third.find("0000.md", STAMP)).toBeUndefined();
		expect(third.find("0001.md", STAMP)).toBeDefined();
		expect(third.find("0003.md", STAMP)).toBeUndefined();
		expect(third.find("0004.md", STAMP)).toBeDefined();
		expect(third.find("new.md", STAMP)?.textHash).toBe("h-new");
		expect(third.find("\u{1F600}.md", STAMP)).toBeDefined();
		expect(third.find("\uFFFD.md", STAMP)).toBeDefined();
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
