// JSON Feed 1.1, written directly: the `feed` library only knows 1.0. Absent optionals are omitted, never null.
import type { ArticleRecord, Person } from "../domain/model.ts";
import type { FeedModel } from "../feed/feedModel.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

interface JsonFeedAuthor {
	name: string;
	url?: string;
}

function jsonAuthor(person: Person): JsonFeedAuthor {
	// JSON Feed authors have no email field; the spec allows a mailto: URL when there is no web page.
	const url = person.url ?? (person.email ? `mailto:${person.email}` : undefined);
	return url ? { name: person.name, url } : { name: person.name };
}

function jsonItem(record: ArticleRecord): Record<string, unknown> {
	const item: Record<string, unknown> = {
		id: record.guid,
		url: record.url,
		title: record.title,
		content_html: record.contentHtml,
		summary: record.summary,
	};
	const image = record.image;
	if (image) {
		// image is the item's main picture, which may also be in content_html; banner_image is one shown above
		// the item that content_html does not hold, which is what a front-matter image is.
		item.image = image.url;
		if (!image.inContent) item.banner_image = image.url;
	}
	item.date_published = record.published;
	item.date_modified = record.updated ?? record.published;
	if (record.authors.length > 0) item.authors = record.authors.map(jsonAuthor);
	if (record.tags.length > 0) item.tags = record.tags.map((tag) => tag.name);
	return item;
}

/** Renders the model as JSON Feed 1.1. The same model always gives the same bytes. */
export function renderJsonFeed(model: FeedModel): string {
	const feed: Record<string, unknown> = {
		version: JSON_FEED_VERSION,
		title: model.title,
		home_page_url: model.links.html,
		feed_url: model.links.json,
		description: model.description,
		language: model.language,
	};
	// next_url walks the history newest to oldest: from the current feed to the newest archive page, then on.
	if (model.history?.prevArchive) feed.next_url = model.history.prevArchive.json;
	if (model.icon) feed.icon = model.icon;
	feed.authors = [jsonAuthor(model.author)];
	if (model.hub) feed.hubs = [{ type: "WebSub", url: model.hub }];
	// Items are stringified one by one and joined: the same bytes as stringifying the whole feed, but V8 joins
	// many small strings far faster than it builds one flat string of every item's content.
	feed.items = [];
	let json = JSON.stringify(feed).slice(0, -2);
	model.items.forEach((record, index) => {
		json += `${index === 0 ? "" : ","}${JSON.stringify(jsonItem(record))}`;
	});
	return `${json}]}`;
}
