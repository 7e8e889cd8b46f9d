// End to end, as `npm start` runs it: the real sync CLI writes content/ into local KV, `wrangler dev` serves it,
// and every feed is checked with strict XML parsing, RFC 4287's schema, rule checkers and a feed-reading library.
import { readFileSync } from "node:fs";
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	checkAtom,
	checkJsonFeed11,
	checkRss2,
	childNamed,
	childrenNamed,
	parseXmlStrict,
	validateAtomSchema,
	type XmlElement,
} from "../support/feedValidators.ts";
import { type LocalServer, startLocalServer } from "./localServer.ts";
import { blockTexts, linkElements } from "./readHtml.ts";

const RSS = "";
const ATOM = "http://www.w3.org/2005/Atom";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const SEED_TITLE =
	"Ban Dân vận, Ban Tuyên giáo Tỉnh ủy và Đảng ủy Khối Các cơ quan tỉnh thống nhất phối hợp giai đoạn 2023 - 2025";
const WIDGET_LINE = "Theo dõi Báo Nghệ An trên";

/** The seed source's blocks without the widget line: what every format must carry, sentence for sentence. */
const seedBlocks = readFileSync(new URL("../fixtures/seed/000_1e1845e5b246efe0.txt", import.meta.url), "utf8")
	.normalize("NFC")
	.split(/\n\s*\n/)
	.map((block) => block.trim())
	.filter((block) => block !== "" && block !== WIDGET_LINE);

const text = (element: XmlElement | undefined): string => element?.text ?? "";

let server: LocalServer;
const bodies: Record<string, string> = {};

beforeAll(async () => {
	server = await startLocalServer("content");
	for (const path of ["/rss.xml", "/atom.xml", "/feed.json", "/"]) {
		const response = await fetch(`${server.origin}${path}`);
		expect(response.status, path).toBe(200);
		bodies[path] = await response.text();
	}
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

describe("the quick start serves the seed article in every format", () => {
	it("serves each feed with its media type and charset", async () => {
		const types = {
			"/rss.xml": "application/rss+xml; charset=utf-8",
			"/atom.xml": "application/atom+xml; charset=utf-8",
			"/feed.json": "application/feed+json; charset=utf-8",
		};
		for (const [path, type] of Object.entries(types)) {
			const response = await fetch(`${server.origin}${path}`, { method: "HEAD" });
			expect(response.headers.get("content-type"), path).toBe(type);
		}
	});

	it("passes every validator with no errors", () => {
		expect(checkRss2(bodies["/rss.xml"] ?? "")).toEqual([]);
		expect(checkAtom(bodies["/atom.xml"] ?? "")).toEqual([]);
		expect(validateAtomSchema(bodies["/atom.xml"] ?? "")).toEqual([]);
		expect(checkJsonFeed11(bodies["/feed.json"] ?? "")).toEqual([]);
	});

	it("gives a feed reader the same title, date and link in all three formats", async () => {
		const read = [
			extractFromXml(bodies["/rss.xml"] ?? ""),
			extractFromXml(bodies["/atom.xml"] ?? ""),
			extractFromJson(JSON.parse(bodies["/feed.json"] ?? "{}")),
		];
		for (const feed of read) {
			const entry = feed.entries?.find((item) => item.title === SEED_TITLE);
			expect(entry, JSON.stringify(feed.entries?.map((item) => item.title))).toBeDefined();
			expect(new Date(entry?.published ?? "").toISOString()).toBe("2023-08-15T02:00:00.000Z");
			expect(entry?.link).toBe(
				"http://localhost:8787/articles/phoi-hop-dan-van-tuyen-giao-khoi-cac-co-quan-tinh",
			);
		}
	});

	it("carries the seed body sentence for sentence in each format, and the widget line nowhere", () => {
		const rssItem = childrenNamed(
			childNamed(parseXmlStrict(bodies["/rss.xml"] ?? ""), RSS, "channel") as XmlElement,
			RSS,
			"item",
		).find((item) => text(childNamed(item, RSS, "title")) === SEED_TITLE);
		const atomEntry = childrenNamed(parseXmlStrict(bodies["/atom.xml"] ?? ""), ATOM, "entry").find(
			(entry) => text(childNamed(entry, ATOM, "title")) === SEED_TITLE,
		);
		const jsonItem = (
			JSON.parse(bodies["/feed.json"] ?? "{}") as { items: { title: string; content_html: string }[] }
		).items.find((item) => item.title === SEED_TITLE);

		const htmls = {
			rss: text(rssItem && childNamed(rssItem, CONTENT, "encoded")),
			atom: text(atomEntry && childNamed(atomEntry, ATOM, "content")),
			json: jsonItem?.content_html ?? "",
		};
		for (const [format, html] of Object.entries(htmls)) {
			expect(blockTexts(html), format).toEqual(seedBlocks);
		}
		for (const [path, body] of Object.entries(bodies)) expect(body, path).not.toContain(WIDGET_LINE);
	});

	it("links the three feeds from the index page for autodiscovery", () => {
		const alternates = linkElements(bodies["/"] ?? "").filter((link) => link.rel === "alternate");
		expect(alternates.map((link) => [link.type, link.href])).toEqual(
			expect.arrayContaining([
				["application/rss+xml", "http://localhost:8787/rss.xml"],
				["application/atom+xml", "http://localhost:8787/atom.xml"],
				["application/feed+json", "http://localhost:8787/feed.json"],
			]),
		);
	});
});
