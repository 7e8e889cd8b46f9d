// The domain model: what an article, the site and a published version are. Sync builds these shapes, KV stores them
// as JSON, and the Worker renders them. Nothing here imports anything, so every layer can depend on it.

/** The formats every scope is served in. */
export type FeedFormat = "rss" | "atom" | "json";

/** The pointer to the published version. Small on purpose: a 304 reads this and nothing else. */
export interface Head {
	/** Hash of the published manifest (key = manifestKey(manifest)). */
	manifest: string;
	/** Milliseconds since the epoch when this version was synced; only ever grows, so a stale read can be told apart. */
	version: number;
	/** Hash of the manifest head pointed to before this version (kept one generation); absent for the first version. */
	previous?: string;
	/**
	 * The origin of the site's base URL (e.g. "https://feeds.example.com"): edge-cache keys live there, so a request
	 * under any other Host shares the site's entries. Absent in heads written before it existed.
	 */
	origin?: string;
}

export interface Person {
	name: string;
	email?: string;
	url?: string;
}

/** An author as it appears on an article: a person plus the slug of their scoped feed. */
export interface AuthorRef extends Person {
	slug: string;
}

export interface TagRef {
	name: string;
	slug: string;
}

export interface ImageRef {
	/** Absolute URL. */
	url: string;
	/** MIME type, e.g. image/jpeg, derived at sync time from the file extension. */
	type: string;
	alt?: string;
	caption?: string;
	credit?: string;
	width?: number;
	height?: number;
	/** Size in bytes: the local file's size, or front matter `image.length`; unknown otherwise (then no enclosure). */
	length?: number;
	/** True when the image is the body's own first image (it already appears in contentHtml), not front matter's. */
	inContent?: boolean;
}

/** Site settings from content/site.yaml, validated by sync, with the base URL resolved for the target (local or remote). */
export interface SiteSettings {
	title: string;
	description: string;
	/** BCP 47 language tag, e.g. "vi". */
	language: string;
	/** Absolute, no trailing slash, e.g. "http://localhost:8787". */
	baseUrl: string;
	author: Person;
	copyright: string;
	/** Absolute URL of a square icon, if any. */
	icon?: string;
	itemsPerFeed: number;
	/** WebSub hub URL, optional; feeds then carry rel="hub" links. */
	hub?: string;
	/** IANA zone used for date-only front matter values, e.g. "Asia/Ho_Chi_Minh". */
	timeZone: string;
}

/** One rendered article, everything a feed item or article page needs. All text is NFC; all URLs are absolute. */
export interface ArticleRecord {
	/** Stable id: front matter `id`, else derived from the file name. Never from the title. */
	id: string;
	/** Globally unique, absolute IRI for feed ids/guids: `id` itself when it is an absolute URI, else
	 * `urn:uuid:` + UUIDv5 of (production base URL + "/" + id), so it is the same locally and in production. */
	guid: string;
	slug: string;
	title: string;
	/** Where the item links: `canonical` when given, else `${baseUrl}/articles/${slug}`. */
	url: string;
	canonical?: string;
	/** RFC 3339 with the offset as written, e.g. "2023-08-15T09:00:00+07:00". */
	published: string;
	/** `published` was written as a date alone: its time of day is midnight by convention, so pages show no time. */
	publishedDateOnly?: true;
	updated?: string;
	/** The same for `updated`. */
	updatedDateOnly?: true;
	/** Plain text. */
	summary: string;
	/** Sanitised HTML with absolute URLs. */
	contentHtml: string;
	tags: TagRef[];
	authors: AuthorRef[];
	image?: ImageRef;
}

/** One article as lists and lookups hold it: enough to select, order and validate a view without reading records. */
export interface ArticleEntry {
	id: string;
	slug: string;
	/** Hash of the ArticleRecord; its key is articleKey(hash). */
	record: string;
	/** Epoch milliseconds of `published`. */
	published: number;
	/** Epoch milliseconds of `updated ?? published`. */
	modified: number;
}

/** Scope keys: "" is the whole collection, "tags/<slug>" and "authors/<slug>" the scoped feeds. They are the URL prefixes too. */
export type ScopeKey = string;

