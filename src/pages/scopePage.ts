// A tag's or author's page: its newest articles and a link to its newest archive page, and its subscribe box.
//
// Input (ScopePageInput): the site, the scope's key and kind and display name, its newest visible records (newest
// first; the route passes at most 50) and the number of its archive pages (0 or absent: no "older" link).
import { html } from "hono/html";
import type { ArticleRecord, ScopeKey, SiteSettings } from "../domain/model.ts";
import { feedLinks } from "../urls/urlScheme.ts";
import { olderArticlesNav } from "./archiveNav.ts";
import { articleList } from "./articleList.ts";
import type { PageDates } from "./pageDate.ts";
import { pageLayout, sync } from "./pageLayout.ts";
import { subscribeBox } from "./subscribeBox.ts";

export interface ScopePageInput {
	site: SiteSettings;
	/** "tags/<slug>" or "authors/<slug>". */
	key: ScopeKey;
	kind: "tag" | "author";
	/** Display name, shown escaped. */
	name: string;
	/** The newest visible articles, newest first. */
	records: readonly ArticleRecord[];
	dates: PageDates;
	/** The scope's archive pages (archivePages.ts' ArchiveWindow.pages); the "older" link leads to the newest. */
	archivePages?: number;
}

export function renderScopePage(page: ScopePageInput): string {
	const { site } = page;
	const links = feedLinks(site.baseUrl, page.key);
	const title = `${page.name} — ${site.title}`;
	const main =
		sync(html`<h1 class="page-title">${page.kind === "tag" ? "Chủ đề" : "Tác giả"}: ${page.name}</h1>
<div class="layout">
<section>
${articleList(site, page.records, page.dates)}
${olderArticlesNav(site, page.key, page.archivePages)}
</section>
<aside>
${subscribeBox(links)}
</aside>
</div>`);
	return pageLayout({
		site,
		title,
		canonical: links.html,
		feeds: [
			{ title, links },
			{ title: site.title, links: feedLinks(site.baseUrl, "") },
		],
		main,
	});
}
