// The keys a published version reaches, found by walking its values from the manifest and its catalog down. A subtree whose key
// another version also has is skipped: content addressing makes it the same subtree, so a version that differs
// from the new one in a few articles costs a few reads, whatever the archive's size.
import type {
	ArticleEntry,
	Catalog,
	Manifest,
	PageTable,
	ScopePointer,
	ScopeSummary,
} from "../../domain/model.ts";
import { articleKey, keyOf, manifestKey } from "../../store/kvLayout.ts";
import type { KvTarget } from "./kvTarget.ts";
import { parseJson, readCatalogValue, readManifestValue, readMany } from "./readKvState.ts";

export interface VersionWalk {
	/** Keys the version reaches that `known` lacks. */
	keys: Set<string>;
	/** Slug shards the version has and `known` lacks, by shard index: the articles that differ. */
	slugShards: Map<number, Record<string, ArticleEntry>>;
	/** The version's manifest; null when it is missing or unreadable (then only its own key is known). */
	manifest: Manifest | null;
	/** Its catalog, read even when `known` has it (planning compares slug shards by index); null when unreadable. */
	catalog: Catalog | null;
}

/**
 * Walks the version named by `manifestHash`, reading only values whose keys `known` (the new version's) lacks, and
 * taking those in `readBefore` (what reading KV's state already read) from there.
 */
export async function walkVersion(
	kv: KvTarget,
	manifestHash: string,
	known: { has(key: string): boolean },
	readBefore: ReadonlyMap<string, string | null> = new Map(),
): Promise<VersionWalk> {
	const walk: VersionWalk = { keys: new Set(), slugShards: new Map(), manifest: null, catalog: null };
	const texts = async (keys: string[]): Promise<(string | null)[]> => {
		const missing = keys.filter((key) => !readBefore.has(key));
		const read = new Map(missing.map((key, i) => [key, i]));
		const fetched = await readMany(kv, missing);
		return keys.map((key) => {
			const at = read.get(key);
			return at === undefined ? (readBefore.get(key) ?? null) : (fetched[at] ?? null);
		});
	};
	const root = manifestKey(manifestHash);
	if (known.has(root)) return walk;
	walk.keys.add(root);
	const [rootText] = await texts([root]);
	const manifest = readManifestValue(rootText ?? null);
	walk.manifest = manifest;
	if (manifest?.corrections !== undefined) {
		const key = keyOf("corrections", manifest.corrections);
		if (!known.has(key)) walk.keys.add(key);
	}
	// A manifest written before catalogs existed holds the catalog's fields itself.
	const catalogKey = manifest ? keyOf("catalog", manifest.catalog) : undefined;
	const catalog = readCatalogValue(
		catalogKey === undefined ? (rootText ?? null) : ((await texts([catalogKey]))[0] ?? null),
	);
	walk.catalog = catalog;
	if (catalogKey !== undefined) {
		// A catalog the new version has is the same subtree: nothing under it differs.
		if (known.has(catalogKey)) return walk;
		walk.keys.add(catalogKey);
	}
	if (!catalog) return walk;
	const unknown = (key: string): boolean => !known.has(key) && !walk.keys.has(key);
	/** Adds the unknown keys and reads their values. */
	const read = async <T>(keys: string[]): Promise<(T | null)[]> => {
		const fresh = [...new Set(keys.filter(unknown))];
		for (const key of fresh) walk.keys.add(key);
		return (await texts(fresh)).map((text) => parseJson<T>(text));
	};

	for (const hash of [...catalog.directory.tags, ...catalog.directory.authors]) {
		const key = keyOf("dir", hash);
		if (unknown(key)) walk.keys.add(key);
	}
	const slugKeys = catalog.slugShards.map((hash) => keyOf("slugs", hash));
	const slugIndexes = new Map(slugKeys.map((key, index) => [key, index]));
	const freshSlugKeys = [...new Set(slugKeys.filter(unknown))];
	const slugShards = await read<Record<string, ArticleEntry>>(freshSlugKeys);
	freshSlugKeys.forEach((key, i) => {
		const shard = slugShards[i] ?? {};
		walk.slugShards.set(slugIndexes.get(key) ?? -1, shard);
		// Every article is in exactly one slug shard: these are all the records the version reaches.
		for (const entry of Object.values(shard)) {
			const record = articleKey(entry.record);
			if (unknown(record)) walk.keys.add(record);
		}
	});

	const scopeShards = await read<Record<string, ScopePointer>>(
		catalog.scopeShards.map((h) => keyOf("scopes", h)),
	);
	const summaries = await read<ScopeSummary>(
		scopeShards.flatMap((shard) =>
			Object.values(shard ?? {}).map((pointer) => keyOf("scope", pointer.summary)),
		),
	);
	const tables: string[] = [];
	for (const summary of summaries) {
		for (const page of summary?.pages ?? []) {
			const key = keyOf("page", page);
			if (unknown(key)) walk.keys.add(key);
		}
		for (const table of summary?.tables ?? []) tables.push(keyOf("table", table));
	}
	for (const table of await read<PageTable>(tables))
		for (const page of table?.pages ?? []) {
			const key = keyOf("page", page);
			if (unknown(key)) walk.keys.add(key);
		}
	return walk;
}
