// renderRss: every channel and item element the README lists, read back through a strict XML parser.
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { renderRss } from "../../src/serializers/rss.ts";
import { BASE_URL, sampleArticle, sampleModel, sampleSite } from "../support/feedFixtures.ts";
import {
	checkRss2,
	childNamed,
	childrenNamed,
	parseXmlStrict,
	type XmlElement,
} from "../support/feedValidators.ts";

const NS = {
	atom: "http://www.w3.org/2005/Atom",
	content: "http://purl.org/rss/1.0/modules/content/",
	dc: "http://purl.org/dc/elements/1.1/",
	media: "http://search.yahoo.com/mrss/",
};

const text = (parent: XmlElement | undefined, local: string, uri = "") =>
	parent ? childNamed(parent, uri, local)?.text : undefined;
const htmlText = (html: string) => DomUtils.textContent(parseDocument(html));

function channelOf(xml: string): XmlElement {
	const channel = childNamed(parseXmlStrict(xml), "", "channel");
	if (!channel) throw new Error("no channel");
	return channel;
}

describe("renderRss channel", () => {
	const model = sampleModel([sampleArticle()]);
	const xml = renderRss(model);
	const channel = channelOf(xml);

	it("passes the RSS 2.0 checks", () => {
		expect(checkRss2(xml)).toEqual([]);
	});

	it("declares RSS 2.0 and every namespace it uses", () => {
		const root = parseXmlStrict(xml);
		expect(root.name).toBe("rss");
		expect(root.attributes.version).toBe("2.0");
		expect(xml.slice(0, xml.indexOf("<channel>"))).toContain(`xmlns:media="${NS.media}"`);
	});

	it("has title, link, description, language, copyright, generator and ttl", () => {
		expect(text(channel, "title")).toBe("Tin tức Nghệ An");
		expect(text(channel, "link")).toBe(`${BASE_URL}/`);
		expect(text(channel, "description")).toBe("Tin tức khu vực tỉnh Nghệ An, phát hành qua edgefeed.");
		expect(text(channel, "language")).toBe("vi");
		expect(text(channel, "copyright")).toBe("© 2023 Tin tức Nghệ An");
		expect(text(channel, "generator")).toBe("edgefeed");
		expect(text(channel, "ttl")).toBe("5");
	});

	it("dates lastBuildDate from the model's change time, in RFC 822", () => {
		expect(text(channel, "lastBuildDate")).toBe("Sat, 28 Nov 2026 10:00:00 GMT");
	});

	it("links to itself and to the WebSub hub with atom:link", () => {
		const links = childrenNamed(channel, NS.atom, "link").map((link) => link.attributes);
		expect(links).toContainEqual({ href: `${BASE_URL}/rss.xml`, rel: "self", type: "application/rss+xml" });
		expect(links).toContainEqual({ href: "https://pubsubhubbub.appspot.com/", rel: "hub" });
	});

	it("has the site icon as the channel image", () => {
		const image = childNamed(channel, "", "image");
		expect(text(image, "url")).toBe(`${BASE_URL}/icon.png`);
		expect(text(image, "title")).toBe("Tin tức Nghệ An");
		expect(text(image, "link")).toBe(`${BASE_URL}/`);
	});

	it("leaves out the image and the hub when the site has neither", () => {
		const bare = channelOf(
			renderRss(sampleModel([], { site: sampleSite({ icon: undefined, hub: undefined }) })),
		);
		expect(childNamed(bare, "", "image")).toBeUndefined();
		expect(childrenNamed(bare, NS.atom, "link").map((link) => link.attributes.rel)).toEqual(["self"]);
	});
});

