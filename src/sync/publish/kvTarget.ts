// The four KV operations sync needs, so the same plan runs against a Worker binding, Miniflare or wrangler.

export interface KvEntry {
	key: string;
	value: string;
}

export interface KvTarget {
	/** Every key starting with `prefix` (all pages). */
	listKeys(prefix: string): Promise<string[]>;
	/** The same a page at a time, where the target lists in pages: a million keys are never all in memory. */
	listKeyPages?(prefix: string): AsyncIterable<string[]>;
	/** The value as text, or null when the key does not exist. */
	get(key: string): Promise<string | null>;
	/** Several values in one request, where the target can (nulls for missing keys); else `get` runs per key. */
	getMany?(keys: string[]): Promise<(string | null)[]>;
	/** One bulk write; callers keep each call within Cloudflare's request limits (src/sync/shared/kvLimits.ts). */
	putMany(entries: KvEntry[]): Promise<void>;
	/** One bulk delete; missing keys are not an error. */
	deleteMany(keys: string[]): Promise<void>;
}

/** Every key of a listing's pages, in one array (for targets' listKeys). */
export async function allKeys(pages: AsyncIterable<string[]>): Promise<string[]> {
	const keys: string[] = [];
	for await (const page of pages) keys.push(...page);
	return keys;
}

/** The keys starting with `prefix`, a page at a time where the target can, else all at once. */
export async function* keyPages(kv: KvTarget, prefix: string): AsyncGenerator<string[]> {
	if (kv.listKeyPages) yield* kv.listKeyPages(prefix);
	else yield await kv.listKeys(prefix);
}
