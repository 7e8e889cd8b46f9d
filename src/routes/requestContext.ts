// Puts what every route needs on the context: this request's moment, the KV store and the view cache.
import type { MiddlewareHandler } from "hono";
import { createViewMemo, edgeCache } from "../http/edgeCache.ts";
import { articleStore, createArticleMemo } from "../store/articleStore.ts";
import type { AppEnv } from "./appEnv.ts";

export interface RequestContextOptions {
	now: () => number;
	articles: (env: Env) => KVNamespace;
}

export function requestContext(options: RequestContextOptions): MiddlewareHandler<AppEnv> {
	// Isolate-lifetime memos: they outlive requests, which is the point.
	const articleMemo = createArticleMemo();
	const viewMemo = createViewMemo();
	const cache = typeof caches === "undefined" ? undefined : caches.default;
	return async function requestContext(c, next) {
		c.set("now", options.now());
		c.set("store", articleStore(options.articles(c.env), articleMemo, options.now));
		c.set(
			"edge",
			edgeCache({
				cache,
				memo: viewMemo,
				waitUntil(promise) {
					try {
						c.executionCtx.waitUntil(promise);
					} catch {
						// No execution context (app.fetch called without one): the write simply runs unawaited.
					}
				},
			}),
		);
		await next();
	};
}
