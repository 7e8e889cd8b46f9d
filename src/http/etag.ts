// Strong entity tags: a digest of everything that decides a response's bytes, known before rendering them.

const encoder = new TextEncoder();

/** A quoted strong ETag for the given inputs; equal inputs always give the same tag. */
export async function strongEtag(inputs: readonly (string | number)[]): Promise<string> {
	// JSON keeps the inputs apart, so ["ab", "c"] and ["a", "bc"] never collide.
	const digest = await crypto.subtle.digest("SHA-256", encoder.encode(JSON.stringify(inputs)));
	const hex = Array.from(new Uint8Array(digest, 0, 16), (byte) => byte.toString(16).padStart(2, "0")).join(
		"",
	);
	return `"${hex}"`;
}
