// Bench-only: wraps a KV binding so every operation the app makes on it is counted, without changing what it returns.

export interface KvCounts {
	/** get/getWithMetadata calls. */
	readCalls: number;
	/** Keys read: a bulk get of n keys reads n. */
	readKeys: number;
	writes: number;
	deletes: number;
	lists: number;
}

export function emptyCounts(): KvCounts {
	return { readCalls: 0, readKeys: 0, writes: 0, deletes: 0, lists: 0 };
}

function count(counts: KvCounts, method: string, firstArgument: unknown): void {
	if (method === "get" || method === "getWithMetadata") {
		counts.readCalls++;
		counts.readKeys += Array.isArray(firstArgument) ? firstArgument.length : 1;
	} else if (method === "put") counts.writes++;
	else if (method === "delete") counts.deletes++;
	else if (method === "list") counts.lists++;
}

/** A KVNamespace that forwards to `kv` and adds each call to `counts` (read them and reset them between requests). */
export function countingKv(kv: KVNamespace, counts: KvCounts): KVNamespace {
	return new Proxy(kv, {
		get(target, property) {
			const value: unknown = Reflect.get(target, property, target);
			if (typeof value !== "function" || typeof property !== "string") return value;
			return (...args: unknown[]) => {
				count(counts, property, args[0]);
				return value.apply(target, args);
			};
		},
	});
}
