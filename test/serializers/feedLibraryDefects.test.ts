// Each known defect of the `feed` library, shown on the library alone and shown absent from our output; and why
// the serializers write the documents themselves rather than through the library (the last test).
import { Feed } from "feed";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderAtom, renderFeed, renderJsonFeed, renderRss } from "../../src/serializers/index.ts";
import { escapeXml } from "../../src/serializers/xmlEscape.ts";
import { BASE_URL, sampleArticle, sampleModel, sampleSite } from "../support/feedFixtures.ts";
import {
	checkAtom,
	checkRss2,
	childNamed,
	childrenNamed,
	parseXmlStrict,
	validateAtomSchema,
	type XmlElement,
} from "../support/feedValidators.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const DC = "http://purl.org/dc/elements/1.1/";

function libraryFeed(item: Partial<Parameters<Feed["addItem"]>[0]> = {}, updated?: Date): Feed {
	const feed = new Feed({
		id: `${BASE_URL}/`,
		title: "Tin",
		link: `${BASE_URL}/`,
		feedLinks: { rss: `${BASE_URL}/rss.xml` },
		...(updated ? { updated } : {}),
	});
	feed.addItem({ title: "Bài", link: `${BASE_URL}/articles/a`, date: new Date(0), ...item });
	return feed;
}

const rssItem = (xml: string) =>
	childNamed(childNamed(parseXmlStrict(xml), "", "channel") as XmlElement, "", "item") as XmlElement;
const atomEntry = (xml: string) => childNamed(parseXmlStrict(xml), ATOM, "entry") as XmlElement;

afterEach(() => {
	vi.useRealTimers();
});

