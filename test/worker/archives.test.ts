// RFC 5005 archives through the real Worker: a tag of 2,345 items walked from its current feed in every format
// reaches each item exactly once, oldest included; final pages are immutable, the newest archive page is not.
import { beforeAll, describe, expect, it } from "vitest";
import { ARCHIVE_PAGE_SIZE, archiveWindow } from "../../src/domain/archivePages.ts";
import type { ArticleRecord, FeedFormat } from "../../src/domain/model.ts";
import { ARCHIVE_CACHE_CONTROL } from "../../src/http/cachePolicy.ts";
import { FEED_FILE_OF } from "../../src/urls/urlScheme.ts";
import { article, authors, BASE_URL, hanoiTime, site, tags } from "../support/articles.ts";
import { checkAtom, checkJsonFeed11, checkRss2 } from "../support/feedValidators.ts";
import { readFeedHistory } from "../support/readFeedHistory.ts";
import { clearKv, publish } from "./support/publish.ts";
import { testApp } from "./support/testApp.ts";

const NOW = Date.parse("2026-12-01T00:00:00Z");
const HOUR = 3_600_000;
const TAGGED = 2_345;
/** Every third article carries the tag too, so the site's own archive is larger than the tag's. */
function records(): ArticleRecord[] {
	return Array.from({ length: TAGGED + 300 }, (_, i) =>
		article(`bai-${i}`, hanoiTime(NOW - (i + 1) * HOUR), {
			contentHtml: `<p>Bài ${i}.</p>`,
			tags: i < TAGGED ? [tags.xaHoi] : [tags.doiSong],
			authors: [authors.minh],
		}),
	);
}

const check: Record<FeedFormat, (body: string) => void> = {
	rss: (body) => checkRss2(body),
	atom: (body) => checkAtom(body),
	json: (body) => checkJsonFeed11(body),
};

const app = testApp(NOW);
beforeAll(async () => {
	await clearKv();
	await publish(records(), NOW);
}, 120_000);

describe("archived feeds of a tag with 2,345 items", () => {
	for (const format of ["atom", "rss", "json"] as const) {
		it(`${format}: prev-archive from the current feed reaches every item once, oldest included`, async () => {
			const seen = new Map<string, number>();
			let url: string | undefined = `${BASE_URL}/tags/xa-hoi/${FEED_FILE_OF[format]}`;
			let documents = 0;
			while (url) {
				const response = await app.fetch(new URL(url).pathname);
				expect(response.status, url).toBe(200);
				const body = await response.text();
				check[format](body);
				const history = readFeedHistory(format, body);
				expect(history.archive, url).toBe(documents > 0 && format !== "json");
				for (const id of history.itemIds) seen.set(id, (seen.get(id) ?? 0) + 1);
				url = history.prevArchive;
				documents++;
			}
			const pages = archiveWindow(TAGGED, site.itemsPerFeed).pages;
			expect(documents).toBe(1 + pages);
			expect(seen.size).toBe(TAGGED);
			expect([...seen.values()].every((count) => count === 1)).toBe(true);
			expect(seen.has(`urn:uuid:00000000-0000-5000-8000-0000bai-2344`)).toBe(true);
		});
	}

	it("serves a final page immutably, and the newest archive page with the usual freshness", async () => {
		const pages = archiveWindow(TAGGED, site.itemsPerFeed).pages;
		const oldest = await app.fetch("/tags/xa-hoi/archive/1/atom.xml");
		expect(oldest.headers.get("Cache-Control")).toBe(ARCHIVE_CACHE_CONTROL);
		expect(readFeedHistory("atom", await oldest.text()).itemIds).toHaveLength(ARCHIVE_PAGE_SIZE);
		const newest = await app.fetch(`/tags/xa-hoi/archive/${pages}/atom.xml`);
		expect(newest.status).toBe(200);
		expect(newest.headers.get("Cache-Control")).not.toBe(ARCHIVE_CACHE_CONTROL);
		const history = readFeedHistory("atom", await newest.text());
		expect(history.nextArchive).toBeUndefined();
		expect(history.current).toBe(`${BASE_URL}/tags/xa-hoi/atom.xml`);
	});

	it("answers 404 for a page past the last, page 0 or a written-out number, and for an unknown tag", async () => {
		const pages = archiveWindow(TAGGED, site.itemsPerFeed).pages;
		for (const path of [
			`/tags/xa-hoi/archive/${pages + 1}/rss.xml`,
			"/tags/xa-hoi/archive/0/rss.xml",
			"/tags/xa-hoi/archive/01/rss.xml",
			"/tags/khong-co/archive/1/rss.xml",
			`/archive/${pages + 100}`,
		])
			expect((await app.fetch(path)).status, path).toBe(404);
	});

	it("shows each archive page as HTML with the same number of items, and a directory of tags", async () => {
		const page = await app.fetch("/tags/xa-hoi/archive/2");
		expect(page.status).toBe(200);
		expect(page.headers.get("Cache-Control")).toBe(ARCHIVE_CACHE_CONTROL);
		const directory = await app.fetch("/tags");
		expect(directory.status).toBe(200);
		expect(await directory.text()).toContain("/tags/xa-hoi");
		expect((await app.fetch("/tags/page/2")).status).toBe(404);
	});
});
