// KvTarget over local KV state through Miniflare: the SQLite files `wrangler dev` and `wrangler kv --local` use.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "smol-toml";
import { bindingKvTarget, type KvNamespaceLike } from "./bindingKvTarget.ts";
import { allKeys, type KvTarget } from "./kvTarget.ts";

// miniflare is CommonJS: require() skips the export scan an ESM import runs over its large bundle (~0.3 s a sync).
const { convertV4MiniflareOptions, Miniflare } = createRequire(import.meta.url)(
	"miniflare",
) as typeof import("miniflare");

export interface LocalKvOptions {
	/** Local state directory, like wrangler's --persist-to; default .wrangler/state next to wrangler.toml. */
	persistTo?: string;
	/** The KV binding in wrangler.toml. */
	binding?: string;
	/** Path to wrangler.toml (default: wrangler.toml in the working directory). */
	configPath?: string;
}

export interface LocalKvTarget extends KvTarget {
	/** Stops the Miniflare instance; the target is unusable afterwards. */
	dispose(): Promise<void>;
}

/**
 * The Worker hosting the binding. Bindings have no bulk write, and each call from Node through Miniflare's proxy
 * costs Node a few ms of CPU, more than workerd spends storing the value; so bulk writes and deletes are one
 * request to this Worker, which makes the single calls inside workerd, `PARALLEL` at a time. Listing is one request
 * per `LIST_PAGES` pages of 1,000 keys for the same reason (a third of the time through the proxy).
 */
const SCRIPT = `
const PARALLEL = 32;
const LIST_PAGES = 10;
async function each(items, run) {
	let next = 0;
	const worker = async () => { while (next < items.length) await run(items[next++]); };
	await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}
async function list(kv, prefix, cursor) {
	const keys = [];
	for (let page = 0; page < LIST_PAGES; page++) {
		const listed = await kv.list({ prefix, cursor });
		for (const key of listed.keys) keys.push(key.name);
		if (listed.list_complete || !listed.cursor) return { keys, cursor: null };
		cursor = listed.cursor;
	}
	return { keys, cursor };
}
export default {
	async fetch(request, env) {
		const url = new URL(request.url);
		const kv = env[url.searchParams.get("binding")];
		if (request.method !== "POST" || !kv) return new Response(null, { status: 404 });
		const body = await request.json();
		try {
			if (url.pathname === "/list") return Response.json(await list(kv, body.prefix, body.cursor));
			if (url.pathname === "/put") await each(body, (entry) => kv.put(entry.key, entry.value));
			else if (url.pathname === "/delete") await each(body, (key) => kv.delete(key));
			else return new Response(null, { status: 404 });
		} catch (error) {
			return new Response(String(error?.message ?? error), { status: 500 });
		}
		return new Response(null, { status: 204 });
	},
};`;

/** One Miniflare instance and the binding target over it, with the calls it is serving. */
interface Instance {
	mf: InstanceType<typeof Miniflare>;
	kv: KvTarget;
	calls: number;
	/** Set once a newer instance takes new calls. */
	retired: boolean;
}

/**
 * Bytes written through one instance before the next writes go to a new one. workerd's memory grows by about what
 * it has been sent to store and gives little of it back until it exits (660 MiB after the 100,000 articles of a fresh
 * sync; 550–700 MiB per 256 MiB written at a million), so a long sync would otherwise grow with the archive; a new
 * instance costs about a second.
 */
const RECYCLE_BYTES = 128 * 2 ** 20;

/** Entries per request to the Worker, and requests in flight: Node encodes the next while workerd stores one. */
const ENTRIES_PER_REQUEST = 250;
const REQUESTS_IN_FLIGHT = 2;

/**
 * workerd opens local state with a write and waits for no lock: while another process (a second sync, `wrangler
 * kv --local`, `wrangler dev`) writes the same SQLite file, its start fails with SQLITE_BUSY, and a KV call with
 * an "internal error" or a 500 (the SQLITE_BUSY goes to workerd's log only). A call may also meet a kept-alive
 * connection that workerd closed while this process was busy elsewhere ("fetch failed": other side closed). All are
 * retried: every call is idempotent.
 */
const ATTEMPTS = 20;

function isStateBusy(error: unknown): boolean {
	return /SQLITE_BUSY|database is locked|internal error|500 Internal Server Error/.test(
		String((error as Error)?.message ?? error),
	);
}

/** A request that never reached workerd, or whose connection it closed. */
function isConnectionLost(error: unknown): boolean {
	const cause = (error as Error & { cause?: { code?: string } })?.cause;
	return (
		/fetch failed/.test(String((error as Error)?.message)) &&
		/UND_ERR_SOCKET|ECONNRESET|EPIPE|UND_ERR_CLOSED/.test(String(cause?.code))
	);
}

const pause = (attempt: number): Promise<void> =>
	new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));

async function whileBusy<T>(call: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			if (!(isStateBusy(error) || isConnectionLost(error)) || attempt >= ATTEMPTS) throw error;
			await pause(attempt);
		}
	}
}

/**
 * One Miniflare instance for the whole sync instead of a wrangler start-up (~1.5 s) per call. It opens the state
 * exactly as `wrangler kv --local` does (`<state>/v3`, the namespace named by wrangler.toml's id for the binding),
 * so `wrangler dev` on the same state serves what it writes. Miniflare starts in the background and calls wait
 * for it, so the start overlaps with whatever the caller does first.
 */
