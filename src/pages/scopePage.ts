// A tag's or an author's page: its newest articles and its feeds, announced for autodiscovery beside the site's.
import { html } from "hono/html";
import { feedLinks } from "../feed/buildFeedModel.ts";
import type { ArticleRecord, SiteSettings } from "../store/kvLayout.ts";
import { articleList } from "./articleList.ts";
import { feedLinkList, pageLayout, sync } from "./pageLayout.ts";

export function renderScopePage(page: {
	site: SiteSettings;
	/** "tags/<slug>" or "authors/<slug>". */
	key: string;
	kind: "tag" | "author";
	name: string;
	records: readonly ArticleRecord[];
}): string {
	const { site } = page;
	const links = feedLinks(site.baseUrl, page.key);
	const title = `${page.name} — ${site.title}`;
	const main = sync(html`<h1>${page.kind === "tag" ? "Chủ đề" : "Tác giả"}: ${page.name}</h1>
<p>Theo dõi: ${feedLinkList(links)}</p>
${articleList(site, page.records)}`);
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
