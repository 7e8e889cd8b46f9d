// One published version as the routes read it: lookups by scope and slug, archive pages and directory pages, each
// a read of one or two small values (memoised by the store), never a scan of the archive. Only the site scope is
// found from the manifest alone; everything else goes through the version's catalog, read on first use.
import { ARCHIVE_PAGE_SIZE } from "../domain/archivePages.ts";
import type {
	ArticleEntry,
	Catalog,
	Corrections,
	Manifest,
	ScopeKey,
	ScopeListing,
	ScopePointer,
	ScopeSummary,
} from "../domain/model.ts";
import type { ArticleStore } from "./articleStore.ts";
import { pagePlace, shardOf } from "./kvLayout.ts";

export interface PublishedScope {
	pointer: ScopePointer;
	summary: ScopeSummary;
}

export interface PublishedVersion {
	manifest: Manifest;
	/** The catalog: shard tables, busiest scopes, directory page hashes. */
	catalog(): Promise<Catalog>;
	/** The scope's summary, or undefined when no article has that tag or author. */
	scope(key: ScopeKey): Promise<PublishedScope | undefined>;
	articleBySlug(slug: string): Promise<ArticleEntry | undefined>;
	/** Entries at oldest-first positions [start, end) of the scope, oldest first, with the version's corrections. */
	entriesAt(summary: ScopeSummary, start: number, end: number): Promise<ArticleEntry[]>;
	/** One page of the tag or author directory (1 = first), or undefined past the last. */
	directoryPage(kind: "tag" | "author", page: number): Promise<ScopeListing[] | undefined>;
}

/** JSON objects inherit from Object.prototype: only own keys are names ("constructor" is a slug like any other). */
const own = <V>(record: Record<string, V>, key: string): V | undefined =>
	Object.hasOwn(record, key) ? record[key] : undefined;

export function publishedVersion(store: ArticleStore, manifest: Manifest): PublishedVersion {
	async function pageHash(summary: ScopeSummary, index: number): Promise<string | undefined> {
		const place = pagePlace(summary, index);
		if (!place || "page" in place) return place?.page;
		return (await store.readValue("table", place.table)).pages[place.at];
	}

	/** The version's corrections to archive pages; none when the manifest names none. */
	const corrections = async (): Promise<Corrections> =>
		manifest.corrections === undefined ? {} : store.readValue("corrections", manifest.corrections);

	async function entriesAt(summary: ScopeSummary, start: number, end: number): Promise<ArticleEntry[]> {
		const moved = summary.movedPages * ARCHIVE_PAGE_SIZE;
		const entries: ArticleEntry[] = [];
		for (
			let index = Math.floor(start / ARCHIVE_PAGE_SIZE);
			index * ARCHIVE_PAGE_SIZE < Math.min(end, moved);
			index++
		) {
			const hash = await pageHash(summary, index);
			if (hash === undefined) break;
			const [page, corrected] = await Promise.all([store.readValue("page", hash), corrections()]);
			const offset = index * ARCHIVE_PAGE_SIZE;
			for (const entry of page.entries.slice(Math.max(0, start - offset), Math.max(0, end - offset)))
				entries.push(own(corrected, entry.record) ?? entry);
		}
		if (end > moved) entries.push(...summary.recent.slice(Math.max(0, start - moved), end - moved));
		return entries;
	}

	const catalog = (): Promise<Catalog> => store.readCatalog(manifest);

	return {
		manifest,
		catalog,
		async scope(key) {
			if (key === "" && manifest.siteScope)
				return {
					pointer: manifest.siteScope,
					summary: await store.readValue("scope", manifest.siteScope.summary),
				};
			const { scopeShards } = await catalog();
			const shard = scopeShards[shardOf(key, scopeShards.length)];
			if (shard === undefined) return undefined;
			const pointer = own(await store.readValue("scopes", shard), key);
			if (!pointer) return undefined;
			return { pointer, summary: await store.readValue("scope", pointer.summary) };
		},
		async articleBySlug(slug) {
			const { slugShards } = await catalog();
			const shard = slugShards[shardOf(slug, slugShards.length)];
			return shard === undefined ? undefined : own(await store.readValue("slugs", shard), slug);
		},
		entriesAt,
		async directoryPage(kind, page) {
			const hash = (await catalog()).directory[kind === "tag" ? "tags" : "authors"][page - 1];
			return hash === undefined ? undefined : (await store.readValue("dir", hash)).entries;
		},
	};
}
