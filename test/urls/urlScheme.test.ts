// The URL scheme: every path and URL the site publishes, with each slug percent-encoded once, and scope keys that
// read back as the scope they name.
import { describe, expect, it } from "vitest";
import {
	archiveLinks,
	archivePath,
	articlePath,
	articleUrl,
	authorScope,
	directoryPath,
	faviconUrl,
	feedLinks,
	feedOfPath,
	feedPath,
	opmlUrl,
	parsePageNumber,
	pathSegment,
	scopeKeyOf,
	scopePageUrl,
	scopePath,
	scopeRefOf,
	tagSchemeUrl,
	tagScope,
} from "../../src/urls/urlScheme.ts";

const BASE = "https://news.example.org/vn";

describe("urlScheme", () => {
	it("names every page and feed of a scope on the base URL", () => {
		expect(feedLinks(BASE, "")).toEqual({
			html: `${BASE}/`,
			rss: `${BASE}/rss.xml`,
			atom: `${BASE}/atom.xml`,
			json: `${BASE}/feed.json`,
		});
		expect(feedLinks(BASE, tagScope("xa-hoi"))).toEqual({
			html: `${BASE}/tags/xa-hoi`,
			rss: `${BASE}/tags/xa-hoi/rss.xml`,
			atom: `${BASE}/tags/xa-hoi/atom.xml`,
			json: `${BASE}/tags/xa-hoi/feed.json`,
		});
		expect(scopePageUrl(BASE, authorScope("kim-dung"))).toBe(`${BASE}/authors/kim-dung`);
		expect(articleUrl(BASE, "bai-viet")).toBe(`${BASE}/articles/bai-viet`);
		expect(opmlUrl(BASE)).toBe(`${BASE}/feeds.opml`);
		expect(faviconUrl(BASE)).toBe(`${BASE}/favicon.ico`);
		expect(tagSchemeUrl(BASE)).toBe(`${BASE}/tags/`);
	});

	it("percent-encodes every slug in a path the same way, pages and feeds alike", () => {
		const slug = "nghệ an/#?";
		const encoded = "ngh%E1%BB%87%20an%2F%23%3F";
		expect(articlePath(slug)).toBe(`/articles/${encoded}`);
		expect(scopePath({ kind: "tag", slug })).toBe(`/tags/${encoded}`);
		expect(scopePageUrl(BASE, tagScope(slug))).toBe(`${BASE}/tags/${encoded}`);
		expect(feedLinks(BASE, authorScope(slug)).atom).toBe(`${BASE}/authors/${encoded}/atom.xml`);
		expect(feedPath(tagScope(slug), "json")).toBe(`/tags/${encoded}/feed.json`);
		expect(feedOfPath(`/tags/${encoded}/feed.json`)).toEqual({ scope: tagScope(slug), format: "json" });
	});

	it("writes a lone surrogate as U+FFFD instead of throwing", () => {
		expect(pathSegment("a\uD800b")).toBe("a%EF%BF%BDb");
	});

	it("reads a scope key back as the scope it names", () => {
		for (const ref of [
			{ kind: "all" },
			{ kind: "tag", slug: "xa-hoi" },
			{ kind: "author", slug: "tran-van-minh" },
		] as const)
			expect(scopeRefOf(scopeKeyOf(ref))).toEqual(ref);
		expect(scopeRefOf("articles/a")).toBeUndefined();
	});
});

describe("archive and directory URLs", () => {
	it("puts archive pages under the scope's path, slugs percent-encoded", () => {
		expect(archivePath("", 3)).toBe("/archive/3");
		expect(archivePath("tags/xã hội", 12)).toBe("/tags/x%C3%A3%20h%E1%BB%99i/archive/12");
		expect(archiveLinks("https://x.example", "authors/kim-dung", 1)).toEqual({
			html: "https://x.example/authors/kim-dung/archive/1",
			rss: "https://x.example/authors/kim-dung/archive/1/rss.xml",
			atom: "https://x.example/authors/kim-dung/archive/1/atom.xml",
			json: "https://x.example/authors/kim-dung/archive/1/feed.json",
		});
		expect(directoryPath("tag")).toBe("/tags");
		expect(directoryPath("author", 2)).toBe("/authors/page/2");
	});

	it("reads page numbers only in their one written form", () => {
		expect(parsePageNumber("1")).toBe(1);
		expect(parsePageNumber("250")).toBe(250);
		for (const bad of ["0", "01", "-1", "1.0", "1e3", "", " 1", "9999999999"])
			expect(parsePageNumber(bad)).toBeUndefined();
	});
});
