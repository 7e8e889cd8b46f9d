// Strong entity tags: a digest of everything that decides a response's bytes, known before rendering them.

import { sha256Prefix } from "../util/sha256.ts";

/** A quoted strong ETag for the given inputs; equal inputs always give the same tag. */
export async function strongEtag(inputs: readonly (string | number)[]): Promise<string> {
	// JSON keeps the inputs apart, so ["ab", "c"] and ["a", "bc"] never collide.
	const digest = sha256Prefix(JSON.stringify(inputs));
	const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
	return `"${hex}"`;
}