describe("renderRss items", () => {
	const record = sampleArticle({ summary: "Tóm tắt: A & B <không phải thẻ>" });
	const item = childNamed(channelOf(renderRss(sampleModel([record]))), "", "item") as XmlElement;

	it("has title, link, pubDate, and a non-permalink guid for a URN id", () => {
		expect(text(item, "title")).toBe(record.title);
		expect(text(item, "link")).toBe(record.url);
		expect(text(item, "pubDate")).toBe("Tue, 15 Aug 2023 02:00:00 GMT");
		const guid = childNamed(item, "", "guid");
		expect(guid?.text).toBe(record.guid);
		expect(guid?.attributes.isPermaLink).toBe("false");
	});

	it("marks the guid as a permalink when it is the item's URL", () => {
		const permalink = sampleArticle({ guid: `${BASE_URL}/articles/a`, url: `${BASE_URL}/articles/a` });
		const guid = childNamed(
			childNamed(channelOf(renderRss(sampleModel([permalink]))), "", "item") as XmlElement,
			"",
			"guid",
		);
		expect(guid?.text).toBe(`${BASE_URL}/articles/a`);
		expect(guid?.attributes.isPermaLink).toBe("true");
	});

	it("gives the summary as the description, escaped so that read as HTML it is the plain text", () => {
		expect(htmlText(text(item, "description") ?? "")).toBe(record.summary);
	});

	it("gives the full HTML as content:encoded", () => {
		expect(text(item, "encoded", NS.content)).toBe(record.contentHtml);
	});

	it("has one category per tag, in the site's tag taxonomy", () => {
		const categories = childrenNamed(item, "", "category");
		expect(categories.map((category) => category.text)).toEqual(["Dân vận", "Nghệ An"]);
		for (const category of categories) expect(category.attributes.domain).toBe(`${BASE_URL}/tags/`);
	});

	it("names an author without email with dc:creator, not <author>", () => {
		expect(childrenNamed(item, NS.dc, "creator").map((creator) => creator.text)).toEqual(["Kim Dung"]);
		expect(childNamed(item, "", "author")).toBeUndefined();
	});

	it("has the image as media:content with its description, media:thumbnail, and exactly one enclosure", () => {
		const media = childNamed(item, NS.media, "content");
		expect(media?.attributes).toEqual({
			url: `${BASE_URL}/images/toan-canh.jpg`,
			medium: "image",
			type: "image/jpeg",
			fileSize: "48213",
			width: "1200",
			height: "800",
		});
		expect(childrenNamed(item, NS.media, "thumbnail").map((thumbnail) => thumbnail.attributes)).toEqual([
			{ url: `${BASE_URL}/images/toan-canh.jpg`, width: "1200", height: "800" },
		]);
		expect(text(media, "title", NS.media)).toBe("Toàn cảnh buổi làm việc");
		expect(text(media, "description", NS.media)).toBe("Toàn cảnh buổi làm việc.");
		expect(text(media, "credit", NS.media)).toBe("Kim Dung");
		const enclosures = childrenNamed(item, "", "enclosure");
		expect(enclosures.map((enclosure) => enclosure.attributes)).toEqual([
			{ url: `${BASE_URL}/images/toan-canh.jpg`, type: "image/jpeg", length: "48213" },
		]);
	});

	it("writes no enclosure for an image of unknown size, only media:content and media:thumbnail", () => {
		const image = { url: "https://cdn.example.org/anh.webp", type: "image/webp", alt: "Ảnh" };
		const only = childNamed(channelOf(renderRss(sampleModel([sampleArticle({ image })]))), "", "item");
		expect(childNamed(only as XmlElement, "", "enclosure")).toBeUndefined();
		expect(childNamed(only as XmlElement, NS.media, "content")?.attributes).toEqual({
			url: image.url,
			medium: "image",
			type: "image/webp",
		});
		expect(childNamed(only as XmlElement, NS.media, "thumbnail")?.attributes).toEqual({ url: image.url });
	});

	it("has neither media:content nor an enclosure without an image", () => {
		const bare = sampleArticle();
		delete bare.image;
		const plain = childNamed(channelOf(renderRss(sampleModel([bare]))), "", "item") as XmlElement;
		expect(childNamed(plain, NS.media, "content")).toBeUndefined();
		expect(childNamed(plain, NS.media, "thumbnail")).toBeUndefined();
		expect(childNamed(plain, "", "enclosure")).toBeUndefined();
	});

	it("writes the items in the model's order", () => {
		const records = ["c", "a", "b"].map((slug, index) => sampleArticle({ slug, guid: `urn:uuid:${index}` }));
		const items = childrenNamed(channelOf(renderRss(sampleModel(records))), "", "item");
		expect(items.map((entry) => text(entry, "link"))).toEqual(records.map((r) => r.url));
	});
});
