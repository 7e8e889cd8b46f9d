// Conditional GET on feeds: strong ETag and Last-Modified, If-None-Match in every form, If-Modified-Since, HEAD.
import { beforeAll, describe, expect, it } from "vitest";
import { article, collection, tags } from "../support/articles.ts";
import { fetchWorker } from "./support/fetchWorker.ts";
import { publish } from "./support/publish.ts";

// The newest change in the whole collection: an update with a fractional second, to test 1-second precision.
const NEWEST_UPDATE = "2023-08-19T10:30:00.700+07:00";
const NEWEST_UPDATE_HTTP = "Sat, 19 Aug 2023 03:30:00 GMT";

let etag: string;

beforeAll(async () => {
	const records = [
		...collection(),
		article("a0", "2023-08-10T09:00:00+07:00", { tags: [tags.chinhTri], updated: NEWEST_UPDATE }),
	];
	await publish(records, Date.parse("2023-09-01T00:00:00Z"));
	etag = (await fetchWorker("/rss.xml")).headers.get("ETag") ?? "";
});

const expectNotModified = async (response: Response) => {
	expect(response.status).toBe(304);
	expect(await response.text()).toBe("");
};

describe("validators", () => {
	it("sends a strong ETag and Last-Modified = the newest change the feed shows", async () => {
		const response = await fetchWorker("/rss.xml");
		expect(response.headers.get("ETag")).toMatch(/^"[^"]+"$/);
		expect(response.headers.get("Last-Modified")).toBe(NEWEST_UPDATE_HTTP);
	});

	it("gives each view its own ETag: formats, scopes and parameters differ", async () => {
		const paths = ["/rss.xml", "/atom.xml", "/feed.json", "/tags/xa-hoi/rss.xml", "/rss.xml?limit=2", "/"];
		const etags = await Promise.all(paths.map(async (path) => (await fetchWorker(path)).headers.get("ETag")));
		expect(new Set(etags).size).toBe(paths.length);
	});

	it("keeps the ETag stable across requests", async () => {
		expect((await fetchWorker("/rss.xml")).headers.get("ETag")).toBe(etag);
	});
});

describe("If-None-Match", () => {
	it("answers 304 for the current ETag", async () => {
		await expectNotModified(await fetchWorker("/rss.xml", { headers: { "If-None-Match": etag } }));
	});

	it("answers 304 for a weakened copy (W/) of the ETag", async () => {
		await expectNotModified(await fetchWorker("/rss.xml", { headers: { "If-None-Match": `W/${etag}` } }));
	});

	it("answers 304 when the ETag is anywhere in a list", async () => {
		await expectNotModified(
			await fetchWorker("/rss.xml", { headers: { "If-None-Match": `"older", W/"other", ${etag}` } }),
		);
		await expectNotModified(
			await fetchWorker("/rss.xml", { headers: { "If-None-Match": `W/"older",W/${etag}` } }),
		);
	});

	it("answers 304 for *", async () => {
		await expectNotModified(await fetchWorker("/rss.xml", { headers: { "If-None-Match": "*" } }));
	});

	it("answers 200 with the body when no tag in the list matches", async () => {
		const response = await fetchWorker("/rss.xml", { headers: { "If-None-Match": `"older", W/"other"` } });
		expect(response.status).toBe(200);
		expect((await response.text()).length).toBeGreaterThan(0);
	});

	it("does not match an ETag that is a prefix, an unquoted copy or another view's", async () => {
		const atom = (await fetchWorker("/atom.xml")).headers.get("ETag") ?? "";
		for (const value of [etag.slice(0, -2), etag.replaceAll('"', ""), atom]) {
			expect((await fetchWorker("/rss.xml", { headers: { "If-None-Match": value } })).status).toBe(200);
		}
	});

	it("takes precedence over If-Modified-Since, both ways", async () => {
		const future = "Fri, 01 Jan 2100 00:00:00 GMT";
		const past = "Thu, 01 Jan 1970 00:00:00 GMT";
		expect(
			(
				await fetchWorker("/rss.xml", {
					headers: { "If-None-Match": '"older"', "If-Modified-Since": future },
				})
			).status,
		).toBe(200);
		await expectNotModified(
			await fetchWorker("/rss.xml", { headers: { "If-None-Match": etag, "If-Modified-Since": past } }),
		);
	});
});

