// Bench-only Worker entry: the real app with its KV binding wrapped in a counter; each response says how many KV
// operations it took (x-bench-kv-* headers). Requests are sent one at a time, so one shared counter is exact.
import app from "../../src/index.ts";
import { countingKv, emptyCounts, type KvCounts } from "./countingKv.ts";

const counts: KvCounts = emptyCounts();
let wrapped: { base: KVNamespace; env: Env } | undefined;

// One wrapped binding per real one: the app sees a stable binding, as in production, so any memo it keeps per
// binding or per isolate behaves as it would there.
function countedEnv(env: Env): Env {
	if (wrapped?.base !== env.ARTICLES) {
		wrapped = { base: env.ARTICLES, env: { ...env, ARTICLES: countingKv(env.ARTICLES, counts) } };
	}
	return wrapped.env;
}

export default {
	async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
		Object.assign(counts, emptyCounts());
		const response = await app.fetch(request, countedEnv(env), ctx);
		// Read the whole body first: a streamed body may still be reading KV after the headers are out.
		const body = await response.arrayBuffer();
		const headers = new Headers(response.headers);
		headers.set("x-bench-kv-read-calls", String(counts.readCalls));
		headers.set("x-bench-kv-read-keys", String(counts.readKeys));
		headers.set("x-bench-kv-writes", String(counts.writes + counts.deletes));
		headers.set("x-bench-kv-lists", String(counts.lists));
		const bodyless = response.status === 304 || response.status === 204 || request.method === "HEAD";
		return new Response(bodyless ? null : body, { status: response.status, headers });
	},
} satisfies ExportedHandler<Env>;
