// site.yaml: validated like articles, and resolved per target (local default, production with --remote).
import { describe, expect, it } from "vitest";
import { fixtureErrors, loadFixture } from "../support/loadFixture.ts";
import { articleFile, SITE_YAML } from "../support/tempContent.ts";

const ARTICLE = { "bai.md": articleFile("title: T\ndate: 2023-08-15T09:00:00+07:00") };
const withLine = (from: string, to: string): string => {
	if (!SITE_YAML.includes(from)) throw new Error(`fixture has no ${from}`);
	return SITE_YAML.replace(from, to);
};

describe("site.yaml", () => {
	it("resolves baseUrl.local by default and baseUrl.production for --remote", async () => {
		const local = await loadFixture(ARTICLE, withLine("http://localhost:8787", "http://localhost:8787/"));
		const production = await loadFixture(ARTICLE, SITE_YAML, "production");
		if (!local.ok || !production.ok) throw new Error("fixture should load");
		expect(local.content.site.baseUrl).toBe("http://localhost:8787");
		expect(production.content.site.baseUrl).toBe("https://news.example.org");
		expect(local.content.records[0]?.url).toBe("http://localhost:8787/articles/bai");
		expect(production.content.records[0]?.url).toBe("https://news.example.org/articles/bai");
	});
	it("gives the same guid locally and in production", async () => {
		const local = await loadFixture(ARTICLE);
		const production = await loadFixture(ARTICLE, SITE_YAML, "production");
		if (!local.ok || !production.ok) throw new Error("fixture should load");
		expect(local.content.records[0]?.guid).toBe(production.content.records[0]?.guid);
	});
	it("is required", async () => {
		expect(await fixtureErrors(ARTICLE, null)).toMatchObject([
			{ file: "site.yaml", field: "file", problem: expect.stringMatching(/missing/) },
		]);
	});
	it("rejects invalid YAML", async () => {
		expect(await fixtureErrors(ARTICLE, "title: [unclosed\n")).toMatchObject([
			{ file: "site.yaml", field: "file", problem: expect.stringMatching(/invalid YAML/) },
		]);
	});
	it("rejects a relative or non-http base URL", async () => {
		const errors = await fixtureErrors(ARTICLE, withLine("https://news.example.org", "news.example.org"));
		expect(errors).toMatchObject([{ file: "site.yaml", field: "baseUrl.production" }]);
		const ftp = await fixtureErrors(ARTICLE, withLine("http://localhost:8787", "ftp://localhost"));
		expect(ftp).toMatchObject([{ file: "site.yaml", field: "baseUrl.local" }]);
	});
	it("rejects a base URL with a query", async () => {
		expect(
			await fixtureErrors(ARTICLE, withLine("https://news.example.org", "https://news.example.org/?a=1")),
		).toMatchObject([{ field: "baseUrl.production", problem: expect.stringMatching(/query/) }]);
	});
	it("rejects unknown keys", async () => {
		expect(await fixtureErrors(ARTICLE, `${SITE_YAML}theme: dark\n`)).toMatchObject([
			{ file: "site.yaml", field: "theme" },
		]);
	});
	it("rejects an unknown time zone", async () => {
		expect(await fixtureErrors(ARTICLE, withLine("Asia/Ho_Chi_Minh", "Asia/Hanoi_City"))).toMatchObject([
			{ field: "timeZone", problem: expect.stringMatching(/IANA/) },
		]);
	});
	it("rejects a malformed language tag", async () => {
		expect(await fixtureErrors(ARTICLE, withLine("language: vi", "language: vi_VN!"))).toMatchObject([
			{ field: "language" },
		]);
	});
	it("requires title, description, author name and copyright", async () => {
		const yaml = SITE_YAML.replace(/^(title|description|copyright):.*\n/gm, "").replace(
			"  name: Ban biên tập\n",
			"  email: a@example.org\n",
		);
		const fields = (await fixtureErrors(ARTICLE, yaml)).map((e) => e.field).sort();
		expect(fields).toEqual(["author.name", "copyright", "description", "title"]);
	});
	it("defaults itemsPerFeed to 20 and bounds it", async () => {
		const loaded = await loadFixture(ARTICLE, withLine("itemsPerFeed: 20\n", ""));
		if (!loaded.ok) throw new Error("fixture should load");
		expect(loaded.content.site.itemsPerFeed).toBe(20);
		expect(await fixtureErrors(ARTICLE, withLine("itemsPerFeed: 20", "itemsPerFeed: 0"))).toMatchObject([
			{ field: "itemsPerFeed" },
		]);
	});
	it("resolves a relative icon against the base URL, and checks the hub URL", async () => {
		const loaded = await loadFixture(ARTICLE, `${SITE_YAML}icon: /icon.png\nhub: https://hub.example.org/\n`);
		if (!loaded.ok) throw new Error("fixture should load");
		expect(loaded.content.site.icon).toBe("http://localhost:8787/icon.png");
		expect(loaded.content.site.hub).toBe("https://hub.example.org/");
		expect(await fixtureErrors(ARTICLE, `${SITE_YAML}hub: not a url\n`)).toMatchObject([{ field: "hub" }]);
	});
	it("still reports article errors when site.yaml is broken", async () => {
		const errors = await fixtureErrors(
			{ "bai.md": articleFile("date: 2023-08-15") },
			`${SITE_YAML}theme: dark\n`,
		);
		expect(errors).toMatchObject([
			{ file: "site.yaml", field: "theme" },
			{ file: "bai.md", field: "title" },
		]);
	});
	it.each([
		["title: Tin tức thử", "title: [a]", "title", "expected text, got a list"],
		[
			"copyright: © 2026 Thử",
			"copyright: 2026",
			"copyright",
			"expected text, got the number 2026 (put it in quotes)",
		],
		["language: vi", "language: 5", "language", "expected a language tag such as vi, got the number 5"],
		[
			"itemsPerFeed: 20",
			"itemsPerFeed: '20'",
			"itemsPerFeed",
			'expected a whole number from 1 to 1000, got text "20" (remove the quotes)',
		],
		[
			"timeZone: Asia/Ho_Chi_Minh",
			"timeZone: 7",
			"timeZone",
			"expected an IANA time zone such as Asia/Ho_Chi_Minh, got the number 7",
		],
		[
			"author:\n  name: Ban biên tập",
			"author: [a]",
			"author",
			"expected a name or a mapping with name, email and url, got a list",
		],
		[
			"baseUrl:\n  local: http://localhost:8787\n  production: https://news.example.org",
			"baseUrl: https://news.example.org",
			"baseUrl",
			'expected a mapping with local and production URLs, got text "https://news.example.org"',
		],
		["itemsPerFeed: 20", "itemsPerFeed: 20\nhub: [a]", "hub", "expected a URL, got a list"],
		[
			"itemsPerFeed: 20",
			"itemsPerFeed: 20\nicon: 5",
			"icon",
			"expected a URL or a path on the site, got the number 5",
		],
	])("says what a wrong type should have been: %s -> %s", async (from, to, field, problem) => {
		expect(await fixtureErrors(ARTICLE, withLine(from, to))).toEqual([{ file: "site.yaml", field, problem }]);
	});
});
