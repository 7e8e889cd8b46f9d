// Article HTML after rendering and sanitising: dangerous markup gone, wanted markup kept, every URL absolute.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/sync/render/renderMarkdown.ts";
import { sanitizeArticleHtml } from "../../../src/sync/render/sanitizeHtml.ts";
import { htmlElements, htmlUrls } from "../support/htmlElements.ts";

const BASES = { baseUrl: "https://news.example.org/vn", pageUrl: "https://news.example.org/vn/articles/bai" };
const render = (markdown: string): string => sanitizeArticleHtml(renderMarkdown(markdown), BASES);
const names = (html: string): string[] => htmlElements(html).map((element) => element.name);

describe("sanitising", () => {
	it("drops script, style, iframe, object, embed and form, with script and style content", () => {
		const html = render(
			[
				"Trước <script>alert(1)</script> sau.",
				"<style>p { color: red }</style>",
				'<iframe src="https://evil.example/"></iframe>',
				'<object data="x.swf"></object><embed src="x.swf">',
				'<form action="https://evil.example/"><input name="q"><button>Gửi</button></form>',
			].join("\n\n"),
		);
		for (const banned of ["script", "style", "iframe", "object", "embed", "form", "input", "button"]) {
			expect(names(html)).not.toContain(banned);
		}
		expect(html).not.toMatch(/alert\(1\)|color: red/);
		expect(htmlElements(html)[0]?.text).toBe("Trước  sau.");
	});
	it("drops every on* attribute", () => {
		const html = render(
			'<p onclick="x()" onmouseover="y()">a</p> <img src="a.png" onerror="z()"> <a href="/a" onfocus="w()">b</a>',
		);
		for (const element of htmlElements(html)) {
			expect(Object.keys(element.attribs).filter((name) => name.startsWith("on"))).toEqual([]);
		}
	});
	it("drops javascript:, vbscript: and data: URLs, however they are disguised", () => {
		const html = render(
			[
				'<a href="javascript:alert(1)">1</a>',
				'<a href=" JaVaScRiPt:alert(1)">2</a>',
				'<a href="java&#x09;script:alert(1)">3</a>',
				'<a href="&#106;avascript:alert(1)">4</a>',
				'<a href="vbscript:msgbox(1)">5</a>',
				'<a href="data:text/html,<script>alert(1)</script>">6</a>',
				'<img src="data:image/png;base64,iVBORw0KGgo=">',
				'<img src="a.png" srcset="javascript:alert(1) 1x, data:image/png;base64,AA 2x, b.png 3x">',
				"[md](javascript:alert(1))",
			].join(" "),
		);
		const urls = htmlUrls(html);
		// Only the last image's own src and its one safe srcset candidate survive.
		expect(urls).toEqual(["https://news.example.org/vn/a.png", "https://news.example.org/vn/b.png"]);
	});
	it("keeps figure/figcaption, headings, lists, blockquote, code, tables, images and links", () => {
		const html = render(
			[
				"## Tiêu đề",
				'<figure>\n<img src="a.jpg" alt="Ảnh" width="800" height="600" loading="lazy">\n<figcaption>Chú thích. Ảnh: Kim Dung</figcaption>\n</figure>',
				"- một\n- hai",
				"1. a\n2. b",
				"> trích dẫn",
				"```ts\nconst x = 1 < 2;\n```",
				"| a | b |\n|---|---|\n| 1 | 2 |",
				'[liên kết](https://example.org/x "Tiêu đề")',
			].join("\n\n"),
		);
		expect(names(html)).toEqual(
			expect.arrayContaining([
				"h2",
				"figure",
				"img",
				"figcaption",
				"ul",
				"ol",
				"li",
				"blockquote",
				"pre",
				"code",
				"table",
				"th",
				"td",
				"a",
			]),
		);
		const img = htmlElements(html).find((element) => element.name === "img");
		expect(img?.attribs).toEqual({
			src: "https://news.example.org/vn/a.jpg",
			alt: "Ảnh",
			width: "800",
			height: "600",
			loading: "lazy",
		});
		expect(htmlElements(html).find((element) => element.name === "a")?.attribs).toEqual({
			href: "https://example.org/x",
			title: "Tiêu đề",
		});
		expect(htmlElements(html).find((element) => element.name === "code")?.attribs).toEqual({
			class: "language-ts",
		});
	});
});

describe("absolute URLs", () => {
	it("resolves relative href, src and every srcset candidate against the base URL", () => {
		const html = render(
			'<a href="khac/bai">a</a> <a href="/goc">b</a> <a href="//cdn.example.org/x">c</a> <img src="anh/1.jpg" srcset="anh/1.jpg 1x, /anh/2.jpg 2x, https://cdn.example.org/3.jpg 3x">',
		);
		expect(htmlUrls(html)).toEqual([
			"https://news.example.org/vn/khac/bai",
			"https://news.example.org/goc",
			"https://cdn.example.org/x",
			"https://news.example.org/vn/anh/1.jpg",
			"https://news.example.org/vn/anh/1.jpg",
			"https://news.example.org/anh/2.jpg",
			"https://cdn.example.org/3.jpg",
		]);
	});
	it("keeps srcset width descriptors", () => {
		const img = htmlElements(render('<img src="a.jpg" srcset="a.jpg 480w, b.jpg 800w">')).find(
			(e) => e.name === "img",
		);
		expect(img?.attribs.srcset).toBe(
			"https://news.example.org/vn/a.jpg 480w, https://news.example.org/vn/b.jpg 800w",
		);
	});
	it("points a bare #fragment into the article page", () => {
		expect(htmlUrls(render("[xuống](#phan-2)"))).toEqual(["https://news.example.org/vn/articles/bai#phan-2"]);
	});
	it("keeps mailto: links", () => {
		expect(htmlUrls(render('<a href="mailto:toa-soan@example.org">thư</a>'))).toEqual([
			"mailto:toa-soan@example.org",
		]);
	});
});
