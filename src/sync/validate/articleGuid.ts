// The feed guid/id of an article: stable across title edits, and the same locally and in production.
import { v5 as uuidv5 } from "uuid";

/** RFC 4122 namespace for URL names. */
const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

/** The id itself when it is an absolute URI (e.g. "tag:example.com,2023:x"), else urn:uuid:UUIDv5(production URL + "/" + id). */
export function articleGuid(id: string, productionBaseUrl: string): string {
	if (/^[a-z][a-z0-9+.-]*:/i.test(id) && URL.canParse(id)) return id;
	return `urn:uuid:${uuidv5(`${productionBaseUrl}/${id}`, URL_NAMESPACE)}`;
}

/** URN (RFC 8141, e.g. urn:isbn:…, urn:uuid:…) and tag URI (RFC 4151, tag:example.com,2023:x) forms. */
const URN = /^urn:[a-z0-9][a-z0-9-]{0,30}[a-z0-9]:\S+$/i;
const TAG_URI = /^tag:[^\s,:]+,\d{4}(-\d{2}(-\d{2})?)?:\S*$/i;

/**
 * Why an `id` cannot be used, or null. An id with a URI scheme becomes the feed guid as it is, so only
 * http(s) URLs, URNs and tag URIs are accepted: anything else (javascript:, data:, …) would reach readers.
 */
export function idProblem(id: string): string | null {
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(id)?.[1]?.toLowerCase();
	if (scheme === undefined || !URL.canParse(id)) return null;
	if ((scheme === "http" || scheme === "https") && new URL(id).host !== "") return null;
	if (URN.test(id) || TAG_URI.test(id)) return null;
	return `${JSON.stringify(id)} is a ${scheme}: URI; an id is plain text, an http(s) URL, a urn: or a tag: URI`;
}
