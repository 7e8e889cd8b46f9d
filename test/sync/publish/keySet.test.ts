// Key sets: the one on disk answers as the one in memory, both iterate in ascending order, and walking two sorted
// sequences side by side answers as a lookup does, whatever order the keys are asked in.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lookupInOrder, memoryKeySet } from "../../../src/sync/publish/keySet.ts";
import { storedKeySets } from "../../../src/sync/publish/storedKeySets.ts";

async function* pagesOf(keys: readonly string[], size = 3): AsyncGenerator<string[]> {
	for (let start = 0; start < keys.length; start += size) yield keys.slice(start, start + size);
}

describe("key sets", () => {
	it("hold the same keys on disk as in memory, in ascending order, duplicates once", async () => {
		const keys = [
			"page:b",
			"article:z",
			"article:a",
			"page:b",
			"scope:Đá",
			"article:\u{1F600}",
			"article:\uFF21",
		];
		const stored = await storedKeySets();
		try {
			const onDisk = await stored.make(pagesOf(keys));
			const inMemory = await memoryKeySet(pagesOf(keys));
			const ascending = [...new Set(keys)].sort();
			expect([...onDisk]).toEqual(ascending);
			expect([...inMemory]).toEqual(ascending);
			expect(onDisk.size).toBe(6);
			for (const key of [...keys, "article:", "page:c"]) expect(onDisk.has(key)).toBe(inMemory.has(key));
		} finally {
			stored.close();
		}
	});

	it("look keys up by walking a sorted sequence, asked in any order", () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.string()), fc.array(fc.string()), (present, asked) => {
				const set = new Set(present);
				const has = lookupInOrder(present.toSorted(), (key) => set.has(key));
				for (const key of asked) expect(has(key)).toBe(set.has(key));
				const inOrder = lookupInOrder(present.toSorted(), () => {
					throw new Error("keys asked in order need no lookup");
				});
				for (const key of asked.toSorted()) expect(inOrder(key)).toBe(set.has(key));
			}),
		);
	});
});
