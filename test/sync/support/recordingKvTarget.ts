// KvTarget wrappers for tests: one records every operation, one fails the k-th key write. Both leave the sync
// lease out (it passes straight through): tests count what a sync does to content, and the lease is bookkeeping.
import { LEASE_KEY } from "../../../src/store/kvLayout.ts";
import type { KvEntry, KvTarget } from "../../../src/sync/publish/kvTarget.ts";

const isLease = (keys: string[]): boolean => keys.length === 1 && keys[0] === LEASE_KEY;

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
				if (key !== LEASE_KEY) log.push({ op: "get", key });
				return inner.get(key);
			},
			putMany(entries) {
				const keys = entries.map((e) => e.key);
				if (!isLease(keys)) log.push({ op: "putMany", keys });
				return inner.putMany(entries);
			},
			deleteMany(keys) {
				if (!isLease(keys)) log.push({ op: "deleteMany", keys: [...keys] });
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
				if (isLease(entries.map((e) => e.key))) return inner.putMany(entries);
				for (const entry of entries) await step(() => inner.putMany([entry]));
			},
			async deleteMany(keys: string[]) {
				if (isLease(keys)) return inner.deleteMany(keys);
				for (const key of keys) await step(() => inner.deleteMany([key]));
			},
		},
	};
}
