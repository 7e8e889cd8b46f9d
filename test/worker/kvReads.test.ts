// KV reads per request: a 304 or a cached 200 reads at most the small head value; only a render reads records.
import { beforeAll, expect, it } from "vitest";
import { HEAD_RECHECK_MS } from "../../src/store/kvFreshness.ts";
import { article, hanoiTime, tags } from "../support/articles.ts";
import { instrumentedKv } from "./support/instrumentedKv.ts";
import { publish } from "./support/publish.ts";
import { testApp } from "./support/testApp.ts";

const SYNCED_AT = Date.parse("2023-10-01T00:00:00Z");
const records = Array.from({ length: 60 }, (_, n) =>
	article(`k${n}`, hanoiTime(Date.parse("2023-09-01T00:00:00Z") + n * 3_600_000), { tags: [tags.xaHoi] }),
);

function counted(origin = "http://localhost", cache?: Cache) {
	const kv = instrumentedKv();
	const app = testApp(SYNCED_AT, { articles: () => kv.namespace, ...(cache ? { cache } : {}) });
	return { kv, fetch: (path: string, init?: RequestInit) => app.fetch(`${origin}${path}`, init), app };
}

beforeAll(async () => {
	await publish(records, SYNCED_AT);
});

it("a first render reads head, the manifest and the records it shows", async () => {
	const { kv, fetch } = counted();
	expect((await fetch("/tags/xa-hoi/rss.xml")).status).toBe(200);
	expect(kv.reads[0]).toBe("head");
	expect(kv.reads.filter((key) => key.startsWith("manifest:"))).toHaveLength(1);
	expect(kv.reads.filter((key) => key.startsWith("article:"))).toHaveLength(20);
});

it("a warm 304 reads nothing within the head re-check interval, and only head after it", async () => {
	const { kv, fetch, app } = counted();
	const etag = (await fetch("/atom.xml")).headers.get("ETag") ?? "";
	kv.reads.length = 0;
	expect((await fetch("/atom.xml", { headers: { "If-None-Match": etag } })).status).toBe(304);
	expect(kv.reads).toEqual([]);
	app.now += HEAD_RECHECK_MS;
	expect((await fetch("/atom.xml", { headers: { "If-None-Match": etag } })).status).toBe(304);
	expect(kv.reads).toEqual(["head"]);
});

it("a cached 200 in a fresh isolate reads only head: the body comes from the edge cache", async () => {
	await counted().fetch("/feed.json?limit=50");
	const { kv, fetch } = counted();
	const response = await fetch("/feed.json?limit=50");
	expect(response.status).toBe(200);
	expect(kv.reads).toEqual(["head"]);
});

it("a cached 200 under another Host reads only head: edge-cache keys are the site's, not the request's", async () => {
	const first = await (await counted().fetch("/tags/xa-hoi/atom.xml?limit=9")).text();
	const { kv, fetch } = counted("http://127.0.0.1:9999");
	const response = await fetch("/tags/xa-hoi/atom.xml?limit=9");
	expect(response.status).toBe(200);
	expect(await response.text()).toBe(first);
	expect(kv.reads).toEqual(["head"]);
});

it("a cold 304 (nothing cached) reads head, the manifest and the scope's shard and summary, and no record: nothing is rendered", async () => {
	const etag = (await counted().fetch("/tags/xa-hoi/feed.json?limit=7")).headers.get("ETag") ?? "";
	// An empty cache of its own, so this isolate finds no copy of the view.
	const { kv, fetch } = counted("http://localhost", await caches.open("kv-reads-cold"));
	const response = await fetch("/tags/xa-hoi/feed.json?limit=7", { headers: { "If-None-Match": etag } });
	expect(response.status).toBe(304);
	expect(kv.reads).toEqual([
		"head",
		expect.stringMatching(/^manifest:/),
		expect.stringMatching(/^scopes:/),
		expect.stringMatching(/^scope:/),
	]);
});

it("a cold site feed reads head, the manifest (which names the site's summary), that summary and its records: no shard", async () => {
	const { kv, fetch } = counted("http://localhost", await caches.open("kv-reads-cold-site"));
	expect((await fetch("/rss.xml?limit=5")).status).toBe(200);
	expect(kv.reads).toEqual([
		"head",
		expect.stringMatching(/^manifest:/),
		expect.stringMatching(/^scope:/),
		...Array.from({ length: 5 }, () => expect.stringMatching(/^article:/)),
	]);
});