export function localKvTarget(options: LocalKvOptions = {}): LocalKvTarget {
	const configPath = path.resolve(options.configPath ?? "wrangler.toml");
	const binding = options.binding ?? "ARTICLES";
	const state = options.persistTo
		? path.resolve(options.persistTo)
		: path.join(path.dirname(configPath), ".wrangler", "state");
	const miniflareOptions = convertV4MiniflareOptions({
		modules: true,
		script: SCRIPT,
		resourcePersistencePath: path.join(state, "v3"),
		kvNamespaces: { [binding]: localNamespaceId(configPath, binding) },
	});
	/** Starts an instance, retrying while the state is busy. */
	const start = async (): Promise<Instance> => {
		for (let attempt = 1; ; attempt++) {
			const mf = new Miniflare(miniflareOptions);
			live.add(mf);
			try {
				const namespace = await mf.getKVNamespace(binding);
				const kv = bindingKvTarget(namespace as unknown as KvNamespaceLike, undefined, whileBusy);
				return { mf, kv, calls: 0, retired: false };
			} catch (error) {
				live.delete(mf);
				await mf.dispose().catch(() => undefined);
				if (!isStateBusy(error) || attempt >= ATTEMPTS) throw error;
				await pause(attempt);
			}
		}
	};
	const live = new Set<InstanceType<typeof Miniflare>>();
	const stop = async (instance: Instance): Promise<void> => {
		live.delete(instance.mf);
		await instance.mf.dispose().catch(() => undefined);
	};
	let current = start();
	current.catch(() => undefined); // reported by the first call that needs it
	let writtenBytes = 0;
	/** The current instance, held for one call; a retired one is stopped when its last call lets go. */
	const hold = async (): Promise<Instance> => {
		const instance = await current;
		instance.calls++;
		return instance;
	};
	const letGo = async (instance: Instance): Promise<void> => {
		instance.calls--;
		if (instance.retired && instance.calls === 0) await stop(instance);
	};
	const use = async <T>(work: (instance: Instance) => Promise<T>): Promise<T> => {
		const instance = await hold();
		try {
			return await work(instance);
		} finally {
			await letGo(instance);
		}
	};
	/** A new instance takes the next calls; the old one stops once its calls end (see RECYCLE_BYTES). */
	const recycle = async (): Promise<void> => {
		const old = await current;
		current = start();
		old.retired = true;
		if (old.calls === 0) await stop(old);
	};
	/** One bulk operation through the Worker, in requests of ENTRIES_PER_REQUEST, each retried while busy. */
	const bulk = (operation: "put" | "delete", items: readonly unknown[]): Promise<void> =>
		use(async ({ mf }) => {
			const url = `http://localhost/${operation}?binding=${encodeURIComponent(binding)}`;
			const send = async (batch: readonly unknown[]): Promise<void> => {
				const body = JSON.stringify(batch);
				if (operation === "put") writtenBytes += body.length;
				await whileBusy(async () => {
					const response = await mf.dispatchFetch(url, { method: "POST", body });
					const text = await response.text();
					if (!response.ok) throw new Error(`local KV ${operation} failed (${response.status}): ${text}`);
				});
			};
			let next = 0;
			const sender = async (): Promise<void> => {
				while (next < items.length) {
					const from = next;
					next += ENTRIES_PER_REQUEST;
					await send(items.slice(from, from + ENTRIES_PER_REQUEST));
				}
			};
			await Promise.all(Array.from({ length: REQUESTS_IN_FLIGHT }, sender));
		});
	/** Every key starting with `prefix`, through the Worker, each request retried while busy. */
	async function* pages(prefix: string): AsyncGenerator<string[]> {
		const instance = await hold();
		try {
			const url = `http://localhost/list?binding=${encodeURIComponent(binding)}`;
			for (let cursor: string | null = null; ; ) {
				const body = JSON.stringify({ prefix, cursor });
				const page = await whileBusy(async () => {
					const response = await instance.mf.dispatchFetch(url, { method: "POST", body });
					if (!response.ok)
						throw new Error(`local KV list failed (${response.status}): ${await response.text()}`);
					return (await response.json()) as { keys: string[]; cursor: string | null };
				});
				yield page.keys;
				if (page.cursor === null) return;
				cursor = page.cursor;
			}
		} finally {
			await letGo(instance);
		}
	}
	return {
		listKeys: (prefix) => allKeys(pages(prefix)),
		listKeyPages: pages,
		get: (key) => use(({ kv }) => whileBusy(() => kv.get(key))),
		async putMany(entries) {
			await bulk("put", entries);
			if (writtenBytes >= RECYCLE_BYTES) {
				writtenBytes = 0;
				await recycle();
			}
		},
		deleteMany: (keys) => bulk("delete", keys),
		dispose: async () => {
			await current.catch(() => undefined);
			await Promise.all([...live].map((mf) => mf.dispose().catch(() => undefined)));
			live.clear();
		},
	};
}

/** The namespace id `wrangler dev` gives the binding locally: its `id` in wrangler.toml, else the binding name. */
function localNamespaceId(configPath: string, binding: string): string {
	const config = parse(readFileSync(configPath, "utf8")) as {
		kv_namespaces?: { binding?: string; id?: string }[];
	};
	const namespace = config.kv_namespaces?.find((entry) => entry.binding === binding);
	if (!namespace) throw new Error(`${configPath}: no [[kv_namespaces]] entry with binding = "${binding}"`);
	return namespace.id ?? binding;
}
