// GET /favicon.ico: the built-in icon, so the request every browser makes unprompted never meets a 404.
import { createHash } from "node:crypto";
import { Hono } from "hono";
import { isNotModified } from "../http/conditionalGet.ts";
import { builtInFileResponse } from "../http/responses.ts";
import { DEFAULT_FAVICON, DEFAULT_FAVICON_TYPE } from "../pages/defaultFavicon.ts";
import { FAVICON_PATH } from "../urls/urlScheme.ts";
import type { AppEnv } from "./viewRuntime.ts";

export function faviconRoute(): Hono<AppEnv> {
	const file = {
		body: DEFAULT_FAVICON,
		contentType: DEFAULT_FAVICON_TYPE,
		etag: `"${createHash("sha256").update(DEFAULT_FAVICON).digest("base64url").slice(0, 22)}"`,
	};
	// No Last-Modified (the bytes date from the deploy, which the Worker cannot see): NaN never satisfies
	// If-Modified-Since, so only If-None-Match gives a 304.
	const validators = { etag: file.etag, lastModified: Number.NaN };
	const routes = new Hono<AppEnv>();
	routes.get(FAVICON_PATH, (c) =>
		builtInFileResponse(file, isNotModified(c.req.method, c.req.raw.headers, validators)),
	);
	return routes;
}
