// What every route shares for the isolate's lifetime: the clock, KV access, the view cache, and every memo that
// outlives a request. An app built with a new runtime starts from nothing, like a fresh isolate.
import { createSafeArticles, type SafeArticles } from "../feed/safeArticle.ts";
import { createViewMemo, type EdgeCache, edgeCache } from "../http/edgeCache.ts";
import { createHeaderMemo, type HeaderMemo } from "../http/responses.ts";
import { createPageDates, type PageDates } from "../pages/pageDate.ts";
import { type ArticleStore, articleStore, createArticleMemo } from "../store/articleStore.ts";

export type AppEnv = { Bindings: Env };

export interface ViewRuntime {
	/** Epoch ms. */
	now(): number;
	store(env: Env): ArticleStore;
	edge: EdgeCache;
	/** Each record made safe for feeds once. */
	safeArticles: SafeArticles;
	/** Each view's unchanging response headers. */
	headers: HeaderMemo;
	/** Page date formatters, one per language and zone. */
	pageDates: PageDates;
}

export interface ViewRuntimeOptions {
	now: () => number;
	articles: (env: Env) => KVNamespace;
	/** The Cache API cache; defaults to caches.default where there is one. */
	cache?: Cache;
}

export function createViewRuntime(options: ViewRuntimeOptions): ViewRuntime {
	// Isolate-lifetime memos: they outlive requests, which is the point.
	const memo = createArticleMemo();
	const stores = new WeakMap<KVNamespace, ArticleStore>();
	return {
		now: options.now,
		store(env) {
			const kv = options.articles(env);
			let store = stores.get(kv);
			if (!store) {
				store = articleStore(kv, memo, options.now);
				stores.set(kv, store);
			}
			return store;
		},
		edge: edgeCache({
			cache: options.cache ?? (typeof caches === "undefined" ? undefined : caches.default),
			memo: createViewMemo(),
		}),
		safeArticles: createSafeArticles(),
		headers: createHeaderMemo(),
		pageDates: createPageDates(),
	};
}
