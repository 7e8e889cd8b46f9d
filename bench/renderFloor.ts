// Bench-only: the floor for render cost, hand-written RSS 2.0 and Atom 1.0 serializers of the same feed model
// with the same elements as src/serializers, built by plain string concatenation (no library, no placeholders).
// JSON Feed needs no floor of its own: src/serializers/jsonFeed.ts already is one JSON.stringify.
import type { FeedModel } from "../src/feed/feedModel.ts";
import { cdata, escapeXml as x } from "../src/serializers/xmlEscape.ts";
import type { ArticleRecord } from "../src/store/kvLayout.ts";

const NS =
	'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
	'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"';

function rssItem(model: FeedModel, r: ArticleRecord): string {
	let s = `<item><title>${cdata(r.title)}</title><link>${x(r.url)}</link>`;
	s +=
		r.guid === r.url
			? `<guid isPermaLink="true">${x(r.guid)}</guid>`
			: `<guid isPermaLink="false">${x(r.guid)}</guid>`;
	s += `<pubDate>${new Date(r.published).toUTCString()}</pubDate>`;
	s += `<description>${cdata(x(r.summary))}</description><content:encoded>${cdata(r.contentHtml)}</content:encoded>`;
	const [only, ...others] = r.authors;
	if (only?.email && others.length === 0) s += `<author>${x(only.email)} (${x(only.name)})</author>`;
	for (const tag of r.tags) s += `<category domain="${x(model.tagScheme)}">${x(tag.name)}</category>`;
	const image = r.image;
	if (image) s += `<enclosure length="0" type="${x(image.type)}" url="${x(image.url)}"/>`;
	if (!(only?.email && others.length === 0))
		for (const a of r.authors) s += `<dc:creator>${x(a.name)}</dc:creator>`;
	if (image) {
		s += `<media:content url="${x(image.url)}" medium="image" type="${x(image.type)}"`;
		if (image.width !== undefined) s += ` width="${image.width}"`;
		if (image.height !== undefined) s += ` height="${image.height}"`;
		s += ">";
		if (image.alt) s += `<media:title type="plain">${x(image.alt)}</media:title>`;
		if (image.caption) s += `<media:description type="plain">${x(image.caption)}</media:description>`;
		if (image.credit) s += `<media:credit>${x(image.credit)}</media:credit>`;
		s += "</media:content>";
	}
	return `${s}</item>`;
}

/** RSS 2.0 by hand: the same channel and item elements as renderRss. */
export function renderFloorRss(model: FeedModel): string {
	let s = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" ${NS}><channel>`;
	s += `<title>${x(model.title)}</title><link>${x(model.links.html)}</link>`;
	s += `<description>${x(model.description)}</description>`;
	s += `<lastBuildDate>${new Date(model.updated).toUTCString()}</lastBuildDate>`;
	s += "<docs>https://validator.w3.org/feed/docs/rss2.html</docs><generator>edgefeed</generator>";
	s += `<language>${x(model.language)}</language><ttl>${model.ttlMinutes}</ttl>`;
	if (model.icon)
		s += `<image><title>${x(model.title)}</title><url>${x(model.icon)}</url><link>${x(model.links.html)}</link></image>`;
	s += `<copyright>${x(model.copyright)}</copyright>`;
	s += `<atom:link href="${x(model.links.rss)}" rel="self" type="application/rss+xml"/>`;
	if (model.hub) s += `<atom:link href="${x(model.hub)}" rel="hub"/>`;
	for (const record of model.items) s += rssItem(model, record);
	return `${s}</channel></rss>`;
}

function atomPerson(p: { name: string; email?: string; url?: string }): string {
	let s = `<author><name>${x(p.name)}</name>`;
	if (p.email) s += `<email>${x(p.email)}</email>`;
	if (p.url) s += `<uri>${x(p.url)}</uri>`;
	return `${s}</author>`;
}

function atomEntry(model: FeedModel, r: ArticleRecord): string {
	let s = `<entry><title type="text">${cdata(r.title)}</title><id>${x(r.guid)}</id>`;
	s += `<link rel="alternate" type="text/html" href="${x(r.url)}"/>`;
	if (r.image?.type.startsWith("image/")) {
		s += `<link rel="enclosure" href="${x(r.image.url)}"`;
		if (r.image.alt) s += ` title="${x(r.image.alt)}"`;
		s += ` type="${x(r.image.type)}"/>`;
	}
	s += `<updated>${new Date(r.updated ?? r.published).toISOString()}</updated>`;
	s += `<summary type="text">${cdata(r.summary)}</summary><content type="html">${cdata(r.contentHtml)}</content>`;
	for (const a of r.authors) s += atomPerson(a);
	for (const tag of r.tags)
		s += `<category label="${x(tag.name)}" scheme="${x(model.tagScheme)}" term="${x(tag.slug)}"/>`;
	return `${s}<published>${new Date(r.published).toISOString()}</published></entry>`;
}

/** Atom 1.0 by hand: the same feed and entry elements as renderAtom. */
export function renderFloorAtom(model: FeedModel): string {
	let s = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(model.language)}">`;
	s += `<id>${x(model.id)}</id><title>${x(model.title)}</title>`;
	s += `<updated>${new Date(model.updated).toISOString()}</updated><generator>edgefeed</generator>`;
	s += atomPerson(model.author);
	s += `<link rel="alternate" type="text/html" href="${x(model.links.html)}"/>`;
	s += `<link rel="self" type="application/atom+xml" href="${x(model.links.atom)}"/>`;
	if (model.hub) s += `<link rel="hub" href="${x(model.hub)}"/>`;
	s += `<subtitle>${x(model.description)}</subtitle>`;
	if (model.icon) s += `<icon>${x(model.icon)}</icon>`;
	s += `<rights>${x(model.copyright)}</rights>`;
	for (const record of model.items) s += atomEntry(model, record);
	return `${s}</feed>`;
}
