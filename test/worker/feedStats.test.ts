// Subscriber counts end to end: real User-Agents through the real Worker into the real FEED_STATS object in workerd.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { FeedStats } from "../../src/stats/feedStatsObject.ts";
import type { PollBatch } from "../../src/stats/pollBatch.ts";
import { feedStatsStores, type StatsStore } from "../../src/stats/statsStore.ts";
import type { StatsSummary } from "../../src/stats/statsSummary.ts";
import { dayDate, utcDay } from "../../src/stats/utcDay.ts";
import { AGGREGATORS, CRAWLERS, READERS } from "../stats/userAgentSamples.ts";
import { collection } from "../support/articles.ts";
import { expectedErrors } from "../support/expectedErrors.ts";
import { publish } from "./support/publish.ts";
import { type TestApp, testApp } from "./support/testApp.ts";

const SYNCED_AT = Date.parse("2023-09-01T00:00:00Z");
const TOKEN = "test-stats-token";
const DAY = 86_400_000;
// Stats days are real UTC days: the object's retention runs on its own clock.
const TODAY = utcDay(Date.now());
const noonOf = (day: number) => day * DAY + DAY / 2;

const ADDRESS = { a: "203.0.113.7", b: "198.51.100.23", c: "2001:db8::42", d: "192.0.2.200" };

function statsApp(now: number, options: Parameters<typeof testApp>[1] = {}): TestApp {
	return testApp(
		now,
		{ stats: feedStatsStores(), statsBatching: { flushIntervalMs: 0 }, ...options },
		{ STATS_TOKEN: TOKEN },
	);
}

function poll(app: TestApp, path: string, userAgent: string, address = "192.0.2.1", init: RequestInit = {}) {
	return app.fetch(path, {
		...init,
		headers: { "User-Agent": userAgent, "CF-Connecting-IP": address, ...init.headers },
	});
}

async function summary(app: TestApp): Promise<StatsSummary> {
	const response = await app.fetch("/stats.json", { headers: { Authorization: `Bearer ${TOKEN}` } });
	expect(response.status).toBe(200);
	return response.json();
}

beforeAll(async () => {
	await publish(collection(), SYNCED_AT);
});

describe("the estimate per feed and day", () => {
	let result: StatsSummary;

	beforeAll(async () => {
		const yesterday = statsApp(noonOf(TODAY - 1));
		const first = await poll(yesterday, "/rss.xml", AGGREGATORS.feedly);
		const etag = first.headers.get("ETag") ?? "";
		// Feedly polls twice with different counts: its highest counts, once.
		await poll(yesterday, "/rss.xml", AGGREGATORS.feedly.replace("462", "460"), ADDRESS.b, {
			headers: { "If-None-Match": etag },
		});
		await poll(yesterday, "/rss.xml", AGGREGATORS.feedbin); // feed-id 1697787: 102
		await poll(yesterday, "/rss.xml", "Feedbin feed-id:42 - 5 subscribers"); // another Feedbin feed, same URL
		await poll(yesterday, "/rss.xml", AGGREGATORS.newsblur); // 27
		for (let i = 0; i < 3; i++) await poll(yesterday, "/rss.xml", CRAWLERS.googlebot);
		await poll(yesterday, "/rss.xml", CRAWLERS.w3cLinkChecker);
		// Three direct pollers: A and C with NetNewsWire, B with Miniflux (twice, once revalidating).
		await poll(yesterday, "/rss.xml", READERS.netNewsWire, ADDRESS.a);
		await poll(yesterday, "/rss.xml", READERS.netNewsWire, ADDRESS.a, { headers: { "If-None-Match": etag } });
		await poll(yesterday, "/rss.xml", READERS.miniflux, ADDRESS.b);
		await poll(yesterday, "/rss.xml?limit=2", READERS.miniflux, ADDRESS.b);
		await poll(yesterday, "/rss.xml", READERS.netNewsWire, ADDRESS.c);
		// A tag feed: Inoreader 114, The Old Reader 1, one Thunderbird.
		await poll(yesterday, "/tags/xa-hoi/atom.xml", AGGREGATORS.inoreader);
		await poll(yesterday, "/tags/xa-hoi/atom.xml", AGGREGATORS.oldReader);
		await poll(yesterday, "/tags/xa-hoi/atom.xml", READERS.thunderbird, ADDRESS.a);
		// HEAD counts as a poll; pages, 404s and 400s are not feed polls.
		await poll(yesterday, "/authors/tran-van-minh/feed.json", READERS.freshRss, ADDRESS.d, {
			method: "HEAD",
		});
		await poll(yesterday, "/", AGGREGATORS.feedly);
		await poll(yesterday, "/tags/khong-co/rss.xml", AGGREGATORS.feedly);
		await poll(yesterday, "/atom.xml?limit=0", AGGREGATORS.feedly);

		const today = statsApp(noonOf(TODAY));
		await poll(today, "/rss.xml", AGGREGATORS.feedly.replace("462", "470"));
		await poll(today, "/rss.xml", READERS.netNewsWire, ADDRESS.a);
		await poll(today, "/rss.xml", CRAWLERS.googlebot, ADDRESS.c);
		result = await summary(today);
	});

	it("sums each service's highest count (per feed id) and the distinct direct pollers", () => {
		const rss = result.feeds.find((feed) => feed.path === "/rss.xml");
		const day = (date: string) => rss?.daily.find((entry) => entry.date === date)?.estimate;
		expect(day(dayDate(TODAY - 1))).toBe(462 + 102 + 5 + 27 + 3);
		expect(rss?.today).toBe(470 + 1);
		expect(rss?.average7).toBe((599 + 471) / 2);
		const sources = Object.fromEntries(rss?.sources.map((source) => [source.name, source]) ?? []);
		expect(sources.Feedly).toMatchObject({ today: 470, average7: 466 });
		expect(sources.Feedbin).toMatchObject({ today: 0, average7: 53.5 });
		expect(sources["direct pollers"]).toMatchObject({ today: 1, average7: 2 });
		expect(Object.keys(sources)).not.toContain("Googlebot");
	});

	it("counts every feed on its own, tag and author feeds and HEAD included, and nothing else", () => {
		const yesterdayOf = (path: string) =>
			result.feeds.find((feed) => feed.path === path)?.daily.find((d) => d.date === dayDate(TODAY - 1))
				?.estimate;
		expect(yesterdayOf("/tags/xa-hoi/atom.xml")).toBe(114 + 1 + 1);
		expect(yesterdayOf("/authors/tran-van-minh/feed.json")).toBe(1);
		expect(result.feeds.map((feed) => feed.path).sort()).toEqual([
			"/authors/tran-van-minh/feed.json",
			"/rss.xml",
			"/tags/xa-hoi/atom.xml",
		]);
	});

	it("counts crawler requests apart, never as readers", () => {
		const rss = result.feeds.find((feed) => feed.path === "/rss.xml");
		expect(rss?.requestsToday).toBe(3);
		expect(rss?.crawlerRequestsToday).toBe(1);
		expect(rss?.today).toBe(471);
	});

	it("stores no address and no User-Agent, only keyed hashes", async () => {
		const stub = env.FEED_STATS.get(env.FEED_STATS.idFromName("feed-stats"));
		const cells = await runInDurableObject(stub, (_instance, state) =>
			["feed_requests", "service_reports", "pollers"].flatMap((table) =>
				state.storage.sql
					.exec(`SELECT * FROM ${table}`)
					.toArray()
					.flatMap((row) => Object.values(row).map(String)),
			),
		);
		expect(cells.length).toBeGreaterThan(0);
		for (const value of [...Object.values(ADDRESS), READERS.netNewsWire, READERS.miniflux, "NetNewsWire"])
			expect(cells.some((cell) => cell.includes(value))).toBe(false);
	});
});

describe("retention", () => {
	it("deletes counts older than 400 days and day keys older than yesterday", async () => {
		const stub = env.FEED_STATS.get(env.FEED_STATS.idFromName("retention")) as DurableObjectStub<FeedStats>;
		const batch = (day: number): PollBatch => ({
			requests: [{ day, scope: "", format: "rss", readers: 1, crawlers: 0 }],
			reports: [],
			pollers: [{ day, scope: "", format: "rss", address: ADDRESS.a, userAgent: READERS.miniflux }],
		});
		for (const day of [TODAY - 400, TODAY - 399, TODAY - 2, TODAY - 1, TODAY]) await stub.record(batch(day));
		await stub.prune(TODAY);
		const left = await runInDurableObject(stub, (_instance, state) => ({
			days: state.storage.sql
				.exec<{ day: number }>("SELECT DISTINCT day FROM pollers ORDER BY day")
				.toArray()
				.map((row) => row.day),
			keys: state.storage.sql
				.exec<{ day: number }>("SELECT day FROM day_keys ORDER BY day")
				.toArray()
				.map((row) => row.day),
		}));
		expect(left.days).toEqual([TODAY - 399, TODAY - 2, TODAY - 1, TODAY]);
		expect(left.keys).toEqual([TODAY - 1, TODAY]);
	});

	it("prunes from a daily alarm that recording sets", async () => {
		const stub = env.FEED_STATS.get(env.FEED_STATS.idFromName("alarm")) as DurableObjectStub<FeedStats>;
		await stub.record({
			requests: [{ day: TODAY - 500, scope: "", format: "atom", readers: 1, crawlers: 0 }],
			reports: [],
			pollers: [],
		});
		const alarm = await runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
		expect(alarm).toBeGreaterThan(Date.now());
		expect(await runDurableObjectAlarm(stub)).toBe(true);
		const after = await runInDurableObject(stub, async (_instance, state) => ({
			rows: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM feed_requests").one().n,
			nextAlarm: await state.storage.getAlarm(),
		}));
		expect(after.rows).toBe(0);
		// The next day's alarm is set again.
		expect(after.nextAlarm).toBeGreaterThan(Date.now());
	});
});

