// Reads what KV holds now: the head, the manifests it names, and every content-addressed key.
import type { Head, Manifest } from "../../domain/model.ts";
import { ARTICLE_PREFIX, HEAD_KEY, MANIFEST_PREFIX, manifestKey } from "../../store/kvLayout.ts";
import type { KvTarget } from "./kvTarget.ts";

export interface KvState {
	/** null when nothing was ever published, or the head is unreadable (the next sync rewrites it). */
	head: Head | null;
	/** head exactly as read (null: absent), so a sync can tell whether it moved before switching it. */
	headText: string | null;
	/** The manifest head points to, or null when missing or unreadable. */
	manifest: Manifest | null;
	/** The manifest head.previous names, or null when there is none, or it is missing or unreadable. */
	previousManifest: Manifest | null;
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
	const readManifest = async (hash: string | undefined): Promise<Manifest | null> =>
		hash !== undefined && keys.has(manifestKey(hash))
			? parseJson<Manifest>(await kv.get(manifestKey(hash)))
			: null;
	const [manifest, previousManifest] = await Promise.all([
		readManifest(head?.manifest),
		readManifest(head?.previous),
	]);
	return { head, headText, manifest, previousManifest, keys };
}

function parseHead(text: string | null): Head | null {
	const head = parseJson<Partial<Head>>(text);
	if (typeof head?.manifest !== "string" || typeof head.version !== "number") return null;
	const parsed: Head = { manifest: head.manifest, version: head.version };
	if (typeof head.previous === "string") parsed.previous = head.previous;
	return parsed;
}

function parseJson<T>(text: string | null): T | null {
	if (text === null) return null;
	try {
		return JSON.parse(text) as T;
	} catch {
		return null;
	}
}
