// The links along a scope's history, oldest first: archive page 1, 2 … N, then the scope's own page (the newest
// articles). rel="prev" points toward page 1 and rel="next" toward the scope's page, like RFC 5005's prev-archive
// and next-archive in the feeds; lists show newest first, so the newer link comes first.
import type { ScopeKey, SiteSettings } from "../domain/model.ts";
import { archiveLinks, feedLinks } from "../urls/urlScheme.ts";
import type { Html } from "./pageLayout.ts";
import type { CountFormat } from "./pageNumbers.ts";
import { pagerNav } from "./pagerNav.ts";

const OLDER = "Cũ hơn →";
const NEWER = "← Mới hơn";

/** On a scope's page (the index for key ""): a link to its newest archive page, or "" when it has none. */
export function olderArticlesNav(site: SiteSettings, key: ScopeKey, archivePages = 0): Html | "" {
	if (archivePages < 1) return "";
	return pagerNav({
		label: "Bài cũ hơn",
		after: { href: archiveLinks(site.baseUrl, key, archivePages).html, text: "Bài cũ hơn →", rel: "prev" },
	});
}

/** On archive page `page` of `pages`: newer (page + 1, or the scope's page from the newest) and older (page - 1). */
export function archivePageNav(
	site: SiteSettings,
	key: ScopeKey,
	page: number,
	pages: number,
	count: CountFormat,
): Html | "" {
	const newer =
		page < pages ? archiveLinks(site.baseUrl, key, page + 1).html : feedLinks(site.baseUrl, key).html;
	return pagerNav({
		label: "Trang lưu trữ",
		before: { href: newer, text: NEWER, rel: "next" },
		position: `trang ${count(page)} / ${count(pages)}`,
		after:
			page > 1
				? { href: archiveLinks(site.baseUrl, key, page - 1).html, text: OLDER, rel: "prev" }
				: undefined,
	});
}
