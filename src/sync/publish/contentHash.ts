// Content hashes for KV keys and validators: SHA-256 of canonical JSON, base64url. Runs on Node and in workerd.
import { sha256Prefix } from "../../util/sha256.ts";

/** JSON with object keys sorted at every level, so equal values always serialise to the same bytes. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value === null || typeof value !== "object") return value;
	// No prototype: a key such as "__proto__" (a tag slug) must stay a key.
	const sorted: Record<string, unknown> = Object.create(null);
	for (const key of Object.keys(value).sort()) {
		const item = (value as Record<string, unknown>)[key];
		if (item !== undefined) sorted[key] = sortKeys(item);
	}
	return sorted;
}

/** First 128 bits of SHA-256 as base64url: 22 characters, plenty to tell versions and records apart. */
export function hashText(text: string): string {
	let binary = "";
	for (const byte of sha256Prefix(text)) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The canonical JSON of a value and its hash: what gets stored, and the key it is stored under. */
export function hashJson(value: unknown): { json: string; hash: string } {
	const json = canonicalJson(value);
	return { json, hash: hashText(json) };
}
