// The index, tag, archive and directory templates in real Chromium at phone and desktop widths, served with the
// pages' own headers (so the Content-Security-Policy hashes must match the inline stylesheet and script) through
// Playwright's request interception, with no server: nothing overflows sideways, long Vietnamese names wrap, the
// stylesheet and the copy script run, and nothing logs an error.
// EDGEFEED_SCREENSHOTS=<dir> saves a screenshot of each page at each width there, for a person to look at.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScopeKey } from "../../src/domain/model.ts";
import { renderArchivePage } from "../../src/pages/archivePage.ts";
import { DEFAULT_FAVICON, DEFAULT_FAVICON_TYPE } from "../../src/pages/defaultFavicon.ts";
import { renderDirectoryPage } from "../../src/pages/directoryPage.ts";
import { renderIndexPage } from "../../src/pages/indexPage.ts";
import { HTML_TYPE, PAGE_HEADERS } from "../../src/pages/pageLayout.ts";
import { renderScopePage } from "../../src/pages/scopePage.ts";
import {
	dates,
	site as fixtureSite,
	HOSTILE_NAMES,
	hourlyArticles,
	LONG_NAMES,
} from "../support/pageFixtures.ts";
import { launchChromium } from "./chromium.ts";

const ORIGIN = "http://edgefeed.test";
const site = { ...fixtureSite, baseUrl: ORIGIN };
const screenshots = process.env.EDGEFEED_SCREENSHOTS;

const LONG_SLUG = "chuyển-đổi-số-toàn-diện-trong-các-cơ-quan-hành-chính-nhà-nước-tỉnh-nghệ-an-và-các-huyện";
const LONG_TAG: ScopeKey = `tags/${LONG_SLUG}`;
const names = [...LONG_NAMES, ...HOSTILE_NAMES, "Xã hội"];
const scopes = (folder: string, count: number) =>
	Array.from({ length: count }, (_, i) => ({
		key: `${folder}/${LONG_SLUG}-${i}`,
		name: names[i % names.length] as string,
		count: 100_000 - i * 997,
	}));

const PAGES: Record<string, () => string> = {
	index: () =>
		renderIndexPage({
			site,
			records: hourlyArticles(50),
			dates,
			archivePages: 9_950,
			tags: scopes("tags", 20),
			authors: scopes("authors", 20),
			totals: { tags: 12_345, authors: 678 },
		}),
	tag: () =>
		renderScopePage({
			site,
			key: LONG_TAG,
			kind: "tag",
			name: LONG_NAMES[1] as string,
			records: hourlyArticles(50),
			dates,
			archivePages: 300,
		}),
	archive: () =>
		renderArchivePage({
			site,
			key: LONG_TAG,
			name: LONG_NAMES[0] as string,
			page: 150,
			pages: 300,
			records: hourlyArticles(100),
			dates,
		}),
	directory: () =>
		renderDirectoryPage({
			site,
			kind: "tag",
			entries: scopes("tags", 100),
			page: 7,
			pages: 124,
			total: 12_345,
		}),
};

const WIDTHS = {
	desktop: { viewport: { width: 1280, height: 900 } },
	phone: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
	if (screenshots) mkdirSync(screenshots, { recursive: true });
}, 60_000);

afterAll(async () => {
	await browser?.close();
});

interface Layout {
	innerWidth: number;
	scrollWidth: number;
	/** Elements whose box reaches past the viewport's right edge. */
	beyond: string[];
	/** Long names that did not wrap onto more than one line. */
	unwrapped: string[];
	visibleCopyButtons: number;
	pagerDisplay: string;
}

// In-page code is passed as an expression: the project's types are Node's and the Workers', not the DOM's.
const LAYOUT = `(() => {
	const width = window.innerWidth;
	const beyond = [...document.querySelectorAll("body *")]
		.filter((element) => element.getBoundingClientRect().right > width + 0.5)
		.map((element) => element.tagName.toLowerCase() + "." + element.className + ": " + element.textContent.slice(0, 40));
	const longNames = ${JSON.stringify(LONG_NAMES)};
	const unwrapped = [...document.querySelectorAll("main a, main h1")]
		.filter((element) => longNames.some((name) => element.textContent.includes(name)))
		.filter((element) => element.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(element).lineHeight))
		.map((element) => element.textContent.slice(0, 40));
	const pager = document.querySelector(".pager");
	return {
		innerWidth: width,
		scrollWidth: document.documentElement.scrollWidth,
		beyond,
		unwrapped,
		visibleCopyButtons: [...document.querySelectorAll("button.copy")].filter((button) => !button.hidden).length,
		pagerDisplay: pager ? getComputedStyle(pager).display : "none",
	};
})()`;

async function open(context: BrowserContext, name: string, html: string) {
	const page = await context.newPage();
	const problems: string[] = [];
	page.on("console", (message) => {
		if (message.type() === "error" || message.type() === "warning")
			problems.push(`console: ${message.text()}`);
	});
	page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
	await page.route(`${ORIGIN}/**`, (route) => {
		const url = new URL(route.request().url());
		if (url.pathname === `/${name}`)
			return route.fulfill({
				status: 200,
				headers: { ...PAGE_HEADERS, "Content-Type": HTML_TYPE },
				body: html,
			});
		if (url.pathname === "/favicon.ico")
			return route.fulfill({
				status: 200,
				headers: { "Content-Type": DEFAULT_FAVICON_TYPE },
				body: Buffer.from(DEFAULT_FAVICON),
			});
		problems.push(`unexpected request: ${url.href}`);
		return route.fulfill({ status: 404, body: "" });
	});
	await page.goto(`${ORIGIN}/${name}`, { waitUntil: "load" });
	return { page, problems };
}

for (const [width, options] of Object.entries(WIDTHS)) {
	describe(`at ${width} width (${options.viewport.width} px)`, () => {
		let context: BrowserContext;
		beforeAll(async () => {
			context = await browser.newContext({ ...options, colorScheme: "light", locale: "vi-VN" });
		});
		afterAll(async () => {
			await context?.close();
		});

		for (const [name, render] of Object.entries(PAGES)) {
			it(`${name} page: nothing overflows, long names wrap, its stylesheet and script run`, async () => {
				const { page, problems } = await open(context, name, render());
				const layout = await page.evaluate<Layout>(LAYOUT);
				expect(layout.scrollWidth, name).toBeLessThanOrEqual(layout.innerWidth);
				expect(layout.beyond, name).toEqual([]);
				if (width === "phone") expect(layout.unwrapped, name).toEqual([]);
				// The stylesheet's hash matched (the pager is laid out by it) and so did the script's (it shows the buttons).
				expect(layout.pagerDisplay, name).toBe("flex");
				expect(layout.visibleCopyButtons, name).toBe(3);
				if (screenshots)
					await page.screenshot({
						path: path.join(screenshots, `template-${name}-${width}.png`),
						fullPage: true,
					});
				await page.close();
				expect(problems, name).toEqual([]);
			});
		}
	});
}
