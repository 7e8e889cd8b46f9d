// Builds every value of one version from the articles' summaries: each scope's summary and complete archive pages, the
// scope and slug shards, the tag and author directory, the catalog that lists them, and the manifest. Each value is canonical JSON under its
// content hash, so an unchanged part of the archive gives the same keys and nothing to write. Runs on Node and in
// workerd.
import { ARCHIVE_PAGE_SIZE } from "../../domain/archivePages.ts";
import { newestFirst } from "../../domain/entryOrder.ts";
import type {
	ArticleEntry,
	ArticleRecord,
	AuthorRef,
	Catalog,
	Manifest,
	Person,
	ScopeKey,
	ScopeListing,
	ScopePointer,
	ScopeSummary,
	SiteSettings,
	TagRef,
} from "../../domain/model.ts";
import {
	BUSIEST_SCOPES,
	DIRECTORY_PAGE_SIZE,
	keyOf,
	PAGE_TABLE_SIZE,
	RECENT_VISIBLE,
	SCOPE_SHARD_ENTRIES,
	SLUG_SHARD_ENTRIES,
	shardCount,
	shardOf,
	type ValueKind,
} from "../../store/kvLayout.ts";
import { storedPage, storedSummary } from "../../store/storedEntries.ts";
import { authorScope, tagScope } from "../../urls/urlScheme.ts";
import { hashJson, hashText } from "./contentHash.ts";

/** One record as stored: the hash that names its key, and its canonical JSON, read from its source on demand. */
export interface StoredRecord {
	id: string;
	hash: string;
	readonly json: string;
}

/** What building needs of one article: its entry's fields and its tags and authors with their final slugs. */
export interface SourceArticle {
	id: string;
	slug: string;
	/** Hash of the record's canonical JSON. */
	record: string;
	published: number;
	modified: number;
	tags: readonly TagRef[];
	authors: readonly AuthorRef[];
}

/** The articles of a version and where their records are: held in memory, or read from the render cache. */
export interface ArticleSource {
	articles: readonly SourceArticle[];
	/** The canonical JSON of the record with this hash. */
	recordJson(hash: string): string;
}

/** A source over records in memory (tests, and callers without a render cache). */
export async function sourceOfRecords(records: readonly ArticleRecord[]): Promise<ArticleSource> {
	const jsons = new Map<string, string>();
	const articles: SourceArticle[] = [];
	for (const record of records) {
		const { json, hash } = await hashJson(record);
		jsons.set(hash, json);
		const published = Date.parse(record.published);
		articles.push({
			id: record.id,
			slug: record.slug,
			record: hash,
			published,
			modified: record.updated === undefined ? published : Date.parse(record.updated),
			tags: record.tags,
			authors: record.authors,
		});
	}
	return {
		articles,
		recordJson(hash) {
			const json = jsons.get(hash);
			if (json === undefined) throw new Error(`no record ${hash} in this source`);
			return json;
		},
	};
}

/** Where a version's values are kept while it is built and published: a Map, or a store on disk that holds only
 * their keys in memory (spilledValues.ts). */
export interface ValueStore extends Iterable<[string, string]> {
	readonly size: number;
	get(key: string): string | undefined;
	has(key: string): boolean;
	/** In the order the values were set. */
	keys(): Iterable<string>;
	values(): Iterable<string>;
	set(key: string, json: string): unknown;
}

/** Everything one version consists of, ready to be planned against what KV holds. */
export interface Snapshot {
	manifest: Manifest;
	manifestHash: string;
	/** The catalog the manifest names (its value is in `values`). */
	catalog: Catalog;
	/** Every value but the records, catalog and manifest included (they come last): key -> JSON. */
	values: ValueStore;
	/** Newest published first. */
	records: StoredRecord[];
	/** Each scope's pointer, as its shard holds it. */
	pointers: Map<ScopeKey, ScopePointer>;
	/** Article id -> record hash (made when asked). */
	readonly recordHashes: Map<string, string>;
}

interface ScopeMembers {
	name: string;
	person?: Person;
	/** Newest first. */
	entries: ArticleEntry[];
}

/** Values of one version, by key, with the hash each is stored under. */
class ValueSet {
	readonly values: ValueStore;
	constructor(values: ValueStore) {
		this.values = values;
	}
	async add(kind: ValueKind, value: unknown): Promise<string> {
		const { json, hash } = await hashJson(value);
		this.values.set(keyOf(kind, hash), json);
		return hash;
	}
}

