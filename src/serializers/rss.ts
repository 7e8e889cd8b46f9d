// RSS 2.0: what of the feed model goes where, written by the `feed` library through our adapter.
import type { FeedModel } from "../feed/feedModel.ts";
import type { ArticleRecord, ImageRef } from "../store/kvLayout.ts";
import { type Extension, GENERATOR, type Item, renderRssWithLibrary } from "./feedLibrary.ts";
import type { ValueSlots } from "./valueSlots.ts";
import { escapeXml } from "./xmlEscape.ts";

/** Media RSS for the article image: the reader-facing description of what <enclosure> only points at. */
function mediaContent(slots: ValueSlots, image: ImageRef): Extension {
	const attributes: Record<string, string> = {
		url: slots.url(image.url),
		medium: "image",
		type: slots.text(image.type),
	};
	if (image.width !== undefined) attributes.width = String(image.width);
	if (image.height !== undefined) attributes.height = String(image.height);
	const objects: Record<string, unknown> = { _attributes: attributes };
	if (image.alt) objects["media:title"] = { _attributes: { type: "plain" }, _text: slots.text(image.alt) };
	if (image.caption)
		objects["media:description"] = { _attributes: { type: "plain" }, _text: slots.text(image.caption) };
	if (image.credit) objects["media:credit"] = { _text: slots.text(image.credit) };
	return { name: "media:content", objects };
}

function rssItem(slots: ValueSlots, model: FeedModel, record: ArticleRecord): Item {
	const extensions: Extension[] = [];
	// RSS <author> is one email address ("email (Name)"), at most once per item (the W3C validator rejects a
	// second), and mixing it with dc:creator earns a warning. So a lone author with an email gets <author>;
	// otherwise every author is named with dc:creator, which takes names and may repeat.
	const [only, ...others] = record.authors;
	const emailAuthor = only?.email && others.length === 0 ? { name: only.name, email: only.email } : undefined;
	if (!emailAuthor && record.authors.length > 0) {
		const objects = record.authors.map((author) => ({ _text: slots.text(author.name) }));
		extensions.push({ name: "dc:creator", objects: objects as unknown as Record<string, unknown> });
	}
	if (record.image) extensions.push(mediaContent(slots, record.image));

	const item: Item = {
		title: slots.text(record.title),
		link: slots.url(record.url),
		date: new Date(record.updated ?? record.published),
		published: new Date(record.published),
		// The description is read as HTML by readers and email tools, so the plain-text summary is escaped for it.
		description: slots.text(escapeXml(record.summary)),
		content: slots.text(record.contentHtml),
		author: emailAuthor ? [{ name: slots.text(emailAuthor.name), email: slots.text(emailAuthor.email) }] : [],
		category: record.tags.map((tag) => ({ name: slots.text(tag.name), domain: slots.text(model.tagScheme) })),
		extensions,
	};
	// With no guid the library writes the link as a guid with isPermaLink="true": right only when they are equal.
	if (record.guid !== record.url) item.guid = slots.text(record.guid);
	if (record.image) {
		// The image's size in bytes is not known; RSS asks for a length anyway, and "0" is the accepted value.
		item.image = { url: slots.url(record.image.url), type: slots.text(record.image.type), length: 0 };
	}
	return item;
}

/** Renders the model as RSS 2.0. The same model always gives the same bytes. */
export function renderRss(model: FeedModel): string {
	return renderRssWithLibrary((slots) => {
		const options = {
			title: slots.text(model.title),
			description: slots.text(model.description),
			link: slots.url(model.links.html),
			language: slots.text(model.language),
			copyright: slots.text(model.copyright),
			generator: slots.text(GENERATOR),
			updated: new Date(model.updated),
			ttl: model.ttlMinutes,
			feedLinks: { rss: slots.url(model.links.rss) },
			...(model.hub ? { hub: slots.url(model.hub) } : {}),
			...(model.icon ? { image: slots.text(model.icon) } : {}),
		};
		return { options, items: model.items.map((record) => rssItem(slots, model, record)) };
	});
}
