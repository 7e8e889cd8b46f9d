// LruMemo: keeps at most maxEntries and maxSize, forgets the least recently used first, and refuses what never fits.
import { describe, expect, it } from "vitest";
import { LruMemo } from "../../src/util/lruMemo.ts";

describe("LruMemo", () => {
	it("forgets the least recently used entry beyond maxEntries, counting a get as a use", () => {
		const memo = new LruMemo<string, number>({ maxEntries: 2 });
		memo.set("a", 1);
		memo.set("b", 2);
		expect(memo.get("a")).toBe(1);
		memo.set("c", 3);
		expect([memo.get("a"), memo.get("b"), memo.get("c")]).toEqual([1, undefined, 3]);
		expect(memo.size).toBe(2);
	});

	it("keeps the total size within maxSize, forgetting the oldest entries first", () => {
		const memo = new LruMemo<string, string>({ maxEntries: 10, maxSize: 5, sizeOf: (value) => value.length });
		memo.set("a", "xx");
		memo.set("b", "yy");
		memo.set("c", "zz");
		expect([memo.get("a"), memo.get("b"), memo.get("c")]).toEqual([undefined, "yy", "zz"]);
		memo.set("b", "y");
		memo.set("d", "dd");
		expect([memo.get("b"), memo.get("c"), memo.get("d")]).toEqual(["y", "zz", "dd"]);
	});

	it("refuses a value larger than maxSize without forgetting anything else", () => {
		const memo = new LruMemo<string, string>({ maxEntries: 10, maxSize: 3, sizeOf: (value) => value.length });
		memo.set("a", "aaa");
		memo.set("big", "bbbb");
		expect([memo.get("a"), memo.get("big")]).toEqual(["aaa", undefined]);
	});

	it("replaces a key's value, and delete frees its room", () => {
		const memo = new LruMemo<string, string>({ maxEntries: 10, maxSize: 4, sizeOf: (value) => value.length });
		memo.set("a", "aa");
		memo.set("a", "aaa");
		memo.delete("a");
		memo.set("b", "bbbb");
		expect([memo.get("a"), memo.get("b"), memo.size]).toEqual([undefined, "bbbb", 1]);
	});
});
