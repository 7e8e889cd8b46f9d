// Bench-only Worker entry: the cold path, a new isolate's first uncached feed request, made again and again.
// GET /cold?path=<feed path>&k=<n>: the first request of this isolate builds a fresh app (createApp: every per-isolate
// memo starts empty) and serves `path` with its KV reads recorded (keys, bytes: x-bench-kv-* headers). Each request
// then builds K more fresh apps and serves `path` from each, against the recorded values in memory and a cache that
// always misses: Node times K against K = 0 (bench/renderCost.ts), which is the cold request's CPU without KV I/O.
import { createApp } from "../../src/index.ts";
import { type ReadLog, replayKv, type Stored } from "./replayKv.ts";

const missingCache = {
	match: async () => undefined,
	put: async () => undefined,
	delete: async () => false,
} as unknown as Cache;

const recorded = new Map<string, { store: Map<string, Stored>; log: ReadLog; status: number }>();

async function serve(path: string, kv: KVNamespace, env: Env, ctx: ExecutionContext): Promise<number> {
	const app = createApp({ articles: () => kv, cache: missingCache, stats: () => undefined });
	const response = await app.fetch(new Request(`http://bench.local${path}`), env, ctx);
	await response.arrayBuffer();
	return response.status;
}

export default {
	async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
		const url = new URL(request.url);
		const path = url.searchParams.get("path") ?? "/rss.xml";
		let recording = recorded.get(path);
		if (!recording) {
			const store = new Map<string, Stored>();
			const log: ReadLog = { keys: 0, bytes: 0 };
			const status = await serve(path, replayKv(env.ARTICLES, store, log), env, ctx);
			recording = { store, log, status };
			recorded.set(path, recording);
		}
		const k = Number(url.searchParams.get("k") ?? "0");
		const replay = replayKv(undefined, recording.store, { keys: 0, bytes: 0 });
		for (let i = 0; i < k; i++) {
			const status = await serve(path, replay, env, ctx);
			if (status !== recording.status) return new Response(`replay answered ${status}`, { status: 500 });
		}
		return new Response(String(recording.status), {
			headers: {
				"x-bench-kv-read-keys": String(recording.log.keys),
				"x-bench-kv-read-bytes": String(recording.log.bytes),
			},
		});
	},
} satisfies ExportedHandler<Env>;
