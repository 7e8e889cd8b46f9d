// Where an articles' table is kept between runs: one run holds it at a time, a file that is not such a table is made
// again, and tables unused for a week are dropped.
import { existsSync } from "node:fs";
import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { keptTableBeside, openKept } from "../../../src/sync/load/keptTable.ts";

let dir: string;
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe("the kept articles' table", () => {
	it("is held by one run at a time: another gets none, and works from nothing", async () => {
		dir = await mkdtemp(path.join(tmpdir(), "edgefeed-kept-"));
		const file = path.join(dir, "articles-x.sqlite");
		const first = await openKept(file, "2");
		expect(first?.isTransaction).toBe(true);
		expect(await openKept(file, "2")).toBeNull();
		first?.exec(
			"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema', '2')",
		);
		first?.exec("COMMIT");
		first?.close();
		const again = await openKept(file, "2");
		expect(again?.prepare("SELECT value FROM meta").get()?.value).toBe("2");
		again?.close();
	});

	it("makes a table of another version, or a file that is no table, again from nothing", async () => {
		dir = await mkdtemp(path.join(tmpdir(), "edgefeed-kept-"));
		const file = path.join(dir, "articles-x.sqlite");
		const old = await openKept(file, "1");
		old?.exec(
			"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema', '1'); COMMIT",
		);
		old?.close();
		const newer = await openKept(file, "2");
		expect(newer?.prepare("SELECT name FROM sqlite_master WHERE name = 'meta'").get()).toBeUndefined();
		newer?.exec("ROLLBACK");
		newer?.close();
		await writeFile(file, "not SQLite at all ".repeat(500));
		const made = await openKept(file, "2");
		expect(made?.isTransaction).toBe(true);
		made?.close();
	});

	it("lies beside the render cache, one per listing, and those unused for a week go", async () => {
		dir = await mkdtemp(path.join(tmpdir(), "edgefeed-kept-"));
		const cache = path.join(dir, "render-cache.sqlite");
		const stale = path.join(dir, "articles-stale.sqlite");
		const recent = path.join(dir, "articles-recent.sqlite");
		for (const file of [stale, recent, cache]) await writeFile(file, "");
		const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
		await utimes(stale, eightDaysAgo, eightDaysAgo);
		await utimes(cache, eightDaysAgo, eightDaysAgo);
		expect(keptTableBeside(cache, "abcdefghijklmnopqrstuvwxyz")).toBe(
			path.join(dir, "articles-abcdefghijklmnop.sqlite"),
		);
		expect(existsSync(stale)).toBe(false);
		expect(existsSync(recent)).toBe(true);
		expect(existsSync(cache)).toBe(true);
	});
});