/**
 * One scope's articles (`scope:<hash>`), oldest first; KV holds its entries, and an archive page's, in the short
 * form of src/store/storedEntries.ts. The oldest are moved out in complete archive pages of
 * ARCHIVE_PAGE_SIZE (`page:<hash>`, listed directly or through `table:<hash>` values); `recent` keeps the rest,
 * which always includes the newest visible items any current feed can show. So every value stays bounded.
 */
export interface ScopeSummary {
	key: ScopeKey;
	/** Display name: the site's title for "", else the tag's or author's name. */
	name: string;
	/** The author's contact details, on author scopes. */
	person?: Person;
	/** Every entry, future-dated included. */
	total: number;
	/** Archive pages moved out of `recent`, each complete: positions [0, movedPages × ARCHIVE_PAGE_SIZE). */
	movedPages: number;
	/** Their hashes, oldest first: `pages` when few, else `tables` of up to PAGE_TABLE_SIZE each. */
	pages?: string[];
	tables?: string[];
	/** The entries after the moved-out pages, oldest first; future-dated items are the newest, so they come last. */
	recent: ArticleEntry[];
}

/** What a listing of scopes shows of one: the index's busiest, the directory pages, OPML. */
export interface ScopeListing {
	key: ScopeKey;
	name: string;
	/** Items visible at sync time. */
	count: number;
	/** Epoch ms the scope's oldest item is published: before that it is not shown. */
	since: number;
}

/** A scope's place in its shard (`scopes:<hash>`): its summary, and when what it shows last changed. */
export interface ScopePointer {
	summary: string;
	/** Epoch ms of the newest change to what the scope showed as of the sync, deletions included. */
	changed: number;
	/** Hash of the site settings and the record hashes the scope showed at sync time; sync compares it. */
	fingerprint: string;
}

/** The root of one published version: small and of fixed shape, whatever the archive's size or its number of tags. */
export interface Manifest {
	site: SiteSettings;
	/** Hash of `site`, so validators change when the settings do. */
	siteHash: string;
	/**
	 * The site scope's ("") pointer, which its shard holds too: the site's feeds, the most requested, read no shard
	 * and no catalog. Absent in manifests written before it existed (readers then take it from its shard).
	 */
	siteScope?: ScopePointer;
	/** Hash of the version's Catalog (`catalog:<hash>`): everything that grows with the archive or its scopes. */
	catalog: string;
	/**
	 * Hash of the version's Corrections (`corrections:<hash>`), when an archive page it reaches lists an article
	 * edited since the page was written; absent when none does.
	 */
	corrections?: string;
	/** How many tags and authors the directory lists. */
	totals: { tags: number; authors: number };
	/** Non-draft articles, future-dated included. */
	articles: number;
}

/**
 * A `catalog:` value: how to find anything of the version but the site's feeds, read only by what needs it (tag and
 * author views, article pages, the HTML index and directory, OPML). It grows by one hash per 1,000 articles or 500
 * scopes, and by one per 200 tags or authors.
 */
export interface Catalog {
	/** Hashes of the `scopes:` shards (a power of two of them); scope key -> ScopePointer, by shardOf(key, count). */
	scopeShards: string[];
	/** Hashes of the `slugs:` shards (a power of two of them); article slug -> ArticleEntry, by shardOf(slug, count). */
	slugShards: string[];
	/** The scopes with the most visible items at sync time, busiest first. */
	busiest: { tags: ScopeListing[]; authors: ScopeListing[] };
	/** Hashes of the `dir:` pages listing every tag and author by name, DIRECTORY_PAGE_SIZE each. */
	directory: { tags: string[]; authors: string[] };
}

/** A `page:` value: one complete archive page, oldest first. */
export interface ArchivePageValue {
	entries: ArticleEntry[];
}

/**
 * A `corrections:` value: record hash as an archive page lists it -> the entry that stands in its place now. An old
 * article edited in place (same id, publication and scopes) keeps its place in every archive page, so the pages that
 * list it stay as they are and this one small value names its new record; a sync folds the corrections into newly
 * written pages once there are more than MAX_CORRECTIONS (src/store/kvLayout.ts).
 */
export type Corrections = Record<string, ArticleEntry>;

/** A `table:` value: archive page hashes, oldest first. */
export interface PageTable {
	pages: string[];
}

/** A `dir:` value: one page of the tag or author directory, in display order. */
export interface DirectoryPageValue {
	entries: ScopeListing[];
}
