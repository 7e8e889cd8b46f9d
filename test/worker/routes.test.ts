// Routes: every feed URL in every format, media types, newest-first order, feed length, scoped feeds and 404s.
import { beforeAll, describe, expect, it } from "vitest";
import type { FeedFormat } from "../../src/domain/model.ts";
import { article, BASE_URL, collection, hanoiTime, tags } from "../support/articles.ts";
import { checkAtom } from "../support/checkAtom.ts";
import { checkJsonFeed11 } from "../support/checkJsonFeed11.ts";
import { checkRss2 } from "../support/checkRss2.ts";
import { fetchWorker } from "./support/fetchWorker.ts";
import { publish } from "./support/publish.ts";
import { FEED_PATHS, FORMATS, readFeed } from "./support/readFeed.ts";
import { testApp } from "./support/testApp.ts";

const MEDIA_TYPES: Record<FeedFormat, string> = {
	rss: "application/rss+xml; charset=utf-8",
	atom: "application/atom+xml; charset=utf-8",
	json: "application/feed+json; charset=utf-8",
};
const CHECKS: Record<FeedFormat, (body: string) => string[]> = {
	rss: checkRss2,
	atom: checkAtom,
	json: checkJsonFeed11,
};

const SYNCED_AT = Date.parse("2023-09-01T00:00:00Z");

// 25 articles one hour apart (more than the 20 a feed shows), in an order that is not publication order.
const OLDEST = Date.parse("2023-08-01T00:00:00Z");
const many = Array.from({ length: 25 }, (_, i) => {
	const n = (i * 7) % 25;
	return article(`m${String(n).padStart(2, "0")}`, hanoiTime(OLDEST + n * 3_600_000), {
		tags: [tags.chinhTri],
	});
});

beforeAll(async () => {
	await publish([...collection(), ...many], SYNCED_AT);
});

describe("feed routes", () => {
	const scopes = [
		"",
		"/tags/xa-hoi",
		"/tags/doi-song",
		"/tags/chinh-tri",
		"/authors/nguyen-thi-lan",
		"/authors/tran-van-minh",
	];
	for (const scope of scopes) {
		for (const format of FORMATS) {
			const path = `${scope}/${FEED_PATHS[format]}`;
			it(`GET ${path} is a valid ${format} feed with its media type and canonical self link`, async () => {
				const response = await fetchWorker(path);
				expect(response.status).toBe(200);
				expect(response.headers.get("Content-Type")).toBe(MEDIA_TYPES[format]);
				const body = await response.text();
				expect(CHECKS[format](body)).toEqual([]);
				expect(readFeed(format, body).selfLink).toBe(`${BASE_URL}${path}`);
			});
		}
	}

	it("lists the newest articles first, at most site.itemsPerFeed (20) of them", async () => {
		const expected = [...collection(), ...many]
			.sort((a, b) => Date.parse(b.published) - Date.parse(a.published))
			.slice(0, 20)
			.map((record) => record.guid);
		for (const format of FORMATS) {
			const feed = readFeed(format, await (await fetchWorker(`/${FEED_PATHS[format]}`)).text());
			expect(feed.ids).toEqual(expected);
		}
	});

	it("scopes a tag feed to its tag, named with its Vietnamese display name", async () => {
		for (const format of FORMATS) {
			const feed = readFeed(format, await (await fetchWorker(`/tags/xa-hoi/${FEED_PATHS[format]}`)).text());
			expect(feed.ids).toEqual(["a3", "a1"].map((id) => collection().find((r) => r.id === id)?.guid));
			expect(feed.title).toContain("Xã hội");
		}
	});

	it("scopes an author feed to that author", async () => {
		const feed = readFeed("json", await (await fetchWorker("/authors/tran-van-minh/feed.json")).text());
		expect(feed.ids).toEqual([collection()[0]?.guid]);
		expect(feed.title).toContain("Trần Văn Minh");
	});

	it("serves byte-identical bodies for the same KV content, even when rendered twice", async () => {
		for (const format of FORMATS) {
			const path = `/tags/xa-hoi/${FEED_PATHS[format]}`;
			const first = await (await fetchWorker(path)).arrayBuffer();
			// A fresh app with an empty cache of its own renders it afresh.
			const fresh = testApp(Date.now(), { cache: await caches.open("routes-rendered-twice") });
			const rendered = await (await fresh.fetch(path)).arrayBuffer();
			const again = await (await fetchWorker(path)).arrayBuffer();
			expect(new Uint8Array(rendered)).toEqual(new Uint8Array(first));
			expect(new Uint8Array(again)).toEqual(new Uint8Array(first));
		}
	});
});

describe("unknown paths", () => {
	const missing = [
		"/nothing",
		"/rss",
		"/feed.xml",
		"/tags/khong-co/rss.xml",
		"/tags/khong-co/atom.xml",
		"/authors/khong-co/feed.json",
		"/tags/xa-hoi/index.xml",
		"/tags/constructor/rss.xml",
		"/authors/__proto__/rss.xml",
		"/tags/Xã hội/rss.xml",
		"/articles/khong-co",
		"/tags/khong-co",
		"/authors/khong-co",
		"/tags/page/2",
		"/tags/xa-hoi/archive/1",
		"/rss.xml/",
	];
	for (const path of missing) {
		it(`GET ${path} is a plain 404`, async () => {
			const response = await fetchWorker(encodeURI(path));
			expect(response.status).toBe(404);
			expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
			expect((await response.text()).trim().length).toBeGreaterThan(0);
		});
	}

	it("answers other methods on a feed with a 4xx, not a 5xx", async () => {
		for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
			const response = await fetchWorker("/rss.xml", { method, body: "x" });
			expect(response.status).toBeGreaterThanOrEqual(400);
			expect(response.status).toBeLessThan(500);
		}
	});
});
