// WebSub discovery headers: every feed response (200, 304, HEAD; warm, from the Cache API, or rendered) carries
// Link rel="self" with the canonical feed URL, and rel="hub" when the site has a hub.
import { beforeEach, describe, expect, it } from "vitest";
import { BASE_URL, collection, site } from "../support/articles.ts";
import { clearKv, publish } from "./support/publish.ts";
import { testApp } from "./support/testApp.ts";

const NOW = Date.parse("2023-09-01T00:00:00Z");
const HUB = "https://hub.example.org/";
const FEEDS = ["/rss.xml", "/atom.xml", "/feed.json"].flatMap((file) => [
	file,
	`/tags/xa-hoi${file}`,
	`/authors/nguyen-thi-lan${file}`,
]);

/** The Link header as rel -> URL (RFC 8288 link-values separated by commas). */
function links(response: Response): Record<string, string> {
	const value = response.headers.get("Link");
	if (value === null) return {};
	const out: Record<string, string> = {};
	for (const [, url, rel] of value.matchAll(/<([^>]*)>\s*;\s*rel="([^"]*)"/g))
		out[rel as string] = url as string;
	return out;
}

async function allResponseKinds(path: string): Promise<Record<string, Response>> {
	const app = testApp(NOW);
	const rendered = await app.fetch(path);
	const etag = rendered.headers.get("ETag") ?? "";
	return {
		rendered,
		warm: await app.fetch(path),
		head: await app.fetch(path, { method: "HEAD" }),
		notModified: await app.fetch(path, { headers: { "If-None-Match": etag } }),
		// A new isolate: the copy comes back from the Cache API, with its headers.
		fromCacheApi: await testApp(NOW).fetch(path),
		notModifiedFromCacheApi: await testApp(NOW).fetch(path, { headers: { "If-None-Match": etag } }),
	};
}

describe("with a hub", () => {
	beforeEach(async () => {
		await clearKv();
		await publish(collection(), NOW, { ...site, hub: HUB });
	});

	it.each(FEEDS)("%s: rel=hub and the canonical rel=self on 200, HEAD and 304", async (path) => {
		for (const [kind, response] of Object.entries(await allResponseKinds(path))) {
			expect([kind, response.status]).toEqual([kind, kind.startsWith("notModified") ? 304 : 200]);
			expect([kind, links(response)]).toEqual([kind, { hub: HUB, self: `${BASE_URL}${path}` }]);
		}
	});

	it("names the canonical URL, never the request's host or query", async () => {
		const app = testApp(NOW);
		const response = await app.fetch("http://feeds.other.example/tags/xa-hoi/atom.xml?limit=1&utm_source=x");
		expect(links(response)).toEqual({ hub: HUB, self: `${BASE_URL}/tags/xa-hoi/atom.xml` });
	});

	it("is the same self URL the feed body names", async () => {
		const body = JSON.parse(await (await testApp(NOW).fetch("/feed.json")).text());
		expect(body.feed_url).toBe(`${BASE_URL}/feed.json`);
		expect(body.hubs).toEqual([{ type: "WebSub", url: HUB }]);
	});

	it("is not sent with pages, 404s or 400s", async () => {
		const app = testApp(NOW);
		for (const path of ["/", "/tags/xa-hoi", "/tags/khong-co/rss.xml", "/rss.xml?limit=0"])
			expect([path, (await app.fetch(path)).headers.get("Link")]).toEqual([path, null]);
	});
});

describe("without a hub", () => {
	beforeEach(async () => {
		await clearKv();
		await publish(collection(), NOW, site);
	});

	it.each(FEEDS)("%s: only rel=self, on 200, HEAD and 304", async (path) => {
		for (const [kind, response] of Object.entries(await allResponseKinds(path))) {
			expect([kind, links(response)]).toEqual([kind, { self: `${BASE_URL}${path}` }]);
		}
	});
});
