// Images that live with the content are served by Workers Static Assets at /images/…, beside the Worker, which
// still answers everything else; feeds point at them with their real URL, type and size.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childNamed, childrenNamed, parseXmlStrict, type XmlElement } from "../support/xmlTree.ts";
import { type LocalServer, startLocalServer } from "./localServer.ts";

const CONTENT = "test/fixtures/content/hostile";
const MEDIA = "http://search.yahoo.com/mrss/";

let server: LocalServer;

beforeAll(async () => {
	server = await startLocalServer(CONTENT);
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

const get = (path: string) => fetch(`${server.origin}${path}`);

describe("static images", () => {
	it("serves a content image with its bytes and image type", async () => {
		const response = await get("/images/anh-bia.jpg");
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("image/jpeg");
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(
			new Uint8Array(readFileSync(`${CONTENT}/images/anh-bia.jpg`)),
		);
	});

	it("answers 404 for an image that is not there", async () => {
		expect((await get("/images/khong-co.jpg")).status).toBe(404);
	});

	it("never serves the articles or site.yaml: the Worker answers those paths, with a 404", async () => {
		for (const path of ["/nhung-doc.md", "/site.yaml", "/.assetsignore"]) {
			const response = await get(path);
			expect([path, response.status]).toEqual([path, 404]);
			expect(await response.text()).toBe("Not found.\n");
		}
	});

	it("still serves feeds from the Worker", async () => {
		const response = await get("/rss.xml");
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("application/rss+xml; charset=utf-8");
		expect(response.headers.get("Link")).toContain('rel="self"');
	});

	it("gives the feed's enclosure and media:content the served image's URL, type and byte length", async () => {
		const channel = childNamed(
			parseXmlStrict(await (await get("/rss.xml")).text()),
			"",
			"channel",
		) as XmlElement;
		const items = childrenNamed(channel, "", "item");
		const enclosures = items.flatMap((item) => childrenNamed(item, "", "enclosure"));
		expect(enclosures.length).toBeGreaterThan(0);
		for (const enclosure of enclosures) {
			const { url, type, length } = enclosure.attributes as Record<string, string>;
			const image = await get(new URL(url as string).pathname);
			expect([url, image.status, image.headers.get("Content-Type")]).toEqual([url, 200, type]);
			expect((await image.arrayBuffer()).byteLength).toBe(Number(length));
			const media = items
				.flatMap((item) => childrenNamed(item, MEDIA, "content"))
				.find((element) => element.attributes.url === url);
			expect(media?.attributes.fileSize).toBe(length);
		}
	});
});
