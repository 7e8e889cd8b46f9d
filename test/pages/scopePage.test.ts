// A tag's or author's page: its newest articles and, only when it has archive pages, a rel=prev link to the newest.
import { describe, expect, it } from "vitest";
import { renderScopePage } from "../../src/pages/scopePage.ts";
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

const render = (archivePages?: number, name = "Xã hội") =>
	readPage(
		renderScopePage({
			site,
			key: `tags/${VIETNAMESE_SLUG}`,
			kind: "tag",
			name,
			records: hourlyArticles(50),
			dates,
			archivePages,
		}),
	);

describe("a tag page", () => {
	it("links its newest archive page, slug percent-encoded", () => {
		expect(render(3).anchors("pager")).toEqual([
			{ href: `${BASE_URL}/tags/${VIETNAMESE_SLUG_IN_PATH}/archive/3`, text: "Bài cũ hơn →", rel: "prev" },
		]);
	});

	it("has no older link without archive pages", () => {
		expect(render(0).anchors("pager")).toEqual([]);
		expect(render().all((element) => element.name === "nav")).toEqual([]);
	});

	it("names the scope escaped, and keeps its canonical URL and feeds", () => {
		for (const name of HOSTILE_NAMES) {
			const page = render(1, name);
			expect(page.texts("h1")).toEqual([`Chủ đề: ${name}`]);
			expect(page.texts("title")).toEqual([`${name} — ${site.title}`]);
			expect(page.links().find((link) => link.rel === "canonical")?.href).toBe(
				`${BASE_URL}/tags/${VIETNAMESE_SLUG_IN_PATH}`,
			);
		}
	});
});
