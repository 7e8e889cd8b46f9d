// The seed article comes through all three formats whole: title, dates, tags, and every block of its body
// character for character (NFC), even when the record arrives decomposed (NFD).
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/domain/model.ts";
import { renderAtom, renderJsonFeed, renderRss } from "../../src/serializers/index.ts";
import { sampleModel, seedArticle, seedBlocks } from "../support/feedFixtures.ts";
import { childNamed, childrenNamed, parseXmlStrict, type XmlElement } from "../support/feedValidators.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";

interface ReadBack {
	title?: string;
	date?: string;
	tags: string[];
	html?: string;
}

function fromRss(xml: string): ReadBack {
	const channel = childNamed(parseXmlStrict(xml), "", "channel") as XmlElement;
	const item = childNamed(channel, "", "item") as XmlElement;
	return {
		title: childNamed(item, "", "title")?.text,
		date: childNamed(item, "", "pubDate")?.text,
		tags: childrenNamed(item, "", "category").map((category) => category.text),
		html: childNamed(item, CONTENT, "encoded")?.text,
	};
}

function fromAtom(xml: string): ReadBack {
	const entry = childNamed(parseXmlStrict(xml), ATOM, "entry") as XmlElement;
	return {
		title: childNamed(entry, ATOM, "title")?.text,
		date: childNamed(entry, ATOM, "published")?.text,
		tags: childrenNamed(entry, ATOM, "category").map((category) => category.attributes.label ?? ""),
		html: childNamed(entry, ATOM, "content")?.text,
	};
}

function fromJson(text: string): ReadBack {
	const [item] = JSON.parse(text).items;
	return { title: item.title, date: item.date_published, tags: item.tags, html: item.content_html };
}

/** The text of each block element (paragraph, heading, caption) of the body, in order. */
function blocks(html: string): string[] {
	const document = parseDocument(html);
	return DomUtils.findAll((node) => ["p", "h2", "figcaption"].includes(node.name), document.children).map(
		(node) => DomUtils.textContent(node),
	);
}

function renderAll(record: ArticleRecord): Record<string, ReadBack> {
	const model = sampleModel([record]);
	return {
		rss: fromRss(renderRss(model)),
		atom: fromAtom(renderAtom(model)),
		json: fromJson(renderJsonFeed(model)),
	};
}

const seed = seedArticle();
const expectedBlocks = seedBlocks();

describe.each(Object.entries(renderAll(seed)))("seed article in %s", (format, read) => {
	it("has its title and tags exactly", () => {
		expect(read.title).toBe(seed.title);
		expect(read.tags).toEqual(["Dân vận", "Tuyên giáo", "Xây dựng Đảng", "Nghệ An"]);
	});

	it("has its publication date", () => {
		const expected = {
			rss: "Tue, 15 Aug 2023 02:00:00 GMT",
			atom: "2023-08-15T02:00:00.000Z",
			json: "2023-08-15T09:00:00+07:00",
		}[format];
		expect(read.date).toBe(expected);
	});

	it("has every block of the source text, character for character, and not the widget line", () => {
		const body = blocks(read.html ?? "");
		expect(body).toEqual(expectedBlocks);
		expect(body).toContain("Nhiều kết quả trong công tác dân vận");
		expect(body).toContain("Toàn cảnh buổi làm việc. Ảnh: Kim Dung");
		expect(read.html).not.toContain("Theo dõi Báo Nghệ An trên");
	});
});

describe("seed article written decomposed (NFD)", () => {
	const decomposed: ArticleRecord = {
		...seed,
		title: seed.title.normalize("NFD"),
		contentHtml: seed.contentHtml.normalize("NFD"),
		tags: seed.tags.map((tag) => ({ ...tag, name: tag.name.normalize("NFD") })),
	};

	it("is decomposed going in", () => {
		expect(decomposed.contentHtml).not.toBe(seed.contentHtml);
	});

	it.each(Object.entries(renderAll(decomposed)))("comes out NFC in %s", (_format, read) => {
		expect(read.title).toBe(seed.title);
		expect(read.tags).toEqual(seed.tags.map((tag) => tag.name));
		expect(blocks(read.html ?? "")).toEqual(expectedBlocks);
	});
});
