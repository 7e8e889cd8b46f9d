// Wires the edgefeed app: middleware, routes and error handling. Tests build their own with a clock or KV they control.
import { Hono } from "hono";
import { notFoundCacheControl } from "./http/cachePolicy.ts";
import { corsPolicy } from "./http/corsPolicy.ts";
import { errorHandler } from "./http/errorHandler.ts";
import { notFound } from "./http/responses.ts";
import type { AppEnv } from "./routes/appEnv.ts";
import { feedRoutes } from "./routes/feedRoutes.ts";
import { pageRoutes } from "./routes/pageRoutes.ts";
import { requestContext } from "./routes/requestContext.ts";

export interface AppOptions {
	/** Epoch ms; defaults to the real clock. */
	now?: () => number;
	/** The articles namespace; defaults to env.ARTICLES. */
	articles?: (env: Env) => KVNamespace;
}

export function createApp(options: AppOptions = {}): Hono<AppEnv> {
	const app = new Hono<AppEnv>();
	app.use(corsPolicy());
	app.use(
		requestContext({ now: options.now ?? Date.now, articles: options.articles ?? ((env) => env.ARTICLES) }),
	);
	app.route("/", feedRoutes());
	app.route("/", pageRoutes());
	app.notFound((c) => notFound(notFoundCacheControl(c.var.now ?? Date.now())));
	app.onError(errorHandler());
	return app;
}

export default createApp();
