// Builds every value of one version from an ArticleSource: each scope's summary and complete archive pages (built as
// its members stream past, oldest first), the scope and slug shards, the tag and author directory, the catalog that
// lists them, and the manifest. Each value is canonical JSON under its content hash, so an unchanged part of the
// archive gives the same keys and nothing to write. Runs on Node and in workerd.
import { ARCHIVE_PAGE_SIZE } from "../../domain/archivePages.ts";
import type {
	ArticleEntry,
	Catalog,
	Manifest,
	PageTable,
	ScopeKey,
	ScopeListing,
	ScopePointer,
	ScopeSummary,
	SiteSettings,
} from "../../domain/model.ts";
import {
	ARTICLE_PREFIX,
	BUSIEST_SCOPES,
	DIRECTORY_PAGE_SIZE,
	keyOf,
	MAX_CORRECTIONS,
	PAGE_TABLE_SIZE,
	pagePlace,
	RECENT_VISIBLE,
	SCOPE_SHARD_ENTRIES,
	SLUG_SHARD_ENTRIES,
	shardCount,
	shardOf,
	type ValueKind,
} from "../../store/kvLayout.ts";
import {
	pageOf,
	type StoredEntry,
	type StoredPage,
	type StoredSummary,
	storedEntry,
	storedPage,
	storedSummary,
} from "../../store/storedEntries.ts";
import type { ArticleSource, BuildKeeper, EarlierBuild, ScopeBuild, ScopeMembers } from "./articleSource.ts";
import { canonicalJson, hashJson, hashText } from "./contentHash.ts";

/** One record as stored: the hash that names its key, and its canonical JSON, read from its source on demand. */
export interface StoredRecord {
	id: string;
	hash: string;
	readonly json: string;
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
	clear(): void;
}

/** Everything one version consists of, ready to be planned against what KV holds. */
export interface Snapshot {
	manifest: Manifest;
	manifestHash: string;
	/** The catalog the manifest names (its value is in `values`). */
	catalog: Catalog;
	/** Every value but the records, catalog and manifest included (they come last): key -> JSON. */
	values: ValueStore;
	/** The articles, their records read from here when written. */
	source: ArticleSource;
	/** Whether the version reaches `key` (a record's or another value's). */
	hasKey(key: string): boolean;
	/** Each scope's pointer, as its shard holds it. */
	pointers: Map<ScopeKey, ScopePointer>;
	/** Every record, newest published first, read when asked (tests; sync reads `source`). */
	readonly records: StoredRecord[];
	/** Article id -> record hash, made when asked (tests). */
	readonly recordHashes: Map<string, string>;
}

/**
 * The version of how a scope's summary and pages are made from its members (buildScope, store/storedEntries.ts):
 * part of every kept build's inputs, so bump it with any change to either, and no earlier run's build is reused.
 */
const SCOPE_BUILD_VERSION = 2;

/** Values of one version, by key, with the hash each is stored under; each also told to `keeper` if given. */
class ValueSet {
	readonly values: ValueStore;
	readonly keeper: BuildKeeper | undefined;
	constructor(values: ValueStore, keeper?: BuildKeeper) {
		this.values = values;
		this.keeper = keeper;
	}
	add(kind: ValueKind, value: unknown): string {
		const { json, hash } = hashJson(value);
		this.put(keyOf(kind, hash), json);
		return hash;
	}
	/** A value already made: its key and JSON. */
	put(key: string, json: string): void {
		this.values.set(key, json);
		this.keeper?.value(key, json);
	}
}

/** Building with corrections stops as soon as a version would need more than MAX_CORRECTIONS: a change to most of
 * the archive (a new base URL re-renders every record) would otherwise collect one per archived article first. */
class TooManyCorrections extends Error {}

/** The scopes of a version: their pointers, their listings, and the corrections their archive pages need. */
interface BuiltScopes {
	pointers: Map<ScopeKey, ScopePointer>;
	listings: { tags: ScopeListing[]; authors: ScopeListing[] };
	corrections: Map<string, StoredEntry>;
}

/**
 * Builds the version for `source`'s articles (drafts already left out, slugs final: see finalizeSlugs) as of `now`
 * (epoch ms). `previous` holds the published version's scope pointers; each scope's `changed` carries forward from
 * it, so syncing unchanged content again gives byte-identical values (the same keys, so nothing to write). Archive
 * pages an earlier run built stay when only records they list were edited, up to MAX_CORRECTIONS of them (see
 * buildScopes). The values go into `values` (a new, empty store).
 */
