// The home page: the newest articles first and a link to the newest archive page, then the site's subscribe box and
// the busiest tags and authors with their feeds, each list linking its full directory.
//
// Input (IndexPageInput): the site, the newest visible records (newest first; the route passes at most 50), the
// number of the site's archive pages (0 or absent: no "older" link), and the tags and authors to list, busiest
// first as the route orders them (it passes ~20 of each), with their counts and optionally the directories' totals.
import { html } from "hono/html";
import type { ArticleRecord, SiteSettings } from "../domain/model.ts";
import { directoryPath, feedLinks, type ScopeKind } from "../urls/urlScheme.ts";
import { olderArticlesNav } from "./archiveNav.ts";
import { articleList } from "./articleList.ts";
import type { PageDates } from "./pageDate.ts";
import { type Html, pageLayout, sync } from "./pageLayout.ts";
import { type CountFormat, countFormat } from "./pageNumbers.ts";
import { type ScopeLink, scopeList } from "./scopeList.ts";
import { subscribeBox } from "./subscribeBox.ts";

export type { ScopeLink } from "./scopeList.ts";

export interface IndexPageInput {
	site: SiteSettings;
	/** The newest visible articles, newest first. */
	records: readonly ArticleRecord[];
	dates: PageDates;
	/** The site's archive pages (archivePages.ts' ArchiveWindow.pages); the "older" link leads to the newest. */
	archivePages?: number;
	/** Tags to list, in display order (busiest first). */
	tags: readonly ScopeLink[];
	/** Authors to list, in display order (busiest first). */
	authors: readonly ScopeLink[];
	/** Every tag and author with a visible article, when known: the directory links then say how many. */
	totals?: { tags: number; authors: number };
}

const SCOPE_LISTS = {
	tag: { heading: "Chủ đề", all: "Tất cả chủ đề", allOf: (n: string) => `Tất cả ${n} chủ đề` },
	author: { heading: "Tác giả", all: "Tất cả tác giả", allOf: (n: string) => `Tất cả ${n} tác giả` },
} as const;

function busiest(
	site: SiteSettings,
	kind: ScopeKind,
	scopes: readonly ScopeLink[],
	total: number | undefined,
	count: CountFormat,
): Html | "" {
	if (scopes.length === 0) return "";
	const words = SCOPE_LISTS[kind];
	return sync(html`<section>
<h2 class="label">${words.heading}</h2>
${scopeList(site, scopes, count)}
<p class="more"><a href="${site.baseUrl}${directoryPath(kind)}">${total === undefined ? words.all : words.allOf(count(total))} →</a></p>
</section>`);
}

export function renderIndexPage(page: IndexPageInput): string {
	const { site } = page;
	const links = feedLinks(site.baseUrl, "");
	const count = countFormat(site);
	const main = sync(html`<div class="layout">
<section>
<h2 class="label">Bài mới</h2>
${articleList(site, page.records, page.dates)}
${olderArticlesNav(site, "", page.archivePages)}
</section>
<aside>
${subscribeBox(links)}
${busiest(site, "tag", page.tags, page.totals?.tags, count)}
${busiest(site, "author", page.authors, page.totals?.authors, count)}
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
