// Freshness: Cache-Control on every feed agrees with RSS <ttl>, and allows stale copies while revalidating or on error.
import { beforeAll, expect, it } from "vitest";
import { collection } from "../support/articles.ts";
import { fetchWorker } from "./support/fetchWorker.ts";
import { publish } from "./support/publish.ts";
import { FEED_PATHS, FORMATS, rssTtl } from "./support/readFeed.ts";

/** Cache-Control directives as name -> value ("" for valueless ones). */
function directives(header: string | null): Map<string, string> {
	return new Map(
		(header ?? "").split(",").map((part) => {
			const [name = "", value = ""] = part.trim().split("=");
			return [name.toLowerCase(), value];
		}),
	);
}

beforeAll(async () => {
	await publish(collection(), Date.parse("2023-09-01T00:00:00Z"));
});

it("every feed is public with max-age, stale-while-revalidate and stale-if-error", async () => {
	for (const scope of ["", "/tags/xa-hoi", "/authors/tran-van-minh"]) {
		for (const format of FORMATS) {
			const cacheControl = directives(
				(await fetchWorker(`${scope}/${FEED_PATHS[format]}`)).headers.get("Cache-Control"),
			);
			expect(cacheControl.has("public")).toBe(true);
			for (const name of ["max-age", "stale-while-revalidate", "stale-if-error"]) {
				expect(Number(cacheControl.get(name)), name).toBeGreaterThan(0);
			}
		}
	}
});

it("max-age equals RSS <ttl> in seconds, and is the same for all three formats", async () => {
	const rss = await fetchWorker("/rss.xml");
	const maxAge = Number(directives(rss.headers.get("Cache-Control")).get("max-age"));
	expect(rssTtl(await rss.text()) * 60).toBe(maxAge);
	for (const format of FORMATS) {
		const response = await fetchWorker(`/tags/doi-song/${FEED_PATHS[format]}`);
		expect(Number(directives(response.headers.get("Cache-Control")).get("max-age"))).toBe(maxAge);
	}
});

it("a 304 repeats the 200's Cache-Control, so a revalidated copy is fresh for as long again", async () => {
	const full = await fetchWorker("/feed.json");
	const revalidated = await fetchWorker("/feed.json", {
		headers: { "If-None-Match": full.headers.get("ETag") ?? "" },
	});
	expect(revalidated.status).toBe(304);
	expect(revalidated.headers.get("Cache-Control")).toBe(full.headers.get("Cache-Control"));
});

it("bad requests are never stored; not-found answers only briefly", async () => {
	expect((await fetchWorker("/rss.xml?limit=0")).headers.get("Cache-Control")).toBe("no-store");
	const notFound = directives((await fetchWorker("/tags/khong-co/rss.xml")).headers.get("Cache-Control"));
	expect(Number(notFound.get("max-age"))).toBeLessThanOrEqual(60);
});
