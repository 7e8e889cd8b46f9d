// The Hono environment every route and middleware shares: bindings, and what the app puts on each request.
import type { EdgeCache } from "../http/edgeCache.ts";
import type { ArticleStore } from "../store/articleStore.ts";

export interface AppVariables {
	store: ArticleStore;
	edge: EdgeCache;
	/** Epoch ms, read once per request from the app's clock, so one request sees one moment. */
	now: number;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };
