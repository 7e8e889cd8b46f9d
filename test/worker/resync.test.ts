// Re-syncing: validators and bodies change exactly for the feeds whose content changed, and deletions count.
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/domain/model.ts";
import { HEAD_RECHECK_MS } from "../../src/store/kvFreshness.ts";
import { collection } from "../support/articles.ts";
import { publish } from "./support/publish.ts";
import { FEED_PATHS, FORMATS, readFeed } from "./support/readFeed.ts";
import { type TestApp, testApp } from "./support/testApp.ts";

const FIRST_SYNC = Date.parse("2023-09-01T00:00:00Z");
const scopes = [
	"",
	"/tags/xa-hoi",
	"/tags/doi-song",
	"/tags/chinh-tri",
	"/authors/nguyen-thi-lan",
	"/authors/tran-van-minh",
];
const paths = scopes.flatMap((scope) => FORMATS.map((format) => `${scope}/${FEED_PATHS[format]}`));

interface Seen {
	etag: string;
	lastModified: string;
	body: string;
}

async function look(app: TestApp): Promise<Map<string, Seen>> {
	const seen = new Map<string, Seen>();
	for (const path of paths) {
		const response = await app.fetch(path);
		if (response.status === 200) {
			seen.set(path, {
				etag: response.headers.get("ETag") ?? "",
				lastModified: response.headers.get("Last-Modified") ?? "",
				body: await response.text(),
			});
		}
	}
	return seen;
}

/** Publishes `records` a day after the last sync and moves the app's clock past its head re-check. */
let syncs = 0;
async function resync(app: TestApp, records: ArticleRecord[]): Promise<void> {
	syncs++;
	const at = FIRST_SYNC + syncs * 86_400_000;
	await publish(records, at);
	app.now = at + HEAD_RECHECK_MS;
}

describe("a sync that changes one article", () => {
	const app = testApp(FIRST_SYNC);
	let before: Map<string, Seen>;
	let after: Map<string, Seen>;
	// a2 is in the whole collection, tag doi-song and author nguyen-thi-lan; not in xa-hoi, chinh-tri or tran-van-minh.
	const changed = new Set(["", "/tags/doi-song", "/authors/nguyen-thi-lan"]);

	beforeAll(async () => {
		await publish(collection(), FIRST_SYNC);
		before = await look(app);
		const edited = collection().map((record) =>
			record.id === "a2"
				? { ...record, title: "Đã sửa: công tác dân vận", updated: "2023-09-01T12:00:00+07:00" }
				: record,
		);
		await resync(app, edited);
		after = await look(app);
	});

	for (const scope of scopes) {
		const verdict = changed.has(scope) ? "changes" : "keeps";
		it(`${verdict} the ETag, Last-Modified and body of ${scope || "the whole collection"}'s feeds`, () => {
			for (const format of FORMATS) {
				const path = `${scope}/${FEED_PATHS[format]}`;
				const old = before.get(path);
				const now = after.get(path);
				if (!old || !now) throw new Error(`${path} was not served`);
				if (changed.has(scope)) {
					expect(now.etag, path).not.toBe(old.etag);
					expect(now.body, path).not.toBe(old.body);
					expect(readFeed(format, now.body).titles, path).toContain("Đã sửa: công tác dân vận");
					expect(now.lastModified).toBe("Fri, 01 Sep 2023 05:00:00 GMT");
				} else {
					expect(now.etag, path).toBe(old.etag);
					expect(now.lastModified, path).toBe(old.lastModified);
					expect(now.body, path).toBe(old.body);
				}
			}
		});
	}

	it("no longer answers the old ETag of a changed feed with 304, but still does for an unchanged one", async () => {
		for (const format of FORMATS) {
			const changedPath = `/tags/doi-song/${FEED_PATHS[format]}`;
			const stale = await app.fetch(changedPath, {
				headers: { "If-None-Match": before.get(changedPath)?.etag ?? "" },
			});
			expect(stale.status).toBe(200);
			expect(stale.headers.get("ETag")).toBe(after.get(changedPath)?.etag);
			const keptPath = `/tags/chinh-tri/${FEED_PATHS[format]}`;
			const kept = await app.fetch(keptPath, {
				headers: { "If-None-Match": before.get(keptPath)?.etag ?? "" },
			});
			expect(kept.status).toBe(304);
		}
	});
});

describe("a sync that removes an article", () => {
	const app = testApp(FIRST_SYNC);

	it("moves Last-Modified of the feeds that showed it, and 404s a tag left with no article", async () => {
		await resync(app, collection());
		const before = await look(app);
		await resync(
			app,
			collection().filter((record) => record.id !== "a1"),
		);
		const after = await look(app);
		const xaHoi = "/tags/xa-hoi/rss.xml";
		expect(after.get(xaHoi)?.etag).not.toBe(before.get(xaHoi)?.etag);
		// Nothing newer appeared: only the deletion moved the time, to when the sync saw it.
		expect(Date.parse(after.get(xaHoi)?.lastModified ?? "")).toBeGreaterThan(
			Date.parse(before.get(xaHoi)?.lastModified ?? ""),
		);
		expect(readFeed("rss", after.get(xaHoi)?.body ?? "").ids).toEqual([collection()[0]?.guid]);
		expect((await app.fetch("/tags/chinh-tri/rss.xml")).status).toBe(404);
		expect((await app.fetch("/articles/a1")).status).toBe(404);
		expect(after.get("/authors/tran-van-minh/rss.xml")?.etag).toBe(
			before.get("/authors/tran-van-minh/rss.xml")?.etag,
		);
	});
});
