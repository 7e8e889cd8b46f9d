// checkJsonFeed11 accepts a valid JSON Feed 1.1 document and rejects each rule broken on its own.
import { describe, expect, it } from "vitest";
import { checkJsonFeed11 } from "./checkJsonFeed11.ts";

const valid = () => ({
	version: "https://jsonfeed.org/version/1.1",
	title: "Tin tức",
	home_page_url: "https://example.com/",
	feed_url: "https://example.com/feed.json",
	language: "vi",
	authors: [{ name: "Ban biên tập" }],
	hubs: [{ type: "WebSub", url: "https://hub.example/" }],
	items: [
		{
			id: "urn:uuid:1",
			url: "https://example.com/a",
			title: "Bài A",
			content_html: "<p>Nội dung</p>",
			date_published: "2023-08-15T09:00:00+07:00",
			date_modified: "2023-08-16T10:30:00Z",
			authors: [{ name: "Kim Dung", url: "mailto:kd@example.com" }],
			tags: ["Dân vận"],
			image: "https://example.com/a.jpg",
		},
		{ id: "urn:uuid:2", content_text: "Chỉ văn bản" },
	],
});

type Feed = ReturnType<typeof valid> & Record<string, unknown>;
type Item = Feed["items"][number] & Record<string, unknown>;

const CASES: [string, (feed: Feed, item: Item) => void, string][] = [
	[
		"version 1.0",
		(feed) => Object.assign(feed, { version: "https://jsonfeed.org/version/1" }),
		"feed.version",
	],
	["a missing title", (feed) => Reflect.deleteProperty(feed, "title"), "feed.title: required"],
	["missing items", (feed) => Reflect.deleteProperty(feed, "items"), "feed.items: required"],
	[
		"a numeric item id",
		(_feed, item) => Object.assign(item, { id: 1 }),
		"items[0].id: required, a non-empty string",
	],
	[
		"an item without content",
		(_feed, item) => Reflect.deleteProperty(item, "content_html"),
		"needs content_html or content_text",
	],
	[
		"an RFC 822 date",
		(_feed, item) => Object.assign(item, { date_published: "Tue, 15 Aug 2023 02:00:00 GMT" }),
		"date_published: must be an RFC 3339",
	],
	[
		"a date without an offset",
		(_feed, item) => Object.assign(item, { date_modified: "2023-08-16T10:30:00" }),
		"date_modified: must be an RFC 3339",
	],
	[
		"a relative item url",
		(_feed, item) => Object.assign(item, { url: "/a" }),
		"items[0].url: must be an absolute URL",
	],
	[
		"a relative feed_url",
		(feed) => Object.assign(feed, { feed_url: "feed.json" }),
		"feed.feed_url: must be an absolute URL",
	],
	[
		"an author that is a string",
		(feed) => Object.assign(feed, { authors: ["Ban biên tập"] }),
		"feed.authors[0]: must be an object",
	],
	[
		"an empty author",
		(_feed, item) => Object.assign(item, { authors: [{}] }),
		"must have at least one of name, url, avatar",
	],
	[
		"the 1.0 author field",
		(feed) => Object.assign(feed, { author: { name: "x" } }),
		"feed.author: the 1.0 field",
	],
	["a null optional", (_feed, item) => Object.assign(item, { summary: null }), "items[0].summary: null"],
	[
		"tags that are not strings",
		(_feed, item) => Object.assign(item, { tags: [{ name: "Dân vận" }] }),
		"tags: must be an array of strings",
	],
	[
		"a hub without url",
		(feed) => Object.assign(feed, { hubs: [{ type: "WebSub" }] }),
		"feed.hubs[0].url: required",
	],
	[
		"duplicate item ids",
		(feed) => Object.assign(feed.items[1] as Item, { id: "urn:uuid:1" }),
		"item id used by more than one item",
	],
	[
		"a relative next_url",
		(feed) => Object.assign(feed, { next_url: "archive/1/feed.json" }),
		"feed.next_url",
	],
	[
		"a next_url that is the feed_url",
		(feed) => Object.assign(feed, { next_url: feed.feed_url }),
		"feed.next_url: must not be the feed_url",
	],
	[
		"an attachment without mime_type",
		(_feed, item) => Object.assign(item, { attachments: [{ url: "https://example.com/a.mp3" }] }),
		"mime_type: required",
	],
];

describe("checkJsonFeed11", () => {
	it("accepts a valid JSON Feed 1.1, with or without a next_url", () => {
		expect(checkJsonFeed11(JSON.stringify(valid()))).toEqual([]);
		const paged = { ...valid(), next_url: "https://example.com/archive/3/feed.json" };
		expect(checkJsonFeed11(JSON.stringify(paged))).toEqual([]);
	});

	it.each(CASES)("rejects %s", (_name, breakIt, message) => {
		const feed = valid() as Feed;
		breakIt(feed, feed.items[0] as Item);
		expect(checkJsonFeed11(JSON.stringify(feed))).toContainEqual(expect.stringContaining(message));
	});

	it("rejects text that is not JSON, and JSON that is not an object", () => {
		expect(checkJsonFeed11("{")).toEqual([expect.stringContaining("not valid JSON")]);
		expect(checkJsonFeed11("[]")).toEqual(["the feed must be a JSON object"]);
	});
});
