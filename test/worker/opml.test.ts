// /feeds.opml: every feed of the site in valid OPML 2.0, read back by a real XML parser, every listed feed
// answering 200 from the Worker; conditional like the feeds, and announced by every page.
import { findAll, getAttributeValue } from "domutils";
import { parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { article, authors, BASE_URL, collection, hanoiTime, tags } from "../support/articles.ts";
import { checkOpml2 } from "../support/checkOpml2.ts";
import { childNamed, parseXmlStrict, type XmlElement } from "../support/xmlTree.ts";
import { clearKv, publish } from "./support/publish.ts";
import { testApp } from "./support/testApp.ts";

const NOW = Date.parse("2023-09-01T00:00:00Z");
const LATER = NOW + 3_600_000;
const FEED_TYPES = new Set(["application/rss+xml", "application/atom+xml", "application/feed+json"]);

/** Outlines that are feeds (they have an xmlUrl), depth first. */
function feedOutlines(element: XmlElement): XmlElement[] {
	return element.children.flatMap((child) => (child.attributes.xmlUrl ? [child] : feedOutlines(child)));
}

const localPath = (url: string): string => {
	expect(url.startsWith(`${BASE_URL}/`), url).toBe(true);
	return url.slice(BASE_URL.length);
};

beforeAll(async () => {
	await clearKv();
	// A scheduled article with a tag of its own: that tag joins the list only at its time.
	const scheduled = article("hen-gio", hanoiTime(LATER), { tags: [{ name: "Sắp tới", slug: "sap-toi" }] });
	await publish([...collection(), scheduled], NOW);
});

describe("/feeds.opml", () => {
	it("is valid OPML 2.0 with its own media type, listing every feed of every scope in the three formats", async () => {
		const app = testApp(NOW);
		const response = await app.fetch("/feeds.opml");
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("text/x-opml; charset=utf-8");
		const xml = await response.text();
		expect(checkOpml2(xml)).toEqual([]);
		const root = parseXmlStrict(xml);
		const body = childNamed(root, "", "body") as XmlElement;
		// Grouped: everything, the tags, the authors, each scope an outline of its three feeds.
		expect(body.children.map((group) => group.attributes.text)).toEqual([
			"Tất cả bài viết",
			"Chủ đề",
			"Tác giả",
		]);
		const [all, tagGroup, authorGroup] = body.children as [XmlElement, XmlElement, XmlElement];
		expect(tagGroup.children.map((scope) => scope.attributes.text)).toEqual(
			[tags.chinhTri, tags.doiSong, tags.xaHoi].map((tag) => `Tin tức Nghệ An — ${tag.name}`),
		);
		expect(authorGroup.children.map((scope) => scope.attributes.text)).toEqual(
			[authors.lan, authors.minh].map((author) => `Tin tức Nghệ An — ${author.name}`),
		);
		const xa = tagGroup.children.find((scope) =>
			scope.attributes.text?.endsWith(tags.xaHoi.name),
		) as XmlElement;
		expect(xa.children.map((feed) => feed.attributes)).toEqual([
			{
				type: "rss",
				text: "Tin tức Nghệ An — Xã hội (RSS)",
				title: "Tin tức Nghệ An — Xã hội (RSS)",
				xmlUrl: `${BASE_URL}/tags/xa-hoi/rss.xml`,
				htmlUrl: `${BASE_URL}/tags/xa-hoi`,
				language: "vi",
				version: "RSS2",
			},
			expect.objectContaining({ type: "rss", xmlUrl: `${BASE_URL}/tags/xa-hoi/atom.xml`, language: "vi" }),
			expect.objectContaining({ type: "rss", xmlUrl: `${BASE_URL}/tags/xa-hoi/feed.json`, language: "vi" }),
		]);
		expect(feedOutlines(all).map((feed) => feed.attributes.xmlUrl)).toEqual(
			["rss.xml", "atom.xml", "feed.json"].map((file) => `${BASE_URL}/${file}`),
		);
		expect(childNamed(childNamed(root, "", "head") as XmlElement, "", "title")?.text).toBe(
			"Tin tức Nghệ An: danh sách nguồn tin",
		);
	});

	it("lists feeds that each answer 200 from the Worker, as a feed, and nothing twice", async () => {
		const app = testApp(NOW);
		const root = parseXmlStrict(await (await app.fetch("/feeds.opml")).text());
		const urls = feedOutlines(childNamed(root, "", "body") as XmlElement).map(
			(feed) => feed.attributes.xmlUrl ?? "",
		);
		expect(urls.length).toBe(3 * (1 + 3 + 2));
		expect(new Set(urls).size).toBe(urls.length);
		for (const url of urls) {
			const response = await app.fetch(localPath(url));
			expect([url, response.status]).toEqual([url, 200]);
			expect(FEED_TYPES.has(response.headers.get("Content-Type")?.split(";")[0] ?? ""), url).toBe(true);
			await response.arrayBuffer();
		}
		for (const outline of feedOutlines(childNamed(root, "", "body") as XmlElement)) {
			const response = await app.fetch(localPath(outline.attributes.htmlUrl ?? ""));
			expect([outline.attributes.htmlUrl, response.status]).toEqual([outline.attributes.htmlUrl, 200]);
			await response.arrayBuffer();
		}
	});

	it("is cached and conditional like the feeds: ETag, Last-Modified, 304 and HEAD", async () => {
		const app = testApp(NOW);
		const first = await app.fetch("/feeds.opml");
		const etag = first.headers.get("ETag") ?? "";
		expect(etag).toMatch(/^"[^"]+"$/);
		expect(first.headers.get("Last-Modified")).not.toBeNull();
		expect(first.headers.get("Cache-Control")).toContain("max-age=");
		const notModified = await testApp(NOW).fetch("/feeds.opml", { headers: { "If-None-Match": etag } });
		expect(notModified.status).toBe(304);
		const head = await app.fetch("/feeds.opml", { method: "HEAD" });
		expect([...head.headers].filter(([name]) => name !== "date")).toEqual(
			[...first.headers].filter(([name]) => name !== "date"),
		);
	});

	it("takes in a scheduled article's new tag at its time, with a new ETag", async () => {
		const before = await testApp(NOW).fetch("/feeds.opml");
		const after = await testApp(LATER).fetch("/feeds.opml");
		expect(after.headers.get("ETag")).not.toBe(before.headers.get("ETag"));
		const urls = (response: string) =>
			feedOutlines(childNamed(parseXmlStrict(response), "", "body") as XmlElement).map(
				(feed) => feed.attributes.xmlUrl,
			);
		expect(urls(await before.text())).not.toContain(`${BASE_URL}/tags/sap-toi/rss.xml`);
		expect(urls(await after.text())).toContain(`${BASE_URL}/tags/sap-toi/rss.xml`);
	});

	it("is announced by every page with <link rel=outline type=text/x-opml>", async () => {
		const app = testApp(NOW);
		for (const path of ["/", "/tags/xa-hoi", "/authors/tran-van-minh", "/articles/a1"]) {
			const document = parseDocument(await (await app.fetch(path)).text());
			const outlines = findAll(
				(el) => el.name === "link" && getAttributeValue(el, "rel") === "outline",
				document.children,
			).map((el) => [getAttributeValue(el, "type"), getAttributeValue(el, "href")]);
			expect([path, outlines]).toEqual([path, [["text/x-opml", `${BASE_URL}/feeds.opml`]]]);
		}
	});
});

describe("checkOpml2", () => {
	const VALID = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title><dateModified>Tue, 15 Aug 2023 02:00:00 GMT</dateModified></head><body><outline text="g"><outline type="rss" text="f" xmlUrl="https://example.com/rss.xml"/></outline></body></opml>`;
	it.each([
		["OPML 1.0", 'version="2.0"', 'version="1.0"', '<opml version> must be "2.0"'],
		["a feed outline without xmlUrl", ' xmlUrl="https://example.com/rss.xml"', "", "without xmlUrl"],
		["an outline without text", '<outline text="g">', "<outline>", "outline without text"],
		["an ISO date", "Tue, 15 Aug 2023 02:00:00 GMT", "2023-08-15T02:00:00Z", "not an RFC 822 date"],
		["an empty body", /<body>.*<\/body>/, "<body></body>", "at least one outline"],
	] as const)("rejects %s", (_name, from, to, message) => {
		expect(checkOpml2(VALID)).toEqual([]);
		expect(checkOpml2(VALID.replace(from, to))).toContainEqual(expect.stringContaining(message));
	});
});
