// The site's URL scheme in one place: feed file names, scope keys and their paths, page, OPML and favicon URLs,
// and the one percent-encoding every slug in a path goes through. Routes, pages, feeds, stats and sync build and
// read URLs only through here.
import type { FeedFormat, ScopeKey } from "../domain/model.ts";
import { safeUrl } from "../text/safeUrl.ts";

/** Each format's file name, the last segment of its feed URLs in every scope. */
export const FEED_FILE_OF: Readonly<Record<FeedFormat, string>> = {
	rss: "rss.xml",
	atom: "atom.xml",
	json: "feed.json",
};

/** The format a feed file name serves ("rss.xml" -> "rss"). */
export const FEED_FILES: Readonly<Record<string, FeedFormat>> = Object.fromEntries(
	(Object.keys(FEED_FILE_OF) as FeedFormat[]).map((format) => [FEED_FILE_OF[format], format]),
);

/** Path of the OPML list of every feed of the site. */
export const OPML_PATH = "/feeds.opml";

/** Path of the built-in icon, which browsers and readers ask for unprompted. */
export const FAVICON_PATH = "/favicon.ico";

/** A value percent-encoded for one path segment; lone surrogates (which encodeURIComponent rejects) become U+FFFD. */
export function pathSegment(value: string): string {
	return encodeURIComponent(
		value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"),
	);
}

/** A slug from a routed path in the form sync stores slugs: NFC (an NFD spelling of the same tag is the same URL). */
export function routeSlug(value: string): string {
	return value.normalize("NFC");
}

export type ScopeKind = "tag" | "author";
export type ScopeRef = { kind: "all" } | { kind: ScopeKind; slug: string };

const SCOPE_FOLDER: Readonly<Record<ScopeKind, string>> = { tag: "tags", author: "authors" };
const TAG_PREFIX = `${SCOPE_FOLDER.tag}/`;
const AUTHOR_PREFIX = `${SCOPE_FOLDER.author}/`;

/** Scope keys (the manifest's and stats' names of a scope): "" for everything, else "tags/<slug>" or "authors/<slug>". */
export const tagScope = (slug: string): ScopeKey => `${TAG_PREFIX}${slug}`;
export const authorScope = (slug: string): ScopeKey => `${AUTHOR_PREFIX}${slug}`;

export function scopeKeyOf(ref: ScopeRef): ScopeKey {
	if (ref.kind === "all") return "";
	return ref.kind === "tag" ? tagScope(ref.slug) : authorScope(ref.slug);
}

/** The scope a key names, or undefined for a key of no scope. */
export function scopeRefOf(key: ScopeKey): ScopeRef | undefined {
	if (key === "") return { kind: "all" };
	if (key.startsWith(TAG_PREFIX)) return { kind: "tag", slug: key.slice(TAG_PREFIX.length) };
	if (key.startsWith(AUTHOR_PREFIX)) return { kind: "author", slug: key.slice(AUTHOR_PREFIX.length) };
	return undefined;
}

/** The scope's page path, its feeds' directory: "" for everything, else "/tags/<slug>" percent-encoded. */
export function scopePath(ref: ScopeRef): string {
	if (ref.kind === "all") return "";
	return `/${SCOPE_FOLDER[ref.kind]}/${pathSegment(ref.slug)}`;
}

/** The path of a scope key's page ("" for everything). */
export function scopeKeyPath(key: ScopeKey): string {
	const ref = scopeRefOf(key);
	return ref ? scopePath(ref) : `/${key}`;
}

/** A feed's path, e.g. "/tags/xa-hoi/rss.xml". */
export const feedPath = (key: ScopeKey, format: FeedFormat): string =>
	`${scopeKeyPath(key)}/${FEED_FILE_OF[format]}`;

