// How the bench registers a constant response with the ceiling Worker (bench/workers/ceiling.ts): a PUT to the
// path, the body as the request's body and the header lists in this request header, as JSON.

export const CEILING_HEADERS = "x-ceiling-headers";

/** Header lists in the order and spelling the app sent them. */
export interface CeilingHeaders {
	ok: [string, string][];
	notModified: [string, string][];
}
