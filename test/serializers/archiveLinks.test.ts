// RFC 5005 archived feeds in every format: a tag scope (Vietnamese slug) with three archive pages, each document
// parsed with the project's strict parsers and checkers, its history links read back and walked.
import { describe, expect, it } from "vitest";
import type { ArticleRecord, FeedFormat } from "../../src/domain/model.ts";
import { buildFeedModel } from "../../src/feed/buildFeedModel.ts";
import { renderFeed } from "../../src/serializers/index.ts";
import { tagScope } from "../../src/urls/urlScheme.ts";
import { article, hanoiTime } from "../support/articles.ts";
import { BASE_URL, sampleManifest } from "../support/feedFixtures.ts";
import { isAbsoluteUri } from "../support/feedRules.ts";
import {
	checkAtom,
	checkJsonFeed11,
	checkRss2,
	childNamed,
	parseXmlStrict,
	validateAtomSchemas,
} from "../support/feedValidators.ts";
import { readFeedHistory } from "../support/readFeedHistory.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const FORMATS: FeedFormat[] = ["rss", "atom", "json"];
const FILE: Record<FeedFormat, string> = { rss: "rss.xml", atom: "atom.xml", json: "feed.json" };
const SCOPE = { key: tagScope("xã-hội"), kind: "tag", name: "Xã hội" } as const;
/** The scope's path as every link must write it: percent-encoded UTF-8. */
const SCOPE_URL = `${BASE_URL}/tags/x%C3%A3-h%E1%BB%99i`;
const PAGES = 3;
const PAGE_SIZE = 2;

// Eight articles, oldest first: pages 1-3 hold two each, the current feed the newest two.
const oldestFirst: ArticleRecord[] = Array.from({ length: 8 }, (_, index) =>
	article(`a${index + 1}`, hanoiTime(Date.UTC(2023, 0, index + 1, 2))),
);

/** The scope's current feed (no page) or archive page `page`, as the routes build it: items newest first. */
function buildDocument(page?: number, pages = PAGES) {
	const items = (
		page === undefined
			? oldestFirst.slice(pages * PAGE_SIZE)
			: oldestFirst.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
	).reverse();
	return buildFeedModel({
		manifest: sampleManifest(),
		scope: SCOPE,
		items,
		updated: Date.parse(items[0]?.published ?? ""),
		ttlMinutes: 5,
		archive: page === undefined ? { pages } : { pages, page },
	});
}

const pageUrl = (page: number, format: FeedFormat) => `${SCOPE_URL}/archive/${page}/${FILE[format]}`;
const currentUrl = (format: FeedFormat) => `${SCOPE_URL}/${FILE[format]}`;

/** Every document of the scope in one format, by its own URL. */
function documents(format: FeedFormat): Map<string, string> {
	const byUrl = new Map<string, string>();
	byUrl.set(currentUrl(format), renderFeed(format, buildDocument()));
	for (let page = 1; page <= PAGES; page++)
		byUrl.set(pageUrl(page, format), renderFeed(format, buildDocument(page)));
	return byUrl;
}

const CHECKERS: Record<FeedFormat, (body: string) => string[]> = {
	rss: checkRss2,
	atom: checkAtom,
	json: checkJsonFeed11,
};

const guidOf = (record: ArticleRecord) => record.guid;

it("every Atom document, current and archive, passes RFC 4287's schema", () => {
	expect(validateAtomSchemas([...documents("atom").values()])).toEqual([[], [], [], []]);
});

