// RSS 2.0, top-down in document order: the channel, then each item. Every text value goes through xmlEscape.ts;
// numbers (sizes, ttl) are written as they are, since they hold no markup.
import type { ArticleRecord } from "../domain/model.ts";
import type { FeedHistory, FeedModel } from "../feed/feedModel.ts";
import { formatHttpDate as rssDate } from "../text/httpDate.ts";
import { mediaRss } from "./mediaRss.ts";
import { fhDeclaration, GENERATOR, NAMESPACES } from "./xmlDocument.ts";
import { cdata, escapeXml as x } from "./xmlEscape.ts";

// RSS <author> is one email address ("email (Name)"), at most once per item (the W3C validator rejects a
// second), and mixing it with dc:creator earns a warning. So a lone author with an email gets <author>;
// otherwise every author is named with dc:creator, which takes names and may repeat.
function emailAuthorOf(record: ArticleRecord): { name: string; email: string } | undefined {
	const only = record.authors.length === 1 ? record.authors[0] : undefined;
	return only?.email ? { name: only.name, email: only.email } : undefined;
}

/** RFC 5005 links to the scope's other RSS documents (as atom:link, RFC 5005 Appendix B), and the marker of an
 * archive document. */
function rssHistory(history: FeedHistory): string {
	let xml = "";
	if (history.current)
		xml += `
        <atom:link href="${x(history.current.rss)}" rel="current" type="application/rss+xml"/>`;
	if (history.prevArchive)
		xml += `
        <atom:link href="${x(history.prevArchive.rss)}" rel="prev-archive" type="application/rss+xml"/>`;
	if (history.nextArchive)
		xml += `
        <atom:link href="${x(history.nextArchive.rss)}" rel="next-archive" type="application/rss+xml"/>`;
	if (history.archive)
		xml += `
        <fh:archive/>`;
	return xml;
}

function rssItem(model: FeedModel, record: ArticleRecord): string {
	const emailAuthor = emailAuthorOf(record);
	const image = record.image;
	// A guid equal to the link is the item's permalink; any other guid is an opaque id.
	const permalink = record.guid === record.url;
	// The description is read as HTML by readers and email tools, so the plain-text summary is escaped for it.
	let xml = `
        <item>
            <title>${cdata(record.title)}</title>
            <link>${x(record.url)}</link>
            <guid isPermaLink="${permalink}">${x(record.guid)}</guid>
            <pubDate>${rssDate(Date.parse(record.published))}</pubDate>
            <description>${cdata(x(record.summary))}</description>
            <content:encoded>${cdata(record.contentHtml)}</content:encoded>`;
	if (emailAuthor)
		xml += `
            <author>${x(emailAuthor.email)} (${x(emailAuthor.name)})</author>`;
	for (const tag of record.tags)
		xml += `
            <category domain="${x(model.tagScheme)}">${x(tag.name)}</category>`;
	// An enclosure must state its real size; without one, media:content alone describes the image.
	if (image?.length !== undefined)
		xml += `
            <enclosure length="${image.length}" type="${x(image.type)}" url="${x(image.url)}"/>`;
	if (!emailAuthor)
		for (const author of record.authors)
			xml += `
            <dc:creator>${x(author.name)}</dc:creator>`;
	if (image) xml += mediaRss(image, "\n            ");
	return `${xml}
        </item>`;
}

/** Renders the model as RSS 2.0. The same model always gives the same bytes. */
export function renderRss(model: FeedModel): string {
	let xml = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="${NAMESPACES.atom}" xmlns:content="${NAMESPACES.content}" xmlns:dc="${NAMESPACES.dc}" xmlns:media="${NAMESPACES.media}"${fhDeclaration(model.history?.archive)}>
    <channel>
        <title>${x(model.title)}</title>
        <link>${x(model.links.html)}</link>
        <description>${x(model.description)}</description>
        <lastBuildDate>${rssDate(model.updated)}</lastBuildDate>
        <docs>https://validator.w3.org/feed/docs/rss2.html</docs>
        <generator>${GENERATOR}</generator>
        <language>${x(model.language)}</language>
        <ttl>${model.ttlMinutes}</ttl>`;
	if (model.icon)
		xml += `
        <image>
            <title>${x(model.title)}</title>
            <url>${x(model.icon)}</url>
            <link>${x(model.links.html)}</link>
        </image>`;
	xml += `
        <copyright>${x(model.copyright)}</copyright>
        <atom:link href="${x(model.links.rss)}" rel="self" type="application/rss+xml"/>`;
	if (model.hub)
		xml += `
        <atom:link href="${x(model.hub)}" rel="hub"/>`;
	if (model.history) xml += rssHistory(model.history);
	for (const record of model.items) xml += rssItem(model, record);
	return `${xml}
    </channel>
</rss>`;
}
