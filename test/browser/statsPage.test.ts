// /stats in real headless Chromium, at desktop and phone widths, after real polls through `wrangler dev`.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatsSummary } from "../../src/stats/statsSummary.ts";
import { type LocalServer, startLocalServer } from "../e2e/localServer.ts";
import { AGGREGATORS, READERS } from "../stats/userAgentSamples.ts";
import { launchChromium } from "./chromium.ts";

const TOKEN = "browser-test-token";
const VIEWPORTS = [
	{ name: "desktop", width: 1280, height: 800 },
	{ name: "phone", width: 375, height: 740 },
];

let server: LocalServer;
let browser: Browser;

/** The Worker flushes its batch a few seconds after the first poll: wait for the numbers, not for a time. */
async function summaryWhen(ready: (summary: StatsSummary) => boolean): Promise<StatsSummary> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const response = await fetch(`${server.origin}/stats.json`, {
			headers: { Authorization: `Bearer ${TOKEN}` },
		});
		const summary = (await response.json()) as StatsSummary;
		if (ready(summary)) return summary;
		if (Date.now() > deadline) throw new Error(`stats never showed the polls: ${JSON.stringify(summary)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

beforeAll(async () => {
	[server, browser] = await Promise.all([
		startLocalServer("content", ["--var", `STATS_TOKEN:${TOKEN}`]),
		launchChromium(),
	]);
	const polls: [string, string][] = [
		["/rss.xml", AGGREGATORS.feedly],
		["/rss.xml", READERS.netNewsWire],
		["/rss.xml", READERS.miniflux],
		["/atom.xml", AGGREGATORS.inoreader],
		["/feed.json", READERS.freshRss],
	];
	for (const [path, userAgent] of polls)
		await (await fetch(`${server.origin}${path}`, { headers: { "User-Agent": userAgent } })).arrayBuffer();
	await summaryWhen((summary) => summary.feeds.length === 3);
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe.each(VIEWPORTS)("/stats at $name width", (viewport) => {
	it("shows every feed's numbers and chart, fits the screen, and breaks no policy", async () => {
		const page = await browser.newPage({ viewport });
		const problems: string[] = [];
		page.on("console", (message) => {
			if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
		});
		page.on("pageerror", (error) => problems.push(error.message));
		const response = await page.goto(`${server.origin}/stats?token=${TOKEN}`);
		expect(response?.status()).toBe(200);

		expect(await page.locator("h1").textContent()).toBe("Feed readers");
		const sections = page.locator("section");
		expect(await sections.count()).toBe(3);
		const rss = sections.filter({ has: page.locator("h2", { hasText: /^\/rss\.xml$/ }) });
		const estimate = (await rss.locator("tr.total td").allTextContents()).map((text) => text.trim());
		expect(estimate).toEqual(["estimate", "464", "464", "464"]);
		expect(await rss.locator("td", { hasText: /^Feedly$/ }).count()).toBe(1);

		// Each chart is drawn, visible and within the viewport.
		const charts = page.locator("svg[role=img]");
		expect(await charts.count()).toBe(3);
		for (const chart of await charts.all()) {
			const box = await chart.boundingBox();
			expect(box?.width).toBeGreaterThan(200);
			expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
			expect(await chart.locator("rect.bar").count()).toBe(30);
		}
		// Today's bar has height; the text stays readable (not shrunk below 12 px).
		expect(Number(await rss.locator("rect.bar").last().getAttribute("height"))).toBeGreaterThan(0);
		// Expressions run in the page (the test's own types know no DOM).
		const fontSize = await page.evaluate<string>("getComputedStyle(document.querySelector('td')).fontSize");
		expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(12);

		const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
		expect(overflow).toBeLessThanOrEqual(0);
		if (process.env.STATS_SCREENSHOTS)
			await page.screenshot({
				path: `${process.env.STATS_SCREENSHOTS}/stats-${viewport.name}.png`,
				fullPage: true,
			});
		expect(problems).toEqual([]);
		await page.close();
	});
});