describe.each(FORMATS)("%s", (format) => {
	const byUrl = documents(format);
	const read = (url: string) => readFeedHistory(format, byUrl.get(url) ?? "");

	it("passes the format's checkers, current feed and archive pages alike", () => {
		for (const [url, body] of byUrl) expect([url, CHECKERS[format](body)]).toEqual([url, []]);
	});

	it("links no history from a current feed without archive pages: the same bytes as a filtered view", () => {
		const plain = renderFeed(format, buildFeedModel({ ...baseInput(), archive: { pages: 0 } }));
		expect(plain).toBe(renderFeed(format, buildFeedModel(baseInput())));
		const view = readFeedHistory(format, plain);
		expect(view).toMatchObject({ self: currentUrl(format), archive: false });
		expect(view.prevArchive ?? view.nextArchive ?? view.current).toBeUndefined();
	});

	it("links the current feed to the newest archive page, and nothing else", () => {
		const view = read(currentUrl(format));
		expect(view).toMatchObject({ self: currentUrl(format), prevArchive: pageUrl(3, format), archive: false });
		expect(view.current ?? view.nextArchive).toBeUndefined();
	});

	it("links a middle page to itself, the current feed and both neighbours", () => {
		const view = read(pageUrl(2, format));
		expect(view.self).toBe(pageUrl(2, format));
		expect(view.prevArchive).toBe(pageUrl(1, format));
		if (format === "json") return;
		expect(view).toMatchObject({
			current: currentUrl(format),
			nextArchive: pageUrl(3, format),
			archive: true,
		});
	});

	it("gives the oldest page no older link and the newest no newer one", () => {
		expect(read(pageUrl(1, format)).prevArchive).toBeUndefined();
		expect(read(pageUrl(3, format)).nextArchive).toBeUndefined();
		expect(read(pageUrl(3, format)).prevArchive).toBe(pageUrl(2, format));
		if (format !== "json") expect(read(pageUrl(1, format)).nextArchive).toBe(pageUrl(2, format));
	});

	it("marks archive documents, and only them, with fh:archive", () => {
		for (const url of byUrl.keys())
			expect([url, read(url).archive]).toEqual([url, format !== "json" && url !== currentUrl(format)]);
	});

	it("writes every link absolute, in ASCII, with the tag's slug percent-encoded", () => {
		for (const url of byUrl.keys()) {
			const { hrefs } = read(url);
			expect(hrefs.length).toBeGreaterThan(1);
			for (const href of hrefs) {
				expect(isAbsoluteUri(href), href).toBe(true);
				if (href !== sampleManifest().site.hub) expect(href.startsWith(SCOPE_URL), href).toBe(true);
			}
		}
	});

	it("walks from the current feed to every item exactly once, oldest included, newest first", () => {
		const seen: string[] = [];
		const visited: string[] = [];
		for (let url: string | undefined = currentUrl(format); url !== undefined; ) {
			expect(visited).not.toContain(url);
			visited.push(url);
			const view = read(url);
			seen.push(...view.itemIds);
			url = view.prevArchive;
		}
		expect(visited).toEqual([currentUrl(format), pageUrl(3, format), pageUrl(2, format), pageUrl(1, format)]);
		expect(seen).toEqual(oldestFirst.map(guidOf).reverse());
	});
});

function baseInput() {
	const items = oldestFirst.slice(-2).reverse();
	return { manifest: sampleManifest(), scope: SCOPE, items, updated: Date.UTC(2023, 0, 8), ttlMinutes: 5 };
}

describe("archive document metadata", () => {
	it("keeps the logical feed's Atom id and title, and dates a page by its own items", () => {
		const current = readAtom(renderFeed("atom", buildDocument()));
		const page = readAtom(renderFeed("atom", buildDocument(1)));
		expect(page.id).toBe(current.id);
		expect(page.id).toBe(SCOPE_URL);
		expect(page.title).toBe(current.title);
		expect(page.updated).toBe(new Date(Date.parse(oldestFirst[1]?.published ?? "")).toISOString());
	});

	it("gives an archive page its HTML page as the alternate link and home page, and no WebSub hub", () => {
		const model = buildDocument(2);
		expect(model.links.html).toBe(`${SCOPE_URL}/archive/2`);
		const json = JSON.parse(renderFeed("json", model)) as Record<string, unknown>;
		expect(json.home_page_url).toBe(`${SCOPE_URL}/archive/2`);
		expect("hubs" in json).toBe(false);
		for (const format of ["atom", "rss"] as const)
			expect(readFeedHistory(format, renderFeed(format, model)).hrefs).not.toContain(
				sampleManifest().site.hub,
			);
	});
});

/** The Atom feed's own id, title and updated, parsed strictly. */
function readAtom(body: string): { id: string; title: string; updated: string } {
	const feed = parseXmlStrict(body);
	const text = (local: string) => childNamed(feed, ATOM, local)?.text ?? "";
	return { id: text("id"), title: text("title"), updated: text("updated") };
}