/** The scope and format a routed path names ("/rss.xml", "/tags/xa-hoi/atom.xml"), or undefined for anything else. */
export function feedOfPath(path: string): { scope: ScopeKey; format: FeedFormat } | undefined {
	const parts = path.split("/");
	const file = parts[parts.length - 1] ?? "";
	const format = Object.hasOwn(FEED_FILES, file) ? FEED_FILES[file] : undefined;
	if (!format) return undefined;
	if (parts.length === 2) return { scope: "", format };
	const [, folder, slug] = parts;
	if (parts.length === 4 && (folder === SCOPE_FOLDER.tag || folder === SCOPE_FOLDER.author) && slug)
		return { scope: `${folder}/${decodeSegment(slug)}`, format };
	return undefined;
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** True when the path's last segment is a feed file. */
export const isFeedFile = (path: string): boolean =>
	Object.hasOwn(FEED_FILES, path.slice(path.lastIndexOf("/") + 1));

/** The archive folder's name under a scope's path: "/tags/<slug>/archive/<page>/rss.xml". */
const ARCHIVE_FOLDER = "archive";

/** A page number as written in paths: a positive decimal integer without leading zeros; undefined otherwise. */
export function parsePageNumber(segment: string): number | undefined {
	if (!/^[1-9][0-9]{0,8}$/.test(segment)) return undefined;
	return Number(segment);
}

/** Path of a scope's archive page `page` (HTML), e.g. "/tags/xa-hoi/archive/3"; its feeds are below it. */
export const archivePath = (key: ScopeKey, page: number): string =>
	`${scopeKeyPath(key)}/${ARCHIVE_FOLDER}/${page}`;

/** Canonical URLs of one archive page of a scope: its HTML page and its three feed documents. */
export function archiveLinks(baseUrl: string, key: ScopeKey, page: number): FeedLinks {
	const html = `${baseUrl}${archivePath(key, page)}`;
	return {
		html: safeUrl(html),
		rss: safeUrl(`${html}/${FEED_FILE_OF.rss}`),
		atom: safeUrl(`${html}/${FEED_FILE_OF.atom}`),
		json: safeUrl(`${html}/${FEED_FILE_OF.json}`),
	};
}

/** Path of the directory of every tag or author, page `page` (1 is "/tags" itself). */
export const directoryPath = (kind: ScopeKind, page = 1): string =>
	page === 1 ? `/${SCOPE_FOLDER[kind]}` : `/${SCOPE_FOLDER[kind]}/page/${page}`;

/** Path of an article's page. */
export const articlePath = (slug: string): string => `/articles/${pathSegment(slug)}`;

/** Absolute URL of an article's page on the site's base URL (where feed items link unless `canonical` is set). */
export const articleUrl = (baseUrl: string, slug: string): string => `${baseUrl}${articlePath(slug)}`;

/** Absolute URL of a scope's HTML page: the base URL for everything, else "<base>/tags/<slug>". */
export const scopePageUrl = (baseUrl: string, key: ScopeKey): string => `${baseUrl}${scopeKeyPath(key)}`;

/** IRI naming the site's tag taxonomy: RSS category domain, Atom category scheme. */
export const tagSchemeUrl = (baseUrl: string): string => safeUrl(`${baseUrl}/${TAG_PREFIX}`);

/** URL of the built-in icon on the site. */
export const faviconUrl = (baseUrl: string): string => `${baseUrl}${FAVICON_PATH}`;

/** Absolute, canonical URLs of one scope's feeds and HTML page (never with query parameters). */
export interface FeedLinks {
	html: string;
	rss: string;
	atom: string;
	json: string;
}

/** Canonical URLs of a scope: its HTML page and its three feeds, all on the site's base URL. */
export function feedLinks(baseUrl: string, key: ScopeKey): FeedLinks {
	const page = scopePageUrl(baseUrl, key);
	return {
		html: safeUrl(key ? page : `${baseUrl}/`),
		rss: safeUrl(`${page}/${FEED_FILE_OF.rss}`),
		atom: safeUrl(`${page}/${FEED_FILE_OF.atom}`),
		json: safeUrl(`${page}/${FEED_FILE_OF.json}`),
	};
}

/** Canonical URL of the OPML list of every feed. */
export const opmlUrl = (baseUrl: string): string => safeUrl(`${baseUrl}${OPML_PATH}`);
