// An HTTP check of every feed a running server offers (site, tag and author feeds), from outside, as an
// aggregator sees it: status, media type and charset, validators, conditional GET in all its forms, HEAD,
// Cache-Control, CORS, 404s and exact 400s, and never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "./localServer.ts";
import { anchorHrefs } from "./readHtml.ts";

const FEED_FILE = /\/(rss\.xml|atom\.xml|feed\.json)$/;
const MEDIA_TYPES: Record<string, string> = {
	"rss.xml": "application/rss+xml; charset=utf-8",
	"atom.xml": "application/atom+xml; charset=utf-8",
	"feed.json": "application/feed+json; charset=utf-8",
};

let server: LocalServer;
let feedPaths: string[] = [];
const statuses: number[] = [];

async function request(path: string, init?: RequestInit): Promise<Response> {
	const response = await fetch(`${server.origin}${path}`, init);
	statuses.push(response.status);
	return response;
}

beforeAll(async () => {
	server = await startLocalServer("test/fixtures/content/hostile");
	const index = await (await request("/")).text();
	const paths = new Set(["/rss.xml", "/atom.xml", "/feed.json"]);
	for (const href of anchorHrefs(index)) {
		const path = new URL(href, "http://localhost:8787/").pathname;
		if (FEED_FILE.test(path)) paths.add(path);
	}
	feedPaths = [...paths];
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

describe("HTTP check of every feed", () => {
	it("finds the tag and author feeds", () => {
		expect(feedPaths.some((path) => path.startsWith("/tags/"))).toBe(true);
		expect(feedPaths.some((path) => path.startsWith("/authors/"))).toBe(true);
	});

	it("answers each feed with its media type, validators, freshness and CORS", async () => {
		for (const path of feedPaths) {
			const response = await request(path);
			const body = await response.arrayBuffer();
			expect(response.status, path).toBe(200);
			expect(response.headers.get("content-type"), path).toBe(MEDIA_TYPES[path.split("/").pop() ?? ""]);
			expect(response.headers.get("etag"), path).toMatch(/^"[^"]+"$/);
			const lastModified = response.headers.get("last-modified") ?? "";
			expect(new Date(lastModified).toUTCString(), path).toBe(lastModified);
			const cacheControl = response.headers.get("cache-control") ?? "";
			expect(cacheControl, path).toMatch(/^public, max-age=\d+/);
			expect(cacheControl, path).toMatch(/stale-if-error=\d+/);
			expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
			expect(response.headers.get("access-control-expose-headers"), path).toMatch(/ETag.*Last-Modified/);
			expect(body.byteLength, path).toBeGreaterThan(0);
		}
	});

	it("gives HEAD exactly GET's headers and no body", async () => {
		// Identity encoding on both: the local runtime gzips a GET for a client that accepts it (at the edge,
		// Cloudflare does), which would make the comparison about transport, not about the Worker's headers.
		const identity = { "Accept-Encoding": "identity" };
		const transport = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);
		const headers = (response: Response) => [...response.headers].filter(([name]) => !transport.has(name));
		for (const path of feedPaths) {
			const get = await request(path, { headers: identity });
			const body = await get.arrayBuffer();
			const head = await request(path, { method: "HEAD", headers: identity });
			expect(await head.text(), path).toBe("");
			expect(headers(head), path).toEqual(headers(get));
			expect(Number(head.headers.get("content-length")), path).toBe(body.byteLength);
		}
	});

	it("answers every form of conditional GET with 304, and a changed validator with 200", async () => {
		for (const path of feedPaths) {
			const first = await request(path);
			await first.arrayBuffer();
			const etag = first.headers.get("etag") ?? "";
			const lastModified = first.headers.get("last-modified") ?? "";
			const forms: Record<string, string>[] = [
				{ "If-None-Match": etag },
				{ "If-None-Match": `W/${etag}` },
				{ "If-None-Match": `"other", ${etag}` },
				{ "If-None-Match": "*" },
				{ "If-Modified-Since": lastModified },
				{ "If-None-Match": etag, "If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT" },
			];
			for (const headers of forms) {
				const response = await request(path, { headers });
				expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(304);
				expect(await response.text()).toBe("");
				for (const name of ["etag", "last-modified", "cache-control", "vary"])
					expect(response.headers.get(name), `${path} 304 ${name}`).not.toBeNull();
			}
			const changed: Record<string, string>[] = [
				{ "If-None-Match": '"not-this-one"' },
				{ "If-None-Match": '"not-this-one"', "If-Modified-Since": lastModified },
				{ "If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT" },
			];
			for (const headers of changed) {
				const response = await request(path, { headers });
				await response.arrayBuffer();
				expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(200);
			}
			const nonsense = await request(path, { headers: { "If-Modified-Since": "yesterday-ish" } });
			await nonsense.arrayBuffer();
			expect(nonsense.status, `${path} nonsense date`).toBe(200);
		}
	});

	it("answers OPTIONS with 204 and the allowed methods", async () => {
		const response = await request("/rss.xml", {
			method: "OPTIONS",
			headers: { Origin: "https://reader.example", "Access-Control-Request-Method": "GET" },
		});
		expect(response.status).toBe(204);
		expect(response.headers.get("access-control-allow-origin")).toBe("*");
		expect(response.headers.get("access-control-allow-methods")).toMatch(/GET/);
	});

	it("answers unknown paths, tags and authors with 404", async () => {
		for (const path of [
			"/nope",
			"/tags/khong-co/rss.xml",
			"/authors/khong-co/feed.json",
			"/articles/khong-co",
		]) {
			const response = await request(path);
			await response.arrayBuffer();
			expect(response.status, path).toBe(404);
		}
	});

	it("answers each bad parameter with a 400 that says what is accepted", async () => {
		for (const query of ["limit=0", "limit=abc", "limit=1000", "limit=1.5", "since=yesterday"]) {
			const response = await request(`/atom.xml?${query}`);
			expect(response.status, query).toBe(400);
			expect(await response.text(), query).toMatch(query.startsWith("limit") ? /1 (to|and) 100/ : /RFC 3339/);
		}
		const ignored = await request("/atom.xml?utm_source=x&limit=2");
		await ignored.arrayBuffer();
		expect(ignored.status).toBe(200);
	});

	it("never answered with a 5xx", () => {
		expect(statuses.length).toBeGreaterThan(50);
		expect(statuses.filter((status) => status >= 500)).toEqual([]);
	});
});
