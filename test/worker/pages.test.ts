// HTML pages: the index with autodiscovery and links to every scoped feed, tag/author pages, article pages, dates,
// the subscribe box, and no script or style but the page's own.
import { findAll, getAttributeValue, textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { article, BASE_URL, collection, site, tags } from "../support/articles.ts";
import { fetchWorker } from "./support/fetchWorker.ts";
import { publish } from "./support/publish.ts";
import { testApp } from "./support/testApp.ts";

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

	it("show the body's own first image once, where the body has it, when it is the item's image", async () => {
		const inBody = article("anh-trong-bai", "2023-08-12T09:00:00+07:00", {
			contentHtml: '<p>Mở đầu.</p><p><img src="https://img.example/b.png" alt="Trong bài"></p>',
			image: { url: "https://img.example/b.png", type: "image/png", alt: "Trong bài", inContent: true },
		});
		const syncedAt = Date.parse("2023-09-02T00:00:00Z");
		await publish([...collection(), hostile, inBody], syncedAt);
		const response = await testApp(syncedAt).fetch("/articles/anh-trong-bai");
		const images = findAll((el) => el.name === "img", parseDocument(await response.text()).children);
		expect(images.map((image) => getAttributeValue(image, "src"))).toEqual(["https://img.example/b.png"]);
	});
});

describe("the site's name", () => {
	it("appears once above the footer: the index's <h1>, elsewhere a link home", async () => {
		for (const path of ["/", "/articles/a1", "/tags/xa-hoi", "/authors/tran-van-minh"]) {
			const { document } = await page(path);
			const above = findAll((el) => el.name === "header" || el.name === "main", document.children);
			expect(textContent(above).split(site.title).length - 1, path).toBe(1);
		}
		const { document } = await page("/");
		expect(textContent(findAll((el) => el.name === "h1", document.children))).toBe(site.title);
	});
});

describe("dates", () => {
	it("show a date written without a time as a date alone, and a real midnight with its time", async () => {
		const dateOnly = article("ngay", "2023-08-14T00:00:00+07:00", { publishedDateOnly: true });
		const midnight = article("nua-dem", "2023-08-13T00:00:00+07:00");
		const syncedAt = Date.parse("2023-09-03T00:00:00Z");
		await publish([...collection(), hostile, dateOnly, midnight], syncedAt);
		const app = testApp(syncedAt);
		const time = async (path: string) => {
			const document = parseDocument(await (await app.fetch(path)).text());
			const [element] = findAll((el) => el.name === "time", document.children);
			return element && { datetime: getAttributeValue(element, "datetime"), text: textContent(element) };
		};
		// The words come from the runtime's ICU data; what matters is whether a time of day is shown.
		const day = await time("/articles/ngay");
		expect(day?.datetime).toBe("2023-08-14");
		expect(day?.text).toContain("14");
		expect(day?.text).not.toMatch(/\d:\d\d/);
		const night = await time("/articles/nua-dem");
		expect(night?.datetime).toBe("2023-08-13T00:00:00+07:00");
		expect(night?.text).toContain("00:00");
	});
});

describe("the subscribe box", () => {
	it("gives each of the three feeds a URL to copy, on every page", async () => {
		for (const [path, scope] of [
			["/", ""],
			["/articles/a1", ""],
			["/tags/xa-hoi", "tags/xa-hoi/"],
		] as const) {
			const { document } = await page(path);
			const buttons = findAll((el) => el.name === "button", document.children);
			const expected = ["rss.xml", "atom.xml", "feed.json"].map((file) => `${BASE_URL}/${scope}${file}`);
			expect(
				buttons.map((el) => getAttributeValue(el, "data-copy")),
				path,
			).toEqual(expected);
			const codes = findAll((el) => el.name === "code", document.children).map((el) => textContent(el));
			expect(codes, path).toEqual(expected);
		}
	});
});

describe("script and style", () => {
	const hashSource = async (text: string) => {
		const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
		return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
	};

	it("escapes hostile text everywhere; the page's one script and one stylesheet run by hash, nothing else", async () => {
		for (const path of ["/", "/articles/doc-hai", "/tags/the", "/authors/nguyen-thi-lan"]) {
			const { document, html, response } = await page(path);
			const policy = response.headers.get("Content-Security-Policy") ?? "";
			const directive = (name: string) =>
				policy
					.split(";")
					.map((part) => part.trim())
					.find((part) => part.startsWith(`${name} `));
			expect(policy, path).toContain("default-src 'none'");
			expect(policy, path).not.toContain("unsafe");
			// Images from http(s) only: sync refuses data: images, so the policy has no reason to allow them.
			expect(directive("img-src"), path).toBe("img-src https: http:");
			const scripts = findAll((el) => el.name === "script", document.children);
			const styles = findAll((el) => el.name === "style", document.children);
			expect(scripts, path).toHaveLength(1);
			expect(styles, path).toHaveLength(1);
			expect(directive("script-src"), path).toBe(`script-src ${await hashSource(textContent(scripts))}`);
			expect(directive("style-src"), path).toBe(`style-src ${await hashSource(textContent(styles))}`);
			expect(
				findAll((el) => Object.keys(el.attribs).some((name) => name.startsWith("on")), document.children),
			).toHaveLength(0);
			expect(html).not.toContain("<b>Thẻ</b>");
		}
		const { document } = await page("/articles/doc-hai");
		expect(textContent(findAll((el) => el.name === "h1", document.children))).toBe(hostile.title);
	});
});
