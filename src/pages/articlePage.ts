// One article as a simple page: title, byline, date, image with caption and credit, and the sanitised body.
import { html, raw } from "hono/html";
import { feedLinks } from "../feed/buildFeedModel.ts";
import type { ArticleRecord, SiteSettings } from "../store/kvLayout.ts";
import { formatPageDate } from "./pageDate.ts";
import { type Html, pageLayout, sync } from "./pageLayout.ts";

function figure(record: ArticleRecord): Html | "" {
	const { image } = record;
	if (!image) return "";
	const caption = [image.caption, image.credit].filter(Boolean).join(" — ");
	return sync(html`<figure>
<img src="${image.url}" alt="${image.alt ?? ""}"${image.width ? html` width="${image.width}"` : ""}${image.height ? html` height="${image.height}"` : ""}>
${caption ? html`<figcaption>${caption}</figcaption>` : ""}
</figure>`);
}

export function renderArticlePage(site: SiteSettings, record: ArticleRecord): string {
	const url = `${site.baseUrl}/articles/${encodeURIComponent(record.slug)}`;
	const authors = record.authors.map((author, index) =>
		sync(html`${index > 0 ? ", " : ""}<a href="${site.baseUrl}/authors/${author.slug}">${author.name}</a>`),
	);
	const tags = record.tags.map((tag, index) =>
		sync(html`${index > 0 ? ", " : ""}<a href="${site.baseUrl}/tags/${tag.slug}">${tag.name}</a>`),
	);
	const updated =
		record.updated && record.updated !== record.published
			? html` · cập nhật <time datetime="${record.updated}">${formatPageDate(site, record.updated)}</time>`
			: "";
	const main = sync(html`<article>
<h1>${record.title}</h1>
<p class="meta">${authors.length ? html`${authors} · ` : ""}<time datetime="${record.published}">${formatPageDate(site, record.published)}</time>${updated}</p>
${figure(record)}
${raw(record.contentHtml)}
${tags.length ? html`<p class="meta">Chủ đề: ${tags}</p>` : ""}
${record.canonical ? html`<p class="meta">Nguồn: <a href="${record.canonical}">${record.canonical}</a></p>` : ""}
</article>`);
	return pageLayout({
		site,
		title: `${record.title} — ${site.title}`,
		canonical: record.canonical ?? url,
		feeds: [{ title: site.title, links: feedLinks(site.baseUrl, "") }],
		main,
	});
}
