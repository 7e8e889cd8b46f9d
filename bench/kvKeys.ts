// Counts what a sync wrote, independently of the sync's own report: the KV key set and mutable values, before and after.
import { ARTICLE_PREFIX, HEAD_KEY, MANIFEST_PREFIX } from "../src/store/kvLayout.ts";

export interface KeySnapshot {
	keys: Set<string>;
	/** Values of keys that are not content-addressed (their value can change under the same name), e.g. head. */
	mutable: Map<string, string | null>;
}

export interface KeyDiff {
	total: number;
	added: number;
	removed: number;
	/** Mutable keys present before and after whose value changed (each is one write). */
	rewritten: number;
	/** added + rewritten: the writes the key set proves, at least. */
	writes: number;
	byPrefix: Record<string, number>;
}

const CONTENT_ADDRESSED = [ARTICLE_PREFIX, MANIFEST_PREFIX];

export async function snapshotKeys(kv: KVNamespace): Promise<KeySnapshot> {
	const keys = new Set<string>();
	let cursor: string | undefined;
	// A namespace of n keys takes ceil(n / 1000) pages; the bound only guards against a cursor that never ends.
	for (let page = 0; page < 1000; page++) {
		const listed = await kv.list({ cursor });
		for (const key of listed.keys) keys.add(key.name);
		if (listed.list_complete) break;
		cursor = listed.cursor;
	}
	const mutable = new Map<string, string | null>();
	for (const key of keys) {
		if (!CONTENT_ADDRESSED.some((prefix) => key.startsWith(prefix))) mutable.set(key, await kv.get(key));
	}
	return { keys, mutable };
}

function prefixOf(key: string): string {
	if (key === HEAD_KEY) return HEAD_KEY;
	const colon = key.indexOf(":");
	return colon < 0 ? key : key.slice(0, colon + 1);
}

export function diffKeys(before: KeySnapshot, after: KeySnapshot): KeyDiff {
	const byPrefix: Record<string, number> = {};
	let added = 0;
	for (const key of after.keys) {
		if (before.keys.has(key)) continue;
		added++;
		byPrefix[prefixOf(key)] = (byPrefix[prefixOf(key)] ?? 0) + 1;
	}
	let removed = 0;
	for (const key of before.keys) if (!after.keys.has(key)) removed++;
	let rewritten = 0;
	for (const [key, value] of after.mutable) {
		if (before.mutable.has(key) && before.mutable.get(key) !== value) {
			rewritten++;
			byPrefix[prefixOf(key)] = (byPrefix[prefixOf(key)] ?? 0) + 1;
		}
	}
	return { total: after.keys.size, added, removed, rewritten, writes: added + rewritten, byPrefix };
}

export const EMPTY_SNAPSHOT: KeySnapshot = { keys: new Set(), mutable: new Map() };
