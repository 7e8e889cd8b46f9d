// Wires the edgefeed app: routes, CORS preflight and error handling. Tests build their own with a clock or KV they control.
import { Hono } from "hono";
import { notFoundCacheControl } from "./http/cachePolicy.ts";
import { preflight } from "./http/corsPolicy.ts";
import { errorHandler } from "./http/errorHandler.ts";
import { methodNotAllowed, notFound } from "./http/responses.ts";
import { faviconRoute } from "./routes/faviconRoute.ts";
import { feedRoutes } from "./routes/feedRoutes.ts";
import { opmlRoute } from "./routes/opmlRoute.ts";
import { pageRoutes } from "./routes/pageRoutes.ts";
import { statsRoutes } from "./routes/statsRoutes.ts";
import { type AppEnv, createViewRuntime } from "./routes/viewRuntime.ts";
import { feedPollStats } from "./stats/feedPollStats.ts";
import { createPollRecorder, type PollRecorderOptions } from "./stats/pollRecorder.ts";
import { feedStatsStores, type StatsStore } from "./stats/statsStore.ts";

export { FeedStats } from "./stats/feedStatsObject.ts";

export interface AppOptions {
	/** Epoch ms; defaults to the real clock. */
	now?: () => number;
	/** The articles namespace; defaults to env.ARTICLES. */
	articles?: (env: Env) => KVNamespace;
	/** The Cache API cache; defaults to caches.default. */
	cache?: Cache;
	/** The subscriber-count store; defaults to the FEED_STATS Durable Object (none: counting off). */
	stats?: (env: Env) => StatsStore | undefined;
	/** Batching of poll counts; defaults to a flush every 5 s at most, a write given up after 10 s. */
	statsBatching?: Partial<Omit<PollRecorderOptions, "now">>;
}

export function createApp(options: AppOptions = {}): Hono<AppEnv> {
	const now = options.now ?? Date.now;
	const runtime = createViewRuntime({
		now,
		articles: options.articles ?? ((env) => env.ARTICLES),
		cache: options.cache,
	});
	const stats = options.stats ?? feedStatsStores();
	const recorder = createPollRecorder({
		now,
		flushIntervalMs: 5_000,
		writeTimeoutMs: 10_000,
		...options.statsBatching,
	});
	const app = new Hono<AppEnv>();
	app.use(feedPollStats({ recorder, sink: stats }));
	app.options("*", preflight());
	app.route("/", statsRoutes({ now, store: stats }));
	app.route("/", feedRoutes(runtime));
	app.route("/", opmlRoute(runtime));
	app.route("/", pageRoutes(runtime));
	app.route("/", faviconRoute());
	// Routes answer GET and HEAD only, so anything unmatched is either an unknown path or a method we never allow.
	app.notFound((c) =>
		c.req.method === "GET" || c.req.method === "HEAD"
			? notFound(notFoundCacheControl(now()))
			: methodNotAllowed(),
	);
	app.onError(errorHandler());
	return app;
}

export default createApp();
