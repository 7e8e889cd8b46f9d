// Every response the app builds, in one place: views with validators, 304s, and plain-text errors.
import { cacheControl, NO_STORE, RETRY_AFTER_SECONDS } from "./cachePolicy.ts";
import { notModified, type Validators } from "./conditionalGet.ts";
import type { CachedView } from "./edgeCache.ts";
import { formatHttpDate } from "./httpDate.ts";

/** Last-Modified must not lie in the future (RFC 9110 §8.8.2.1): validators as they may be sent `now`. */
export function validatorsAt(validators: Validators, now: number): Validators {
	return { etag: validators.etag, lastModified: Math.min(validators.lastModified, now) };
}

function viewHeaders(view: CachedView, now: number, cacheControlValue: string, extra?: HeadersInit): Headers {
	const { etag, lastModified } = validatorsAt(view.validators, now);
	const headers = new Headers(extra);
	headers.set("Content-Type", view.contentType);
	headers.set("ETag", etag);
	headers.set("Last-Modified", formatHttpDate(lastModified));
	headers.set("Cache-Control", cacheControlValue);
	headers.set("Vary", "Accept-Encoding");
	headers.set("X-Content-Type-Options", "nosniff");
	return headers;
}

/** A rendered view. Content-Length is explicit so that HEAD, which drops the body, keeps GET's headers exactly. */
export function viewResponse(
	view: CachedView & { body: Uint8Array },
	now: number,
	options: ViewResponseOptions = {},
): Response {
	const headers = viewHeaders(
		view,
		now,
		options.cacheControl ?? cacheControl(now, view.revealAt),
		options.headers,
	);
	headers.set("Content-Length", String(view.body.byteLength));
	return new Response(view.body, { headers });
}

export interface ViewResponseOptions {
	/** Overrides the normal freshness, e.g. for a last good copy served while KV fails. */
	cacheControl?: string;
	headers?: HeadersInit;
}

/** A 304 for a view known only by its validators: the same headers a 200 would carry, without the body's. */
export function viewNotModified(view: CachedView, now: number, options: ViewResponseOptions = {}): Response {
	return notModified(
		viewHeaders(view, now, options.cacheControl ?? cacheControl(now, view.revealAt), options.headers),
	);
}

function plainText(status: number, message: string, headers: Record<string, string>): Response {
	return new Response(`${message}\n`, {
		status,
		headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", ...headers },
	});
}

export const badRequest = (message: string): Response =>
	plainText(400, message, { "Cache-Control": NO_STORE });

export const notFound = (cacheControlValue: string): Response =>
	plainText(404, "Not found.", { "Cache-Control": cacheControlValue });

export const serviceUnavailable = (message: string): Response =>
	plainText(503, message, { "Cache-Control": NO_STORE, "Retry-After": String(RETRY_AFTER_SECONDS) });

export const internalError = (): Response =>
	plainText(500, "Internal server error.", { "Cache-Control": NO_STORE });
