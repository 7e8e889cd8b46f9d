// A directory page: the total in its heading, this page's tags or authors in the route's order, each with its page,
// count and feeds, and previous/next links with rel prev/next at the first, a middle and the last page.
import { describe, expect, it } from "vitest";
import { type CountedScope, renderDirectoryPage } from "../../src/pages/directoryPage.ts";
import { readPage } from "../support/htmlPage.ts";
import {
	BASE_URL,
	HOSTILE_NAMES,
	site,
	VIETNAMESE_SLUG,
	VIETNAMESE_SLUG_IN_PATH,
} from "../support/pageFixtures.ts";

const entries: CountedScope[] = [
	{ key: `tags/${VIETNAMESE_SLUG}`, name: "Xã hội", count: 2_500 },
	...HOSTILE_NAMES.map((name, i) => ({ key: `tags/the-${i}`, name, count: 1 })),
];

const render = (page: number, pages: number, kind: "tag" | "author" = "tag") =>
	readPage(renderDirectoryPage({ site, kind, entries, page, pages, total: 12_345 }));

const FEED_TEXTS = ["RSS", "Atom", "JSON Feed"];

describe("a directory page", () => {
	it("heads with the total, and lists the entries in order with their pages, counts and feeds", () => {
		const page = render(2, 3);
		expect(page.texts("h1")).toEqual(["Tất cả chủ đề (12.345)"]);
		expect(page.texts("title")).toEqual([`Chủ đề — trang 2 / 3 — ${site.title}`]);
		const anchors = page.anchors("scopes");
		expect(anchors.filter((anchor) => !FEED_TEXTS.includes(anchor.text))).toEqual([
			{ href: `${BASE_URL}/tags/${VIETNAMESE_SLUG_IN_PATH}`, text: "Xã hội" },
			{ href: `${BASE_URL}/tags/the-0`, text: HOSTILE_NAMES[0] },
			{ href: `${BASE_URL}/tags/the-1`, text: HOSTILE_NAMES[1] },
		]);
		expect(anchors.filter((anchor) => FEED_TEXTS.includes(anchor.text)).slice(0, 3)).toEqual([
			{ href: `${BASE_URL}/tags/${VIETNAMESE_SLUG_IN_PATH}/rss.xml`, text: "RSS" },
			{ href: `${BASE_URL}/tags/${VIETNAMESE_SLUG_IN_PATH}/atom.xml`, text: "Atom" },
			{ href: `${BASE_URL}/tags/${VIETNAMESE_SLUG_IN_PATH}/feed.json`, text: "JSON Feed" },
		]);
		expect(page.classTexts("count")).toEqual(["2.500 bài", "1 bài", "1 bài"]);
		expect(page.all((element) => element.name === "script")).toHaveLength(1);
		expect(page.all((element) => element.name === "img")).toEqual([]);
	});

	it("on the first page links only the next, rel=next; its canonical URL is /tags", () => {
		const page = render(1, 3);
		expect(page.anchors("pager")).toEqual([
			{ href: `${BASE_URL}/tags/page/2`, text: "Trang sau →", rel: "next" },
		]);
		expect(page.links().find((link) => link.rel === "canonical")?.href).toBe(`${BASE_URL}/tags`);
	});

	it("on a middle page links both ways", () => {
		const page = render(2, 3);
		expect(page.anchors("pager")).toEqual([
			{ href: `${BASE_URL}/tags`, text: "← Trang trước", rel: "prev" },
			{ href: `${BASE_URL}/tags/page/3`, text: "Trang sau →", rel: "next" },
		]);
		expect(page.links().find((link) => link.rel === "canonical")?.href).toBe(`${BASE_URL}/tags/page/2`);
	});

	it("on the last page links only the previous, rel=prev", () => {
		expect(render(3, 3, "author").anchors("pager")).toEqual([
			{ href: `${BASE_URL}/authors/page/2`, text: "← Trang trước", rel: "prev" },
		]);
	});

	it("alone (one page) has no pager and no page number", () => {
		const page = render(1, 1, "author");
		expect(page.all((element) => element.name === "nav")).toEqual([]);
		expect(page.texts("h1")).toEqual(["Tất cả tác giả (12.345)"]);
		expect(page.texts("title")).toEqual([`Tác giả — ${site.title}`]);
	});

	it("says so when there is nothing to list", () => {
		const page = readPage(
			renderDirectoryPage({ site, kind: "tag", entries: [], page: 1, pages: 1, total: 0 }),
		);
		expect(page.texts("h1")).toEqual(["Tất cả chủ đề (0)"]);
		expect(page.all((element) => element.name === "ul" && element.attribs.class === "scopes")).toEqual([]);
		expect(page.texts("p")).toContain("Chưa có chủ đề nào.");
	});

	it("offers the site's feeds and the OPML list of every feed", () => {
		const page = render(2, 3);
		expect(page.anchors("subscribe").map((anchor) => anchor.href)).toEqual([
			`${BASE_URL}/rss.xml`,
			`${BASE_URL}/atom.xml`,
			`${BASE_URL}/feed.json`,
		]);
		expect(page.anchors("more")).toEqual([{ href: `${BASE_URL}/feeds.opml`, text: "OPML" }]);
	});

	it("refuses a page outside 1..pages: the route answers 404 before rendering", () => {
		const input = { site, kind: "tag" as const, entries, total: 3 };
		expect(() => renderDirectoryPage({ ...input, page: 0, pages: 1 })).toThrow(RangeError);
		expect(() => renderDirectoryPage({ ...input, page: 2, pages: 1 })).toThrow(RangeError);
	});
});
