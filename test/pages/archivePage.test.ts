// An archive page: its heading names the scope, the page and the dates it spans; newer and older links with rel
// next/prev at the first, a middle and the newest page; the canonical URL is its own, while autodiscovery and the
// subscribe box offer the scope's current feeds.
import { describe, expect, it } from "vitest";
import { renderArchivePage } from "../../src/pages/archivePage.ts";
import { readPage } from "../support/htmlPage.ts";
import {
	BASE_URL,
	dates,
	HOSTILE_NAMES,
	hourlyArticles,
	site,
	VIETNAMESE_SLUG,
	VIETNAMESE_SLUG_IN_PATH,
} from "../support/pageFixtures.ts";

const TAG = `${BASE_URL}/tags/${VIETNAMESE_SLUG_IN_PATH}`;
const records = hourlyArticles(100, Date.parse("2024-05-01T08:00:00+07:00"));

const render = (page: number, pages: number, key = `tags/${VIETNAMESE_SLUG}`, name = "Xã hội") =>
	readPage(renderArchivePage({ site, key, name, page, pages, records, dates }));

describe("an archive page", () => {
	it("says which scope, which page of how many, and which dates it spans", () => {
		const page = render(3, 1_200);
		expect(page.texts("h1")).toEqual(["Lưu trữ: Xã hội — trang 3 / 1.200"]);
		expect(page.texts("title")).toEqual([`Lưu trữ: Xã hội — trang 3 / 1.200 — ${site.title}`]);
		const times = page.all((element) => element.name === "time", "page-meta").map((e) => e.attribs.datetime);
		expect(times).toEqual([records[99]?.published, records[0]?.published]);
		expect(page.classTexts("page-meta")[0]).toMatch(/^Chủ đề: Xã hội · 100 bài, từ .+ đến .+$/);
		expect(page.anchors("page-meta")).toEqual([{ href: TAG, text: "Chủ đề: Xã hội" }]);
	});

	it("lists its articles newest first", () => {
		const hrefs = render(3, 5)
			.anchors("articles")
			.map((anchor) => anchor.href);
		expect(hrefs).toEqual(records.map((record) => `${BASE_URL}/articles/${record.slug}`));
	});

	it("on the oldest page links only newer, rel=next", () => {
		expect(render(1, 5).anchors("pager")).toEqual([
			{ href: `${TAG}/archive/2`, text: "← Mới hơn", rel: "next" },
		]);
	});

	it("on a middle page links newer (rel=next) and older (rel=prev)", () => {
		expect(render(3, 5).anchors("pager")).toEqual([
			{ href: `${TAG}/archive/4`, text: "← Mới hơn", rel: "next" },
			{ href: `${TAG}/archive/2`, text: "Cũ hơn →", rel: "prev" },
		]);
	});

	it("on the newest page links the scope's own page as newer", () => {
		expect(render(5, 5).anchors("pager")).toEqual([
			{ href: TAG, text: "← Mới hơn", rel: "next" },
			{ href: `${TAG}/archive/4`, text: "Cũ hơn →", rel: "prev" },
		]);
		expect(render(1, 1).anchors("pager")).toEqual([{ href: TAG, text: "← Mới hơn", rel: "next" }]);
	});

	it("is canonical at its own URL, and links its own archive feeds in the text only", () => {
		const page = render(3, 5);
		const links = page.links();
		expect(links.find((link) => link.rel === "canonical")?.href).toBe(`${TAG}/archive/3`);
		const alternates = links.filter((link) => link.rel === "alternate").map((link) => link.href);
		expect(alternates).toEqual([
			`${TAG}/rss.xml`,
			`${TAG}/atom.xml`,
			`${TAG}/feed.json`,
			`${BASE_URL}/rss.xml`,
			`${BASE_URL}/atom.xml`,
			`${BASE_URL}/feed.json`,
		]);
		expect(page.anchors("more").map((anchor) => anchor.href)).toEqual([
			`${TAG}/archive/3/rss.xml`,
			`${TAG}/archive/3/atom.xml`,
			`${TAG}/archive/3/feed.json`,
		]);
	});

	it("offers the scope's current feeds to subscribe to, never the archive's", () => {
		const page = render(3, 5);
		const copy = page
			.all((element) => element.name === "button")
			.map((element) => element.attribs["data-copy"]);
		expect(copy).toEqual([`${TAG}/rss.xml`, `${TAG}/atom.xml`, `${TAG}/feed.json`]);
		expect(page.anchors("subscribe").map((anchor) => anchor.href)).toEqual(copy);
	});

	it("for the whole site: /archive/<k>, no scope label, the site's feeds", () => {
		const page = render(2, 3, "", site.title);
		expect(page.texts("h1")).toEqual([`Lưu trữ: ${site.title} — trang 2 / 3`]);
		expect(page.texts("title")).toEqual([`Lưu trữ — trang 2 / 3 — ${site.title}`]);
		expect(page.anchors("pager").map((anchor) => anchor.href)).toEqual([
			`${BASE_URL}/archive/3`,
			`${BASE_URL}/archive/1`,
		]);
		expect(render(3, 3, "", site.title).anchors("pager")[0]?.href).toBe(`${BASE_URL}/`);
		expect(page.anchors("page-meta")).toEqual([]);
		expect(page.links().filter((link) => link.rel === "alternate")).toHaveLength(3);
		expect(page.links().find((link) => link.rel === "canonical")?.href).toBe(`${BASE_URL}/archive/2`);
	});

	it("writes hostile scope names as text", () => {
		for (const name of HOSTILE_NAMES) {
			const page = render(2, 3, "authors/lan", name);
			expect(page.texts("h1")).toEqual([`Lưu trữ: ${name} — trang 2 / 3`]);
			expect(page.anchors("page-meta")).toEqual([
				{ href: `${BASE_URL}/authors/lan`, text: `Tác giả: ${name}` },
			]);
			expect(page.all((element) => element.name === "script")).toHaveLength(1);
			expect(page.all((element) => element.name === "img")).toEqual([]);
		}
	});

	it("refuses a page outside 1..pages or a key of no scope: the route answers 404 before rendering", () => {
		const input = { site, key: "", name: site.title, records, dates };
		expect(() => renderArchivePage({ ...input, page: 0, pages: 3 })).toThrow(RangeError);
		expect(() => renderArchivePage({ ...input, page: 4, pages: 3 })).toThrow(RangeError);
		expect(() => renderArchivePage({ ...input, page: 1.5, pages: 3 })).toThrow(RangeError);
		expect(() => renderArchivePage({ ...input, key: "misc/x", page: 1, pages: 3 })).toThrow(RangeError);
	});
});
