// A real local KV namespace (Miniflare/workerd) for sync tests, as a KvTarget plus the raw namespace.
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { bindingKvTarget, type KvNamespaceLike } from "../../../src/sync/publish/bindingKvTarget.ts";
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";
import { closeAfterFile } from "../../support/fileResources.ts";

export interface MiniflareKv {
	kv: KvTarget;
	namespace: KvNamespaceLike;
	/** Every key and value, for comparing whole states. */
	dump(): Promise<Map<string, string>>;
	/** Hands the namespace back or, for persisted state, stops Miniflare so wrangler can write again. */
	dispose(): Promise<void>;
}

const SCRIPT = "export default { fetch() { return new Response(''); } }";

/** Namespaces one shared Miniflare binds: each lease gets one never used in this file while any are left. */
const POOL = Array.from({ length: 32 }, (_, i) => `KV${i}`);

interface SharedMiniflare {
	mf: Miniflare;
	/** Never leased yet: empty for sure. */
	unused: string[];
	/** Handed back: emptied before they are leased again. */
	released: string[];
}

// One Miniflare per test file (a workerd start-up costs about a second), closed after the file (nodeSetup.ts).
let shared: Promise<SharedMiniflare> | undefined;

function sharedMiniflare(): Promise<SharedMiniflare> {
	if (!shared) {
		const mf = new Miniflare(
			convertV4MiniflareOptions({ modules: true, script: SCRIPT, kvNamespaces: POOL }),
		);
		shared = mf.ready.then(() => ({ mf, unused: [...POOL], released: [] }));
		closeAfterFile(async () => {
			shared = undefined;
			await mf.dispose();
		});
	}
	return shared;
}

/**
 * An empty namespace of its own, from the file's shared Miniflare. `persistRoot` instead opens state wrangler wrote
 * (its <persist-to>/v3) under wrangler.toml's namespace id, in a Miniflare of its own.
 */
export async function miniflareKv(persistRoot?: string): Promise<MiniflareKv> {
	if (persistRoot) {
		const mf = new Miniflare(
			convertV4MiniflareOptions({
				modules: true,
				script: SCRIPT,
				kvNamespaces: { ARTICLES: "00000000000000000000000000000000" },
				resourcePersistencePath: persistRoot,
			}),
		);
		return wrap((await mf.getKVNamespace("ARTICLES")) as unknown as KvNamespaceLike, () => mf.dispose());
	}
	const pool = await sharedMiniflare();
	const fresh = pool.unused.shift();
	const name = fresh ?? pool.released.shift();
	if (name === undefined) throw new Error(`more than ${POOL.length} Miniflare KV namespaces open at once`);
	const local = wrap((await pool.mf.getKVNamespace(name)) as unknown as KvNamespaceLike, async () => {
		pool.released.push(name);
	});
	if (fresh === undefined) await clear(local.kv);
	return local;
}

function wrap(namespace: KvNamespaceLike, dispose: () => Promise<void>): MiniflareKv {
	const kv = bindingKvTarget(namespace);
	return {
		kv,
		namespace,
		async dump() {
			const state = new Map<string, string>();
			for (const key of await kv.listKeys("")) state.set(key, (await kv.get(key)) ?? "");
			return state;
		},
		dispose,
	};
}

async function clear(kv: KvTarget): Promise<void> {
	await kv.deleteMany(await kv.listKeys(""));
}
