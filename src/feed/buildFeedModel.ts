// Builds the feed model for one scope from the manifest's site settings and the already selected records.
import type { ArticleRecord, Manifest } from "../domain/model.ts";
import { safeText } from "../text/safeText.ts";
import { safeUrl } from "../text/safeUrl.ts";
import { feedLinks, tagSchemeUrl } from "../urls/urlScheme.ts";
import type { FeedModel, FeedScope } from "./feedModel.ts";
import { type SafeArticles, safeArticle, safePerson } from "./safeArticle.ts";

export interface FeedModelInput {
	manifest: Manifest;
	scope: FeedScope;
	/** The scope's visible records, newest first, already limited to the feed's length. */
	items: ArticleRecord[];
	/** Epoch ms of the newest change to what the feed shows. */
	updated: number;
	ttlMinutes: number;
	/** Makes each record safe once; without it, every record is made safe afresh. */
	safeArticles?: SafeArticles;
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
		tagScheme: tagSchemeUrl(site.baseUrl),
		items: input.items.map(input.safeArticles ?? safeArticle),
	};
	if (site.icon !== undefined) model.icon = safeUrl(site.icon);
	if (site.hub !== undefined) model.hub = safeUrl(site.hub);
	return model;
}
