// One archive page of a scope (the whole site, a tag or an author) as HTML: which scope, which page of how many and
// the dates it spans, its articles newest first, and links to the newer and older pages. Its subscribe box and
// autodiscovery links offer the scope's CURRENT feeds (subscribing to a finished page would bring nothing new); the
// page's own archive feeds are linked in the text, for tools that walk history.
//
// Input (ArchivePageInput): the site, the scope's key ("" = whole site) and display name, the page number (1 = the
// oldest) and the scope's page count, the page's records newest first, and the page date writer.
import { html } from "hono/html";
import type { ArticleRecord, ScopeKey, SiteSettings } from "../domain/model.ts";
import { archiveLinks, feedLinks, scopeRefOf } from "../urls/urlScheme.ts";
import { archivePageNav } from "./archiveNav.ts";
import { articleList } from "./articleList.ts";
import type { PageDates } from "./pageDate.ts";
import { type FeedAnnouncement, feedLinkList, type Html, pageLayout, sync } from "./pageLayout.ts";
import { type CountFormat, countFormat } from "./pageNumbers.ts";
import { subscribeBox } from "./subscribeBox.ts";

export interface ArchivePageInput {
	site: SiteSettings;
	/** "" for the whole site, else "tags/<slug>" or "authors/<slug>". */
	key: ScopeKey;
	/** The scope's display name: the tag's or author's name, or the site's title for the whole site. */
	name: string;
	/** This page's number, 1 (the oldest) to `pages`. */
	page: number;
	/** The scope's archive pages (archivePages.ts' ArchiveWindow.pages), at least 1. */
	pages: number;
	/** The page's articles, newest first. */
	records: readonly ArticleRecord[];
	dates: PageDates;
}

const KIND_LABEL = { tag: "Chủ đề", author: "Tác giả" } as const;

function span(page: ArchivePageInput, count: CountFormat): Html | "" {
	const newest = page.records[0];
	const oldest = page.records[page.records.length - 1];
	if (!newest || !oldest) return "";
	const { site, dates } = page;
	return sync(
		html`${count(page.records.length)} bài, từ ${dates.time(site, oldest.published, oldest.publishedDateOnly)} đến ${dates.time(site, newest.published, newest.publishedDateOnly)}`,
	);
}

export function renderArchivePage(page: ArchivePageInput): string {
	const { site } = page;
	if (!Number.isSafeInteger(page.page) || page.page < 1 || page.page > page.pages)
		throw new RangeError(`archive page ${page.page} of ${page.pages}: the route must answer 404 first`);
	const ref = scopeRefOf(page.key);
	if (!ref) throw new RangeError(`archive page of ${JSON.stringify(page.key)}: not a scope key`);
	const count = countFormat(site);
	const position = `trang ${count(page.page)} / ${count(page.pages)}`;
	const current = feedLinks(site.baseUrl, page.key);
	const own = archiveLinks(site.baseUrl, page.key, page.page);
	const kind =
		ref.kind === "all" ? "" : html`<a href="${current.html}">${KIND_LABEL[ref.kind]}: ${page.name}</a> · `;
	const main = sync(html`<h1 class="page-title">Lưu trữ: ${page.name} — ${position}</h1>
<p class="page-meta">${kind}${span(page, count)}</p>
<div class="layout">
<section>
${articleList(site, page.records, page.dates)}
${archivePageNav(site, page.key, page.page, page.pages, count)}
<p class="more">Trang này dưới dạng feed lưu trữ: ${feedLinkList(own)}</p>
</section>
<aside>
${subscribeBox(current)}
</aside>
</div>`);
	const scopeTitle = ref.kind === "all" ? site.title : `${page.name} — ${site.title}`;
	const feeds: FeedAnnouncement[] = [{ title: scopeTitle, links: current }];
	if (ref.kind !== "all") feeds.push({ title: site.title, links: feedLinks(site.baseUrl, "") });
	return pageLayout({
		site,
		title:
			ref.kind === "all"
				? `Lưu trữ — ${position} — ${site.title}`
				: `Lưu trữ: ${page.name} — ${position} — ${site.title}`,
		canonical: own.html,
		feeds,
		main,
	});
}
