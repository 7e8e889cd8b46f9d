// Sets of KV keys as a listing finds them: what KV holds before a sync plans, and again before head moves. In memory
// by default; sync's own keeps them in its run database (storedKeySets.ts), since KV holds a key per article.
/** Iterates in ascending order (as JavaScript compares strings), so two sets can be walked side by side. */
export interface KeySet extends Iterable<string> {
	has(key: string): boolean;
	readonly size: number;
}

/** Makes a key set of everything a listing's pages hold. */
export type KeySetMaker = (pages: AsyncIterable<readonly string[]>) => Promise<KeySet>;

export const memoryKeySet: KeySetMaker = async (pages) => {
	const keys = new Set<string>();
	for await (const page of pages) for (const key of page) keys.add(key);
	const sorted = [...keys].sort();
	return { has: (key) => keys.has(key), size: keys.size, [Symbol.iterator]: () => sorted.values() };
};

/**
 * has(key) over the keys `ascending` yields in ascending order, walking them once while the keys asked come in
 * ascending order too (a merge, with no lookup per key); a key asked out of order goes to `has`.
 */
export function lookupInOrder(
	ascending: Iterable<string>,
	has: (key: string) => boolean,
): (key: string) => boolean {
	const keys = ascending[Symbol.iterator]();
	let current = keys.next();
	let last: string | undefined;
	return (key) => {
		if (last !== undefined && key < last) return has(key);
		last = key;
		while (!current.done && current.value < key) current = keys.next();
		return !current.done && current.value === key;
	};
}
