// A small in-isolate memo that forgets the least recently used entries beyond a count or total size.

export interface LruMemoOptions<V> {
	maxEntries: number;
	/** Upper bound on the sum of `sizeOf` over all entries; unbounded when absent. */
	maxSize?: number;
	sizeOf?: (value: V) => number;
}

/** An entry in the use order: a doubly linked list from the least recently used (`#oldest`) to the newest. */
interface Entry<K, V> {
	key: K;
	value: V;
	size: number;
	older: Entry<K, V> | undefined;
	newer: Entry<K, V> | undefined;
}

export class LruMemo<K, V> {
	// A get on the hot path (every cached answer) moves its entry by relinking two neighbours: no Map writes, so no
	// deleted slots for the Map to compact later.
	readonly #entries = new Map<K, Entry<K, V>>();
	readonly #options: LruMemoOptions<V>;
	#size = 0;
	#oldest: Entry<K, V> | undefined;
	#newest: Entry<K, V> | undefined;

	constructor(options: LruMemoOptions<V>) {
		this.#options = options;
	}

	get(key: K): V | undefined {
		const entry = this.#entries.get(key);
		if (entry === undefined) return undefined;
		if (entry !== this.#newest) {
			this.#unlink(entry);
			this.#append(entry);
		}
		return entry.value;
	}

	set(key: K, value: V): void {
		this.delete(key);
		const size = this.#options.sizeOf?.(value) ?? 0;
		const { maxEntries, maxSize } = this.#options;
		if (maxSize !== undefined && size > maxSize) return;
		const entry: Entry<K, V> = { key, value, size, older: undefined, newer: undefined };
		this.#entries.set(key, entry);
		this.#append(entry);
		this.#size += size;
		while (
			this.#oldest !== undefined &&
			(this.#entries.size > maxEntries || (maxSize !== undefined && this.#size > maxSize))
		)
			this.#remove(this.#oldest);
	}

	delete(key: K): void {
		const entry = this.#entries.get(key);
		if (entry !== undefined) this.#remove(entry);
	}

	get size(): number {
		return this.#entries.size;
	}

	#remove(entry: Entry<K, V>): void {
		this.#entries.delete(entry.key);
		this.#unlink(entry);
		this.#size -= entry.size;
	}

	#unlink(entry: Entry<K, V>): void {
		if (entry.older) entry.older.newer = entry.newer;
		else this.#oldest = entry.newer;
		if (entry.newer) entry.newer.older = entry.older;
		else this.#newest = entry.older;
		entry.older = undefined;
		entry.newer = undefined;
	}

	#append(entry: Entry<K, V>): void {
		entry.older = this.#newest;
		if (this.#newest) this.#newest.newer = entry;
		else this.#oldest = entry;
		this.#newest = entry;
	}
}
