// renderJsonFeed: JSON Feed 1.1 with every field the README lists, absent optionals omitted, never null.
import { describe, expect, it } from "vitest";
import { renderJsonFeed } from "../../src/serializers/jsonFeed.ts";
import { BASE_URL, sampleArticle, sampleModel, sampleSite } from "../support/feedFixtures.ts";
import { checkJsonFeed11 } from "../support/feedValidators.ts";

describe("renderJsonFeed", () => {
	const record = sampleArticle({
		authors: [
			{ name: "Kim Dung", slug: "kim-dung" },
			{ name: "Lan Anh", email: "lan@example.com", slug: "lan-anh" },
		],
	});
	const text = renderJsonFeed(sampleModel([record]));
	const feed = JSON.parse(text);

	it("passes the JSON Feed 1.1 checks", () => {
		expect(checkJsonFeed11(text)).toEqual([]);
	});

	it("writes the bytes JSON.stringify gives for the whole document, with none, one or several items", () => {
		const second = sampleArticle({ id: "bai-hai", slug: "bai-hai", title: 'Bài "hai"\n' });
		for (const items of [[], [record], [record, second]]) {
			const written = renderJsonFeed(sampleModel(items));
			expect(written).toBe(JSON.stringify(JSON.parse(written)));
			expect(JSON.parse(written).items).toHaveLength(items.length);
		}
	});

	it("has the 1.1 version and the feed's metadata", () => {
		expect(feed).toMatchObject({
			version: "https://jsonfeed.org/version/1.1",
			title: "Tin tức Nghệ An",
			home_page_url: `${BASE_URL}/`,
			feed_url: `${BASE_URL}/feed.json`,
			description: "Tin tức khu vực tỉnh Nghệ An, phát hành qua edgefeed.",
			language: "vi",
			icon: `${BASE_URL}/icon.png`,
			authors: [{ name: "Ban biên tập", url: `${BASE_URL}/` }],
			hubs: [{ type: "WebSub", url: "https://pubsubhubbub.appspot.com/" }],
		});
	});

	it("has every item field", () => {
		expect(feed.items).toEqual([
			{
				id: record.guid,
				url: record.url,
				title: record.title,
				content_html: record.contentHtml,
				summary: record.summary,
				image: `${BASE_URL}/images/toan-canh.jpg`,
				banner_image: `${BASE_URL}/images/toan-canh.jpg`,
				date_published: "2023-08-15T09:00:00+07:00",
				date_modified: "2023-08-16T10:30:00+07:00",
				authors: [{ name: "Kim Dung" }, { name: "Lan Anh", url: "mailto:lan@example.com" }],
				tags: ["Dân vận", "Nghệ An"],
			},
		]);
	});

	it("gives the body's own image as image only: banner_image is for a picture content_html does not hold", () => {
		const inBody = sampleArticle({
			image: { url: `${BASE_URL}/images/trong-bai.png`, type: "image/png", inContent: true },
		});
		const [item] = JSON.parse(renderJsonFeed(sampleModel([inBody]))).items;
		expect(item.image).toBe(`${BASE_URL}/images/trong-bai.png`);
		expect(item).not.toHaveProperty("banner_image");
	});

	it("omits absent optionals instead of writing null", () => {
		const bare = sampleArticle({ authors: [], tags: [] });
		delete bare.image;
		delete bare.updated;
		const minimal = JSON.parse(
			renderJsonFeed(sampleModel([bare], { site: sampleSite({ icon: undefined, hub: undefined }) })),
		);
		expect(Object.keys(minimal)).not.toContain("icon");
		expect(Object.keys(minimal)).not.toContain("hubs");
		const [item] = minimal.items;
		expect(Object.keys(item).sort()).toEqual(
			["content_html", "date_modified", "date_published", "id", "summary", "title", "url"].sort(),
		);
		expect(item.date_modified).toBe(item.date_published);
		expect(JSON.stringify(minimal)).not.toContain("null");
	});
});