describe("If-Modified-Since", () => {
	it("answers 304 when nothing changed since that second (the change's fraction of a second ignored)", async () => {
		await expectNotModified(
			await fetchWorker("/rss.xml", { headers: { "If-Modified-Since": NEWEST_UPDATE_HTTP } }),
		);
		await expectNotModified(
			await fetchWorker("/rss.xml", { headers: { "If-Modified-Since": "Sat, 19 Aug 2023 03:30:01 GMT" } }),
		);
	});

	it("answers 200 when the feed changed after that second", async () => {
		expect(
			(await fetchWorker("/rss.xml", { headers: { "If-Modified-Since": "Sat, 19 Aug 2023 03:29:59 GMT" } }))
				.status,
		).toBe(200);
	});

	it("accepts the obsolete RFC 850 and asctime date forms", async () => {
		await expectNotModified(
			await fetchWorker("/rss.xml", { headers: { "If-Modified-Since": "Saturday, 19-Aug-23 03:30:00 GMT" } }),
		);
		await expectNotModified(
			await fetchWorker("/rss.xml", { headers: { "If-Modified-Since": "Sat Aug 19 03:30:00 2023" } }),
		);
	});

	it("ignores a nonsense date and sends the feed", async () => {
		const nonsense = [
			"yesterday",
			"2100",
			"2100-01-01",
			"Fri, 32 Jan 2100 00:00:00 GMT",
			"Fri, 01 Jan 2100 25:00:00 GMT",
			"Fri, 01 Jan 2100 00:00:00 PST",
			"",
		];
		for (const value of nonsense) {
			expect((await fetchWorker("/rss.xml", { headers: { "If-Modified-Since": value } })).status, value).toBe(
				200,
			);
		}
	});
});

describe("304 responses and HEAD", () => {
	it("a 304 carries ETag, Last-Modified, Cache-Control and Vary, and nothing describing a body", async () => {
		const full = await fetchWorker("/atom.xml");
		const response = await fetchWorker("/atom.xml", {
			headers: { "If-None-Match": full.headers.get("ETag") ?? "" },
		});
		expect(response.status).toBe(304);
		for (const name of ["ETag", "Last-Modified", "Cache-Control", "Vary", "Access-Control-Allow-Origin"]) {
			expect(response.headers.get(name), name).toBe(full.headers.get(name));
		}
		expect(response.headers.get("Content-Type")).toBeNull();
		expect(response.headers.get("Content-Length")).toBeNull();
		expect(await response.text()).toBe("");
	});

	it("HEAD returns exactly GET's headers and no body, on feeds and pages", async () => {
		for (const path of ["/rss.xml", "/tags/doi-song/feed.json", "/rss.xml?limit=1", "/", "/articles/a1"]) {
			const get = await fetchWorker(path);
			const head = await fetchWorker(path, { method: "HEAD" });
			expect(head.status).toBe(200);
			expect([...head.headers]).toEqual([...get.headers]);
			expect(Number(get.headers.get("Content-Length"))).toBe((await get.arrayBuffer()).byteLength);
			expect(await head.text()).toBe("");
		}
	});

	it("HEAD is conditional too", async () => {
		await expectNotModified(
			await fetchWorker("/rss.xml", { headers: { "If-None-Match": etag }, method: "HEAD" }),
		);
	});

	it("pages answer conditional requests as feeds do", async () => {
		const page = await fetchWorker("/tags/xa-hoi");
		await expectNotModified(
			await fetchWorker("/tags/xa-hoi", { headers: { "If-None-Match": page.headers.get("ETag") ?? "" } }),
		);
	});
});
