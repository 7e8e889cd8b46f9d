// A list of tags or authors, each linking its page, its article count when known, and its three feeds: the index's
// busiest few and a directory page's entries alike.
import { html } from "hono/html";
import type { ScopeKey, SiteSettings } from "../domain/model.ts";
import { feedLinks, scopePageUrl } from "../urls/urlScheme.ts";
import { feedLinkList, type Html, sync } from "./pageLayout.ts";
import type { CountFormat } from "./pageNumbers.ts";

/** A tag or author that has at least one visible article. */
export interface ScopeLink {
	/** "tags/<slug>" or "authors/<slug>" (the slug as is: URLs percent-encode it). */
	key: ScopeKey;
	/** Display name, shown escaped. */
	name: string;
	/** Visible articles in the scope; shown when given. */
	count?: number;
}

/** A scope with its article count, as directory pages list them. */
export interface CountedScope extends ScopeLink {
	count: number;
}

export function scopeList(site: SiteSettings, scopes: readonly ScopeLink[], count: CountFormat): Html {
	const items = scopes.map((scope) =>
		sync(
			html`<li><a href="${scopePageUrl(site.baseUrl, scope.key)}">${scope.name}</a>${scope.count === undefined ? "" : html` <span class="count">${count(scope.count)} bài</span>`} ${feedLinkList(feedLinks(site.baseUrl, scope.key))}</li>`,
		),
	);
	return sync(html`<ul class="scopes">
${items}
</ul>`);
}
