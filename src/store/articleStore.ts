// Worker-side KV reads: the head pointer, the version's content-addressed values and article records, memoised in
// the isolate.
import type {
	ArchivePageValue,
	ArticleEntry,
	ArticleRecord,
	Catalog,
	Corrections,
	DirectoryPageValue,
	Head,
	Manifest,
	PageTable,
	ScopePointer,
	ScopeSummary,
} from "../domain/model.ts";
import { LruMemo } from "../util/lruMemo.ts";
import { HEAD_KV_CACHE_TTL_SECONDS, HEAD_RECHECK_MS, IMMUTABLE_KV_CACHE_TTL_SECONDS } from "./kvFreshness.ts";
import { articleKey, HEAD_KEY, keyOf, manifestKey, parseHead, type ValueKind } from "./kvLayout.ts";
import {
	correctionsOf,
	pageOf,
	type StoredCorrections,
	type StoredPage,
	type StoredSummary,
	summaryOf,
} from "./storedEntries.ts";

/** KV failed, or holds something a published version cannot contain: the request cannot be answered from KV. */
export class StoreUnavailableError extends Error {
	override name = "StoreUnavailableError";
}

/** Nothing has been synced yet: there is no head. */
export class NothingPublishedError extends StoreUnavailableError {
	override name = "NothingPublishedError";
}

export interface ArticleStore {
	/** The newest published version this isolate knows of; never older than one it returned before. */
	readHead(): Promise<Head>;
	/** The head `readHead` would return without reading KV, while it is that recent; else undefined. */
	recentHead(): Head | undefined;
	/** The newest head this isolate has read, however long ago; no KV read (what to key fallbacks on when KV fails). */
	knownHead(): Head | undefined;
	readManifest(hash: string): Promise<Manifest>;
	/** The manifest's catalog: read only by views that find things through it (never the site's feeds). */
	readCatalog(manifest: Manifest): Promise<Catalog>;
	/** A content-addressed value of the version (shard, summary, table, page, corrections, directory page). */
	readValue<K extends Exclude<ValueKind, "manifest" | "catalog" | "article">>(
		kind: K,
		hash: string,
	): Promise<StoredValues[K]>;
	/** Records in the order of `hashes`. */
	readRecords(hashes: readonly string[]): Promise<ArticleRecord[]>;
}

/** The shapes of the values under each prefix, as readValue returns them (entries expanded: storedEntries.ts). */
export interface StoredValues {
	scopes: Record<string, ScopePointer>;
	slugs: Record<string, ArticleEntry>;
	scope: ScopeSummary;
	table: PageTable;
	page: ArchivePageValue;
	corrections: Corrections;
	dir: DirectoryPageValue;
}

/** What an isolate remembers between requests. Manifests, catalogs and records are immutable under their hash.
 * Only settled values are shared: a pending KV read belongs to the request that started it, and workerd fails
 * every other request awaiting it when that one is cancelled ("Cannot perform I/O on behalf of a different
 * request"), which would answer them with 500s. */
export interface ArticleMemo {
	head?: Head;
	headCheckedAt: number;
	manifests: LruMemo<string, Manifest>;
	catalogs: LruMemo<string, Catalog>;
	/** Shards, summaries, tables, pages, corrections and directory pages, by key. */
	values: LruMemo<string, unknown>;
	records: LruMemo<string, ArticleRecord>;
}

export function createArticleMemo(): ArticleMemo {
	return {
		headCheckedAt: Number.NEGATIVE_INFINITY,
		// Two manifests cover a version switch; more would only hold memory.
		manifests: new LruMemo({ maxEntries: 2 }),
		catalogs: new LruMemo({ maxEntries: 2 }),
		// Each at most a few hundred KB, most a few KB; a version switch changes only the few a sync rewrote.
		values: new LruMemo({ maxEntries: 500 }),
		// About 10 MB of 5 KB articles: the newest items of every feed stay warm.
		records: new LruMemo({ maxEntries: 2_000 }),
	};
}

async function getJson(kv: KVNamespace, key: string, cacheTtl: number): Promise<unknown> {
	try {
		return await kv.get(key, { type: "json", cacheTtl });
	} catch (error) {
		throw new StoreUnavailableError(`KV read of "${key}" failed`, { cause: error });
	}
}

/** A catalog's fields, in a catalog or in a manifest written before catalogs existed (which held them itself). */
function isCatalog(value: unknown): value is Catalog {
	const catalog = value as Partial<Catalog> | null;
	return (
		Array.isArray(catalog?.scopeShards) &&
		Array.isArray(catalog.slugShards) &&
		typeof catalog.busiest === "object" &&
		typeof catalog.directory === "object"
	);
}

