// The Cache API only saves work: when it fails, feeds are rendered from KV and answered as usual, never a 5xx.
import { beforeAll, describe, expect, it } from "vitest";
import { collection } from "../support/articles.ts";
import { expectedErrors } from "../support/expectedErrors.ts";
import { parseXmlStrict } from "../support/xmlTree.ts";
import { publish } from "./support/publish.ts";
import { testApp } from "./support/testApp.ts";

const SYNCED_AT = Date.parse("2023-09-01T00:00:00Z");

/** The real default cache, with reads and writes that fail the way a failing cache service would. */
function failingCache(): Cache {
	const fail = () => Promise.reject(new Error("simulated Cache API failure"));
	return new Proxy(caches.default, {
		get(target, property) {
			if (property === "match" || property === "put") return fail;
			return Reflect.get(target, property, target);
		},
	});
}

beforeAll(async () => {
	await publish(collection(), SYNCED_AT);
});

describe("when the Cache API fails", () => {
	it("renders from KV with the same bytes and validators a healthy edge gives", async () => {
		const errors = expectedErrors();
		const healthy = await testApp(SYNCED_AT).fetch("/rss.xml");
		const broken = testApp(SYNCED_AT, { cache: failingCache() });
		for (let i = 0; i < 2; i++) {
			const response = await broken.fetch("/rss.xml");
			expect(response.status).toBe(200);
			expect(response.headers.get("ETag")).toBe(healthy.headers.get("ETag"));
			const body = await response.text();
			parseXmlStrict(body);
			expect(body).toBe(await healthy.clone().text());
		}
		errors.expectOnly(/^edgefeed: edge cache read failed: Error: simulated Cache API failure$/);
	});

	it("still answers a revalidation with 304", async () => {
		const errors = expectedErrors();
		const first = await testApp(SYNCED_AT, { cache: failingCache() }).fetch("/tags/xa-hoi/feed.json");
		const etag = first.headers.get("ETag") ?? "";
		const again = await testApp(SYNCED_AT, { cache: failingCache() }).fetch("/tags/xa-hoi/feed.json", {
			headers: { "If-None-Match": etag },
		});
		expect(again.status).toBe(304);
		errors.expectOnly(/^edgefeed: edge cache read failed: Error: simulated Cache API failure$/);
	});
});