/**
 * Builds the version for `source`'s articles (drafts already left out, slugs final) as of `now` (epoch ms). `previous` holds the
 * published version's scope pointers; each scope's `changed` carries forward from it, so syncing unchanged content
 * again gives byte-identical values (the same keys, so nothing to write). The values go into `values` (a new,
 * empty store).
 */
export async function buildVersion(
	site: SiteSettings,
	source: ArticleSource,
	previous: ReadonlyMap<ScopeKey, ScopePointer>,
	now: number,
	values: ValueStore = new Map(),
): Promise<Snapshot> {
	const set = new ValueSet(values);
	// Each article serves as its own entry (summaries and pages store only an entry's fields): no copy per article.
	const stored = source.articles.toSorted(newestFirst);

	// Maps, not object literals: a slug such as "constructor" or "__proto__" is a key like any other.
	const scopes = new Map<ScopeKey, ScopeMembers>([["", { name: site.title, entries: [] }]]);
	const member = (key: ScopeKey, name: string, entry: ArticleEntry, person?: Person): void => {
		let members = scopes.get(key);
		if (!members) {
			// Newest article first, so a tag's newest spelling and an author's newest email/url win.
			members = person ? { name, person, entries: [] } : { name, entries: [] };
			scopes.set(key, members);
		}
		members.entries.push(entry);
	};
	for (const article of stored) {
		member("", site.title, article);
		for (const tag of article.tags) member(tagScope(tag.slug), tag.name, article);
		for (const { slug, ...person } of article.authors)
			member(authorScope(slug), person.name, article, person);
	}

	const siteHash = (await hashJson(site)).hash;
	const keep = Math.max(RECENT_VISIBLE, site.itemsPerFeed);
	const pointers = new Map<ScopeKey, ScopePointer>();
	const listings = { tags: [] as ScopeListing[], authors: [] as ScopeListing[] };
	for (const [key, members] of scopes) {
		const { summary, fingerprint, visible } = await buildScope(set, key, members, siteHash, keep, now);
		pointers.set(key, {
			summary,
			fingerprint,
			changed: changedAt(members.entries, now, fingerprint, previous.get(key)),
		});
		const oldest = members.entries.at(-1);
		if (key === "" || oldest === undefined) continue;
		const listing: ScopeListing = { key, name: members.name, count: visible, since: oldest.published };
		(key.startsWith("tags/") ? listings.tags : listings.authors).push(listing);
	}

	const scopeShards = await shardValues(
		set,
		"scopes",
		shardCount(pointers.size, SCOPE_SHARD_ENTRIES),
		pointers,
	);
	const slugShards = await slugShardValues(set, shardCount(stored.length, SLUG_SHARD_ENTRIES), stored);
	const collator = new Intl.Collator(site.language);
	const siteScope = pointers.get("");
	if (!siteScope) throw new Error("the site scope has no pointer");
	const catalog: Catalog = {
		scopeShards,
		slugShards,
		busiest: { tags: busiest(listings.tags, collator), authors: busiest(listings.authors, collator) },
		directory: {
			tags: await directoryPages(set, listings.tags, collator),
			authors: await directoryPages(set, listings.authors, collator),
		},
	};
	const manifest: Manifest = {
		site,
		siteHash,
		siteScope,
		catalog: await set.add("catalog", catalog),
		totals: { tags: listings.tags.length, authors: listings.authors.length },
		articles: stored.length,
	};
	const manifestHash = await set.add("manifest", manifest);
	const records = stored.map((article) => new SourcedRecord(article.id, article.record, source));
	return {
		manifest,
		manifestHash,
		catalog,
		values: set.values,
		records,
		pointers,
		get recordHashes(): Map<string, string> {
			return new Map(records.map((record) => [record.id, record.hash]));
		},
	};
}

/** A record read from its source when asked: a class, so a million of them share one getter and hold no entry. */
class SourcedRecord implements StoredRecord {
	readonly id: string;
	readonly hash: string;
	readonly #source: ArticleSource;
	constructor(id: string, hash: string, source: ArticleSource) {
		this.id = id;
		this.hash = hash;
		this.#source = source;
	}
	get json(): string {
		return this.#source.recordJson(this.hash);
	}
}

/**
 * A scope's summary and archive pages. Complete pages of the oldest items move out of the summary while `keep`
 * visible items (the most a current feed shows) and every scheduled one stay in `recent`; so every moved page is a
 * complete archive page, and a current feed never reads one.
 */
