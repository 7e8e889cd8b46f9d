// renderAtom: every feed and entry element the README lists, read back through a strict XML parser, checked
// against RFC 4287's schema (jing) and its prose rules.
import { describe, expect, it } from "vitest";
import { renderAtom } from "../../src/serializers/atom.ts";
import { BASE_URL, sampleArticle, sampleModel, sampleSite } from "../support/feedFixtures.ts";
import {
	checkAtom,
	childNamed,
	childrenNamed,
	parseXmlStrict,
	validateAtomSchema,
	type XmlElement,
} from "../support/feedValidators.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const MEDIA = "http://search.yahoo.com/mrss/";

const el = (parent: XmlElement | undefined, local: string) =>
	parent ? childNamed(parent, ATOM, local) : undefined;
const text = (parent: XmlElement | undefined, local: string) => el(parent, local)?.text;

describe("renderAtom feed", () => {
	const model = sampleModel([sampleArticle()]);
	const xml = renderAtom(model);
	const feed = parseXmlStrict(xml);

	it("validates against RFC 4287's schema and passes the Atom checks", () => {
		expect(validateAtomSchema(xml)).toEqual([]);
		expect(checkAtom(xml)).toEqual([]);
	});

	it("is an Atom feed in the site's language", () => {
		expect(feed.uri).toBe(ATOM);
		expect(feed.local).toBe("feed");
		expect(feed.attributes["xml:lang"]).toBe("vi");
		expect(feed.attributeUris["xml:lang"]).toBe(XML_NS);
	});

	it("has id, title, subtitle, updated, generator, icon and rights", () => {
		expect(text(feed, "id")).toBe(`${BASE_URL}/`);
		expect(text(feed, "title")).toBe("Tin tức Nghệ An");
		expect(text(feed, "subtitle")).toBe("Tin tức khu vực tỉnh Nghệ An, phát hành qua edgefeed.");
		expect(text(feed, "updated")).toBe("2026-11-28T10:00:00.000Z");
		expect(text(feed, "generator")).toBe("edgefeed");
		expect(text(feed, "icon")).toBe(`${BASE_URL}/icon.png`);
		expect(text(feed, "rights")).toBe("© 2023 Tin tức Nghệ An");
	});

	it("has the site's author", () => {
		const author = el(feed, "author");
		expect(text(author, "name")).toBe("Ban biên tập");
		expect(text(author, "email")).toBe("bbt@example.com");
		expect(text(author, "uri")).toBe(`${BASE_URL}/`);
	});

	it("links to itself, its HTML page and the hub, each with its type", () => {
		const links = childrenNamed(feed, ATOM, "link").map((link) => link.attributes);
		expect(links).toContainEqual({ rel: "self", type: "application/atom+xml", href: `${BASE_URL}/atom.xml` });
		expect(links).toContainEqual({ rel: "alternate", type: "text/html", href: `${BASE_URL}/` });
		expect(links).toContainEqual({ rel: "hub", href: "https://pubsubhubbub.appspot.com/" });
	});

	it("leaves out the icon and the hub when the site has neither", () => {
		const bare = parseXmlStrict(
			renderAtom(sampleModel([], { site: sampleSite({ icon: undefined, hub: undefined }) })),
		);
		expect(el(bare, "icon")).toBeUndefined();
		expect(childrenNamed(bare, ATOM, "link").map((link) => link.attributes.rel)).toEqual([
			"alternate",
			"self",
		]);
	});
});

