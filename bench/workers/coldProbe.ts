// Bench-only Worker entry: the cold path, a new isolate's first uncached feed request, made again and again.
// GET /cold?path=<feed path>&k=<n>: the first request of this isolate for `path` builds a fresh app (createApp: every
// per-isolate memo starts empty) and serves it with its KV reads recorded (keys and bytes, split into article
// records and the index values that lead to them: x-bench-kv-* headers). Each request then builds K more fresh apps
// and serves `path` from each, against the recorded values in memory and a cache that always misses: Node times K
// against K = 0 (bench/renderCost.ts), which is the cold request's CPU without KV I/O. With &part=index or
// &part=records the loop only parses that part of what was recorded (JSON.parse of each value, as the app's reads
// do): the share of the CPU that reading it costs.

import { createApp } from "../../src/index.ts";
import { ARTICLE_PREFIX } from "../../src/store/kvLayout.ts";
import { type ReadLog, replayKv, type Stored } from "./replayKv.ts";

const missingCache = {
	match: async () => undefined,
	put: async () => undefined,
	delete: async () => false,
} as unknown as Cache;

interface Recording {
	store: Map<string, Stored>;
	log: ReadLog;
	status: number;
}

const recorded = new Map<string, Recording>();
const decoder = new TextDecoder();

async function serve(path: string, kv: KVNamespace, env: Env, ctx: ExecutionContext): Promise<number> {
	const app = createApp({ articles: () => kv, cache: missingCache, stats: () => undefined });
	const response = await app.fetch(new Request(`http://bench.local${path}`), env, ctx);
	await response.arrayBuffer();
	return response.status;
}

const isRecord = (key: string) => key.startsWith(ARTICLE_PREFIX);

/** Keys and bytes of what was read, records and the rest (the index) apart. */
function split(store: Map<string, Stored>): Record<string, string> {
	const parts = { index: { keys: 0, bytes: 0 }, records: { keys: 0, bytes: 0 } };
	for (const [key, stored] of store) {
		const part = isRecord(key) ? parts.records : parts.index;
		part.keys++;
		part.bytes += stored?.bytes.byteLength ?? 0;
	}
	return {
		"x-bench-kv-index-keys": String(parts.index.keys),
		"x-bench-kv-index-bytes": String(parts.index.bytes),
		"x-bench-kv-record-keys": String(parts.records.keys),
		"x-bench-kv-record-bytes": String(parts.records.bytes),
	};
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
		const part = url.searchParams.get("part");
		if (part === "index" || part === "records") {
			const values = [...recording.store]
				.filter(([key, stored]) => stored !== null && isRecord(key) === (part === "records"))
				.map(([, stored]) => stored?.bytes as Uint8Array);
			for (let i = 0; i < k; i++) for (const bytes of values) JSON.parse(decoder.decode(bytes));
		} else {
			const replay = replayKv(undefined, recording.store, { keys: 0, bytes: 0 });
			for (let i = 0; i < k; i++) {
				const status = await serve(path, replay, env, ctx);
				if (status !== recording.status) return new Response(`replay answered ${status}`, { status: 500 });
			}
		}
		return new Response(String(recording.status), {
			headers: {
				"x-bench-kv-read-keys": String(recording.log.keys),
				"x-bench-kv-read-bytes": String(recording.log.bytes),
				...split(recording.store),
			},
		});
	},
} satisfies ExportedHandler<Env>;
