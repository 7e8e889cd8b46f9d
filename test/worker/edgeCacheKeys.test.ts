// Edge-cache keys: one per view and published version, holding the normalised parameters and, for pages, the
// version of their inline style and script, and nothing else from the request's query.
import { beforeAll, describe, expect, it } from "vitest";
import { PAGE_BODY_VERSION } from "../../src/pages/pageLayout.ts";
import { BASE_URL, collection } from "../support/articles.ts";
import { publish } from "./support/publish.ts";
import { testApp } from "./support/testApp.ts";

const SYNCED_AT = Date.parse("2023-09-01T00:00:00Z");

/** The real default cache, noting the key of every write. */
function recordingCache(keys: string[]): Cache {
	return new Proxy(caches.default, {
		get(target, property) {
			if (property === "put")
				return (request: RequestInfo | URL, response: Response) => {
					keys.push(String(request instanceof Request ? request.url : request));
					return target.put(request, response);
				};
			const value = Reflect.get(target, property, target);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
}

beforeAll(async () => {
	await publish(collection(), SYNCED_AT);
});

describe("edge-cache keys", () => {
	it("hold a view's path, its normalised parameters and a page's body version", async () => {
		const cases = [
			["/rss.xml?utm_source=x", "/rss.xml"],
			["/tags/xa-hoi/atom.xml?limit=2&utm_source=x", "/tags/xa-hoi/atom.xml?limit=2"],
			["/feeds.opml?x=1", "/feeds.opml"],
			["/?x=1", `/?body=${PAGE_BODY_VERSION}`],
			["/tags/xa-hoi", `/tags/xa-hoi?body=${PAGE_BODY_VERSION}`],
		];
		for (const [request, key] of cases) {
			const keys: string[] = [];
			const response = await testApp(SYNCED_AT, { cache: recordingCache(keys) }).fetch(request ?? "");
			expect(response.status, request).toBe(200);
			await response.arrayBuffer();
			const paths = keys.map((url) => new URL(url)).map((url) => `${url.pathname}${url.search}`);
			// The versioned copy and the last good copy, both under the view's own key.
			expect(paths, request).toHaveLength(2);
			for (const path of paths) expect(path, request).toMatch(/^\/\.edgefeed\/[^/]+\/(v\/[^/]+|last-good)\//);
			for (const path of paths)
				expect(path.replace(/^\/\.edgefeed\/[^/]+\/(v\/[^/]+|last-good)/, ""), request).toBe(key);
		}
	});

	it("live on the site's origin, whatever Host the request carries", async () => {
		const path = "/authors/tran-van-minh/feed.json?limit=3";
		const keys: string[] = [];
		const first = await testApp(SYNCED_AT, { cache: recordingCache(keys) }).fetch(
			`http://127.0.0.1:9999${path}`,
		);
		expect(first.status).toBe(200);
		const body = await first.text();
		expect(keys).toHaveLength(2);
		for (const key of keys) expect(new URL(key).origin).toBe(new URL(BASE_URL).origin);
		// Another Host, another isolate: the copies just stored answer it, and nothing new is stored.
		const more: string[] = [];
		const other = await testApp(SYNCED_AT, { cache: recordingCache(more) }).fetch(
			`https://evil.example${path}`,
		);
		expect(await other.text()).toBe(body);
		expect(more).toEqual([]);
	});
});
