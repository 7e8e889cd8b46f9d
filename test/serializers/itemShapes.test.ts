// Property: every mix of optional item fields (tags, authors with or without email and URL, images with any of
// their fields, permalink guids, updates) and site settings gives valid RSS and Atom whose elements say exactly
// what each record holds, and an item's markup does not depend on the items around it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/domain/model.ts";
import type { FeedModel } from "../../src/feed/feedModel.ts";
import { renderAtom, renderRss } from "../../src/serializers/index.ts";
import { BASE_URL, sampleArticle, sampleModel, sampleSite } from "../support/feedFixtures.ts";
import {
	checkAtom,
	checkRss2,
	childNamed,
	childrenNamed,
	parseXmlStrict,
	validateAtomSchemas,
	type XmlElement,
} from "../support/feedValidators.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const DC = "http://purl.org/dc/elements/1.1/";
const MEDIA = "http://search.yahoo.com/mrss/";

const name = fc.constantFrom("Dân vận", "A & B", "x]]>y", "Nghệ An");
/** Image texts may be empty, which leaves their elements out. */
const word = fc.oneof(name, fc.constant(""));

const record = fc
	.record({
		index: fc.nat(1000),
		tags: fc.array(name, { maxLength: 4 }),
		authors: fc.array(
			fc.record({
				name,
				email: fc.option(fc.constantFrom("a@example.com", ""), { nil: undefined }),
				url: fc.option(fc.constantFrom("https://example.com/a", ""), { nil: undefined }),
			}),
			{ maxLength: 3 },
		),
		image: fc.option(
			fc.record(
				{
					type: fc.constantFrom("image/jpeg", "image/png", "application/octet-stream"),
					alt: word,
					caption: word,
					credit: word,
					width: fc.integer({ min: 1, max: 4000 }),
					height: fc.integer({ min: 1, max: 4000 }),
					length: fc.integer({ min: 1, max: 100_000 }),
				},
				{ requiredKeys: ["type"] },
			),
			{ nil: undefined },
		),
		permalink: fc.boolean(),
		updated: fc.boolean(),
	})
	.map((shape): ArticleRecord => {
		const slug = `bai-${shape.index}`;
		const url = `${BASE_URL}/articles/${slug}`;
		const article = sampleArticle({
			slug,
			url,
			guid: shape.permalink ? url : `urn:uuid:${shape.index}`,
			tags: shape.tags.map((tag, n) => ({ name: tag, slug: `t${n}` })),
			authors: shape.authors.map((author, n) => ({ ...author, slug: `a${n}` })),
		});
		if (shape.image) article.image = { url: `${BASE_URL}/images/${slug}.jpg`, ...shape.image };
		else delete article.image;
		if (!shape.updated) delete article.updated;
		return JSON.parse(JSON.stringify(article));
	});

const model = fc
	.record({
		// A feed never holds one article twice: items differ by guid, as sync guarantees.
		records: fc.uniqueArray(record, { maxLength: 5, selector: (item) => item.guid }),
		icon: fc.boolean(),
		hub: fc.boolean(),
	})
	.map(({ records, icon, hub }): FeedModel => {
		const site = sampleSite();
		if (!icon) delete site.icon;
		if (!hub) delete site.hub;
		return sampleModel(records, { site });
	});

const texts = (elements: XmlElement[]) => elements.map((element) => element.text);

/** The Media RSS elements every image gets, in RSS and Atom alike. */
function expectMedia(item: XmlElement, image: ArticleRecord["image"]): void {
	const content = childNamed(item, MEDIA, "content");
	const thumbnail = childNamed(item, MEDIA, "thumbnail");
	if (!image) {
		expect(content).toBeUndefined();
		expect(thumbnail).toBeUndefined();
		return;
	}
	expect(content?.attributes.url).toBe(image.url);
	expect(content?.attributes.fileSize).toBe(image.length?.toString());
	expect(content?.attributes.width).toBe(image.width?.toString());
	expect(thumbnail?.attributes.url).toBe(image.url);
	expect(thumbnail?.attributes.height).toBe(image.height?.toString());
	expect(childNamed(content as XmlElement, MEDIA, "title")?.text).toBe(image.alt || undefined);
	expect(childNamed(content as XmlElement, MEDIA, "credit")?.text).toBe(image.credit || undefined);
}

