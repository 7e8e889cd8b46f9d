// /favicon.ico: the built-in icon answers (ETag, 304, HEAD), and pages link it unless site.yaml names an icon.
import { findAll, getAttributeValue } from "domutils";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { article, BASE_URL, site } from "../support/articles.ts";
import { fetchWorker } from "./support/fetchWorker.ts";
import { publish } from "./support/publish.ts";
import { testApp } from "./support/testApp.ts";

async function iconLinks(app: ReturnType<typeof testApp>, path: string): Promise<string[]> {
	const document = parseDocument(await (await app.fetch(path)).text());
	return findAll(
		(el) => el.name === "link" && getAttributeValue(el, "rel") === "icon",
		document.children,
	).map((el) => getAttributeValue(el, "href") ?? "");
}

describe("/favicon.ico", () => {
	it("is a 32×32 icon with a strong ETag, cacheable for a day", async () => {
		const response = await fetchWorker("/favicon.ico");
		expect(response.status).toBe(200);
		expect(response.headers.get("Content-Type")).toBe("image/x-icon");
		expect(response.headers.get("Cache-Control")).toBe("public, max-age=86400");
		expect(response.headers.get("ETag")).toMatch(/^"[^"]+"$/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(Number(response.headers.get("Content-Length"))).toBe(bytes.byteLength);
		// ICONDIR: reserved 0, type 1 (icon), one image of 32×32 whose data is a PNG.
		expect([...bytes.slice(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 32, 32]);
		const offset = new DataView(bytes.buffer).getUint32(18, true);
		expect([...bytes.slice(offset + 1, offset + 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
	});

	it("answers If-None-Match with 304 and HEAD with GET's headers", async () => {
		const get = await fetchWorker("/favicon.ico");
		await get.arrayBuffer();
		const etag = get.headers.get("ETag") ?? "";
		const revalidated = await fetchWorker("/favicon.ico", { headers: { "If-None-Match": `W/${etag}` } });
		expect(revalidated.status).toBe(304);
		expect(revalidated.headers.get("ETag")).toBe(etag);
		expect(await revalidated.text()).toBe("");
		const head = await fetchWorker("/favicon.ico", { method: "HEAD" });
		expect(await head.text()).toBe("");
		expect([...head.headers]).toEqual([...get.headers]);
	});

	it("is what pages link, unless site.yaml names an icon", async () => {
		const now = Date.parse("2023-09-01T00:00:00Z");
		const record = article("a1", "2023-08-15T09:00:00+07:00");
		await publish([record], now);
		const app = testApp(now);
		for (const path of ["/", "/articles/a1", "/tags/xa-hoi"])
			expect(await iconLinks(app, path), path).toEqual([`${BASE_URL}/favicon.ico`]);
		await publish([record], now + 1000, { ...site, icon: "https://img.example/logo.png" });
		const withIcon = testApp(now + 1000);
		expect(await iconLinks(withIcon, "/")).toEqual(["https://img.example/logo.png"]);
	});
});
