// The one SHA-256 the project uses, truncated to 128 bits: content hashes for KV keys and strong ETags. Runs on Node
// and in workerd (Web Crypto).

const encoder = new TextEncoder();

/** The first 16 bytes of SHA-256 of `text` in UTF-8: plenty to tell versions, records and views apart. */
export async function sha256Prefix(text: string): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)), 0, 16);
}
