// A small in-isolate memo that forgets the least recently used entries beyond a count or total size.

export interface LruMemoOptions<V> {
	maxEntries: number;
	/** Upper bound on the sum of `sizeOf` over all entries; unbounded when absent. */
	maxSize?: number;
	sizeOf?: (value: V) => number;
}

export class LruMemo<K, V> {
	readonly #entries = new Map<K, V>();
	readonly #options: LruMemoOptions<V>;
	#size = 0;

	constructor(options: LruMemoOptions<V>) {
		this.#options = options;
	}

	get(key: K): V | undefined {
		const value = this.#entries.get(key);
		if (value === undefined) return undefined;
		// Re-insert so iteration order stays least-recently-used first.
		this.#entries.delete(key);
		this.#entries.set(key, value);
		return value;
	}

	set(key: K, value: V): void {
		this.delete(key);
		const size = this.#options.sizeOf?.(value) ?? 0;
		if (this.#options.maxSize !== undefined && size > this.#options.maxSize) return;
		this.#entries.set(key, value);
		this.#size += size;
		for (const [oldest, oldValue] of this.#entries) {
			const overCount = this.#entries.size > this.#options.maxEntries;
			const overSize = this.#options.maxSize !== undefined && this.#size > this.#options.maxSize;
			if (!overCount && !overSize) break;
			this.#entries.delete(oldest);
			this.#size -= this.#options.sizeOf?.(oldValue) ?? 0;
		}
	}

	delete(key: K): void {
		const value = this.#entries.get(key);
		if (value === undefined) return;
		this.#entries.delete(key);
		this.#size -= this.#options.sizeOf?.(value) ?? 0;
	}

	get size(): number {
		return this.#entries.size;
	}
}