async function buildScope(
	set: ValueSet,
	key: ScopeKey,
	members: ScopeMembers,
	siteHash: string,
	keep: number,
	now: number,
): Promise<{ summary: string; fingerprint: string; visible: number }> {
	const oldest = members.entries.toReversed();
	let scheduled = 0;
	while (scheduled < oldest.length && (oldest[oldest.length - 1 - scheduled] as ArticleEntry).published > now)
		scheduled++;
	const movedPages = Math.max(0, Math.floor((oldest.length - scheduled - keep) / ARCHIVE_PAGE_SIZE));
	const pages: string[] = [];
	for (let page = 0; page < movedPages; page++) {
		const entries = oldest.slice(page * ARCHIVE_PAGE_SIZE, (page + 1) * ARCHIVE_PAGE_SIZE);
		pages.push(await set.add("page", storedPage({ entries })));
	}
	const summary: ScopeSummary = {
		key,
		name: members.name,
		total: oldest.length,
		movedPages,
		recent: oldest.slice(movedPages * ARCHIVE_PAGE_SIZE),
	};
	if (members.person) summary.person = members.person;
	if (pages.length <= PAGE_TABLE_SIZE) {
		if (pages.length > 0) summary.pages = pages;
	} else {
		summary.tables = [];
		for (let start = 0; start < pages.length; start += PAGE_TABLE_SIZE)
			summary.tables.push(await set.add("table", { pages: pages.slice(start, start + PAGE_TABLE_SIZE) }));
	}
	const visibleRecent = summary.recent.slice(0, summary.recent.length - scheduled);
	// What the scope shows at sync time: its moved pages (all visible) and its visible recent items.
	const fingerprint = await hashText(
		[siteHash, ...pages, ...visibleRecent.map((entry) => entry.record)].join("\n"),
	);
	return {
		summary: await set.add("scope", storedSummary(summary)),
		fingerprint,
		visible: oldest.length - scheduled,
	};
}

/**
 * `changed` moves only when the fingerprint does: to the newest visible modification if that is newer than
 * before, else to `now` (a deletion, or an edit that did not bump `updated`, still changes the feed).
 */
function changedAt(
	entries: readonly ArticleEntry[],
	now: number,
	fingerprint: string,
	previous: ScopePointer | undefined,
): number {
	let newest: number | null = null;
	for (const entry of entries)
		if (entry.published <= now && (newest === null || entry.modified > newest)) newest = entry.modified;
	if (!previous) return newest ?? now;
	if (previous.fingerprint === fingerprint) return previous.changed;
	return newest !== null && newest > previous.changed ? newest : now;
}

/** `count` shards of `items` by name; returns their hashes in shard order (an empty shard is `{}` like any other). */
async function shardValues<V>(
	set: ValueSet,
	kind: "scopes" | "slugs",
	count: number,
	items: ReadonlyMap<string, V>,
): Promise<string[]> {
	const shards: [string, V][][] = Array.from({ length: count }, () => []);
	for (const [name, value] of items) shards[shardOf(name, count)]?.push([name, value]);
	const hashes: string[] = [];
	for (const shard of shards) hashes.push(await set.add(kind, Object.fromEntries(shard)));
	return hashes;
}

/** `count` shards of the articles by slug, each shard's entries made only when it is stored; returns their hashes
 * in shard order. */
async function slugShardValues(
	set: ValueSet,
	count: number,
	articles: readonly SourceArticle[],
): Promise<string[]> {
	const shards: SourceArticle[][] = Array.from({ length: count }, () => []);
	for (const article of articles) shards[shardOf(article.slug, count)]?.push(article);
	const hashes: string[] = [];
	for (const shard of shards) {
		const entries = shard.map(({ id, slug, record, published, modified }) => {
			const entry: ArticleEntry = { id, slug, record, published, modified };
			return [slug, entry] as const;
		});
		hashes.push(await set.add("slugs", Object.fromEntries(entries)));
	}
	return hashes;
}

const byName = (collator: Intl.Collator) => (a: ScopeListing, b: ScopeListing) =>
	collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function busiest(listings: readonly ScopeListing[], collator: Intl.Collator): ScopeListing[] {
	return listings.toSorted((a, b) => b.count - a.count || byName(collator)(a, b)).slice(0, BUSIEST_SCOPES);
}

async function directoryPages(
	set: ValueSet,
	listings: readonly ScopeListing[],
	collator: Intl.Collator,
): Promise<string[]> {
	const sorted = listings.toSorted(byName(collator));
	const pages: string[] = [];
	for (let start = 0; start < sorted.length; start += DIRECTORY_PAGE_SIZE)
		pages.push(await set.add("dir", { entries: sorted.slice(start, start + DIRECTORY_PAGE_SIZE) }));
	return pages;
}
