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

/** The manifest's entry for one article: enough to select, order and validate a feed without reading records. */
export interface ArticleEntry {
	id: string;
	slug: string;
	/** Hash of the ArticleRecord; its key is articleKey(record). */
	record: string;
	/** Epoch milliseconds of `published`. */
	published: number;
	/** Epoch milliseconds of `updated ?? published`. */
	modified: number;
	tags: string[];
	authors: string[];
}

/** Scope keys: "" is the whole collection, "tags/<slug>" and "authors/<slug>" the scoped feeds. They are the URL prefixes too. */
export type ScopeKey = string;

export interface ScopeState {
	/** Epoch ms of the newest change to what the scope showed as of the sync, deletions included. */
	changed: number;
	/** Hash of the record hashes the scope showed at sync time, in order; sync compares it to detect changes. */
	fingerprint: string;
}

export interface Manifest {
	site: SiteSettings;
	/** Hash of `site`, so validators change when the settings do. */
	siteHash: string;
	/** Every non-draft article, future-dated included, newest `published` first (ties: id ascending). */
	articles: ArticleEntry[];
	/** Tag slug -> display name. */
	tags: Record<string, string>;
	/** Author slug -> person. */
	authors: Record<string, Person>;
	scopes: Record<ScopeKey, ScopeState>;
}