function isManifest(value: unknown): value is Manifest {
	const manifest = value as Partial<Manifest> | null;
	return (
		typeof manifest?.siteHash === "string" &&
		typeof manifest.site === "object" &&
		(typeof manifest.catalog === "string" || isCatalog(manifest))
	);
}

/** The value as the routes use it: summaries' and archive pages' entries expanded from their stored form. */
function fromStored(kind: ValueKind, value: object): unknown {
	try {
		if (kind === "scope") return summaryOf(value as StoredSummary);
		if (kind === "page") return pageOf(value as StoredPage);
		if (kind === "corrections") return correctionsOf(value as StoredCorrections);
	} catch (error) {
		throw new StoreUnavailableError(`KV ${kind} value is malformed`, { cause: error });
	}
	return value;
}

/** Reads through `memo`: a settled value is reused; a miss is read by this request and then remembered. */
async function memoised<V>(memo: LruMemo<string, V>, key: string, load: () => Promise<V>): Promise<V> {
	const known = memo.get(key);
	if (known !== undefined) return known;
	const value = await load();
	memo.set(key, value);
	return value;
}

export function articleStore(kv: KVNamespace, memo: ArticleMemo, now: () => number): ArticleStore {
	async function fetchHead(): Promise<Head> {
		const value = await getJson(kv, HEAD_KEY, HEAD_KV_CACHE_TTL_SECONDS);
		if (value === null) {
			if (memo.head) return memo.head;
			throw new NothingPublishedError("nothing has been published: KV has no head");
		}
		const head = parseHead(value);
		if (!head) throw new StoreUnavailableError("KV head is malformed");
		// A stale KV replica can return an older head after a newer one: never go back.
		if (!memo.head || head.version >= memo.head.version) memo.head = head;
		memo.headCheckedAt = now();
		return memo.head;
	}

	function recentHead(): Head | undefined {
		return memo.head && now() - memo.headCheckedAt < HEAD_RECHECK_MS ? memo.head : undefined;
	}

	function readHead(): Promise<Head> {
		const recent = recentHead();
		return recent ? Promise.resolve(recent) : fetchHead();
	}

	function readManifest(hash: string): Promise<Manifest> {
		return memoised(memo.manifests, hash, async () => {
			const value = await getJson(kv, manifestKey(hash), IMMUTABLE_KV_CACHE_TTL_SECONDS);
			if (!isManifest(value)) throw new StoreUnavailableError(`KV manifest ${hash} is missing or malformed`);
			return value;
		});
	}

	function readCatalog(manifest: Manifest): Promise<Catalog> {
		// A manifest of the layout before catalogs holds the catalog's fields itself: a Worker deployed before the
		// sync that rewrites the layout still answers.
		if (typeof manifest.catalog !== "string" && isCatalog(manifest)) return Promise.resolve(manifest);
		return memoised(memo.catalogs, manifest.catalog, async () => {
			const value = await getJson(kv, keyOf("catalog", manifest.catalog), IMMUTABLE_KV_CACHE_TTL_SECONDS);
			if (!isCatalog(value))
				throw new StoreUnavailableError(`KV catalog ${manifest.catalog} is missing or malformed`);
			return value;
		});
	}

	function readValue<K extends Exclude<ValueKind, "manifest" | "catalog" | "article">>(
		kind: K,
		hash: string,
	): Promise<StoredValues[K]> {
		const key = keyOf(kind, hash);
		return memoised(memo.values, key, async () => {
			const value = await getJson(kv, key, IMMUTABLE_KV_CACHE_TTL_SECONDS);
			if (value === null || typeof value !== "object")
				throw new StoreUnavailableError(`KV ${key} is missing`);
			return fromStored(kind, value);
		}) as Promise<StoredValues[K]>;
	}

	function readRecord(hash: string): Promise<ArticleRecord> {
		return memoised(memo.records, hash, async () => {
			const value = await getJson(kv, articleKey(hash), IMMUTABLE_KV_CACHE_TTL_SECONDS);
			if (value === null || typeof value !== "object") {
				throw new StoreUnavailableError(`KV article record ${hash} is missing`);
			}
			return value as ArticleRecord;
		});
	}

	return {
		readHead,
		recentHead,
		knownHead: () => memo.head,
		readManifest,
		readCatalog,
		readValue,
		readRecords: (hashes) => Promise.all(hashes.map(readRecord)),
	};
}
