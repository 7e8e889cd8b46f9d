// The home page: the newest articles, the link to the newest archive page only when there is one, the busiest tags
// and authors with their counts in the route's order, and the links to the full directories.
import { describe, expect, it } from "vitest";
import { renderIndexPage } from "../../src/pages/indexPage.ts";
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

const tags = [
	{ key: `tags/${VIETNAMESE_SLUG}`, name: "Xã hội", count: 12_345 },
	{ key: "tags/the", name: HOSTILE_NAMES[0] as string, count: 7 },
];
const authors = [{ key: "authors/lan", name: HOSTILE_NAMES[1] as string, count: 3 }];

const render = (extra: { archivePages?: number; totals?: { tags: number; authors: number } } = {}) =>
	readPage(renderIndexPage({ site, records: hourlyArticles(50), dates, tags, authors, ...extra }));

describe("the index page", () => {
	it("links the newest archive page as older articles, with rel=prev", () => {
		const page = render({ archivePages: 4_000 });
		expect(page.anchors("pager")).toEqual([
			{ href: `${BASE_URL}/archive/4000`, text: "Bài cũ hơn →", rel: "prev" },
		]);
	});

	it("has no older link when everything fits on it", () => {
		expect(render().anchors("pager")).toEqual([]);
		expect(render({ archivePages: 0 }).anchors("pager")).toEqual([]);
	});

	it("lists the articles it is given, newest first", () => {
		const articles = render()
			.anchors()
			.filter((anchor) => anchor.href.includes("/articles/"));
		expect(articles.map((anchor) => anchor.href)).toEqual(
			hourlyArticles(50).map((record) => `${BASE_URL}/articles/${record.slug}`),
		);
	});

	it("lists the tags and authors in the given order, with counts, pages and feeds; names escaped, slugs encoded", () => {
		const page = render();
		const scopes = page.all((element) => element.name === "ul" && element.attribs.class === "scopes");
		expect(scopes).toHaveLength(2);
		const names = page
			.anchors("scopes")
			.filter((anchor) => !["RSS", "Atom", "JSON Feed"].includes(anchor.text));
		expect(names.map((anchor) => anchor.href)).toEqual([
			`${BASE_URL}/tags/${VIETNAMESE_SLUG_IN_PATH}`,
			`${BASE_URL}/tags/the`,
			`${BASE_URL}/authors/lan`,
		]);
		expect(page.classTexts("count")).toEqual(["12.345 bài", "7 bài", "3 bài"]);
		const hrefs = page.anchors().map((anchor) => anchor.href);
		for (const file of ["rss.xml", "atom.xml", "feed.json"])
			expect(hrefs).toContain(`${BASE_URL}/tags/${VIETNAMESE_SLUG_IN_PATH}/${file}`);
		const texts = page.anchors().map((anchor) => anchor.text);
		for (const name of HOSTILE_NAMES) expect(texts).toContain(name);
	});

	it("links the full tag and author directories, with their totals when known", () => {
		expect(
			render()
				.anchors("layout")
				.filter((anchor) => anchor.text.startsWith("Tất cả")),
		).toEqual([
			{ href: `${BASE_URL}/tags`, text: "Tất cả chủ đề →" },
			{ href: `${BASE_URL}/authors`, text: "Tất cả tác giả →" },
		]);
		const counted = render({ totals: { tags: 4_321, authors: 15 } }).anchors("layout");
		expect(counted.filter((anchor) => anchor.text.startsWith("Tất cả")).map((anchor) => anchor.text)).toEqual(
			["Tất cả 4.321 chủ đề →", "Tất cả 15 tác giả →"],
		);
	});

	it("leaves out a list and its directory link when there is nothing to list", () => {
		const page = readPage(renderIndexPage({ site, records: [], dates, tags: [], authors: [] }));
		expect(page.all((element) => element.attribs?.class === "scopes")).toEqual([]);
		expect(page.anchors().filter((anchor) => anchor.text.startsWith("Tất cả"))).toEqual([]);
	});
});