export async function buildVersion(
	site: SiteSettings,
	source: ArticleSource,
	previous: ReadonlyMap<ScopeKey, ScopePointer>,
	now: number,
	values: ValueStore = new Map(),
): Promise<Snapshot> {
	const set = new ValueSet(values);
	const siteHash = hashJson(site).hash;
	let scopes: BuiltScopes;
	try {
		scopes = await buildScopes(site, siteHash, source, previous, now, set, true);
	} catch (error) {
		if (!(error instanceof TooManyCorrections)) throw error;
		// Too many to carry: every page that needs one is written again, with the entries it lists now.
		values.clear();
		scopes = await buildScopes(site, siteHash, source, previous, now, set, false);
	}
	const { pointers, listings, corrections } = scopes;
	const breathe = breather();
	const scopeShards = shardValues(set, shardCount(pointers.size, SCOPE_SHARD_ENTRIES), pointers);
	const slugShards: string[] = [];
	for (const shard of source.slugShards(shardCount(source.count, SLUG_SHARD_ENTRIES))) {
		slugShards.push(set.add("slugs", Object.fromEntries(shard.map((entry) => [entry.slug, entry]))));
		await breathe();
	}
	const correctionsHash =
		corrections.size > 0 ? set.add("corrections", Object.fromEntries(corrections)) : undefined;
	const collator = new Intl.Collator(site.language);
	const siteScope = pointers.get("");
	if (!siteScope) throw new Error("the site scope has no pointer");
	const catalog: Catalog = {
		scopeShards,
		slugShards,
		busiest: { tags: busiest(listings.tags, collator), authors: busiest(listings.authors, collator) },
		directory: {
			tags: directoryPages(set, listings.tags, collator),
			authors: directoryPages(set, listings.authors, collator),
		},
	};
	const manifest: Manifest = {
		site,
		siteHash,
		siteScope,
		catalog: set.add("catalog", catalog),
		totals: { tags: listings.tags.length, authors: listings.authors.length },
		articles: source.count,
	};
	if (correctionsHash !== undefined) manifest.corrections = correctionsHash;
	const manifestHash = set.add("manifest", manifest);
	const records = (): StoredRecord[] => {
		const site = source.scopes(now)[Symbol.iterator]().next().value as ScopeMembers;
		return [...site.oldestFirst()]
			.reverse()
			.map((entry) => new SourcedRecord(entry.id, entry.record, source));
	};
	return {
		manifest,
		manifestHash,
		catalog,
		values: set.values,
		source,
		hasKey: (key) =>
			set.values.has(key) ||
			(key.startsWith(ARTICLE_PREFIX) && source.hasRecord(key.slice(ARTICLE_PREFIX.length))),
		pointers,
		get records() {
			return records();
		},
		get recordHashes(): Map<string, string> {
			return new Map(records().map((record) => [record.id, record.hash]));
		},
	};
}

/**
 * Every scope's summary and archive pages, each from what an earlier run kept of it when its members are the same,
 * else built. With `correct`, a build keeps each archive page of the scope's earlier build that lists the same
 * articles in the same places, naming the records edited since in corrections (buildScope); without it, no build
 * that needs corrections is used.
 */
