// Bench-only: a KV binding that records what the app reads from the real one (keys and bytes), and can then serve
// exactly those values from memory, so a loop of cold requests costs CPU only, no local KV I/O.

export interface ReadLog {
	keys: number;
	bytes: number;
}

export type Stored = { bytes: Uint8Array; metadata: unknown } | null;
type ValueType = "text" | "json" | "arrayBuffer" | "stream";

const decoder = new TextDecoder();

function typeOf(option: unknown): ValueType {
	if (typeof option === "string") return option as ValueType;
	const type = (option as { type?: ValueType } | undefined)?.type;
	return type ?? "text";
}

function asType(stored: Stored, type: ValueType): unknown {
	if (stored === null) return null;
	if (type === "json") return JSON.parse(decoder.decode(stored.bytes));
	if (type === "arrayBuffer") return stored.bytes.slice().buffer;
	if (type === "stream") return new Blob([stored.bytes]).stream();
	return decoder.decode(stored.bytes);
}

/** `store` fills on reads through `kv` (record) and answers alone when `kv` is undefined (replay). */
export function replayKv(kv: KVNamespace | undefined, store: Map<string, Stored>, log: ReadLog): KVNamespace {
	const read = async (key: string): Promise<Stored> => {
		log.keys++;
		if (!kv) {
			const stored = store.get(key);
			if (stored === undefined) throw new Error(`replay: ${key} was not read when recording`);
			return stored;
		}
		const { value, metadata } = await kv.getWithMetadata(key, "arrayBuffer");
		const stored = value === null ? null : { bytes: new Uint8Array(value), metadata };
		log.bytes += stored?.bytes.byteLength ?? 0;
		store.set(key, stored);
		return stored;
	};
	const get = async (keys: string | string[], option?: unknown) => {
		const type = typeOf(option);
		if (!Array.isArray(keys)) return asType(await read(keys), type);
		const values = new Map<string, unknown>();
		for (const key of keys) values.set(key, asType(await read(key), type));
		return values;
	};
	const getWithMetadata = async (key: string, option?: unknown) => {
		const stored = await read(key);
		return { value: asType(stored, typeOf(option)), metadata: stored?.metadata ?? null, cacheStatus: null };
	};
	const refuse = () => {
		throw new Error("replayKv: the cold path wrote or listed KV; only reads are recorded");
	};
	return { get, getWithMetadata, put: refuse, delete: refuse, list: refuse } as unknown as KVNamespace;
}
