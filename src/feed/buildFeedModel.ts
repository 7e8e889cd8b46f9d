// Builds the feed model for one scope from the manifest's site settings and the already selected records.
import type { ArticleRecord, Manifest } from "../store/kvLayout.ts";
import { safeText } from "../text/safeText.ts";
import type { FeedFormat, FeedLinks, FeedModel, FeedScope } from "./feedModel.ts";
import { safeArticle, safePerson } from "./safeArticle.ts";
import { safeUrl } from "./safeUrl.ts";

export interface FeedModelInput {
	manifest: Manifest;
	scope: FeedScope;
	/** The scope's visible records, newest first, already limited to the feed's length. */
	items: ArticleRecord[];
	/** Epoch ms of the newest change to what the feed shows. */
	updated: number;
	ttlMinutes: number;
}

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

/** Canonical URLs of a scope: its HTML page and its three feeds, all on the site's base URL. */
export function feedLinks(baseUrl: string, scopeKey: string): FeedLinks {
	const prefix = scopeKey ? `${baseUrl}/${scopeKey}/` : `${baseUrl}/`;
	return {
		html: safeUrl(scopeKey ? `${baseUrl}/${scopeKey}` : `${baseUrl}/`),
		rss: safeUrl(`${prefix}${FEED_FILE_OF.rss}`),
		atom: safeUrl(`${prefix}${FEED_FILE_OF.atom}`),
		json: safeUrl(`${prefix}${FEED_FILE_OF.json}`),
	};
}

/** Path of the OPML list of every feed of the site. */
export const OPML_PATH = "/feeds.opml";

/** Canonical URL of the OPML list of every feed. */
export function opmlUrl(baseUrl: string): string {
	return safeUrl(`${baseUrl}${OPML_PATH}`);
}

/** A scope's feed title: the site's, then the tag's or author's name. */
export function scopeTitle(siteTitle: string, scope: Pick<FeedScope, "kind" | "key" | "name">): string {
	if (scope.kind === "all") return siteTitle;
	return `${siteTitle} — ${scope.name ?? scope.key}`;
}

/** The one model all three serializers render. Every string in it has been through safeText (URLs: safeUrl). */
export function buildFeedModel(input: FeedModelInput): FeedModel {
	const { site } = input.manifest;
	const links = feedLinks(site.baseUrl, input.scope.key);
	const model: FeedModel = {
		id: links.html,
		title: safeText(scopeTitle(site.title, input.scope)),
		description: safeText(site.description),
		language: safeText(site.language),
		copyright: safeText(site.copyright),
		author: safePerson(site.author),
		links,
		updated: input.updated,
		ttlMinutes: input.ttlMinutes,
		tagScheme: safeUrl(`${site.baseUrl}/tags/`),
		items: input.items.map(safeArticle),
	};
	if (site.icon !== undefined) model.icon = safeUrl(site.icon);
	if (site.hub !== undefined) model.hub = safeUrl(site.hub);
	return model;
}
