// Runs bundled Workers in one local workerd through Miniflare's API: persisted KV, Cache API on, each Worker on its
// own loopback socket (a direct socket, so no Miniflare entry Worker sits between the load and the Worker).
import { dirname } from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import type { WorkerConfig } from "./buildBundle.ts";

export interface BenchWorker {
	name: string;
	/** Path of the bundled ES module. */
	scriptPath: string;
	/** Durable Object bindings (binding -> class exported by the script), SQLite-backed as in wrangler.toml. */
	durableObjects?: Record<string, string>;
}

export interface BenchRuntime {
	/** Worker name -> its origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
	origins: Record<string, string>;
	/** The ARTICLES namespace of the persisted state, for listing keys from Node. */
	articles(): Promise<KVNamespace>;
	/** Empties the Cache API's default cache. */
	purgeCache(): Promise<number>;
	dispose(): Promise<void>;
}

/** `stateDir` is what the sync was given as --persist-to; wrangler keeps resources under its v3/ directory. */
export async function startRuntime(
	stateDir: string,
	workers: BenchWorker[],
	config: WorkerConfig,
): Promise<BenchRuntime> {
	const miniflare = new Miniflare(
		convertV4MiniflareOptions({
			host: "127.0.0.1",
			port: 0,
			resourcePersistencePath: `${stateDir}/v3`,
			workers: workers.map((worker) => ({
				name: worker.name,
				modules: true,
				scriptPath: worker.scriptPath,
				// Module names are paths relative to this root, and workerd refuses names that climb out with "..":
				// a bundle outside the working directory (a test's temporary one) needs its own directory as root.
				modulesRoot: dirname(worker.scriptPath),
				compatibilityDate: config.compatibilityDate,
				compatibilityFlags: config.compatibilityFlags,
				kvNamespaces: config.kvNamespaces,
				cacheAPI: true,
				durableObjects: Object.fromEntries(
					Object.entries(worker.durableObjects ?? {}).map(([binding, className]) => [
						binding,
						{ className, useSQLite: true },
					]),
				),
				unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
			})),
		}),
	);
	await miniflare.ready;
	const origins: Record<string, string> = {};
	for (const worker of workers) {
		origins[worker.name] = (await miniflare.unsafeGetDirectURL(worker.name)).origin;
	}
	const first = workers[0]?.name;
	return {
		origins,
		articles: async () => (await miniflare.getKVNamespace("ARTICLES", first)) as unknown as KVNamespace,
		purgeCache: () => miniflare.purgeCache(),
		dispose: () => miniflare.dispose(),
	};
}