describe("renderAtom entries", () => {
	const record = sampleArticle({
		summary: "Tóm tắt: A & B <không phải thẻ>",
		authors: [
			{ name: "Kim Dung", slug: "kim-dung" },
			{ name: "Lan Anh", email: "lan@example.com", url: `${BASE_URL}/authors/lan-anh`, slug: "lan-anh" },
		],
	});
	const entry = el(parseXmlStrict(renderAtom(sampleModel([record]))), "entry") as XmlElement;

	it("has id (the guid), a plain-text title, published and updated", () => {
		expect(text(entry, "id")).toBe(record.guid);
		expect(text(entry, "title")).toBe(record.title);
		expect(el(entry, "title")?.attributes.type).toBe("text");
		expect(text(entry, "published")).toBe("2023-08-15T02:00:00.000Z");
		expect(text(entry, "updated")).toBe("2023-08-16T03:30:00.000Z");
	});

	it("uses published as updated when the article was never updated", () => {
		const fresh = sampleArticle();
		delete fresh.updated;
		const only = el(parseXmlStrict(renderAtom(sampleModel([fresh]))), "entry");
		expect(text(only, "updated")).toBe("2023-08-15T02:00:00.000Z");
	});

	it("has the summary as plain text and the full HTML as html content", () => {
		expect(el(entry, "summary")?.attributes.type).toBe("text");
		expect(text(entry, "summary")).toBe(record.summary);
		expect(el(entry, "content")?.attributes.type).toBe("html");
		expect(text(entry, "content")).toBe(record.contentHtml);
	});

	it("has a category per tag with the slug as term and the name as label", () => {
		expect(childrenNamed(entry, ATOM, "category").map((category) => category.attributes)).toEqual([
			{ term: "dan-van", label: "Dân vận", scheme: `${BASE_URL}/tags/` },
			{ term: "nghe-an", label: "Nghệ An", scheme: `${BASE_URL}/tags/` },
		]);
	});

	it("has every author with name, and email and uri when known", () => {
		const authors = childrenNamed(entry, ATOM, "author").map((author) => ({
			name: text(author, "name"),
			email: text(author, "email"),
			uri: text(author, "uri"),
		}));
		expect(authors).toEqual([
			{ name: "Kim Dung", email: undefined, uri: undefined },
			{ name: "Lan Anh", email: "lan@example.com", uri: `${BASE_URL}/authors/lan-anh` },
		]);
	});

	it("links to the article, and to the image as an enclosure with its real type", () => {
		const links = childrenNamed(entry, ATOM, "link").map((link) => link.attributes);
		expect(links).toEqual([
			{ rel: "alternate", type: "text/html", href: record.url },
			{
				rel: "enclosure",
				type: "image/jpeg",
				href: `${BASE_URL}/images/toan-canh.jpg`,
				title: "Toàn cảnh buổi làm việc",
				length: "48213",
			},
		]);
	});

	it("describes the image with Media RSS: media:content and media:thumbnail, the namespace declared", () => {
		const media = childrenNamed(entry, MEDIA, "content");
		expect(media.map((element) => element.attributes)).toEqual([
			{
				url: `${BASE_URL}/images/toan-canh.jpg`,
				medium: "image",
				type: "image/jpeg",
				fileSize: "48213",
				width: "1200",
				height: "800",
			},
		]);
		expect(childNamed(media[0] as XmlElement, MEDIA, "credit")?.text).toBe("Kim Dung");
		expect(childrenNamed(entry, MEDIA, "thumbnail").map((element) => element.attributes)).toEqual([
			{ url: `${BASE_URL}/images/toan-canh.jpg`, width: "1200", height: "800" },
		]);
	});

	it("writes no enclosure link for an image of unknown size, and keeps media:content", () => {
		const image = { url: "https://cdn.example.org/anh.png", type: "image/png" };
		const only = el(
			parseXmlStrict(renderAtom(sampleModel([sampleArticle({ image })]))),
			"entry",
		) as XmlElement;
		expect(childrenNamed(only, ATOM, "link").map((link) => link.attributes.rel)).toEqual(["alternate"]);
		expect(childNamed(only, MEDIA, "content")?.attributes.url).toBe(image.url);
	});

	it("gives a PNG or WebP enclosure its type whatever the file name says", () => {
		const image = { url: `${BASE_URL}/images/anh-khong-duoi`, type: "image/webp", length: 512 };
		const only = el(
			parseXmlStrict(renderAtom(sampleModel([sampleArticle({ image })]))),
			"entry",
		) as XmlElement;
		const enclosure = childrenNamed(only, ATOM, "link").find((link) => link.attributes.rel === "enclosure");
		expect(enclosure?.attributes).toEqual({
			rel: "enclosure",
			href: image.url,
			type: "image/webp",
			length: "512",
		});
	});

	it("validates with several entries, authors or none, images or none", () => {
		const bare = sampleArticle({ slug: "b", guid: "urn:uuid:2", authors: [], tags: [] });
		delete bare.image;
		const xml = renderAtom(sampleModel([record, bare]));
		expect(validateAtomSchema(xml)).toEqual([]);
		expect(checkAtom(xml)).toEqual([]);
	});
});
