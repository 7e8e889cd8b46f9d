// A tag's or an author's page: its newest articles and its subscribe box; its feeds are announced for
// autodiscovery beside the site's.
import { html } from "hono/html";
import type { ArticleRecord, SiteSettings } from "../domain/model.ts";
import { feedLinks } from "../urls/urlScheme.ts";
import { articleList } from "./articleList.ts";
import type { PageDates } from "./pageDate.ts";
import { pageLayout, sync } from "./pageLayout.ts";
import { subscribeBox } from "./subscribeBox.ts";

export function renderScopePage(page: {
	site: SiteSettings;
	/** "tags/<slug>" or "authors/<slug>". */
	key: string;
	kind: "tag" | "author";
	name: string;
	records: readonly ArticleRecord[];
	dates: PageDates;
}): string {
	const { site } = page;
	const links = feedLinks(site.baseUrl, page.key);
	const title = `${page.name} — ${site.title}`;
	const main =
		sync(html`<h1 class="page-title">${page.kind === "tag" ? "Chủ đề" : "Tác giả"}: ${page.name}</h1>
<div class="layout">
${articleList(site, page.records, page.dates)}
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
