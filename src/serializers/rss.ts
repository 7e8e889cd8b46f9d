// RSS 2.0: what of the feed model goes where, written by the `feed` library through our adapter.
import type { FeedModel } from "../feed/feedModel.ts";
import type { ArticleRecord } from "../store/kvLayout.ts";
import {
	type Extension,
	GENERATOR,
	type Item,
	type LibraryDocument,
	renderRssWithLibrary,
	type ValueList,
	type ValueSlots,
} from "./feedLibrary.ts";
import { mediaElements, mediaShape, mediaValues } from "./mediaRss.ts";
import { escapeXml } from "./xmlEscape.ts";

// RSS <author> is one email address ("email (Name)"), at most once per item (the W3C validator rejects a
// second), and mixing it with dc:creator earns a warning. So a lone author with an email gets <author>;
// otherwise every author is named with dc:creator, which takes names and may repeat.
function emailAuthorOf(record: ArticleRecord): { name: string; email: string } | undefined {
	const only = record.authors.length === 1 ? record.authors[0] : undefined;
	return only?.email ? { name: only.name, email: only.email } : undefined;
}

function rssItem(slots: ValueSlots, model: FeedModel, record: ArticleRecord): Item {
	const extensions: Extension[] = [];
	const emailAuthor = emailAuthorOf(record);
	if (!emailAuthor && record.authors.length > 0) {
		const objects = record.authors.map((author) => ({ _text: slots.text(author.name) }));
		extensions.push({ name: "dc:creator", objects: objects as unknown as Record<string, unknown> });
	}
	if (record.image) extensions.push(...mediaElements(slots, record.image));

	const pubDate = slots.date(Date.parse(record.published));
	const scheme = slots.text(model.tagScheme);
	const item: Item = {
		title: slots.text(record.title),
		link: slots.url(record.url),
		// pubDate is the publication date; the library reads it from `published` and wants `date` all the same.
		date: pubDate,
		published: pubDate,
		// The description is read as HTML by readers and email tools, so the plain-text summary is escaped for it.
		description: slots.text(escapeXml(record.summary)),
		content: slots.text(record.contentHtml),
		author: emailAuthor ? [{ name: slots.text(emailAuthor.name), email: slots.text(emailAuthor.email) }] : [],
		category: record.tags.map((tag) => ({ name: slots.text(tag.name), domain: scheme })),
		extensions,
	};
	// With no guid the library writes the link as a guid with isPermaLink="true": right only when they are equal.
	if (record.guid !== record.url) item.guid = slots.text(record.guid);
	const image = record.image;
	// An enclosure must state its real size; without one, media:content alone describes the image.
	if (image?.length !== undefined) {
		item.image = {
			url: slots.url(image.url),
			type: slots.text(image.type),
			length: slots.text(String(image.length)) as unknown as number,
		};
	}
	return item;
}

/** Every condition rssItem and mediaContent branch on: which author form, how many authors and tags, whether the
 * guid is the link, and which image fields are there (a known length also adds the enclosure). */
function rssItemShape(record: ArticleRecord): string {
	const image = record.image;
	const imageShape = image ? mediaShape(image) : "-";
	return `${emailAuthorOf(record) ? "e" : record.authors.length}/${record.tags.length}/${+(record.guid !== record.url)}/${imageShape}`;
}

/** rssItem's values in the order it hands out placeholders (keep the two in step: the adapter checks they agree
 * for the first record of each shape). */
function rssItemValues(values: ValueList, model: FeedModel, record: ArticleRecord): void {
	const emailAuthor = emailAuthorOf(record);
	if (!emailAuthor) for (const author of record.authors) values.add(author.name);
	const image = record.image;
	if (image) mediaValues(values, image);
	values.date(Date.parse(record.published));
	values.add(model.tagScheme);
	values.add(record.title);
	values.add(record.url);
	values.add(escapeXml(record.summary));
	values.add(record.contentHtml);
	if (emailAuthor) {
		values.add(emailAuthor.name);
		values.add(emailAuthor.email);
	}
	for (const tag of record.tags) values.add(tag.name);
	if (record.guid !== record.url) values.add(record.guid);
	if (image?.length !== undefined) {
		values.add(image.url);
		values.add(image.type);
		values.add(String(image.length));
	}
}

/** What of the model goes where in RSS, as the library is told it. */
export function rssDocument(model: FeedModel): LibraryDocument<ArticleRecord> {
	return {
		channel: (slots) => ({
			options: {
				title: slots.text(model.title),
				description: slots.text(model.description),
				link: slots.url(model.links.html),
				language: slots.text(model.language),
				copyright: slots.text(model.copyright),
				generator: slots.text(GENERATOR),
				// Always the model's change time: left out, the library would stamp "now".
				updated: slots.date(model.updated),
				ttl: model.ttlMinutes,
				feedLinks: { rss: slots.url(model.links.rss) },
				...(model.hub ? { hub: slots.url(model.hub) } : {}),
				...(model.icon ? { image: slots.text(model.icon) } : {}),
			},
		}),
		item: (slots, record) => rssItem(slots, model, record),
		itemShape: rssItemShape,
		itemValues: (values, record) => rssItemValues(values, model, record),
		records: model.items,
	};
}

/** Renders the model as RSS 2.0. The same model always gives the same bytes. */
export function renderRss(model: FeedModel): string {
	return renderRssWithLibrary(rssDocument(model));
}