describe("a failing or slow stats store", () => {
	const failing: StatsStore = {
		record: () => Promise.reject(new Error("stats store unavailable")),
		report: () => Promise.reject(new Error("stats store unavailable")),
	};
	const hanging: StatsStore = { record: () => new Promise(() => {}), report: () => new Promise(() => {}) };

	async function answers(app: TestApp) {
		const seen = [];
		const first = await poll(app, "/tags/xa-hoi/rss.xml", READERS.miniflux);
		const etag = first.headers.get("ETag") ?? "";
		for (const [path, init] of [
			["/tags/xa-hoi/rss.xml", {}],
			["/tags/xa-hoi/rss.xml", { headers: { "If-None-Match": etag } }],
			["/feed.json?limit=1", { method: "HEAD" }],
			["/atom.xml", {}],
		] as const) {
			const response = await poll(app, path, AGGREGATORS.feedly, ADDRESS.a, init);
			seen.push({ status: response.status, headers: [...response.headers], body: await response.text() });
		}
		return seen;
	}

	it("changes nothing a feed reader sees", async () => {
		const errors: unknown[] = [];
		const off = await answers(testApp(noonOf(TODAY)));
		const broken = await answers(
			statsApp(noonOf(TODAY), {
				stats: () => failing,
				statsBatching: { flushIntervalMs: 0, onError: (e) => errors.push(e) },
			}),
		);
		const slow = await answers(
			statsApp(noonOf(TODAY), {
				stats: () => hanging,
				statsBatching: { flushIntervalMs: 0, writeTimeoutMs: 1, onError: (e) => errors.push(e) },
			}),
		);
		expect(broken).toEqual(off);
		expect(slow).toEqual(off);
		expect(off.map((answer) => answer.status)).toEqual([200, 304, 200, 200]);
		// Every batch was reported lost, one at a time.
		expect(errors.length).toBeGreaterThan(0);
	});

	it("makes /stats and /stats.json a 503 to retry, never a 500", async () => {
		const errors = expectedErrors();
		const app = statsApp(noonOf(TODAY), { stats: () => failing });
		for (const path of ["/stats", "/stats.json"]) {
			const response = await app.fetch(path, { headers: { Authorization: `Bearer ${TOKEN}` } });
			expect(response.status).toBe(503);
			expect(response.headers.get("Retry-After")).not.toBeNull();
			expect(response.headers.get("Cache-Control")).toBe("no-store");
		}
		errors.expectOnly(/stats store unavailable/);
	});
});

describe("/stats and /stats.json access", () => {
	it("answers 404 when no token is configured", async () => {
		const app = testApp(noonOf(TODAY), { stats: feedStatsStores() }, { STATS_TOKEN: "" });
		for (const path of ["/stats", "/stats.json", `/stats?token=${TOKEN}`])
			expect((await app.fetch(path)).status).toBe(404);
	});

	it("answers 401 revealing nothing without the right token", async () => {
		const app = statsApp(noonOf(TODAY));
		for (const init of [
			{},
			{ headers: { Authorization: "Bearer wrong" } },
			{ headers: { Authorization: TOKEN } },
		]) {
			for (const path of ["/stats", "/stats.json", "/stats?token=wrong"]) {
				const response = await app.fetch(path, init);
				expect(response.status).toBe(401);
				expect(response.headers.get("Cache-Control")).toBe("no-store");
				expect(await response.text()).toBe("Unauthorized.\n");
			}
		}
	});

	it("serves the page with the token as a bearer header or ?token=, private and script-free", async () => {
		const app = statsApp(noonOf(TODAY));
		await poll(app, "/rss.xml", AGGREGATORS.feedly);
		for (const [path, init] of [
			["/stats", { headers: { Authorization: `Bearer ${TOKEN}` } }],
			[`/stats?token=${TOKEN}`, {}],
		] as const) {
			const response = await app.fetch(path, init);
			expect(response.status).toBe(200);
			expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
			expect(response.headers.get("Content-Security-Policy")).toMatch(/default-src 'none'/);
			expect(response.headers.get("Content-Security-Policy")).toMatch(/img-src https: http:;/);
			expect(response.headers.get("Cache-Control")).toBe("no-store");
			expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
			const page = await response.text();
			expect(page).toContain("<h2>/rss.xml</h2>");
			expect(page).toMatch(/<svg [^>]*role="img"/);
			expect(page).not.toMatch(/<script/i);
		}
	});
});
