// KvTarget wrappers for tests: one records every operation, one fails the k-th key write.
import type { KvEntry, KvTarget } from "../../../src/sync/publish/kvTarget.ts";

export type KvOperation =
	| { op: "list"; prefix: string }
	| { op: "get"; key: string }
	| { op: "putMany"; keys: string[] }
	| { op: "deleteMany"; keys: string[] };

export function recordingKvTarget(inner: KvTarget): { kv: KvTarget; log: KvOperation[] } {
	const log: KvOperation[] = [];
	return {
		log,
		kv: {
			listKeys(prefix) {
				log.push({ op: "list", prefix });
				return inner.listKeys(prefix);
			},
			get(key) {
				log.push({ op: "get", key });
				return inner.get(key);
			},
			putMany(entries) {
				log.push({ op: "putMany", keys: entries.map((e) => e.key) });
				return inner.putMany(entries);
			},
			deleteMany(keys) {
				log.push({ op: "deleteMany", keys: [...keys] });
				return inner.deleteMany(keys);
			},
		},
	};
}

export class InjectedFailure extends Error {}

/**
 * Writes and deletes key by key, and throws instead of performing the `failAt`-th one (1-based), so a bulk
 * request can also fail half-way: everything before it in the same request has landed.
 */
export function failingKvTarget(inner: KvTarget, failAt: number): { kv: KvTarget; operations: () => number } {
	let count = 0;
	const step = async (run: () => Promise<void>): Promise<void> => {
		count++;
		if (count === failAt) throw new InjectedFailure(`injected failure at write ${failAt}`);
		await run();
	};
	return {
		operations: () => count,
		kv: {
			listKeys: (prefix) => inner.listKeys(prefix),
			get: (key) => inner.get(key),
			async putMany(entries: KvEntry[]) {
				for (const entry of entries) await step(() => inner.putMany([entry]));
			},
			async deleteMany(keys: string[]) {
				for (const key of keys) await step(() => inner.deleteMany([key]));
			},
		},
	};
}
