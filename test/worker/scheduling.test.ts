// Scheduling: a future-dated article is in KV but hidden everywhere until its time; caches expire by then.
import { beforeAll, describe, expect, it } from "vitest";
import { article, collection, hanoiTime, tags } from "../support/articles.ts";
import { publish } from "./support/publish.ts";
import { FEED_PATHS, FORMATS, readFeed } from "./support/readFeed.ts";
import { testApp } from "./support/testApp.ts";

const SYNCED_AT = Date.parse("2023-09-01T00:00:00Z");
const REVEAL_IN_SECONDS = 120;
const REVEAL_AT = SYNCED_AT + REVEAL_IN_SECONDS * 1000;
const scheduled = article("future", hanoiTime(REVEAL_AT), {
	title: "Bài hẹn giờ: chưa được xuất hiện",
	tags: [tags.xaHoi, { name: "Sắp ra mắt", slug: "sap-ra-mat" }],
});

const app = testApp(SYNCED_AT);
const maxAge = (response: Response) =>
	Number(/max-age=(\d+)/.exec(response.headers.get("Cache-Control") ?? "")?.[1]);

beforeAll(async () => {
	await publish([scheduled, ...collection()], SYNCED_AT);
});

describe("before its time", () => {
	it("appears in no feed of any scope it belongs to", async () => {
		for (const scope of ["", "/tags/xa-hoi", "/authors/nguyen-thi-lan"]) {
			for (const format of FORMATS) {
				const response = await app.fetch(`${scope}/${FEED_PATHS[format]}`);
				const feed = readFeed(format, await response.text());
				expect(feed.ids).not.toContain(scheduled.guid);
				expect(feed.ids.length).toBeGreaterThan(0);
			}
		}
	});

	it("appears on no page, and a tag only it carries does not exist yet", async () => {
		for (const path of ["/", "/tags/xa-hoi", "/authors/nguyen-thi-lan"]) {
			const page = await (await app.fetch(path)).text();
			expect(page).not.toContain(scheduled.title);
			expect(page).not.toContain("sap-ra-mat");
			expect(page).not.toContain("/articles/future");
		}
		for (const path of ["/articles/future", "/tags/sap-ra-mat", "/tags/sap-ra-mat/rss.xml"]) {
			const response = await app.fetch(path);
			expect(response.status, path).toBe(404);
			expect(maxAge(response), path).toBeLessThanOrEqual(REVEAL_IN_SECONDS);
		}
	});

	it("cuts max-age to the moment it appears, with no stale-while-revalidate past it", async () => {
		app.now = SYNCED_AT + 30_000;
		for (const format of FORMATS) {
			const response = await app.fetch(`/tags/xa-hoi/${FEED_PATHS[format]}`);
			expect(maxAge(response)).toBe(REVEAL_IN_SECONDS - 30);
			expect(response.headers.get("Cache-Control")).not.toContain("stale-while-revalidate");
		}
		// A scope the article is not in keeps the normal lifetime.
		const other = await app.fetch("/tags/doi-song/rss.xml");
		expect(maxAge(other)).toBe(300);
		expect(other.headers.get("Cache-Control")).toContain("stale-while-revalidate");
	});
});

describe("from its time on", () => {
	let etagBefore: string;

	beforeAll(async () => {
		app.now = REVEAL_AT - 1;
		etagBefore = (await app.fetch("/rss.xml")).headers.get("ETag") ?? "";
		// The view is now cached in isolate memory and the Cache API; neither may outlive the reveal.
		expect((await app.fetch("/rss.xml", { headers: { "If-None-Match": etagBefore } })).status).toBe(304);
		app.now = REVEAL_AT;
	});

	it("is not hidden by a copy another isolate cached before its time", async () => {
		// Runs first: the Cache API still holds the copy stored before the reveal, and a fresh app has no memory.
		const fresh = testApp(REVEAL_AT);
		expect(readFeed("rss", await (await fresh.fetch("/rss.xml")).text()).ids[0]).toBe(scheduled.guid);
	});

	it("is the newest item of every feed it belongs to, without another sync", async () => {
		for (const scope of ["", "/tags/xa-hoi", "/tags/sap-ra-mat", "/authors/nguyen-thi-lan"]) {
			for (const format of FORMATS) {
				const response = await app.fetch(`${scope}/${FEED_PATHS[format]}`);
				expect(response.status).toBe(200);
				expect(readFeed(format, await response.text()).ids[0]).toBe(scheduled.guid);
			}
		}
	});

	it("changes the validators: the ETag from a moment before no longer gets a 304", async () => {
		const response = await app.fetch("/rss.xml", { headers: { "If-None-Match": etagBefore } });
		expect(response.status).toBe(200);
		expect(response.headers.get("ETag")).not.toBe(etagBefore);
		expect(response.headers.get("Last-Modified")).toBe(new Date(REVEAL_AT).toUTCString());
	});

	it("appears on the pages, and its tag exists", async () => {
		expect(await (await app.fetch("/")).text()).toContain("/tags/sap-ra-mat");
		expect((await app.fetch("/articles/future")).status).toBe(200);
		expect((await app.fetch("/tags/sap-ra-mat")).status).toBe(200);
	});
});
