// Property: arbitrary Unicode in every text field (lone surrogates, control characters, "]]>", markup, entity
// look-alikes, NFD) still gives well-formed RSS and Atom and valid JSON, from which a strict parser reads back
// exactly the model's (safeText) text and a feed reader reads back the NFC-normalised title.
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/domain/model.ts";
import type { FeedScope } from "../../src/feed/feedModel.ts";
import { renderAtom, renderJsonFeed, renderRss } from "../../src/serializers/index.ts";
import { safeText } from "../../src/text/safeText.ts";
import { BASE_URL, sampleArticle, sampleModel, sampleSite } from "../support/feedFixtures.ts";
import { childNamed, childrenNamed, parseXmlStrict, type XmlElement } from "../support/feedValidators.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const DC = "http://purl.org/dc/elements/1.1/";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";

/** Any string at all, with the troublemakers mixed in more often than chance would. */
const anyText = fc
	.array(
		fc.oneof(
			{ weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
			fc.constantFrom(
				"]]>",
				"<![CDATA[",
				"\u0000",
				"\u0008",
				"\uFFFE",
				"\uD800",
				"\uDC00",
				"\r\n",
				"\r",
				"\t",
			),
			fc.constantFrom(
				"&amp;",
				"&lt;b&gt;",
				"<b>",
				'"',
				"'",
				"~0~",
				"https://x.invalid/~1~",
				"https://x.invalid/~2~.~3~",
				" ",
			),
			fc.constantFrom("Nghe\u0323\u0302 An", "Tiếng Việt", "Đảng ủy"),
		),
		{ maxLength: 6 },
	)
	.map((parts) => parts.join(""));

const fields = fc.record({
	siteTitle: anyText,
	siteDescription: anyText,
	copyright: anyText,
	siteAuthor: anyText,
	scopeName: anyText,
	title: anyText,
	summary: anyText,
	body: anyText,
	tag: anyText,
	author: anyText,
	alt: anyText,
	caption: anyText,
	path: anyText,
});

function feedsFrom(f: typeof fields extends fc.Arbitrary<infer T> ? T : never) {
	const record: ArticleRecord = sampleArticle({
		title: f.title,
		summary: f.summary,
		contentHtml: `<p>${f.body}</p>`,
		url: `${BASE_URL}/articles/${f.path}`,
		tags: [{ name: f.tag, slug: f.tag }],
		authors: [{ name: f.author, slug: "a" }],
		image: {
			url: `${BASE_URL}/images/${f.path}.jpg`,
			type: "image/jpeg",
			alt: f.alt,
			caption: f.caption,
			credit: f.author,
			length: 2048,
		},
	});
	const site = sampleSite({
		title: f.siteTitle,
		description: f.siteDescription,
		copyright: f.copyright,
		author: { name: f.siteAuthor },
	});
	const scope: FeedScope = { key: "tags/x", kind: "tag", name: f.scopeName };
	const model = sampleModel([record], { site, scope });
	return { model, rss: renderRss(model), atom: renderAtom(model), json: renderJsonFeed(model) };
}

/** What @extractus/feed-extractor makes of a title written in CDATA: its XML parser (fast-xml-parser) leaves
 * the "&#13;" we write for a carriage return undecoded, then the library trims the text and decodes HTML
 * entities once (its getText), so "&amp;" written as text reads as "&". Spelled out here so that the comparison
 * can stay exact. */
function asReaderSees(title: string): string {
	const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0" };
	return title
		.replaceAll("\r", "&#13;")
		.trim()
		.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos|nbsp|#39));/g, (entity, dec, hex, name) => {
			if (name) return name === "#39" ? "'" : (named[name] ?? entity);
			const code = dec !== undefined ? Number(dec) : Number.parseInt(hex, 16);
			return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
		});
}

const XML_OPTIONS = { xmlParserOptions: { parseTagValue: false, trimValues: false } };

describe("arbitrary text in every field", () => {
	it("RSS is well-formed and reads back exactly", () => {
		fc.assert(
			fc.property(fields, (f) => {
				const { model, rss } = feedsFrom(f);
				const channel = childNamed(parseXmlStrict(rss), "", "channel") as XmlElement;
				expect(childNamed(channel, "", "title")?.text).toBe(model.title);
				expect(childNamed(channel, "", "description")?.text).toBe(safeText(f.siteDescription));
				const item = childNamed(channel, "", "item") as XmlElement;
				expect(childNamed(item, "", "title")?.text).toBe(safeText(f.title));
				expect(childNamed(item, "", "link")?.text).toBe(model.items[0]?.url);
				expect(childNamed(item, CONTENT, "encoded")?.text).toBe(`<p>${safeText(f.body)}</p>`);
				expect(childNamed(item, "", "category")?.text).toBe(safeText(f.tag));
				expect(childrenNamed(item, DC, "creator").map((creator) => creator.text)).toEqual([
					safeText(f.author),
				]);
			}),
		);
	});

	it("Atom is well-formed and reads back exactly, attributes included", () => {
		fc.assert(
			fc.property(fields, (f) => {
				const { model, atom } = feedsFrom(f);
				const feed = parseXmlStrict(atom);
				expect(childNamed(feed, ATOM, "title")?.text).toBe(model.title);
				const entry = childNamed(feed, ATOM, "entry") as XmlElement;
				expect(childNamed(entry, ATOM, "title")?.text).toBe(safeText(f.title));
				expect(childNamed(entry, ATOM, "summary")?.text).toBe(safeText(f.summary));
				expect(childNamed(entry, ATOM, "category")?.attributes).toMatchObject({
					label: safeText(f.tag),
					term: safeText(f.tag),
				});
				const enclosure = childrenNamed(entry, ATOM, "link").find(
					(link) => link.attributes.rel === "enclosure",
				);
				// An empty alt text is left out rather than written as an empty title.
				expect(enclosure?.attributes.title).toBe(safeText(f.alt) || undefined);
			}),
		);
	});

	it("JSON is valid and reads back exactly", () => {
		fc.assert(
			fc.property(fields, (f) => {
				const { model, json } = feedsFrom(f);
				const feed = JSON.parse(json);
				expect(feed.title).toBe(model.title);
				expect(feed.items[0].title).toBe(safeText(f.title));
				expect(feed.items[0].content_html).toBe(`<p>${safeText(f.body)}</p>`);
				expect(feed.items[0].tags).toEqual([safeText(f.tag)]);
			}),
		);
	});

	it("a feed reader reads back the NFC-normalised title from all three", () => {
		fc.assert(
			fc.property(fields, (f) => {
				const { rss, atom, json } = feedsFrom(f);
				const title = safeText(f.title);
				expect(title).toBe(title.normalize("NFC"));
				expect(extractFromXml(rss, XML_OPTIONS).entries?.[0]?.title).toBe(asReaderSees(title));
				expect(extractFromXml(atom, XML_OPTIONS).entries?.[0]?.title).toBe(asReaderSees(title));
				expect(extractFromJson(json).entries?.[0]?.title).toBe(title);
			}),
		);
	});
});
