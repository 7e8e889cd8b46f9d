// An old article edited in place, through the real Worker: its archive pages stay as they were written and the
// version's corrections name its new record, so every format and the HTML archive page show the edit, the page's
// validator changes (its neighbours' do not), the walk still reaches every item once, and the page is served whole
// after the record as first written has left KV.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord, FeedFormat, Head, Manifest } from "../../src/domain/model.ts";
import { FEED_FILE_OF } from "../../src/urls/urlScheme.ts";
import { article, authors, BASE_URL, hanoiTime, tags } from "../support/articles.ts";
import { checkAtom, checkJsonFeed11, checkRss2 } from "../support/feedValidators.ts";
import { readPage } from "../support/htmlPage.ts";
import { readFeedHistory } from "../support/readFeedHistory.ts";
import type { RememberedBuilds } from "../support/rememberingBuilds.ts";
import { clearKv, publish } from "./support/publish.ts";
import { FORMATS, readFeed } from "./support/readFeed.ts";
import { testApp } from "./support/testApp.ts";

const NOW = Date.parse("2026-12-01T00:00:00Z");
const HOUR = 3_600_000;
const COUNT = 350;
/** The fifth oldest: in the oldest archive page of the site, its tag and its author. */
const OLD = 345;
const EDITED_TITLE = "Đính chính: số liệu đã được cập nhật";

function records(edits: Record<number, Partial<ArticleRecord>> = {}): ArticleRecord[] {
	return Array.from({ length: COUNT }, (_, i) =>
		article(`bai-${i}`, hanoiTime(NOW - (i + 1) * HOUR), {
			contentHtml: `<p>Bài ${i}.</p>`,
			tags: [tags.xaHoi],
			authors: [authors.minh],
			...edits[i],
		}),
	);
}
const edit = { title: EDITED_TITLE, contentHtml: "<p>Số liệu đúng là 1.250 hộ.</p>" };

const check: Record<FeedFormat, (body: string) => void> = {
	rss: (body) => checkRss2(body),
	atom: (body) => checkAtom(body),
	json: (body) => checkJsonFeed11(body),
};

async function keys(prefix: string): Promise<string[]> {
	return (await env.ARTICLES.list({ prefix })).keys.map((key) => key.name).sort();
}

async function publishedManifest(): Promise<Manifest> {
	const head = (await env.ARTICLES.get<Head>("head", "json")) as Head;
	return (await env.ARTICLES.get<Manifest>(`manifest:${head.manifest}`, "json")) as Manifest;
}

const builds: RememberedBuilds = new Map();
const before = testApp(NOW);
const etagsBefore: Record<string, string | null> = {};
let pagesBefore: string[] = [];
let originalRecord: string | undefined;

beforeAll(async () => {
	await clearKv();
	const first = await publish(records(), NOW, undefined, builds);
	originalRecord = first.snapshot.recordHashes.get(`bai-${OLD}`);
	for (const path of ["/archive/1/atom.xml", "/archive/2/atom.xml", "/tags/xa-hoi/archive/1/rss.xml"])
		etagsBefore[path] = (await before.fetch(path)).headers.get("ETag");
	pagesBefore = await keys("page:");
	await publish(records({ [OLD]: edit }), NOW + 1000, undefined, builds);
	before.now += 60_000; // past the head's recheck: the warm isolate sees the new version
}, 120_000);

describe("an old article edited in place", () => {
	it("keeps every archive page as written and names the new record in the version's corrections", async () => {
		expect(await keys("page:")).toEqual(pagesBefore);
		const manifest = await publishedManifest();
		expect(manifest.corrections).toBeDefined();
		const corrections = await env.ARTICLES.get<Record<string, unknown>>(
			`corrections:${manifest.corrections}`,
			"json",
		);
		expect(Object.keys(corrections ?? {})).toEqual([originalRecord]);
	});

	for (const format of FORMATS) {
		it(`${format}: the site's, the tag's and the author's archive pages show the edit`, async () => {
			for (const scope of ["", "/tags/xa-hoi", `/authors/${authors.minh.slug}`]) {
				const path = `${scope}/archive/1/${FEED_FILE_OF[format]}`;
				for (const app of [before, testApp(NOW + 60_000)]) {
					const response = await app.fetch(path);
					expect(response.status, path).toBe(200);
					const body = await response.text();
					check[format](body);
					const feed = readFeed(format, body);
					expect(feed.titles, path).toContain(EDITED_TITLE);
					expect(feed.titles.filter((title) => title === EDITED_TITLE)).toHaveLength(1);
				}
			}
		});
	}

	it("changes the validator of the page that lists it, and of no other", async () => {
		const app = testApp(NOW + 60_000);
		expect((await app.fetch("/archive/1/atom.xml")).headers.get("ETag")).not.toBe(
			etagsBefore["/archive/1/atom.xml"],
		);
		expect((await app.fetch("/tags/xa-hoi/archive/1/rss.xml")).headers.get("ETag")).not.toBe(
			etagsBefore["/tags/xa-hoi/archive/1/rss.xml"],
		);
		expect((await app.fetch("/archive/2/atom.xml")).headers.get("ETag")).toBe(
			etagsBefore["/archive/2/atom.xml"],
		);
	});

	it("shows the edit on the HTML archive page and the article page", async () => {
		const app = testApp(NOW + 60_000);
		const archive = readPage(await (await app.fetch("/archive/1")).text());
		expect(archive.anchors().map((anchor) => anchor.text)).toContain(EDITED_TITLE);
		const page = await app.fetch(`/articles/bai-${OLD}`);
		expect(page.status).toBe(200);
		const html = readPage(await page.text());
		expect(html.texts("h1")).toEqual([EDITED_TITLE]);
		expect(html.texts("p")).toContain("Số liệu đúng là 1.250 hộ.");
	});

	it("walks from the current feed to every item once", async () => {
		const app = testApp(NOW + 60_000);
		const seen = new Map<string, number>();
		let url: string | undefined = `${BASE_URL}/${FEED_FILE_OF.atom}`;
		while (url) {
			const response = await app.fetch(new URL(url).pathname);
			expect(response.status, url).toBe(200);
			const history = readFeedHistory("atom", await response.text());
			for (const id of history.itemIds) seen.set(id, (seen.get(id) ?? 0) + 1);
			url = history.prevArchive;
		}
		expect(seen.size).toBe(COUNT);
		expect([...seen.values()].every((count) => count === 1)).toBe(true);
	});

	it("is served whole once the record as first written has left KV, and after a second edit", async () => {
		// A later sync deletes what neither it nor the version before it reaches: the first record of the old article.
		await publish(records({ [OLD]: edit, 3: { title: "Bài mới sửa" } }), NOW + 2000, undefined, builds);
		expect(await env.ARTICLES.get(`article:${originalRecord}`)).toBeNull();
		const second = { ...edit, title: `${EDITED_TITLE} (lần hai)` };
		await publish(records({ [OLD]: second, 3: { title: "Bài mới sửa" } }), NOW + 3000, undefined, builds);
		expect(await keys("page:")).toEqual(pagesBefore);
		const app = testApp(NOW + 60_000);
		for (const format of FORMATS) {
			const response = await app.fetch(`/archive/1/${FEED_FILE_OF[format]}`);
			expect(response.status).toBe(200);
			expect(readFeed(format, await response.text()).titles).toContain(second.title);
		}
	});
});
