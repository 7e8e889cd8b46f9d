// The HTML pages in real Chromium, served by the real Worker with content/ (the seed article) and a layout-stretching
// article synced, at desktop and phone widths: nothing overflows sideways, feeds are announced, no console error or
// failed request (favicon and images included), the copy buttons work, and dark mode and print apply.
// EDGEFEED_SCREENSHOTS=<dir> saves a screenshot of each page at each width there, for a person to look at.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type LocalServer, startLocalServer } from "../e2e/localServer.ts";
import { launchChromium } from "./chromium.ts";

const STRESS_ARTICLE = "test/fixtures/content/browser/trang-thu-bo-cuc.md";
const PAGES = {
	index: { path: "/", feeds: 3 },
	tag: { path: "/tags/nghe-an", feeds: 6 },
	author: { path: "/authors/ban-bien-tap", feeds: 6 },
	article: { path: "/articles/phoi-hop-dan-van-tuyen-giao-khoi-cac-co-quan-tinh", feeds: 3 },
	stress: { path: "/articles/trang-thu-bo-cuc", feeds: 3 },
} as const;
const WIDTHS = {
	desktop: { viewport: { width: 1280, height: 900 } },
	phone: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;
const screenshots = process.env.EDGEFEED_SCREENSHOTS;

let server: LocalServer;
let browser: Browser;
let content: string;

/** content/ plus the stress article, with the local base URL on `port`, so every absolute link leads back here. */
function contentServedOn(port: number): string {
	const dir = mkdtempSync(path.join(tmpdir(), "edgefeed-browser-"));
	cpSync("content", dir, { recursive: true });
	cpSync(STRESS_ARTICLE, path.join(dir, path.basename(STRESS_ARTICLE)));
	const site = path.join(dir, "site.yaml");
	const yaml = readFileSync(site, "utf8");
	const rewritten = yaml.replace(/^(\s+local:\s*).*$/m, `$1http://127.0.0.1:${port}`);
	if (rewritten === yaml) throw new Error("content/site.yaml has no baseUrl.local line");
	writeFileSync(site, rewritten);
	return dir;
}

beforeAll(async () => {
	const port = await freePort();
	content = contentServedOn(port);
	[server, browser] = await Promise.all([startLocalServer(content, [], port), launchChromium()]);
	if (screenshots) mkdirSync(screenshots, { recursive: true });
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (content) rmSync(content, { recursive: true, force: true });
});

interface Visit {
	page: Page;
	problems: string[];
}

/** Opens `path`, recording every console error, page error, failed request and 4xx/5xx response. */
async function visit(context: BrowserContext, pagePath: string): Promise<Visit> {
	const page = await context.newPage();
	const problems: string[] = [];
	page.on("console", (message) => {
		if (message.type() === "error" || message.type() === "warning")
			problems.push(`console: ${message.text()}`);
	});
	page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
	page.on("requestfailed", (request) =>
		problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
	);
	page.on("response", (response) => {
		if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
	});
	const response = await page.goto(`${server.origin}${pagePath}`, { waitUntil: "load" });
	expect(response?.status(), pagePath).toBe(200);
	return { page, problems };
}

// In-page code is passed as expressions: the project's types are Node's and the Workers', not the DOM's.

/** Loads the page's icon and every <img> as the browser would; each must decode to a real picture. */
const BROKEN_IMAGES = `(async () => {
	const icon = document.querySelector('link[rel="icon"]')?.href;
	const sources = [...(icon ? [icon] : []), ...[...document.images].map((image) => image.currentSrc)];
	const results = await Promise.all(sources.map((src) => new Promise((resolve) => {
		const image = new Image();
		image.onload = () => resolve(image.naturalWidth > 0 ? null : "empty: " + src);
		image.onerror = () => resolve("broken: " + src);
		image.src = src;
	})));
	return [...(icon ? [] : ["no <link rel=icon>"]), ...results.filter((result) => result !== null)];
})()`;

interface Layout {
	scrollWidth: number;
	innerWidth: number;
	alternates: string[];
	wrappedFormats: string[];
	visibleCopyButtons: number;
}

/** Widths, feed links, and feed names that wrap (a link box of more than one line). */
const LAYOUT = `({
	scrollWidth: document.documentElement.scrollWidth,
	innerWidth: window.innerWidth,
	alternates: [...document.querySelectorAll('link[rel="alternate"]')].map((link) => link.getAttribute("type")),
	wrappedFormats: [...document.querySelectorAll(".subscribe li > a, .feeds a")]
		.filter((link) => link.getClientRects().length > 1)
		.map((link) => link.textContent),
	visibleCopyButtons: [...document.querySelectorAll("button.copy")].filter((button) => !button.hidden).length,
})`;

const BODY_COLOURS = `(() => {
	const style = getComputedStyle(document.body);
	return { background: style.backgroundColor, text: style.color };
})()`;

for (const [width, options] of Object.entries(WIDTHS)) {
	describe(`at ${width} width (${options.viewport.width} px)`, () => {
		let context: BrowserContext;
		beforeAll(async () => {
			context = await browser.newContext({ ...options, colorScheme: "light", locale: "vi-VN" });
		});
		afterAll(async () => {
			await context?.close();
		});

		for (const [name, { path: pagePath, feeds }] of Object.entries(PAGES)) {
			it(`${name} page: no overflow, feeds announced, icon and images load, no errors`, async () => {
				const { page, problems } = await visit(context, pagePath);
				const layout = await page.evaluate<Layout>(LAYOUT);
				expect(layout.scrollWidth, pagePath).toBeLessThanOrEqual(layout.innerWidth);
				expect(layout.alternates, pagePath).toHaveLength(feeds);
				expect(new Set(layout.alternates)).toEqual(
					new Set(["application/rss+xml", "application/atom+xml", "application/feed+json"]),
				);
				expect(layout.wrappedFormats, pagePath).toEqual([]);
				// The copy script ran (its CSP hash matched): the buttons it reveals are shown.
				expect(layout.visibleCopyButtons, pagePath).toBe(3);
				expect(await page.evaluate<string[]>(BROKEN_IMAGES), pagePath).toEqual([]);
				if (screenshots)
					await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });
				await page.close();
				expect(problems, pagePath).toEqual([]);
			});
		}
	});
}

describe("the subscribe box's copy button", () => {
	it("puts the feed URL on the clipboard and says so", async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
		const { page, problems } = await visit(context, "/");
		const button = page.locator(".subscribe button.copy").nth(2);
		const label = await button.textContent();
		await button.click();
		expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe(`${server.origin}/feed.json`);
		expect(await button.textContent()).not.toBe(label);
		await context.close();
		expect(problems).toEqual([]);
	});
});

describe("dark mode and print", () => {
	it("switch colours with prefers-color-scheme, and print leaves out the subscribe box", async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
		const { page, problems } = await visit(context, PAGES.article.path);
		const colours = () => page.evaluate<{ background: string; text: string }>(BODY_COLOURS);
		const dark = await colours();
		if (screenshots)
			await page.screenshot({ path: path.join(screenshots, "article-dark.png"), fullPage: true });
		await page.emulateMedia({ colorScheme: "light" });
		const light = await colours();
		expect(dark.background).not.toBe(light.background);
		expect(dark.text).not.toBe(light.text);
		await page.emulateMedia({ media: "print" });
		const subscribe = await page.evaluate<string>(
			'getComputedStyle(document.querySelector(".subscribe")).display',
		);
		expect(subscribe).toBe("none");
		if (screenshots) await page.pdf({ path: path.join(screenshots, "article-print.pdf") });
		await context.close();
		expect(problems).toEqual([]);
	});
});
