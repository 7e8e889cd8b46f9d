// Newsletter parameters on every feed: ?limit and ?since, exact 400s for bad values, and normalised cache keys.
import { beforeAll, describe, expect, it } from "vitest";
import { article, BASE_URL, hanoiTime, tags } from "../support/articles.ts";
import { instrumentedKv } from "./support/instrumentedKv.ts";
import { publish } from "./support/publish.ts";
import { FEED_PATHS, FORMATS, readFeed } from "./support/readFeed.ts";
import { testApp } from "./support/testApp.ts";

const SYNCED_AT = Date.parse("2023-10-01T00:00:00Z");
const HOUR = 3_600_000;
const FIRST = Date.parse("2023-09-01T00:00:00Z");
// 30 articles, one an hour; m05 was updated long after it was published.
const records = Array.from({ length: 30 }, (_, n) =>
	article(`m${String(n).padStart(2, "0")}`, hanoiTime(FIRST + n * HOUR), {
		tags: [n % 2 ? tags.xaHoi : tags.doiSong],
		...(n === 5 ? { updated: hanoiTime(FIRST + 100 * HOUR) } : {}),
	}),
);
const guid = (n: number) => records[n]?.guid;
/** Guids of articles n..m (inclusive), newest first. */
const newest = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => guid(from - i));

const app = testApp(SYNCED_AT);
const get = (path: string) => app.fetch(path);
const ids = async (path: string, format: keyof typeof FEED_PATHS = "json") => {
	const response = await get(path);
	expect(response.status, path).toBe(200);
	return readFeed(format, await response.text()).ids;
};

beforeAll(async () => {
	await publish(records, SYNCED_AT);
});

describe("invalid values get a 400 that says what is accepted", () => {
	const limits = ["0", "abc", "1000", "101", "1.5", "-1", "+5", "", "1e2", " 5", "0x10"];
	for (const value of limits) {
		it(`limit=${JSON.stringify(value)}`, async () => {
			for (const format of FORMATS) {
				const response = await get(`/tags/xa-hoi/${FEED_PATHS[format]}?limit=${encodeURIComponent(value)}`);
				expect(response.status).toBe(400);
				expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
				const message = await response.text();
				expect(message).toContain("limit");
				expect(message).toContain("1 to 100");
			}
		});
	}

	const sinces = [
		"yesterday",
		"2023-09-01",
		"2023-09-01T09:00:00",
		"2023-09-01 09:00:00Z",
		"2023-02-30T00:00:00Z",
		"2023-09-01T24:00:00Z",
		"2023-09-01T09:00:00+25:00",
		"1693558800",
		"",
	];
	for (const value of sinces) {
		it(`since=${JSON.stringify(value)}`, async () => {
			const response = await get(`/rss.xml?since=${encodeURIComponent(value)}`);
			expect(response.status).toBe(400);
			const message = await response.text();
			expect(message).toContain("since");
			expect(message).toContain("RFC 3339");
		});
	}

	it("a parameter given twice is a 400, even with equal values", async () => {
		expect((await get("/feed.json?limit=5&limit=5")).status).toBe(400);
		expect((await get("/feed.json?since=2023-09-01T00:00:00Z&since=2023-09-01T00:00:00Z")).status).toBe(400);
	});
});

describe("limit", () => {
	it("shows the newest N items", async () => {
		expect(await ids("/feed.json?limit=3")).toEqual(newest(29, 27));
		expect(await ids("/rss.xml?limit=1", "rss")).toEqual(newest(29, 29));
	});

	it("can go beyond the default length, up to 100", async () => {
		expect(await ids("/feed.json")).toHaveLength(20);
		expect(await ids("/atom.xml?limit=100", "atom")).toEqual(newest(29, 0));
	});

	it("applies within a scope", async () => {
		expect(await ids("/tags/xa-hoi/feed.json?limit=2")).toEqual([guid(29), guid(27)]);
	});
});

describe("since", () => {
	it("keeps only items published or updated strictly after the instant", async () => {
		// m25 was published at exactly this instant: not after it. m05's update is after it.
		const since = new Date(FIRST + 25 * HOUR).toISOString();
		expect(await ids(`/feed.json?since=${since}`)).toEqual([...newest(29, 26), guid(5)]);
	});

	it("reads the offset: the same instant written in +07:00 selects the same items", async () => {
		const utc = await ids("/feed.json?since=2023-09-02T00:00:00Z");
		expect(await ids(`/feed.json?since=${encodeURIComponent("2023-09-02T07:00:00+07:00")}`)).toEqual(utc);
		// An unencoded "+" arrives as a space; it is read as the offset sign it was meant to be.
		expect(await ids("/feed.json?since=2023-09-02T07:00:00+07:00")).toEqual(utc);
	});

	it("accepts fractional seconds and a lowercase z", async () => {
		// One millisecond before m29 was published: m29 is after it, m28 is not.
		const since = new Date(FIRST + 29 * HOUR - 1).toISOString().replace("Z", "z");
		expect(since).toMatch(/\.999z$/);
		expect(await ids(`/feed.json?since=${since}`)).toEqual([guid(29), guid(5)]);
	});

	it("combines with limit", async () => {
		expect(await ids(`/feed.json?since=${new Date(FIRST + 10 * HOUR).toISOString()}&limit=2`)).toEqual(
			newest(29, 28),
		);
	});

	it("may select nothing: an empty feed, still valid", async () => {
		expect(await ids("/feed.json?since=2030-01-01T00:00:00Z")).toEqual([]);
	});
});

describe("canonical links and cache keys", () => {
	it("keeps rel=self canonical whatever the parameters", async () => {
		for (const format of FORMATS) {
			const response = await get(`/tags/doi-song/${FEED_PATHS[format]}?limit=2&utm_source=mail`);
			expect(readFeed(format, await response.text()).selfLink).toBe(
				`${BASE_URL}/tags/doi-song/${FEED_PATHS[format]}`,
			);
		}
	});

	it("ignores unknown parameters: same ETag and bytes as without them", async () => {
		const plain = await get("/rss.xml");
		const tracked = await get("/rss.xml?utm_source=newsletter&ref=x&LIMIT=3");
		expect(tracked.status).toBe(200);
		expect(tracked.headers.get("ETag")).toBe(plain.headers.get("ETag"));
		expect(await tracked.text()).toBe(await plain.text());
	});

	it("parameter order does not change the ETag, and shares one edge-cache entry", async () => {
		const since = "2023-09-01T12:00:00Z";
		const first = await get(`/atom.xml?limit=4&since=${since}`);
		// A fresh isolate (empty memory) with counted KV reads: a shared Cache API entry means only head is read.
		const kv = instrumentedKv();
		const fresh = testApp(SYNCED_AT, { articles: () => kv.namespace });
		const reordered = await fresh.fetch(
			`/atom.xml?foo=1&since=${encodeURIComponent("2023-09-01T19:00:00+07:00")}&limit=04`,
		);
		expect(reordered.headers.get("ETag")).toBe(first.headers.get("ETag"));
		expect(await reordered.text()).toBe(await first.text());
		expect(kv.reads).toEqual(["head"]);
	});
});
