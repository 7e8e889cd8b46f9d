// Builds the feed model for one scope from the manifest's site settings and the already selected records: the
// scope's current feed, or one of its archive pages (RFC 5005 archived feeds, docs in /work/archive-spec.md).
import type { ArticleRecord, Manifest, ScopeKey } from "../domain/model.ts";
import { safeText } from "../text/safeText.ts";
import { safeUrl } from "../text/safeUrl.ts";
import { archiveLinks, type FeedLinks, feedLinks, tagSchemeUrl } from "../urls/urlScheme.ts";
import type { FeedHistory, FeedModel, FeedScope } from "./feedModel.ts";
import { type SafeArticles, safeArticle, safePerson } from "./safeArticle.ts";

/** Where a document sits in its scope's archive. Pages are counted from the oldest (src/domain/archivePages.ts). */
export interface FeedArchiveInput {
	/** The scope's number of archive pages now (archiveWindow(...).pages); 0 when the current feed shows everything. */
	pages: number;
	/** The archive page this document renders, 1 (oldest) to `pages`; absent for the scope's current feed. */
	page?: number;
}

export interface FeedModelInput {
	manifest: Manifest;
	scope: FeedScope;
	/** The document's visible records, newest first: the current feed's newest ones, or the archive page's. */
	items: ArticleRecord[];
	/** Epoch ms of the newest change to what this document shows (for an archive page: to its own items). */
	updated: number;
	ttlMinutes: number;
	/** The scope's archive, for the RFC 5005 links. Leave it out for a filtered view (?limit=, ?since=), which
	 * links no archive. */
	archive?: FeedArchiveInput;
	/** Makes each record safe once; without it, every record is made safe afresh. */
	safeArticles?: SafeArticles;
}

/** A scope's feed title: the site's, then the tag's or author's name. */
export function scopeTitle(siteTitle: string, scope: Pick<FeedScope, "kind" | "key" | "name">): string {
	if (scope.kind === "all") return siteTitle;
	return `${siteTitle} — ${scope.name ?? scope.key}`;
}

/** The one model all three serializers render. Every string in it has been through safeText (URLs: safeUrl).
 *
 * An archive page is another document of the same logical feed (RFC 5005 §4), so it keeps the current feed's
 * id and title, as RFC 5005's own examples do: a reader that joins the pages sees one feed. Its links are its
 * own (rel="self" and feed_url must name the document fetched), and its `updated` is the newest change to its own
 * items, so a complete page's bytes stay put while newer articles are published. It advertises no WebSub hub:
 * the hub only ever announces the current feeds. */
export function buildFeedModel(input: FeedModelInput): FeedModel {
	const { site } = input.manifest;
	const { key } = input.scope;
	const current = feedLinks(site.baseUrl, key);
	const page = input.archive?.page;
	const model: FeedModel = {
		id: current.html,
		title: safeText(scopeTitle(site.title, input.scope)),
		description: safeText(site.description),
		language: safeText(site.language),
		copyright: safeText(site.copyright),
		author: safePerson(site.author),
		links: page === undefined ? current : archiveLinks(site.baseUrl, key, page),
		updated: input.updated,
		ttlMinutes: input.ttlMinutes,
		tagScheme: tagSchemeUrl(site.baseUrl),
		items: input.items.map(input.safeArticles ?? safeArticle),
	};
	const history = input.archive && feedHistory(site.baseUrl, key, current, input.archive);
	if (history) model.history = history;
	if (site.icon !== undefined) model.icon = safeUrl(site.icon);
	if (site.hub !== undefined && page === undefined) model.hub = safeUrl(site.hub);
	return model;
}

/** The current feed links the newest archive page; archive page k links the current feed, k-1 and k+1. */
function feedHistory(
	baseUrl: string,
	key: ScopeKey,
	current: FeedLinks,
	{ pages, page }: FeedArchiveInput,
): FeedHistory | undefined {
	if (!Number.isSafeInteger(pages) || pages < 0)
		throw new RangeError(`archive pages: expected a whole number >= 0, got ${pages}`);
	if (page === undefined)
		return pages > 0 ? { archive: false, prevArchive: archiveLinks(baseUrl, key, pages) } : undefined;
	if (!Number.isSafeInteger(page) || page < 1 || page > pages)
		throw new RangeError(`archive page ${page} is not one of the scope's ${pages} pages`);
	const history: FeedHistory = { archive: true, current };
	if (page > 1) history.prevArchive = archiveLinks(baseUrl, key, page - 1);
	if (page < pages) history.nextArchive = archiveLinks(baseUrl, key, page + 1);
	return history;
}
