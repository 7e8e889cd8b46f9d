// The seed article: its rendered body is the source text block for block, with the widget line dropped.
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../../src/domain/model.ts";
import { loadContent } from "../../../src/sync/loadContent.ts";
import { htmlElements } from "../support/htmlElements.ts";

const SOURCE = "test/fixtures/seed/000_1e1845e5b246efe0.txt";
const WIDGET = "Theo dõi Báo Nghệ An trên";
const SUBHEADINGS = ["Nhiều kết quả trong công tác dân vận", "Tiếp tục đổi mới công tác tuyên truyền"];

let record: ArticleRecord;
let sourceLines: string[];

beforeAll(async () => {
	const content = await loadContent("content", { target: "local" });
	const seed = content.records.find((r) => r.id === "phoi-hop-dan-van-tuyen-giao-khoi-cac-co-quan-tinh");
	if (!seed) throw new Error("seed article not loaded");
	record = seed;
	sourceLines = (await readFile(SOURCE, "utf8"))
		.split("\n")
		.map((line) => line.trim())
		.filter((line) => line !== "");
});

describe("seed article", () => {
	it("renders every source line, in order, character for character, minus the widget line", () => {
		const blocks = htmlElements(record.contentHtml)
			.filter((element) => ["p", "h2", "figcaption"].includes(element.name))
			.map((element) => element.text);
		expect(sourceLines[0]).toBe(WIDGET);
		expect(blocks).toEqual(sourceLines.slice(1).map((line) => line.normalize("NFC")));
	});
	it("has the two subheadings as <h2>", () => {
		const headings = htmlElements(record.contentHtml).filter((element) => /^h\d$/.test(element.name));
		expect(headings.map((h) => [h.name, h.text])).toEqual(SUBHEADINGS.map((text) => ["h2", text]));
	});
	it("keeps the three photo captions, with the credit, as <figcaption> inside <figure>", () => {
		const captions = htmlElements(record.contentHtml).filter((element) => element.name === "figcaption");
		const captionLines = sourceLines.filter((line) => line.endsWith("Ảnh: Kim Dung"));
		expect(captionLines).toHaveLength(3);
		expect(captions.map((c) => c.text)).toEqual(captionLines);
		const figures = htmlElements(record.contentHtml).filter((element) => element.name === "figure");
		expect(figures.map((f) => f.text.trim())).toEqual(captionLines);
	});
	it("has the widget line nowhere", () => {
		expect(JSON.stringify(record)).not.toContain(WIDGET);
	});
	it("is NFC throughout, dated within 2023 after 18 July, tagged, by the site's default author", () => {
		const json = JSON.stringify(record);
		expect(json).toBe(json.normalize("NFC"));
		expect(Date.parse(record.published)).toBeGreaterThan(Date.parse("2023-07-18T23:59:59+07:00"));
		expect(record.published.slice(0, 4)).toBe("2023");
		expect(record.tags.length).toBeGreaterThan(0);
		expect(record.authors).toEqual([{ name: "Ban biên tập", slug: "ban-bien-tap" }]);
	});
	it("summarises with its first paragraph", () => {
		expect(record.summary).toBe(sourceLines[1]);
	});
});
