// One page of the directory of every tag or every author: the total, the entries the route chose for this page (in
// its order), each with its page, article count and feeds, and links to the previous and next directory pages.
//
// Input (DirectoryPageInput): the site, the kind, this page's entries, the page number (1 = /tags or /authors) and
// page count (an empty directory is page 1 of 1), and the total number of tags or authors across every page.
import { html } from "hono/html";
import type { SiteSettings } from "../domain/model.ts";
import { directoryPath, feedLinks, opmlUrl, type ScopeKind } from "../urls/urlScheme.ts";
import { pageLayout, sync } from "./pageLayout.ts";
import { countFormat } from "./pageNumbers.ts";
import { type PagerLink, pagerNav } from "./pagerNav.ts";
import { type CountedScope, scopeList } from "./scopeList.ts";
import { subscribeBox } from "./subscribeBox.ts";

export type { CountedScope } from "./scopeList.ts";

export interface DirectoryPageInput {
	site: SiteSettings;
	kind: ScopeKind;
	/** This page's tags or authors with their visible article counts, in display order. */
	entries: readonly CountedScope[];
	/** This page's number, 1 to `pages`. */
	page: number;
	/** The directory's pages, at least 1. */
	pages: number;
	/** Tags or authors across every page. */
	total: number;
}

const WORDS = {
	tag: { title: "Chủ đề", all: "Tất cả chủ đề", none: "Chưa có chủ đề nào." },
	author: { title: "Tác giả", all: "Tất cả tác giả", none: "Chưa có tác giả nào." },
} as const;

export function renderDirectoryPage(page: DirectoryPageInput): string {
	const { site, kind } = page;
	if (!Number.isSafeInteger(page.page) || page.page < 1 || page.page > page.pages)
		throw new RangeError(`directory page ${page.page} of ${page.pages}: the route must answer 404 first`);
	const words = WORDS[kind];
	const count = countFormat(site);
	const url = (n: number) => `${site.baseUrl}${directoryPath(kind, n)}`;
	const position = `trang ${count(page.page)} / ${count(page.pages)}`;
	const previous: PagerLink | undefined =
		page.page > 1 ? { href: url(page.page - 1), text: "← Trang trước", rel: "prev" } : undefined;
	const next: PagerLink | undefined =
		page.page < page.pages ? { href: url(page.page + 1), text: "Trang sau →", rel: "next" } : undefined;
	const siteLinks = feedLinks(site.baseUrl, "");
	const main = sync(html`<h1 class="page-title">${words.all} (${count(page.total)})</h1>
${page.pages > 1 ? html`<p class="page-meta">${position}</p>` : ""}
<div class="layout">
<section>
${page.entries.length ? scopeList(site, page.entries, count) : html`<p>${words.none}</p>`}
${pagerNav({ label: words.all, before: previous, position, after: next })}
</section>
<aside>
${subscribeBox(siteLinks)}
<section>
<h2 class="label">Mọi feed</h2>
<p class="more">Mọi feed của trang trong một tệp: <a href="${opmlUrl(site.baseUrl)}">OPML</a></p>
</section>
</aside>
</div>`);
	const title =
		page.pages > 1 ? `${words.title} — ${position} — ${site.title}` : `${words.title} — ${site.title}`;
	return pageLayout({
		site,
		title,
		canonical: url(page.page),
		feeds: [{ title: site.title, links: siteLinks }],
		main,
	});
}
