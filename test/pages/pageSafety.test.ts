// Every listing template, fed hostile names: the only inline stylesheet and script are the ones the
// Content-Security-Policy allows by hash (byte for byte), and no element carries a style or on* attribute.
import { textContent } from "domutils";
import { describe, expect, it } from "vitest";
import { renderArchivePage } from "../../src/pages/archivePage.ts";
import { COPY_SCRIPT } from "../../src/pages/copyScript.ts";
import { renderDirectoryPage } from "../../src/pages/directoryPage.ts";
import { renderIndexPage } from "../../src/pages/indexPage.ts";
import { PAGE_STYLE } from "../../src/pages/pageStyle.ts";
import { renderScopePage } from "../../src/pages/scopePage.ts";
import { readPage } from "../support/htmlPage.ts";
import { dates, HOSTILE_NAMES, hourlyArticles, site } from "../support/pageFixtures.ts";

const scopes = HOSTILE_NAMES.map((name, i) => ({ key: `tags/${name}`, name, count: i }));
const records = hourlyArticles(3).map((record, i) => ({ ...record, title: HOSTILE_NAMES[i % 2] as string }));
const name = HOSTILE_NAMES[0] as string;

const PAGES: Record<string, string> = {
	index: renderIndexPage({ site, records, dates, archivePages: 2, tags: scopes, authors: scopes }),
	tag: renderScopePage({ site, key: `tags/${name}`, kind: "tag", name, records, dates, archivePages: 2 }),
	archive: renderArchivePage({ site, key: `authors/${name}`, name, page: 2, pages: 3, records, dates }),
	directory: renderDirectoryPage({ site, kind: "author", entries: scopes, page: 2, pages: 3, total: 5 }),
};

describe.each(Object.entries(PAGES))("the %s page", (_, html) => {
	const page = readPage(html);

	it("has only the hashed stylesheet and script inline", () => {
		expect(page.all((element) => element.name === "style").map((element) => textContent(element))).toEqual([
			PAGE_STYLE,
		]);
		expect(page.all((element) => element.name === "script").map((element) => textContent(element))).toEqual([
			COPY_SCRIPT,
		]);
	});

	it("has no style or event handler attribute, and writes hostile names as text", () => {
		const attributes = page.all(() => true).flatMap((element) => Object.keys(element.attribs));
		expect(attributes.filter((attribute) => attribute === "style" || attribute.startsWith("on"))).toEqual([]);
		expect(page.all((element) => element.name === "img")).toEqual([]);
		const texts = page.anchors().map((anchor) => anchor.text);
		expect(texts.some((text) => text.includes(name))).toBe(true);
	});

	it("percent-encodes hostile slugs in every scope link", () => {
		const hrefs = page.anchors().map((anchor) => anchor.href);
		for (const href of hrefs) expect(href, href).not.toMatch(/[<>"\s]/);
	});
});
