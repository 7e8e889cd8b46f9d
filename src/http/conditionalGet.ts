// Conditional GET (RFC 9110 §13): the one rule for If-None-Match and If-Modified-Since.
import { parseHttpDate } from "../text/httpDate.ts";

export interface Validators {
	/** A quoted strong ETag. */
	etag: string;
	/** Epoch ms; compared at one-second precision, as HTTP-dates carry no more. */
	lastModified: number;
}

// An entity tag in a list: optional W/ prefix, then a quoted opaque tag (RFC 9110 §8.8.3).
const ENTITY_TAG = /(?:W\/)?("[\x21\x23-\x7e\x80-\xff]*")/g;

/** Weak comparison: W/"x" matches "x", because Cloudflare weakens our strong ETags when it recompresses. */
function matchesAny(ifNoneMatch: string, etag: string): boolean {
	// Pollers almost always send back exactly one tag: answer that without a regular expression.
	if (ifNoneMatch === etag || ifNoneMatch === `W/${etag}`) return true;
	if (ifNoneMatch.trim() === "*") return true;
	for (const [, opaque] of ifNoneMatch.matchAll(ENTITY_TAG)) if (opaque === etag) return true;
	return false;
}

/** Whether a GET/HEAD with these request headers may be answered 304 for a representation with these validators. */
export function isNotModified(method: string, headers: Headers, validators: Validators): boolean {
	if (method !== "GET" && method !== "HEAD") return false;
	const ifNoneMatch = headers.get("If-None-Match");
	// If-None-Match, when present, decides alone: If-Modified-Since is then ignored.
	if (ifNoneMatch !== null) return matchesAny(ifNoneMatch, validators.etag);
	const ifModifiedSince = headers.get("If-Modified-Since");
	if (ifModifiedSince === null) return false;
	const since = parseHttpDate(ifModifiedSince);
	if (since === undefined) return false;
	return Math.floor(validators.lastModified / 1000) <= Math.floor(since / 1000);
}
