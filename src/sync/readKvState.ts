// Reads what KV holds now: the head, the manifest it points to, and every content-addressed key.
import {
	ARTICLE_PREFIX,
	HEAD_KEY,
	type Head,
	MANIFEST_PREFIX,
	type Manifest,
	manifestKey,
} from "../store/kvLayout.ts";
import type { KvTarget } from "./kvTarget.ts";

export interface KvState {
	/** null when nothing was ever published, or the head is unreadable (the next sync rewrites it). */
	head: Head | null;
	/** The manifest head points to, or null when missing or unreadable. */
	manifest: Manifest | null;
	/** Every `article:` and `manifest:` key present. */
	keys: Set<string>;
}

export async function readKvState(kv: KvTarget): Promise<KvState> {
	const [articleKeys, manifestKeys, headText] = await Promise.all([
		kv.listKeys(ARTICLE_PREFIX),
		kv.listKeys(MANIFEST_PREFIX),
		kv.get(HEAD_KEY),
	]);
	const keys = new Set([...articleKeys, ...manifestKeys]);
	const head = parseHead(headText);
	let manifest: Manifest | null = null;
	if (head && keys.has(manifestKey(head.manifest))) {
		manifest = parseJson<Manifest>(await kv.get(manifestKey(head.manifest)));
	}
	return { head, manifest, keys };
}

function parseHead(text: string | null): Head | null {
	const head = parseJson<Partial<Head>>(text);
	return typeof head?.manifest === "string" && typeof head.version === "number" ? (head as Head) : null;
}

function parseJson<T>(text: string | null): T | null {
	if (text === null) return null;
	try {
		return JSON.parse(text) as T;
	} catch {
		return null;
	}
}
