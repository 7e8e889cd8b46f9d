// Splits bulk KV writes and deletes into requests within Cloudflare's limits.
import { KV_LIMITS } from "../shared/kvLimits.ts";
import type { KvEntry } from "./kvTarget.ts";

export interface ChunkLimits {
	pairsPerRequest: number;
	bytesPerRequest: number;
	/** A request's usual size: a value that fits the limits but not this goes alone. Keeps what one request holds in
	 * memory small when values are large (a million articles' slug shards are ~155 KB each). */
	targetBytes?: number;
}

const utf8 = new TextEncoder();

/** Bytes one entry adds to a bulk request body: its JSON object plus the separating comma. */
export function entryBytes(entry: KvEntry): number {
	return utf8.encode(JSON.stringify({ key: entry.key, value: entry.value })).length + 1;
}

/** Groups entries in order, each group within both limits. An entry too large for any request is an error. */
export function chunkEntries(entries: Iterable<KvEntry>, limits: ChunkLimits = KV_LIMITS): KvEntry[][] {
	return [...entryChunks(entries, limits)];
}

/**
 * The same groups one at a time, each entry's value read once into its group: entries whose values are read on
 * demand (records from the render cache) are held in memory one request at a time.
 */
export function* entryChunks(
	entries: Iterable<KvEntry>,
	limits: ChunkLimits = KV_LIMITS,
): Generator<KvEntry[]> {
	let current: KvEntry[] = [];
	let bytes = 2; // the enclosing brackets
	const target = Math.min(limits.targetBytes ?? limits.bytesPerRequest, limits.bytesPerRequest);
	for (const lazy of entries) {
		const entry = { key: lazy.key, value: lazy.value };
		const size = entryBytes(entry);
		if (size + 2 > limits.bytesPerRequest) {
			throw new Error(`KV value for ${entry.key} is ${size} bytes, more than one bulk request may carry`);
		}
		if (current.length === limits.pairsPerRequest || (current.length > 0 && bytes + size > target)) {
			yield current;
			current = [];
			bytes = 2;
		}
		current.push(entry);
		bytes += size;
	}
	if (current.length > 0) yield current;
}

/** Groups keys for bulk deletes. */
export function chunkKeys(keys: string[], perRequest: number = KV_LIMITS.keysPerDelete): string[][] {
	const chunks: string[][] = [];
	for (let i = 0; i < keys.length; i += perRequest) chunks.push(keys.slice(i, i + perRequest));
	return chunks;
}
