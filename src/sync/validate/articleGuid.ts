// The feed guid/id of an article: stable across title edits, and the same locally and in production.
import { v5 as uuidv5 } from "uuid";

/** RFC 4122 namespace for URL names. */
const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

/** The id itself when it is an absolute URI (e.g. "tag:example.com,2023:x"), else urn:uuid:UUIDv5(production URL + "/" + id). */
export function articleGuid(id: string, productionBaseUrl: string): string {
	if (/^[a-z][a-z0-9+.-]*:/i.test(id) && URL.canParse(id)) return id;
	return `urn:uuid:${uuidv5(`${productionBaseUrl}/${id}`, URL_NAMESPACE)}`;
}
