// KV reads per request: a 304 or a cached 200 reads at most the small head value; only a render reads records.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import type { Catalog, Head, Manifest } from "../../src/domain/model.ts";
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

it("a cold 304 (nothing cached) reads head, the manifest, the catalog and the scope's shard and summary, and no record: nothing is rendered", async () => {
	const etag = (await counted().fetch("/tags/xa-hoi/feed.json?limit=7")).headers.get("ETag") ?? "";
	// An empty cache of its own, so this isolate finds no copy of the view.
	const { kv, fetch } = counted("http://localhost", await caches.open("kv-reads-cold"));
	const response = await fetch("/tags/xa-hoi/feed.json?limit=7", { headers: { "If-None-Match": etag } });
	expect(response.status).toBe(304);
	expect(kv.reads).toEqual([
		"head",
		expect.stringMatching(/^manifest:/),
		expect.stringMatching(/^catalog:/),
		expect.stringMatching(/^scopes:/),
		expect.stringMatching(/^scope:/),
	]);
});

it("a cold site feed reads head, the manifest (which names the site's summary), that summary and its records: no catalog, no shard", async () => {
	const { kv, fetch } = counted("http://localhost", await caches.open("kv-reads-cold-site"));
	expect((await fetch("/rss.xml?limit=5")).status).toBe(200);
	expect(kv.reads).toEqual([
		"head",
		expect.stringMatching(/^manifest:/),
		expect.stringMatching(/^scope:/),
		...Array.from({ length: 5 }, () => expect.stringMatching(/^article:/)),
	]);
});

it("the site's three feeds never read the catalog; pages and OPML that list or look up read it once per isolate", async () => {
	const { kv, fetch } = counted("http://localhost", await caches.open("kv-reads-catalog"));
	for (const path of ["/rss.xml", "/atom.xml?limit=3", "/feed.json"])
		expect((await fetch(path)).status).toBe(200);
	expect(kv.reads.filter((key) => /^(catalog|scopes|slugs|dir):/.test(key))).toEqual([]);
	const index = await fetch("/");
	expect(index.status).toBe(200);
	expect(await index.text()).toContain(`>${tags.xaHoi.name}</a>`);
	const page = await fetch("/articles/k7");
	expect(page.status).toBe(200);
	expect(await page.text()).toContain(`<h1>${records[7]?.title}</h1>`);
	const opml = await fetch("/feeds.opml");
	expect(opml.status).toBe(200);
	expect(await opml.text()).toContain("/tags/xa-hoi/rss.xml");
	expect(kv.reads.filter((key) => key.startsWith("catalog:"))).toHaveLength(1);
});

it("a manifest written before catalogs, with the catalog's fields in itself, still serves every view", async () => {
	const head = (await env.ARTICLES.get("head", "json")) as Head;
	const { catalog, ...manifest } = (await env.ARTICLES.get(`manifest:${head.manifest}`, "json")) as Manifest;
	const inline = { ...manifest, ...((await env.ARTICLES.get(`catalog:${catalog}`, "json")) as Catalog) };
	const { kv, fetch } = counted("http://localhost", await caches.open("kv-reads-inline-catalog"));
	kv.override = { key: `manifest:${head.manifest}`, value: inline };
	for (const path of ["/rss.xml", "/tags/xa-hoi/atom.xml", "/articles/k7", "/", "/tags", "/feeds.opml"])
		expect((await fetch(path)).status, path).toBe(200);
	expect(kv.reads.filter((key) => key.startsWith("catalog:"))).toEqual([]);
});
