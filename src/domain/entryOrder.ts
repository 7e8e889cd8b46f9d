// The one order of articles everywhere: newest `published` first, ties by id ascending, so every list, page and
// shard built from the same articles is the same. Imports nothing.

export interface Ordered {
	id: string;
	/** Epoch ms. */
	published: number;
}

export const newestFirst = (a: Ordered, b: Ordered): number =>
	b.published - a.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
