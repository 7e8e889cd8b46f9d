// What lives in Workers KV: key names, the bounded layout, and which shard a name falls in. The values' shapes are
// the domain model (src/domain/model.ts).
//
// Layout (content-addressed, so a sync can be interrupted anywhere and readers still see one whole version; no value
// grows with the archive):
//   head              -> Head: the one small, mutable value; switching it publishes a new version.
//   manifest:<hash>   -> Manifest: site settings, the site scope's pointer (so the site's feeds read nothing else before
//                        their summary), the catalog's hash and counts. Fixed size: every cold feed request reads it.
//   catalog:<hash>    -> Catalog: the scope and slug shard tables, the busiest scopes, the directory page hashes: what
//                        grows with the archive (25 bytes per 1,000 articles) or its scopes; the site's feeds never
//                        read it.
//   scopes:<hash>     -> one scope shard: scope key -> ScopePointer (shardOf(key, the manifest's shard count)).
//   slugs:<hash>      -> one slug shard: article slug -> ArticleEntry.
//   scope:<hash>      -> ScopeSummary: a scope's newest entries and its archive page hashes (or tables of them).
//   table:<hash>      -> PageTable: up to PAGE_TABLE_SIZE archive page hashes.
//   page:<hash>       -> ArchivePageValue: one complete archive page of entries.
//   corrections:<hash> -> Corrections: entries of archive pages edited since the pages were written (at most
//                        MAX_CORRECTIONS; named by the manifest, read only with archive pages).
//   (Summaries and pages hold their entries in the short form of storedEntries.ts: every cold feed reads a summary.)
//   dir:<hash>        -> DirectoryPageValue: one page of the tag or author directory.
//   article:<hash>    -> ArticleRecord: one rendered article. The hash is of the record's own JSON.
//   sync-lease        -> which sync may publish now (src/sync/publish/syncLease.ts); the Worker never reads it.
// Sync writes what is missing, then head; then deletes what neither the new version nor the previous one reaches.

import type { Head, ScopeSummary } from "../domain/model.ts";

export const HEAD_KEY = "head";

export const LEASE_KEY = "sync-lease";

/** The head in a value read from KV, or null when it is not one (missing or malformed). */
export function parseHead(value: unknown): Head | null {
	const head = value as Partial<Head> | null;
	if (typeof head?.manifest !== "string" || typeof head.version !== "number") return null;
	const parsed: Head = { manifest: head.manifest, version: head.version };
	if (typeof head.previous === "string") parsed.previous = head.previous;
	if (typeof head.origin === "string") parsed.origin = head.origin;
	return parsed;
}

/** Every content-addressed kind, by key prefix. */
export const PREFIXES = {
	manifest: "manifest:",
	catalog: "catalog:",
	scopes: "scopes:",
	slugs: "slugs:",
	scope: "scope:",
	table: "table:",
	page: "page:",
	corrections: "corrections:",
	dir: "dir:",
	article: "article:",
} as const;

export type ValueKind = keyof typeof PREFIXES;

export const MANIFEST_PREFIX = PREFIXES.manifest;
export const ARTICLE_PREFIX = PREFIXES.article;

export const keyOf = (kind: ValueKind, hash: string): string => `${PREFIXES[kind]}${hash}`;
export const manifestKey = (hash: string): string => keyOf("manifest", hash);
export const articleKey = (hash: string): string => keyOf("article", hash);

/** Scope pointers a scope shard holds on average at most (~100 bytes each). */
export const SCOPE_SHARD_ENTRIES = 500;
/** Article entries a slug shard holds on average at most (~130 bytes each). */
export const SLUG_SHARD_ENTRIES = 1000;

/**
 * How many shards `items` names need: a power of two, so a shard stays near `perShard` entries at any size (1 for a
 * small site, 1,024 slug shards for 1,000,000 articles); readers take the count from the catalog's list.
 */
export function shardCount(items: number, perShard: number): number {
	let count = 1;
	while (count * perShard < items) count *= 2;
	return count;
}
/** Archive page hashes a summary lists itself before it lists tables of them (10,000 articles per scope). */
export const PAGE_TABLE_SIZE = 100;

/** Where a summary names its archive page `index` (0 = oldest): itself, or place `at` of one of its page tables;
 * undefined past its last page. */
export function pagePlace(
	summary: Pick<ScopeSummary, "pages" | "tables">,
	index: number,
): { page: string } | { table: string; at: number } | undefined {
	if (summary.pages) {
		const page = summary.pages[index];
		return page === undefined ? undefined : { page };
	}
	const table = summary.tables?.[Math.floor(index / PAGE_TABLE_SIZE)];
	return table === undefined ? undefined : { table, at: index % PAGE_TABLE_SIZE };
}
/**
 * Corrections a version carries at most (~170 bytes each, so the value stays under 50 KB): past this, the archive
 * pages that list edited articles are written again instead.
 */
export const MAX_CORRECTIONS = 256;
/** Tags or authors per directory page. */
export const DIRECTORY_PAGE_SIZE = 200;
/** Busiest tags and authors the catalog names. */
export const BUSIEST_SCOPES = 20;
/** Visible items a summary keeps in `recent`: the most any current feed shows (feedParams' limit). */
export const RECENT_VISIBLE = 100;

/** FNV-1a over UTF-16 code units: the same shard for a name in workerd and on Node, no I/O. */
export function shardOf(name: string, shards: number): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < name.length; i++) {
		hash ^= name.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0) % shards;
}