describe("feed library defects", () => {
	it("JSON Feed: the library writes 1.0; we write 1.1", () => {
		expect(JSON.parse(libraryFeed().json1()).version).toBe("https://jsonfeed.org/version/1");
		expect(JSON.parse(renderFeed("json", sampleModel())).version).toBe("https://jsonfeed.org/version/1.1");
	});

	it("]]>: the library splits only the first one; we split every one", () => {
		const hostile = "a ]]> b ]]> c ]]>";
		expect(() => parseXmlStrict(libraryFeed({ title: hostile, content: hostile }).rss2())).toThrow();

		const record = sampleArticle({ title: hostile, summary: hostile, contentHtml: `<pre>${hostile}</pre>` });
		const model = sampleModel([record]);
		const item = rssItem(renderRss(model));
		expect(childNamed(item, "", "title")?.text).toBe(hostile);
		expect(childNamed(item, "http://purl.org/rss/1.0/modules/content/", "encoded")?.text).toBe(
			`<pre>${hostile}</pre>`,
		);
		const entry = atomEntry(renderAtom(model));
		expect(childNamed(entry, ATOM, "title")?.text).toBe(hostile);
		expect(childNamed(entry, ATOM, "summary")?.text).toBe(hostile);
		expect(childNamed(entry, ATOM, "content")?.text).toBe(`<pre>${hostile}</pre>`);
		expect(JSON.parse(renderJsonFeed(model)).items[0].title).toBe(hostile);
	});

	it("control characters: the library lets them through; the model strips them before any format", () => {
		const hostile = "Tin\u0000 nóng\u0008\u000B\u001F\uFFFF";
		expect(() => parseXmlStrict(libraryFeed({ title: hostile }).rss2())).toThrow();

		const model = sampleModel([sampleArticle({ title: hostile, summary: hostile, contentHtml: hostile })]);
		expect(childNamed(rssItem(renderRss(model)), "", "title")?.text).toBe("Tin nóng");
		expect(childNamed(atomEntry(renderAtom(model)), ATOM, "title")?.text).toBe("Tin nóng");
		expect(checkRss2(renderRss(model))).toEqual([]);
		expect(checkAtom(renderAtom(model))).toEqual([]);
	});

	it("Atom category: the library leaves the label unescaped; we escape it and give the slug as term", () => {
		const name = 'A & B <"x">';
		expect(() => parseXmlStrict(libraryFeed({ category: [{ name }] }).atom1())).toThrow();

		const xml = renderAtom(sampleModel([sampleArticle({ tags: [{ name, slug: "a-b-x" }] })]));
		const category = childNamed(atomEntry(xml), ATOM, "category");
		expect(category?.attributes.label).toBe(name);
		expect(category?.attributes.term).toBe("a-b-x");
		expect(validateAtomSchema(xml)).toEqual([]);
		// The same name is escaped as RSS category text too.
		const rss = renderRss(sampleModel([sampleArticle({ tags: [{ name, slug: "a-b-x" }] })]));
		expect(childNamed(rssItem(rss), "", "category")?.text).toBe(name);
	});

	it("RSS author: the library writes a bare name; we write <author> only as an email address", () => {
		const bare = rssItem(libraryFeed({ author: [{ name: "Kim Dung" }] }).rss2());
		expect(childNamed(bare, "", "author")?.text).toBe("Kim Dung");

		const withEmail = rssItem(
			renderRss(
				sampleModel([
					sampleArticle({ authors: [{ name: "Lan Anh", email: "lan@example.com", slug: "lan" }] }),
				]),
			),
		);
		expect(childrenNamed(withEmail, "", "author").map((author) => author.text)).toEqual([
			"lan@example.com (Lan Anh)",
		]);
		expect(childNamed(withEmail, DC, "creator")).toBeUndefined();

		const withoutEmail = rssItem(
			renderRss(sampleModel([sampleArticle({ authors: [{ name: "Kim Dung", slug: "kd" }] })])),
		);
		expect(childNamed(withoutEmail, "", "author")).toBeUndefined();
		expect(childrenNamed(withoutEmail, DC, "creator").map((creator) => creator.text)).toEqual(["Kim Dung"]);
	});

	it("RSS author: several authors are all dc:creator (RSS allows one <author>, and mixing the two is flagged)", () => {
		const authors = [
			{ name: "Lan Anh", email: "lan@example.com", slug: "lan" },
			{ name: "Kim Dung", slug: "kd" },
			{ name: "Hà", email: "ha@example.com", slug: "ha" },
		];
		const xml = renderRss(sampleModel([sampleArticle({ authors })]));
		const item = rssItem(xml);
		expect(childNamed(item, "", "author")).toBeUndefined();
		expect(childrenNamed(item, DC, "creator").map((creator) => creator.text)).toEqual([
			"Lan Anh",
			"Kim Dung",
			"Hà",
		]);
		expect(checkRss2(xml)).toEqual([]);
	});

	it("dates: the library stamps 'now' when not told; our bodies carry only the model's dates", () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
		expect(libraryFeed().rss2()).toContain("Tue, 01 Jan 2030");
		expect(libraryFeed().atom1()).toContain("2030-01-01T00:00:00");

		const model = sampleModel([sampleArticle()]);
		const first = [renderRss(model), renderAtom(model), renderJsonFeed(model)];
		vi.setSystemTime(new Date("2031-06-15T12:34:56Z"));
		const second = [renderRss(model), renderAtom(model), renderJsonFeed(model)];
		expect(second).toEqual(first);
		for (const body of first) {
			expect(body).not.toContain("2030");
			expect(body).not.toContain("2031");
		}
	});

	it('attributes: the library escapes only quotes; we escape &, <, > and " in every attribute', () => {
		const alt = `Ảnh "A" & <B>`;
		const site = sampleSite({ language: "vi" });
		const record = sampleArticle({
			image: { url: `${BASE_URL}/images/a.jpg`, type: "image/jpeg", alt, length: 1024 },
		});
		const xml = renderAtom(sampleModel([record], { site }));
		const enclosure = childrenNamed(atomEntry(xml), ATOM, "link").find(
			(link) => link.attributes.rel === "enclosure",
		);
		expect(enclosure?.attributes.title).toBe(alt);
		// A raw ">" would still parse, so only the bytes show that it, too, is escaped.
		expect(xml).toContain('title="Ảnh &quot;A&quot; &amp; &lt;B&gt;"');
	});

	it("text: the library's writer turns a literal '&amp;' into '&'; we keep it", () => {
		const feed = new Feed({ id: "x", title: "R&amp;D", link: `${BASE_URL}/` });
		expect(
			childNamed(childNamed(parseXmlStrict(feed.rss2()), "", "channel") as XmlElement, "", "title")?.text,
		).toBe("R&D");

		const model = sampleModel([], { site: sampleSite({ title: "R&amp;D" }) });
		const channel = childNamed(parseXmlStrict(renderRss(model)), "", "channel") as XmlElement;
		expect(childNamed(channel, "", "title")?.text).toBe("R&amp;D");
		expect(childNamed(parseXmlStrict(renderAtom(model)), ATOM, "title")?.text).toBe("R&amp;D");
	});

	it("namespaces: an RSS feed declares atom, content, dc and media even with no items (the library would not)", () => {
		const xml = renderRss(sampleModel([]));
		expect(parseXmlStrict(xml).name).toBe("rss");
		const rootTag = xml.slice(xml.indexOf("<rss"), xml.indexOf(">", xml.indexOf("<rss")) + 1);
		for (const declaration of [
			'xmlns:atom="http://www.w3.org/2005/Atom"',
			'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
			`xmlns:dc="${DC}"`,
			'xmlns:media="http://search.yahoo.com/mrss/"',
		])
			expect(rootTag).toContain(declaration);
		expect(libraryFeed().rss2()).not.toContain("xmlns:media");
	});

	it("no value given to the library comes out as written: raw text loses '&amp;', escaped text is escaped twice", () => {
		// Element text gets the library's own escaping or none: values escaped our way are escaped again, and raw
		// values lose a literal "&amp;". Using it correctly takes stand-in values swapped for ours after it has run,
		// and its run alone costs more than a whole render may (BENCHMARKS.md), so the serializers write directly.
		const title = "R&amp;D <b>";
		const titleOf = (feed: Feed) =>
			childNamed(childNamed(parseXmlStrict(feed.rss2()), "", "channel") as XmlElement, "", "title")?.text;
		const feedTitled = (text: string) => new Feed({ id: "x", title: text, link: `${BASE_URL}/` });
		expect(titleOf(feedTitled(title))).toBe("R&D <b>");
		expect(titleOf(feedTitled(escapeXml(title)))).toBe("R&amp;D &lt;b&gt;");

		const model = sampleModel([], { site: sampleSite({ title }) });
		expect(
			childNamed(childNamed(parseXmlStrict(renderRss(model)), "", "channel") as XmlElement, "", "title")
				?.text,
		).toBe(title);
	});
});
