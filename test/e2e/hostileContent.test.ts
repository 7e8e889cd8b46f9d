// End to end with hostile content (control characters, NFD, "]]>", script embeds, relative URLs, drafts, future
// dates): after the real sync and `wrangler dev`, every feed, tag and author feeds included, is well-formed and
// valid, carries nothing that runs script, and shows neither the draft nor the future-dated article.
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	checkAtom,
	checkJsonFeed11,
	checkRss2,
	childNamed,
	childrenNamed,
	parseXmlStrict,
	validateAtomSchemas,
	type XmlElement,
} from "../support/feedValidators.ts";
import { type LocalServer, startLocalServer } from "./localServer.ts";
import { anchorHrefs, unsafeMarkup } from "./readHtml.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const HIDDEN_TITLES = [
	"BẢN NHÁP KHÔNG ĐƯỢC XUẤT HIỆN",
	"BÀI HẸN GIỜ TƯƠNG LAI",
	"Nội dung nháp",
	"Nội dung tương lai",
];
const FEED_FILE = /\/(rss\.xml|atom\.xml|feed\.json)$/;

let server: LocalServer;
/** path -> body, for every feed the index page links and every page. */
const feeds = new Map<string, string>();
const pages = new Map<string, string>();
/** Paths of hidden articles and scopes -> status, fetched up front like everything else: a request after the
 * long schema checks could meet a keep-alive connection the server has already closed. */
const hiddenStatuses = new Map<string, number>();
const HIDDEN_PATHS = [
	"/articles/ban-nhap",
	"/articles/hen-gio",
	"/tags/bi-mat-nhap/rss.xml",
	"/tags/tuong-lai-xa/atom.xml",
];

async function get(path: string): Promise<string> {
	const response = await fetch(`${server.origin}${path}`);
	expect(response.status, path).toBe(200);
	return response.text();
}

beforeAll(async () => {
	server = await startLocalServer("test/fixtures/content/hostile");
	const index = await get("/");
	pages.set("/", index);
	const paths = new Set(["/rss.xml", "/atom.xml", "/feed.json"]);
	for (const href of anchorHrefs(index)) {
		const path = new URL(href, "http://localhost:8787/").pathname;
		if (FEED_FILE.test(path)) paths.add(path);
		else if (path.startsWith("/articles/") || path.startsWith("/tags/") || path.startsWith("/authors/"))
			pages.set(path, "");
	}
	for (const path of paths) feeds.set(path, await get(path));
	for (const path of pages.keys()) if (path !== "/") pages.set(path, await get(path));
	for (const path of HIDDEN_PATHS) {
		const response = await fetch(`${server.origin}${path}`);
		await response.arrayBuffer();
		hiddenStatuses.set(path, response.status);
	}
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

/** The HTML an item carries (full content and summary) in any format. */
function itemHtml(path: string, body: string): string[] {
	if (path.endsWith(".json")) {
		const feed = JSON.parse(body) as { items: { content_html?: string }[] };
		return feed.items.map((item) => item.content_html ?? "");
	}
	const root = parseXmlStrict(body);
	if (path.endsWith("atom.xml"))
		return childrenNamed(root, ATOM, "entry").map((entry) => childNamed(entry, ATOM, "content")?.text ?? "");
	const channel = childNamed(root, "", "channel") as XmlElement;
	return childrenNamed(channel, "", "item").flatMap((item) => [
		childNamed(item, CONTENT, "encoded")?.text ?? "",
		childNamed(item, "", "description")?.text ?? "",
	]);
}

describe("hostile content, end to end", () => {
	it("serves tag and author feeds as well as the site's", () => {
		expect([...feeds.keys()].filter((path) => path.startsWith("/tags/")).length).toBeGreaterThanOrEqual(9);
		expect([...feeds.keys()].filter((path) => path.startsWith("/authors/")).length).toBeGreaterThanOrEqual(3);
	});

	it("keeps every feed well-formed and valid", () => {
		for (const [path, body] of feeds) {
			if (path.endsWith("rss.xml")) expect(checkRss2(body), path).toEqual([]);
			if (path.endsWith("atom.xml")) expect(checkAtom(body), path).toEqual([]);
			if (path.endsWith("feed.json")) expect(checkJsonFeed11(body), path).toEqual([]);
		}
		const atom = [...feeds].filter(([path]) => path.endsWith("atom.xml"));
		const schemaErrors = validateAtomSchemas(atom.map(([, body]) => body));
		for (const [index, [path]] of atom.entries()) expect(schemaErrors[index], path).toEqual([]);
	});

	it("lets nothing through that runs script, in feeds or pages", () => {
		for (const [path, body] of feeds)
			for (const html of itemHtml(path, body)) expect(unsafeMarkup(html), path).toEqual([]);
		// Pages carry exactly one <style> and one <script> of their own (the layout's stylesheet and copy-button
		// script, which their Content-Security-Policy allows by hash; test/worker/pages.test.ts checks the hashes).
		for (const [path, body] of pages) expect(unsafeMarkup(body), path).toEqual(["<style>", "<script>"]);
	});

	it("shows the draft and the future-dated article nowhere", async () => {
		for (const [path, body] of [...feeds, ...pages])
			for (const title of HIDDEN_TITLES) expect(body, path).not.toContain(title);
		for (const path of HIDDEN_PATHS) expect(hiddenStatuses.get(path), path).toBe(404);
	});

	it("reads back titles as NFC text without the forbidden characters", async () => {
		const read = [
			await extractFromXml(feeds.get("/rss.xml") ?? ""),
			await extractFromXml(feeds.get("/atom.xml") ?? ""),
			extractFromJson(JSON.parse(feeds.get("/feed.json") ?? "{}")),
		];
		for (const feed of read) {
			const titles = (feed.entries ?? []).map((entry) => entry.title ?? "");
			expect(titles).toContain("Ký tự điều khiển   giữa tiêu đề");
			expect(titles).toContain("Ngày đơn 🎉 𝕏 và ký tự  cấm");
			for (const title of titles) expect(title).toBe(title.normalize("NFC"));
		}
	});

	it("makes every relative URL in article HTML absolute", () => {
		for (const html of itemHtml("/feed.json", feeds.get("/feed.json") ?? "")) {
			for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
				const url = match[1] ?? "";
				expect(url, url).toMatch(/^(https?:|mailto:)/);
			}
		}
	});
});
