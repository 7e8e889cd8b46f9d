// One article as a page: title, byline, date, image with caption and credit, the sanitised body, its topics, and
// the site's subscribe box.
import { html, raw } from "hono/html";
import type { ArticleRecord, SiteSettings } from "../domain/model.ts";
import { articleUrl, authorScope, feedLinks, scopePageUrl, tagScope } from "../urls/urlScheme.ts";
import type { PageDates } from "./pageDate.ts";
import { type Html, pageLayout, sync } from "./pageLayout.ts";
import { subscribeBox } from "./subscribeBox.ts";

function figure(record: ArticleRecord): Html | "" {
	const { image } = record;
	// The body's own first image is already in the body.
	if (!image || image.inContent) return "";
	const caption = [image.caption, image.credit].filter(Boolean).join(" — ");
	return sync(html`<figure>
<img src="${image.url}" alt="${image.alt ?? ""}"${image.width ? html` width="${image.width}"` : ""}${image.height ? html` height="${image.height}"` : ""}>
${caption ? html`<figcaption>${caption}</figcaption>` : ""}
</figure>`);
}

export function renderArticlePage(site: SiteSettings, record: ArticleRecord, dates: PageDates): string {
	const url = articleUrl(site.baseUrl, record.slug);
	const siteLinks = feedLinks(site.baseUrl, "");
	const authors = record.authors.map((author, index) =>
		sync(
			html`${index > 0 ? ", " : ""}<a href="${scopePageUrl(site.baseUrl, authorScope(author.slug))}">${author.name}</a>`,
		),
	);
	const tags = record.tags.map((tag) =>
		sync(html`<li><a href="${scopePageUrl(site.baseUrl, tagScope(tag.slug))}">${tag.name}</a></li>`),
	);
	const updated =
		record.updated && record.updated !== record.published
			? html` · cập nhật ${dates.time(site, record.updated, record.updatedDateOnly)}`
			: "";
	const main = sync(html`<div class="layout">
<article>
<h1>${record.title}</h1>
<p class="meta">${authors.length ? html`${authors} · ` : ""}${dates.time(site, record.published, record.publishedDateOnly)}${updated}</p>
${figure(record)}
<div class="body">
${raw(record.contentHtml)}
</div>
${tags.length ? html`<ul class="topics" aria-label="Chủ đề">${tags}</ul>` : ""}
${record.canonical ? html`<p class="source">Nguồn: <a href="${record.canonical}">${record.canonical}</a></p>` : ""}
</article>
<aside>
${subscribeBox(siteLinks)}
</aside>
</div>`);
	return pageLayout({
		site,
		title: `${record.title} — ${site.title}`,
		canonical: record.canonical ?? url,
		feeds: [{ title: site.title, links: siteLinks }],
		main,
	});
}