function expectRssItem(item: XmlElement, record: ArticleRecord): void {
	const [only, ...others] = record.authors;
	const emailAuthor = only?.email && others.length === 0 ? only : undefined;
	expect(texts(childrenNamed(item, "", "author"))).toEqual(
		emailAuthor ? [`${emailAuthor.email} (${emailAuthor.name})`] : [],
	);
	expect(texts(childrenNamed(item, DC, "creator"))).toEqual(
		emailAuthor ? [] : record.authors.map((author) => author.name),
	);
	expect(texts(childrenNamed(item, "", "category"))).toEqual(record.tags.map((tag) => tag.name));
	const guid = childNamed(item, "", "guid");
	expect(guid?.text).toBe(record.guid);
	expect(guid?.attributes.isPermaLink).toBe(String(record.guid === record.url));
	expect(childNamed(item, "", "enclosure")?.attributes.length).toBe(record.image?.length?.toString());
	expectMedia(item, record.image);
}

function expectAtomEntry(entry: XmlElement, record: ArticleRecord): void {
	const authors = childrenNamed(entry, ATOM, "author");
	expect(authors.map((author) => childNamed(author, ATOM, "name")?.text)).toEqual(
		record.authors.map((author) => author.name),
	);
	expect(authors.map((author) => childNamed(author, ATOM, "email")?.text)).toEqual(
		record.authors.map((author) => author.email || undefined),
	);
	expect(authors.map((author) => childNamed(author, ATOM, "uri")?.text)).toEqual(
		record.authors.map((author) => author.url || undefined),
	);
	const categories = childrenNamed(entry, ATOM, "category");
	expect(categories.map((category) => [category.attributes.term, category.attributes.label])).toEqual(
		record.tags.map((tag) => [tag.slug, tag.name]),
	);
	const image = record.image;
	const enclosure = childrenNamed(entry, ATOM, "link").find((link) => link.attributes.rel === "enclosure");
	const enclosed = image?.type.startsWith("image/") && image.length !== undefined;
	expect(enclosure?.attributes.length).toBe(enclosed ? image?.length?.toString() : undefined);
	expect(childNamed(entry, ATOM, "updated")?.text).toBe(
		new Date(record.updated ?? record.published).toISOString(),
	);
	expectMedia(entry, image);
}

describe("item shapes", () => {
	it("RSS and Atom say exactly what each record holds, and pass the format checks", () => {
		const atomDocuments: string[] = [];
		fc.assert(
			fc.property(model, (m) => {
				const rss = renderRss(m);
				expect(checkRss2(rss)).toEqual([]);
				const items = childrenNamed(childNamed(parseXmlStrict(rss), "", "channel") as XmlElement, "", "item");
				expect(items).toHaveLength(m.items.length);
				for (const [n, item] of items.entries()) expectRssItem(item, m.items[n] as ArticleRecord);

				const atom = renderAtom(m);
				expect(checkAtom(atom)).toEqual([]);
				const entries = childrenNamed(parseXmlStrict(atom), ATOM, "entry");
				expect(entries).toHaveLength(m.items.length);
				for (const [n, entry] of entries.entries()) expectAtomEntry(entry, m.items[n] as ArticleRecord);
				atomDocuments.push(atom);
			}),
			{ numRuns: 80 },
		);
		// One jing run for all of them: RFC 4287's schema, media elements included.
		expect(validateAtomSchemas(atomDocuments).flat()).toEqual([]);
	});

	it("an item reads the same whichever items surround it", () => {
		fc.assert(
			fc.property(record, fc.array(record, { maxLength: 3 }), (item, others) => {
				const rssItemOf = (xml: string) => xml.slice(xml.indexOf("<item>"), xml.indexOf("</item>") + 7);
				const atomEntryOf = (xml: string) => xml.slice(xml.indexOf("<entry>"), xml.indexOf("</entry>") + 8);
				expect(rssItemOf(renderRss(sampleModel([item, ...others])))).toBe(
					rssItemOf(renderRss(sampleModel([item]))),
				);
				expect(atomEntryOf(renderAtom(sampleModel([item, ...others])))).toBe(
					atomEntryOf(renderAtom(sampleModel([item]))),
				);
			}),
		);
	});
});
