// Reads what KV holds now: the head, the manifest and catalog it names, the published scopes and names, and every
// content-addressed key.
import type { Catalog, Head, Manifest, ScopeKey, ScopeListing, ScopePointer } from "../../domain/model.ts";
import { HEAD_KEY, keyOf, manifestKey, PREFIXES, parseHead } from "../../store/kvLayout.ts";
import { scopeRefOf } from "../../urls/urlScheme.ts";
import { type KeySet, type KeySetMaker, memoryKeySet } from "./keySet.ts";
import { type KvTarget, keyPages } from "./kvTarget.ts";

export interface KvState {
	/** null when nothing was ever published, or the head is unreadable (the next sync rewrites it). */
	head: Head | null;
	/** head exactly as read (null: absent), so a sync can tell whether it moved before switching it. */
	headText: string | null;
	/** The manifest head points to, or null when missing or unreadable. */
	manifest: Manifest | null;
	/** The published scopes' pointers (empty when nothing is published). */
	pointers: Map<ScopeKey, ScopePointer>;
	/** Published tag and author names by slug, from the directory: sync keeps a published name's slug. */
	names: { tags: [string, string][]; authors: [string, string][] };
	/** Every content-addressed key present. */
	keys: KeySet;
	/** The content-addressed values read here (manifest, catalog, scope shards, directory pages), by key: immutable, so
	 * the walk of the published version (versionKeys.ts) reads none of them again. */
	values: Map<string, string | null>;
}

/** Reads several keys; a target that can read many in one request (wrangler's bulk get) does. */
export async function readMany(kv: KvTarget, keys: readonly string[]): Promise<(string | null)[]> {
	if (keys.length === 0) return [];
	if (kv.getMany) return kv.getMany([...keys]);
	return Promise.all(keys.map((key) => kv.get(key)));
}

export function parseJson<T>(text: string | null): T | null {
	if (text === null) return null;
	try {
		return JSON.parse(text) as T;
	} catch {
		return null;
	}
}

/** `keySets` makes the set of keys listed (in memory unless given). */
export async function readKvState(kv: KvTarget, keySets: KeySetMaker = memoryKeySet): Promise<KvState> {
	const listing = async function* (): AsyncGenerator<string[]> {
		for (const prefix of Object.values(PREFIXES)) yield* keyPages(kv, prefix);
	};
	const [keys, headText] = await Promise.all([keySets(listing()), kv.get(HEAD_KEY)]);
	const values = new Map<string, string | null>();
	const read = async (wanted: string[]): Promise<(string | null)[]> => {
		const texts = await readMany(kv, wanted);
		for (const [i, key] of wanted.entries()) values.set(key, texts[i] ?? null);
		return texts;
	};
	const head = parseHead(parseJson(headText));
	const root = head && keys.has(manifestKey(head.manifest)) ? manifestKey(head.manifest) : undefined;
	const rootText = root === undefined ? null : ((await read([root]))[0] ?? null);
	const manifest = readManifestValue(rootText);
	const state: KvState = {
		head,
		headText,
		manifest,
		pointers: new Map(),
		names: { tags: [], authors: [] },
		keys,
		values,
	};
	// A manifest written before catalogs existed holds the catalog's fields itself: its scopes and names carry over.
	const catalog = readCatalogValue(
		manifest ? ((await read([keyOf("catalog", manifest.catalog)]))[0] ?? null) : rootText,
	);
	if (!catalog) return state;
	const shards = await read(catalog.scopeShards.map((hash) => keyOf("scopes", hash)));
	for (const text of shards)
		for (const [key, pointer] of Object.entries(parseJson<Record<string, ScopePointer>>(text) ?? {}))
			state.pointers.set(key, pointer);
	const listings = async (hashes: string[]): Promise<ScopeListing[]> =>
		(await read(hashes.map((hash) => keyOf("dir", hash)))).flatMap(
			(text) => parseJson<{ entries: ScopeListing[] }>(text)?.entries ?? [],
		);
	const names = async (hashes: string[]): Promise<[string, string][]> =>
		(await listings(hashes)).flatMap((listing) => {
			const ref = scopeRefOf(listing.key);
			return ref && ref.kind !== "all" ? [[ref.slug, listing.name]] : [];
		});
	state.names.tags = await names(catalog.directory.tags);
	state.names.authors = await names(catalog.directory.authors);
	return state;
}

/** A manifest with a catalog, or null (missing, unreadable, or older: one written before catalogs holds their fields). */
export function readManifestValue(text: string | null): Manifest | null {
	const manifest = parseJson<Partial<Manifest>>(text);
	return typeof manifest?.catalog === "string" ? (manifest as Manifest) : null;
}

/** A catalog, or null when missing or unreadable. */
export function readCatalogValue(text: string | null): Catalog | null {
	const catalog = parseJson<Partial<Catalog>>(text);
	if (!Array.isArray(catalog?.scopeShards) || !Array.isArray(catalog.slugShards) || !catalog.directory)
		return null;
	return catalog as Catalog;
}
