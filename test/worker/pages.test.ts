// HTML pages: the index with autodiscovery and links to every scoped feed, tag/author pages, article pages, no script.
import { exports } from "cloudflare:workers";
import { findAll, getAttributeValue, textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { article, BASE_URL, collection, tags } from "./support/articles.ts";
import { publish } from "./support/publish.ts";
import { testApp } from "./support/testApp.ts";

const fetchWorker = (path: string) => exports.default.fetch(new Request(`http://localhost${path}`));

const hostile = article("doc-hai", "2023-08-14T09:00:00+07:00", {
	title: `<script>alert("tiêu đề")</script> & "ngoặc"`,
	summary: "<img src=x onerror=alert(1)>",
	tags: [{ name: "<b>Thẻ</b>", slug: "the" }],
});

async function page(path: string) {
	const response = await fetchWorker(path);
	expect(response.status, path).toBe(200);
	expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
	const html = await response.text();
	return { html, document: parseDocument(html), response };
}

type Document = ReturnType<typeof parseDocument>;

/** The page's feed autodiscovery links: type -> hrefs. */
function alternates(document: Document): { type: string; href: string }[] {
	return findAll(
		(el) => el.name === "link" && getAttributeValue(el, "rel") === "alternate",
		document.children,
	).map((el) => ({ type: getAttributeValue(el, "type") ?? "", href: getAttributeValue(el, "href") ?? "" }));
}

const hrefs = (document: Document) =>
	findAll((el) => el.name === "a", document.children).map((el) => getAttributeValue(el, "href") ?? "");

const localPath = (href: string) => {
	expect(href.startsWith(`${BASE_URL}/`), href).toBe(true);
	return href.slice(BASE_URL.length);
};

beforeAll(async () => {
	await publish([...collection(), hostile], Date.parse("2023-09-01T00:00:00Z"));
});

describe("the index page", () => {
	it("announces the three site feeds for autodiscovery, and each one answers", async () => {
		const { document } = await page("/");
		const links = alternates(document);
		expect(links).toEqual([
			{ type: "application/rss+xml", href: `${BASE_URL}/rss.xml` },
			{ type: "application/atom+xml", href: `${BASE_URL}/atom.xml` },
			{ type: "application/feed+json", href: `${BASE_URL}/feed.json` },
		]);
		for (const { href } of links) expect((await fetchWorker(localPath(href))).status).toBe(200);
	});

	it("links every article, newest first", async () => {
		const { document } = await page("/");
		const articles = hrefs(document).filter((href) => href.includes("/articles/"));
		expect(articles).toEqual(["a3", "a2", "a1", "doc-hai"].map((slug) => `${BASE_URL}/articles/${slug}`));
	});

	it("links every tag's and every author's three feeds, and they answer", async () => {
		const { document } = await page("/");
		const links = new Set(hrefs(document));
		const scopes = [
			...Object.values(tags).map((tag) => `tags/${tag.slug}`),
			"tags/the",
			"authors/nguyen-thi-lan",
			"authors/tran-van-minh",
		];
		for (const scope of scopes) {
			for (const file of ["rss.xml", "atom.xml", "feed.json"]) {
				const href = `${BASE_URL}/${scope}/${file}`;
				expect(links.has(href), href).toBe(true);
				expect((await fetchWorker(localPath(href))).status, href).toBe(200);
			}
			expect(links.has(`${BASE_URL}/${scope}`)).toBe(true);
		}
	});
});

describe("tag and author pages", () => {
	it("announce their own feeds, then the site's", async () => {
		const { document, html } = await page("/tags/xa-hoi");
		expect(alternates(document).map((link) => link.href)).toEqual(
			[
				"/tags/xa-hoi/rss.xml",
				"/tags/xa-hoi/atom.xml",
				"/tags/xa-hoi/feed.json",
				"/rss.xml",
				"/atom.xml",
				"/feed.json",
			].map((path) => `${BASE_URL}${path}`),
		);
		expect(textContent(findAll((el) => el.name === "h1", document.children))).toContain("Xã hội");
		expect(html).toContain("/articles/a3");
		expect(html).not.toContain("/articles/a2");
	});

	it("an author page lists that author's articles", async () => {
		const { document } = await page("/authors/tran-van-minh");
		expect(alternates(document)[0]?.href).toBe(`${BASE_URL}/authors/tran-van-minh/rss.xml`);
		expect(hrefs(document).filter((href) => href.includes("/articles/"))).toEqual([
			`${BASE_URL}/articles/a3`,
		]);
	});
});

describe("article pages", () => {
	it("show the article's title, body, date, authors and tags", async () => {
		const { document } = await page("/articles/a1");
		const text = textContent(document);
		expect(textContent(findAll((el) => el.name === "h1", document.children))).toBe(collection()[2]?.title);
		expect(text).toContain("Nội dung bài a1: tiếp tục đổi mới công tác tuyên truyền.");
		expect(text).toContain("Nguyễn Thị Lan");
		const links = hrefs(document);
		expect(links).toContain(`${BASE_URL}/tags/chinh-tri`);
		expect(links).toContain(`${BASE_URL}/authors/nguyen-thi-lan`);
	});

	it("show the image with its caption and credit", async () => {
		const withImage = article("anh", "2023-08-13T09:00:00+07:00", {
			image: {
				url: "https://img.example/a.jpg",
				type: "image/jpeg",
				alt: "Hội nghị",
				caption: "Quang cảnh hội nghị",
				credit: "Ảnh: Thành Duy",
			},
		});
		const syncedAt = Date.parse("2023-09-02T00:00:00Z");
		await publish([...collection(), hostile, withImage], syncedAt);
		const response = await testApp(syncedAt).fetch("/articles/anh");
		expect(response.status).toBe(200);
		const document = parseDocument(await response.text());
		const [image] = findAll((el) => el.name === "img", document.children);
		expect(image && getAttributeValue(image, "src")).toBe("https://img.example/a.jpg");
		expect(image && getAttributeValue(image, "alt")).toBe("Hội nghị");
		expect(textContent(findAll((el) => el.name === "figcaption", document.children))).toBe(
			"Quang cảnh hội nghị — Ảnh: Thành Duy",
		);
	});
});

describe("no script", () => {
	it("escapes hostile text everywhere it appears, so no page has a script or event handler", async () => {
		for (const path of ["/", "/articles/doc-hai", "/tags/the", "/authors/nguyen-thi-lan"]) {
			const { document, html, response } = await page(path);
			expect(
				findAll((el) => el.name === "script", document.children),
				path,
			).toHaveLength(0);
			expect(
				findAll((el) => Object.keys(el.attribs).some((name) => name.startsWith("on")), document.children),
			).toHaveLength(0);
			expect(html).not.toContain("<b>Thẻ</b>");
			expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
		}
		const { document } = await page("/articles/doc-hai");
		expect(textContent(findAll((el) => el.name === "h1", document.children))).toBe(hostile.title);
	});
});
