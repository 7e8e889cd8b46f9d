// A real local KV namespace (Miniflare/workerd) for sync tests, as a KvTarget plus the raw namespace.
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { bindingKvTarget, type KvNamespaceLike } from "../../../src/sync/publish/bindingKvTarget.ts";
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";

export interface MiniflareKv {
	kv: KvTarget;
	namespace: KvNamespaceLike;
	/** Every key and value, for comparing whole states. */
	dump(): Promise<Map<string, string>>;
	dispose(): Promise<void>;
}

const SCRIPT = "export default { fetch() { return new Response(''); } }";

/** `persistRoot` reads state wrangler wrote (its <persist-to>/v3) under wrangler.toml's namespace id. */
export async function miniflareKv(persistRoot?: string): Promise<MiniflareKv> {
	const mf = new Miniflare(
		convertV4MiniflareOptions({
			modules: true,
			script: SCRIPT,
			kvNamespaces: persistRoot ? { ARTICLES: "00000000000000000000000000000000" } : ["ARTICLES"],
			...(persistRoot ? { resourcePersistencePath: persistRoot } : {}),
		}),
	);
	const namespace = (await mf.getKVNamespace("ARTICLES")) as unknown as KvNamespaceLike;
	const kv = bindingKvTarget(namespace);
	return {
		kv,
		namespace,
		async dump() {
			const state = new Map<string, string>();
			for (const key of await kv.listKeys("")) state.set(key, (await kv.get(key)) ?? "");
			return state;
		},
		dispose: () => mf.dispose(),
	};
}
