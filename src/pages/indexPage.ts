// The home page: the newest articles first, then the site's subscribe box and every tag and author with their feeds.
import { html } from "hono/html";
import type { ArticleRecord, SiteSettings } from "../domain/model.ts";
import { feedLinks, scopePageUrl } from "../urls/urlScheme.ts";
import { articleList } from "./articleList.ts";
import type { PageDates } from "./pageDate.ts";
import { feedLinkList, pageLayout, sync } from "./pageLayout.ts";
import { subscribeBox } from "./subscribeBox.ts";

/** A tag or author that has at least one visible article. */
export interface ScopeLink {
	/** "tags/<slug>" or "authors/<slug>". */
	key: string;
	name: string;
}

export function renderIndexPage(page: {
	site: SiteSettings;
	records: readonly ArticleRecord[];
	dates: PageDates;
	tags: readonly ScopeLink[];
	authors: readonly ScopeLink[];
}): string {
	const { site } = page;
	const links = feedLinks(site.baseUrl, "");
	const scopeList = (heading: string, scopes: readonly ScopeLink[]) =>
		scopes.length === 0
			? ""
			: sync(html`<section>
<h2 class="label">${heading}</h2>
<ul class="scopes">
${scopes.map((scope) => sync(html`<li><a href="${scopePageUrl(site.baseUrl, scope.key)}">${scope.name}</a> ${feedLinkList(feedLinks(site.baseUrl, scope.key))}</li>`))}
</ul>
</section>`);
	const main = sync(html`<div class="layout">
<section>
<h2 class="label">Bài mới</h2>
${articleList(site, page.records, page.dates)}
</section>
<aside>
${subscribeBox(links)}
${scopeList("Chủ đề", page.tags)}
${scopeList("Tác giả", page.authors)}
</aside>
</div>`);
	return pageLayout({
		site,
		title: site.title,
		canonical: links.html,
		feeds: [{ title: site.title, links }],
		home: true,
		main,
	});
}
