// Splits bulk KV writes and deletes into requests within Cloudflare's limits.
import { KV_LIMITS } from "../shared/kvLimits.ts";
import type { KvEntry } from "./kvTarget.ts";

export interface ChunkLimits {
	pairsPerRequest: number;
	bytesPerRequest: number;
}

const utf8 = new TextEncoder();

/** Bytes one entry adds to a bulk request body: its JSON object plus the separating comma. */
export function entryBytes(entry: KvEntry): number {
	return utf8.encode(JSON.stringify({ key: entry.key, value: entry.value })).length + 1;
}

/** Groups entries in order, each group within both limits. An entry too large for any request is an error. */
export function chunkEntries(entries: KvEntry[], limits: ChunkLimits = KV_LIMITS): KvEntry[][] {
	const chunks: KvEntry[][] = [];
	let current: KvEntry[] = [];
	let bytes = 2; // the enclosing brackets
	for (const entry of entries) {
		const size = entryBytes(entry);
		if (size + 2 > limits.bytesPerRequest) {
			throw new Error(`KV value for ${entry.key} is ${size} bytes, more than one bulk request may carry`);
		}
		if (current.length === limits.pairsPerRequest || bytes + size > limits.bytesPerRequest) {
			chunks.push(current);
			current = [];
			bytes = 2;
		}
		current.push(entry);
		bytes += size;
	}
	if (current.length > 0) chunks.push(current);
	return chunks;
}

/** Groups keys for bulk deletes. */
export function chunkKeys(keys: string[], perRequest: number = KV_LIMITS.keysPerDelete): string[][] {
	const chunks: string[][] = [];
	for (let i = 0; i < keys.length; i += perRequest) chunks.push(keys.slice(i, i + perRequest));
	return chunks;
}
