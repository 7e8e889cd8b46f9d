// Sets of KV keys as a listing finds them: what KV holds before a sync plans, and again before head moves. In memory
// by default; sync's own keeps them in its run database (storedKeySets.ts), since KV holds a key per article.
export interface KeySet extends Iterable<string> {
	has(key: string): boolean;
	readonly size: number;
}

/** Makes a key set of everything a listing's pages hold. */
export type KeySetMaker = (pages: AsyncIterable<readonly string[]>) => Promise<KeySet>;

export const memoryKeySet: KeySetMaker = async (pages) => {
	const keys = new Set<string>();
	for await (const page of pages) for (const key of page) keys.add(key);
	return keys;
};
