// What a reader sees: follow head -> manifest -> catalog -> shards -> summaries -> archive pages (with the version's
// corrections) -> records, failing loudly on anything missing, and gather the version into plain lists tests can
// compare.
import { isDeepStrictEqual } from "node:util";
import { newestFirst } from "../../../src/domain/entryOrder.ts";
import type {
	ArticleEntry,
	ArticleRecord,
	Catalog,
	Head,
	Manifest,
	PageTable,
	Person,
	ScopeListing,
	ScopePointer,
	ScopeSummary,
} from "../../../src/domain/model.ts";
import { articleKey, HEAD_KEY, keyOf, manifestKey, type ValueKind } from "../../../src/store/kvLayout.ts";
import {
	correctionsOf,
	pageOf,
	type StoredCorrections,
	type StoredPage,
	type StoredSummary,
	summaryOf,
} from "../../../src/store/storedEntries.ts";
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";
import { scopeRefOf } from "../../../src/urls/urlScheme.ts";

export interface Published extends PublishedVersion {
	head: Head;
}

export interface PublishedScope {
	pointer: ScopePointer;
	summary: ScopeSummary;
	/** Every entry of the scope, newest first, read through its archive pages and recent list. */
	entries: ArticleEntry[];
}

export interface PublishedVersion {
	manifest: Manifest;
	catalog: Catalog;
	/** Every article's entry from the slug shards, newest first. */
	articles: ArticleEntry[];
	/** Records in the order of `articles`. */
	records: ArticleRecord[];
	/** Tag slug -> name and author slug -> person, from the directory and the author summaries. */
	tags: Record<string, string>;
	authors: Record<string, Person>;
	scopes: Record<string, PublishedScope>;
	/** Every key the version reaches. */
	keys: Set<string>;
}

/** null when nothing is published; throws when head points at a missing manifest or anything it reaches is missing. */
export async function readPublished(kv: KvTarget): Promise<Published | null> {
	const headText = await kv.get(HEAD_KEY);
	if (headText === null) return null;
	const head = JSON.parse(headText) as Head;
	return { head, ...(await readVersion(kv, head.manifest)) };
}

/**
 * What a reader that follows a head naming `manifestHash` sees, whatever `head` holds now (a location where KV
 * still shows an older head). Throws when the manifest or anything it reaches is missing.
 */
export async function readVersion(kv: KvTarget, manifestHash: string): Promise<PublishedVersion> {
	const keys = new Set<string>();
	const read = async <T>(key: string, what: string): Promise<T> => {
		const text = await kv.get(key);
		if (text === null) throw new Error(`${what}: ${key} is missing`);
		keys.add(key);
		return JSON.parse(text) as T;
	};
	const value = <T>(kind: ValueKind, hash: string, what: string) => read<T>(keyOf(kind, hash), what);
	const manifest = await read<Manifest>(manifestKey(manifestHash), "head points at a missing manifest");
	// A manifest written before catalogs existed holds the catalog's fields itself.
	const catalog =
		typeof manifest.catalog === "string"
			? await value<Catalog>("catalog", manifest.catalog, "the manifest's catalog")
			: (manifest as unknown as Catalog);

	// Archive pages list an edited old article's record as it was; the version's corrections name the record now.
	const corrections =
		manifest.corrections === undefined
			? {}
			: correctionsOf(await value<StoredCorrections>("corrections", manifest.corrections, "corrections"));
	const corrected = (entry: ArticleEntry): ArticleEntry =>
		Object.hasOwn(corrections, entry.record) ? (corrections[entry.record] as ArticleEntry) : entry;

	const articles: ArticleEntry[] = [];
	for (const hash of catalog.slugShards)
		articles.push(...Object.values(await value<Record<string, ArticleEntry>>("slugs", hash, "slug shard")));
	articles.sort(newestFirst);
	const records: ArticleRecord[] = [];
	for (const entry of articles)
		records.push(await read<ArticleRecord>(articleKey(entry.record), `record of ${entry.id}`));

	const scopes: Record<string, PublishedScope> = Object.create(null);
	for (const hash of catalog.scopeShards) {
		for (const [key, pointer] of Object.entries(
			await value<Record<string, ScopePointer>>("scopes", hash, "scope shard"),
		)) {
			const summary = summaryOf(await value<StoredSummary>("scope", pointer.summary, `summary of "${key}"`));
			const pageHashes = [...(summary.pages ?? [])];
			for (const table of summary.tables ?? [])
				pageHashes.push(...(await value<PageTable>("table", table, `page table of "${key}"`)).pages);
			if (pageHashes.length !== summary.movedPages)
				throw new Error(`"${key}" lists ${pageHashes.length} pages, not ${summary.movedPages}`);
			const oldest: ArticleEntry[] = [];
			for (const page of pageHashes)
				oldest.push(
					...pageOf(await value<StoredPage>("page", page, `page of "${key}"`)).entries.map(corrected),
				);
			oldest.push(...summary.recent);
			if (oldest.length !== summary.total)
				throw new Error(`"${key}" holds ${oldest.length} entries, not ${summary.total}`);
			scopes[key] = { pointer, summary, entries: oldest.reverse() };
		}
	}
	// The site's feeds read the site scope's pointer from the manifest, everything else from the shard: one pointer.
	if (!isDeepStrictEqual(manifest.siteScope, scopes[""]?.pointer))
		throw new Error("the manifest's site scope pointer is not the one its shard holds");
	const tags: Record<string, string> = Object.create(null);
	const authors: Record<string, Person> = Object.create(null);
	for (const kind of ["tags", "authors"] as const)
		for (const hash of catalog.directory[kind])
			for (const listing of (await value<{ entries: ScopeListing[] }>("dir", hash, "directory page"))
				.entries) {
				const ref = scopeRefOf(listing.key);
				const slug = ref && ref.kind !== "all" ? ref.slug : listing.key;
				if (kind === "tags") tags[slug] = listing.name;
				else authors[slug] = scopes[listing.key]?.summary.person ?? { name: listing.name };
			}
	return { manifest, catalog, articles, records, tags, authors, scopes, keys };
}
