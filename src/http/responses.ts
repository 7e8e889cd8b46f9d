// Every response the app builds, in one place: views with validators, 304s, and plain-text errors, all with CORS.

import { formatHttpDate } from "../text/httpDate.ts";
import {
	BUILT_IN_FILE_CACHE_CONTROL,
	cacheControl,
	NO_STORE,
	NORMAL_CACHE_CONTROL,
	RETRY_AFTER_SECONDS,
} from "./cachePolicy.ts";
import type { Validators } from "./conditionalGet.ts";
import { CORS_HEADERS } from "./corsPolicy.ts";
import type { CachedView } from "./edgeCache.ts";

/** Last-Modified must not lie in the future (RFC 9110 §8.8.2.1): validators as they may be sent `now`. */
export function validatorsAt(validators: Validators, now: number): Validators {
	if (validators.lastModified <= now) return validators;
	return { etag: validators.etag, lastModified: now };
}

export interface ViewResponseOptions {
	/** Overrides the normal freshness, e.g. for a last good copy served while KV fails. */
	cacheControl?: string;
	/** Extra headers for a 200, e.g. a Content-Security-Policy for pages. */
	headers?: Readonly<Record<string, string>>;
}

interface ViewHeaders {
	/** What a 304 repeats (RFC 9110 §15.4.5): validators, Vary, CORS, and the view's Link header. */
	notModified: Record<string, string>;
	/** That plus what describes the body. */
	ok: Record<string, string>;
	/** The usual 304, complete with the normal Cache-Control: what a revalidating poller nearly always gets. */
	usualNotModified: Headers;
	/** The usual 200's complete headers (normal Cache-Control, Content-Length), made on the view's first 200. */
	usualOk?: Headers;
}

/** Header values that never change for a view, built once per view: the usual 200 and 304 then copy a ready
 * Headers (a Response copies the Headers it is given, so one instance serves every request; workerd copies one
 * natively, where a plain object is read and checked property by property), and any other costs one object spread.
 * The view runtime owns one per app, beside the views it keys on. */
export type HeaderMemo = WeakMap<CachedView, ViewHeaders>;

export const createHeaderMemo = (): HeaderMemo => new WeakMap();

function viewHeaders(
	headerMemo: HeaderMemo,
	view: CachedView,
	now: number,
	extra: Readonly<Record<string, string>> | undefined,
): ViewHeaders {
	const known = headerMemo.get(view);
	if (known) return known;
	const notModified = {
		...CORS_HEADERS,
		ETag: view.validators.etag,
		"Last-Modified": formatHttpDate(validatorsAt(view.validators, now).lastModified),
		Vary: "Accept-Encoding",
		...(view.link === undefined ? {} : { Link: view.link }),
	};
	const headers = {
		notModified,
		ok: { ...extra, ...notModified, "Content-Type": view.contentType, "X-Content-Type-Options": "nosniff" },
		usualNotModified: new Headers({ ...notModified, "Cache-Control": NORMAL_CACHE_CONTROL }),
	};
	// A Last-Modified clamped to now changes with now: not worth keeping (sync never publishes one).
	if (view.validators.lastModified <= now) headerMemo.set(view, headers);
	return headers;
}

const okHeaders = (ok: Record<string, string>, cacheControlValue: string, body: Uint8Array) => ({
	...ok,
	"Cache-Control": cacheControlValue,
	"Content-Length": String(body.byteLength),
});

/**
 * A rendered view. Content-Length is explicit so that HEAD, which drops the body, keeps GET's headers exactly. The
 * body goes out as the stream of a Blob made once per view: workerd sends that faster than the bytes themselves.
 */
export function viewResponse(
	headerMemo: HeaderMemo,
	view: CachedView,
	body: Uint8Array,
	now: number,
	options: ViewResponseOptions = {},
): Response {
	const headers = viewHeaders(headerMemo, view, now, options.headers);
	view.blob ??= new Blob([body]);
	const cacheControlValue = options.cacheControl ?? cacheControl(now, view.revealAt);
	if (cacheControlValue !== NORMAL_CACHE_CONTROL)
		return new Response(view.blob.stream(), { headers: okHeaders(headers.ok, cacheControlValue, body) });
	headers.usualOk ??= new Headers(okHeaders(headers.ok, NORMAL_CACHE_CONTROL, body));
	return new Response(view.blob.stream(), { headers: headers.usualOk });
}

/** A 304: the headers a 200 would carry, less those describing its body. */
export function viewNotModified(
	headerMemo: HeaderMemo,
	view: CachedView,
	now: number,
	options: ViewResponseOptions = {},
): Response {
	const { notModified, usualNotModified } = viewHeaders(headerMemo, view, now, options.headers);
	const cacheControlValue = options.cacheControl ?? cacheControl(now, view.revealAt);
	return new Response(null, {
		status: 304,
		headers:
			cacheControlValue === NORMAL_CACHE_CONTROL
				? usualNotModified
				: { ...notModified, "Cache-Control": cacheControlValue },
	});
}

/** A file built into the Worker (the default favicon): the same bytes until the next deploy, so cacheable for a
 * day and validated by its content hash. */
export function builtInFileResponse(
	file: { body: Uint8Array; contentType: string; etag: string },
	notModified: boolean,
): Response {
	const headers = {
		...CORS_HEADERS,
		ETag: file.etag,
		"Cache-Control": BUILT_IN_FILE_CACHE_CONTROL,
		Vary: "Accept-Encoding",
	};
	if (notModified) return new Response(null, { status: 304, headers });
	return new Response(file.body, {
		headers: {
			...headers,
			"Content-Type": file.contentType,
			"Content-Length": String(file.body.byteLength),
			"X-Content-Type-Options": "nosniff",
		},
	});
}

function plainText(status: number, message: string, headers: Record<string, string>): Response {
	return new Response(`${message}\n`, {
		status,
		headers: {
			...CORS_HEADERS,
			"Content-Type": "text/plain; charset=utf-8",
			"X-Content-Type-Options": "nosniff",
			...headers,
		},
	});
}

export const badRequest = (message: string): Response =>
	plainText(400, message, { "Cache-Control": NO_STORE });

export const notFound = (cacheControlValue: string): Response =>
	plainText(404, "Not found.", { "Cache-Control": cacheControlValue });

/** Everything here is read-only: any method but GET, HEAD and OPTIONS. */
export const methodNotAllowed = (): Response =>
	plainText(405, "Only GET, HEAD and OPTIONS are allowed.", {
		Allow: "GET, HEAD, OPTIONS",
		"Cache-Control": NO_STORE,
	});

export const serviceUnavailable = (message: string): Response =>
	plainText(503, message, { "Cache-Control": NO_STORE, "Retry-After": String(RETRY_AFTER_SECONDS) });

export const internalError = (): Response =>
	plainText(500, "Internal server error.", { "Cache-Control": NO_STORE });

/** A missing or wrong access token: says nothing about what is behind it. */
export const unauthorized = (): Response =>
	plainText(401, "Unauthorized.", { "Cache-Control": NO_STORE, "WWW-Authenticate": "Bearer" });