async function buildScopes(
	site: SiteSettings,
	siteHash: string,
	source: ArticleSource,
	previous: ReadonlyMap<ScopeKey, ScopePointer>,
	now: number,
	set: ValueSet,
	correct: boolean,
): Promise<BuiltScopes> {
	const breathe = breather();
	const keep = Math.max(RECENT_VISIBLE, site.itemsPerFeed);
	const built: BuiltScopes = {
		pointers: new Map(),
		listings: { tags: [], authors: [] },
		corrections: new Map(),
	};
	for (const members of source.scopes(now)) {
		const { key } = members;
		const name = members.name ?? site.title;
		// Members unchanged since an earlier run built the scope from the same inputs give the same build.
		const inputs = canonicalJson([
			SCOPE_BUILD_VERSION,
			ARCHIVE_PAGE_SIZE,
			PAGE_TABLE_SIZE,
			siteHash,
			keep,
			name,
			members.person ?? null,
			members.total,
			members.scheduled,
		]);
		const kept = source.keptBuild?.(key, inputs);
		let scope: ScopeBuild;
		if (kept && (correct || !kept.result.corrections)) {
			if (kept.result.corrections) correctAll(built.corrections, kept.result.corrections);
			for (const [valueKey, json] of kept.values()) set.values.set(valueKey, json);
			scope = kept.result;
		} else {
			const earlier = correct ? source.earlierBuild?.(key) : undefined;
			const keeper = source.keepBuild?.(key, inputs);
			scope = await buildScope(
				keeper ? new ValueSet(set.values, keeper) : set,
				members,
				name,
				siteHash,
				keep,
				now,
				earlier && earlierPages(earlier),
				built.corrections,
				breathe,
			);
			keeper?.done(scope);
		}
		built.pointers.set(key, {
			summary: scope.summary,
			fingerprint: scope.fingerprint,
			changed: changedAt(scope.newestVisibleChange, now, scope.fingerprint, previous.get(key)),
		});
		if (key === "" || scope.since === undefined) continue;
		const listing: ScopeListing = {
			key,
			name: members.name ?? key,
			count: scope.visible,
			since: scope.since,
		};
		(key.startsWith("tags/") ? built.listings.tags : built.listings.authors).push(listing);
	}
	return built;
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
 * A scope's summary and archive pages, its members read once, oldest first. Complete pages of the oldest items move
 * out of the summary while `keep` visible items (the most a current feed shows) and every scheduled one stay in
 * `recent`; so every moved page is a complete archive page, and a current feed never reads one.
 */
async function buildScope(
	set: ValueSet,
	members: ScopeMembers,
	name: string,
	siteHash: string,
	keep: number,
	now: number,
	earlier: EarlierPages | undefined,
	allCorrections: Map<string, StoredEntry>,
	breathe: () => Promise<void>,
): Promise<ScopeBuild> {
	const { total, scheduled } = members;
	const movedPages = Math.max(0, Math.floor((total - scheduled - keep) / ARCHIVE_PAGE_SIZE));
	/** The hashes the summary lists (kept pages' among them), and the hashes of the pages as they are now. */
	const pages: string[] = [];
	const freshPages: string[] = [];
	const corrections: [string, StoredEntry][] = [];
	const recent: ArticleEntry[] = [];
	let page: ArticleEntry[] = [];
	let since: number | undefined;
	let newestVisibleChange: number | null = null;
	for (const entry of members.oldestFirst()) {
		since ??= entry.published;
		if (entry.published <= now && (newestVisibleChange === null || entry.modified > newestVisibleChange))
			newestVisibleChange = entry.modified;
		if (pages.length === movedPages) {
			recent.push(entry);
			continue;
		}
		page.push(entry);
		if (page.length === ARCHIVE_PAGE_SIZE) {
			const { fresh, listed, edits } = addPage(set, page, earlier?.page(pages.length));
			pages.push(listed);
			freshPages.push(fresh);
			if (edits.length > 0) {
				corrections.push(...edits);
				correctAll(allCorrections, edits);
			}
			page = [];
			await breathe();
		}
	}
	const summary: ScopeSummary = { key: members.key, name, total, movedPages, recent };
	if (members.person) summary.person = members.person;
	if (pages.length <= PAGE_TABLE_SIZE) {
		if (pages.length > 0) summary.pages = pages;
	} else {
		summary.tables = [];
		for (let start = 0; start < pages.length; start += PAGE_TABLE_SIZE)
			summary.tables.push(set.add("table", { pages: pages.slice(start, start + PAGE_TABLE_SIZE) }));
	}
	const visibleRecent = recent.slice(0, recent.length - scheduled);
	// What the scope shows at sync time: its moved pages (all visible; as they are now, so the same content gives the
	// same fingerprint whichever pages a run kept) and its visible recent items.
	const fingerprint = hashText(
		[siteHash, ...freshPages, ...visibleRecent.map((entry) => entry.record)].join("\n"),
	);
	const build: ScopeBuild = {
		summary: set.add("scope", storedSummary(summary)),
		fingerprint,
		visible: total - scheduled,
		since,
		newestVisibleChange,
	};
	if (corrections.length > 0) build.corrections = corrections;
	return build;
}

/** One archive page of an earlier build: its hash and its value's JSON. */
interface EarlierPage {
	hash: string;
	json: string;
}

/** An earlier build's archive pages by index (0 = oldest), each read when asked. */
interface EarlierPages {
	page(index: number): EarlierPage | undefined;
}

function earlierPages(build: EarlierBuild): EarlierPages | undefined {
	const read = <T>(key: string): T | undefined => {
		const json = build.json(key);
		return json === undefined ? undefined : (JSON.parse(json) as T);
	};
	const summary = read<StoredSummary>(keyOf("scope", build.result.summary));
	if (!summary) return undefined;
	let table: { hash: string; pages: string[] } | undefined;
	const hashAt = (index: number): string | undefined => {
		const place = pagePlace(summary, index);
		if (!place || "page" in place) return place?.page;
		if (table?.hash !== place.table)
			table = { hash: place.table, pages: read<PageTable>(keyOf("table", place.table))?.pages ?? [] };
		return table.pages[place.at];
	};
	return {
		page(index) {
			const hash = hashAt(index);
			const json = hash === undefined ? undefined : build.json(keyOf("page", hash));
			return hash === undefined || json === undefined ? undefined : { hash, json };
		},
	};
}

/** Adds every correction to a version's, which stops growing at MAX_CORRECTIONS (see TooManyCorrections). */
function correctAll(all: Map<string, StoredEntry>, corrections: readonly [string, StoredEntry][]): void {
	for (const [record, entry] of corrections) all.set(record, entry);
	if (all.size > MAX_CORRECTIONS) throw new TooManyCorrections();
}

/**
 * Adds the archive page listing `entries`. When the earlier build's page at the same place lists the same articles
 * in the same places, and differs only in records edited since, that page is kept instead and the edits are its
 * corrections: an old article's edit then writes no page, page table or summary. `fresh` is the hash of the page as
 * it is now, `listed` the hash the summary lists.
 */
function addPage(
	set: ValueSet,
	entries: ArticleEntry[],
	earlier: EarlierPage | undefined,
): { fresh: string; listed: string; edits: [string, StoredEntry][] } {
	const { json, hash } = hashJson(storedPage({ entries }));
	if (earlier && earlier.hash !== hash) {
		const edits = editsBetween(pageOf(JSON.parse(earlier.json) as StoredPage).entries, entries);
		if (edits && edits.length > 0) {
			set.put(keyOf("page", earlier.hash), earlier.json);
			return { fresh: hash, listed: earlier.hash, edits };
		}
	}
	set.put(keyOf("page", hash), json);
	return { fresh: hash, listed: hash, edits: [] };
}

/** The corrections that make `listed` show `now`, or undefined unless both hold the same articles (id and
 * publication) in the same places. */
function editsBetween(
	listed: readonly ArticleEntry[],
	now: readonly ArticleEntry[],
): [string, StoredEntry][] | undefined {
	if (listed.length !== now.length) return undefined;
	const edits: [string, StoredEntry][] = [];
	for (const [i, entry] of now.entries()) {
		const was = listed[i] as ArticleEntry;
		if (was.id !== entry.id || was.published !== entry.published) return undefined;
		if (was.record !== entry.record) edits.push([was.record, storedEntry(entry)]);
	}
	return edits;
}

/** Building yields to the event loop this often, so timers (the sync lease's renewal) and sockets are served
 * while a large archive's version is built. */
const BREATHE_MS = 100;

/** A call that lets the event loop run once BREATHE_MS have passed since it last did. */
function breather(): () => Promise<void> {
	let last = performance.now();
	return async () => {
		if (performance.now() - last < BREATHE_MS) return;
		await new Promise((resolve) => setTimeout(resolve, 0));
		last = performance.now();
	};
}

/**
 * `changed` moves only when the fingerprint does: to the newest visible modification if that is newer than
 * before, else to `now` (a deletion, or an edit that did not bump `updated`, still changes the feed).
 */
function changedAt(
	newest: number | null,
	now: number,
	fingerprint: string,
	previous: ScopePointer | undefined,
): number {
	if (!previous) return newest ?? now;
	if (previous.fingerprint === fingerprint) return previous.changed;
	return newest !== null && newest > previous.changed ? newest : now;
}

/** `count` scope shards of the pointers by scope key; returns their hashes in shard order (an empty shard is `{}`
 * like any other). */
function shardValues(set: ValueSet, count: number, pointers: ReadonlyMap<ScopeKey, ScopePointer>): string[] {
	const shards: [ScopeKey, ScopePointer][][] = Array.from({ length: count }, () => []);
	for (const [key, pointer] of pointers) shards[shardOf(key, count)]?.push([key, pointer]);
	const hashes: string[] = [];
	for (const shard of shards) hashes.push(set.add("scopes", Object.fromEntries(shard)));
	return hashes;
}

const byName = (collator: Intl.Collator) => (a: ScopeListing, b: ScopeListing) =>
	collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function busiest(listings: readonly ScopeListing[], collator: Intl.Collator): ScopeListing[] {
	return listings.toSorted((a, b) => b.count - a.count || byName(collator)(a, b)).slice(0, BUSIEST_SCOPES);
}

function directoryPages(set: ValueSet, listings: readonly ScopeListing[], collator: Intl.Collator): string[] {
	const sorted = listings.toSorted(byName(collator));
	const pages: string[] = [];
	for (let start = 0; start < sorted.length; start += DIRECTORY_PAGE_SIZE)
		pages.push(set.add("dir", { entries: sorted.slice(start, start + DIRECTORY_PAGE_SIZE) }));
	return pages;
}
