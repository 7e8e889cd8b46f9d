// CORS: any origin may read feeds and their validators; preflight OPTIONS is answered.
import { beforeAll, expect, it } from "vitest";
import { collection } from "../support/articles.ts";
import { fetchWorker } from "./support/fetchWorker.ts";
import { publish } from "./support/publish.ts";

const ORIGIN = "https://reader.example";

const exposed = (response: Response) =>
	(response.headers.get("Access-Control-Expose-Headers") ?? "")
		.split(",")
		.map((name) => name.trim().toLowerCase());

beforeAll(async () => {
	await publish(collection(), Date.parse("2023-09-01T00:00:00Z"));
});

it("feeds allow any origin and expose ETag, Last-Modified and Link, on 200 and 304", async () => {
	const full = await fetchWorker("/tags/xa-hoi/atom.xml", { headers: { Origin: ORIGIN } });
	const revalidated = await fetchWorker("/tags/xa-hoi/atom.xml", {
		headers: { Origin: ORIGIN, "If-None-Match": full.headers.get("ETag") ?? "" },
	});
	expect(revalidated.status).toBe(304);
	for (const response of [full, revalidated]) {
		expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
		expect(exposed(response)).toEqual(expect.arrayContaining(["etag", "last-modified", "link"]));
	}
});

it("answers a preflight OPTIONS with 204, the allowed methods and no body", async () => {
	const response = await fetchWorker("/feed.json", {
		method: "OPTIONS",
		headers: {
			Origin: ORIGIN,
			"Access-Control-Request-Method": "GET",
			"Access-Control-Request-Headers": "If-None-Match",
		},
	});
	expect(response.status).toBe(204);
	expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
	const methods = (response.headers.get("Access-Control-Allow-Methods") ?? "")
		.split(",")
		.map((name) => name.trim());
	expect(methods).toEqual(expect.arrayContaining(["GET", "HEAD"]));
	expect(response.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("if-none-match");
	expect(await response.text()).toBe("");
});

it("answers a plain OPTIONS too", async () => {
	expect((await fetchWorker("/rss.xml", { method: "OPTIONS" })).status).toBe(204);
});

it("sends CORS headers on errors, so a browser can read why", async () => {
	for (const path of ["/rss.xml?limit=abc", "/tags/khong-co/rss.xml"]) {
		expect(
			(await fetchWorker(path, { headers: { Origin: ORIGIN } })).headers.get("Access-Control-Allow-Origin"),
		).toBe("*");
	}
});
