// KvTarget over a KV binding: workerd's env.ARTICLES or Miniflare's getKVNamespace().
import { allKeys, type KvEntry, type KvTarget } from "./kvTarget.ts";

/** The part of KVNamespace this target uses; both workers-types' and Miniflare's namespaces fit it. */
export interface KvNamespaceLike {
	get(key: string, type: "text"): Promise<string | null>;
	put(key: string, value: string): Promise<void>;
	delete(key: string): Promise<void>;
	list(options: {
		prefix?: string;
		cursor?: string | null;
	}): Promise<{ keys: { name: string }[]; list_complete: boolean; cursor?: string }>;
}

/** Bindings have no bulk write, so a "bulk" call is `concurrency` single operations in flight at a time. Each
 * listing request goes through `call` (a retry, for local state another process may be writing). */
export function bindingKvTarget(
	namespace: KvNamespaceLike,
	concurrency = 16,
	call: <T>(request: () => Promise<T>) => Promise<T> = (request) => request(),
): KvTarget {
	async function* pages(prefix: string): AsyncGenerator<string[]> {
		let cursor: string | undefined;
		for (;;) {
			const page = await call(() => namespace.list({ prefix, cursor: cursor ?? null }));
			yield page.keys.map((key) => key.name);
			if (page.list_complete || !page.cursor) return;
			cursor = page.cursor;
		}
	}
	return {
		listKeys: (prefix) => allKeys(pages(prefix)),
		listKeyPages: pages,
		get: (key) => namespace.get(key, "text"),
		putMany: (entries: KvEntry[]) => inParallel(entries, concurrency, (e) => namespace.put(e.key, e.value)),
		deleteMany: (keys: string[]) => inParallel(keys, concurrency, (key) => namespace.delete(key)),
	};
}

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const item = items[next++] as T;
			await run(item);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
