// CORS: feeds are public, so any origin may read every response, its validators and its WebSub links; preflights are answered.
import type { Handler } from "hono";

/** On every response the app builds (see responses.ts), so browser pollers can read bodies, errors and validators. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
	"Access-Control-Allow-Origin": "*",
	"Access-Control-Expose-Headers": "ETag, Last-Modified, Link",
};

/** Answers OPTIONS (preflight or not) with 204: GET and HEAD from anywhere, with any request headers asked for. */
export function preflight(): Handler {
	return function preflight(c) {
		const headers: Record<string, string> = {
			...CORS_HEADERS,
			"Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
			"Access-Control-Max-Age": "86400",
			Vary: "Access-Control-Request-Headers",
		};
		const requested = c.req.header("Access-Control-Request-Headers");
		if (requested) headers["Access-Control-Allow-Headers"] = requested;
		return new Response(null, { status: 204, headers });
	};
}
