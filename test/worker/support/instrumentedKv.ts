// The real local KV namespace behind a window: every read is recorded, and reads can be made to fail on demand.
import { env } from "cloudflare:workers";

export interface InstrumentedKv {
	namespace: KVNamespace;
	/** Keys read, in order. */
	reads: string[];
	/** Reads throw, as KV does during an outage: all of them (true) or those of the keys it picks. */
	failing: boolean | ((key: string) => boolean);
	/** Replaces what a read of `key` returns (a stale replica); the KV itself is untouched. */
	override?: { key: string; value: unknown };
}

export function instrumentedKv(kv: KVNamespace = env.ARTICLES): InstrumentedKv {
	const state: InstrumentedKv = { reads: [], failing: false, namespace: kv };
	state.namespace = new Proxy(kv, {
		get(target, property) {
			if (property === "get") {
				return async (key: string, options?: unknown) => {
					state.reads.push(key);
					const fails = typeof state.failing === "function" ? state.failing(key) : state.failing;
					if (fails) throw new Error("KV GET failed: 503 Service Unavailable (simulated outage)");
					if (state.override?.key === key) return state.override.value;
					return target.get(key, options as KVNamespaceGetOptions<"json">);
				};
			}
			const value = Reflect.get(target, property);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
	return state;
}
