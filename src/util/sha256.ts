// The one SHA-256 the project uses, truncated to 128 bits: content hashes for KV keys and strong ETags. Runs on Node
// and in workerd (node:crypto under nodejs_compat), synchronously: a sync hashes thousands of values in a row, and
// Web Crypto's digest would send each one through a thread pool and back.
import { createHash } from "node:crypto";

/** The first 16 bytes of SHA-256 of `text` in UTF-8: plenty to tell versions, records and views apart. */
export function sha256Prefix(text: string): Uint8Array {
	const hex = createHash("sha256").update(text, "utf8").digest("hex");
	const bytes = new Uint8Array(16);
	for (let index = 0; index < bytes.length; index++)
		bytes[index] = Number.parseInt(hex.slice(2 * index, 2 * index + 2), 16);
	return bytes;
}
