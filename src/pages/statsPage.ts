// The /stats page: per feed, today's readers, 7- and 30-day averages by source, and a 30-day SVG chart. No script.
import { html, raw } from "hono/html";
import type { FeedSummary, StatsSummary } from "../stats/statsSummary.ts";
import { FAVICON_PATH } from "../urls/urlScheme.ts";
import { contentSecurityPolicy, type Html, PAGE_HEADERS, sync } from "./pageLayout.ts";

const STYLE_TEXT =
	"body{font-family:system-ui,sans-serif;max-width:52rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}" +
	"h1{font-size:1.6rem}h2{font-size:1.15rem;margin:0 0 .5rem;overflow-wrap:anywhere}" +
	"section{border-top:1px solid #ddd;padding:1rem 0}.scroll{overflow-x:auto}" +
	"table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}" +
	"th,td{padding:.25rem .5rem;text-align:right;border-bottom:1px solid #eee}th:first-child,td:first-child{text-align:left}" +
	"tr.total td{font-weight:600}.note{color:#555;font-size:.9em}" +
	"svg{display:block;width:100%;height:auto;max-width:40rem;margin:.75rem 0}svg text{font-size:9px;fill:#555}" +
	"svg rect.bar{fill:#2f6db5}svg line{stroke:#bbb}";
const STYLE = raw(STYLE_TEXT);

/** Private numbers: never cached, never indexed, and the URL (which may hold the token) never sent on. */
export const STATS_PAGE_HEADERS: Record<string, string> = {
	...PAGE_HEADERS,
	"Content-Security-Policy": contentSecurityPolicy({ style: STYLE_TEXT }),
	"Referrer-Policy": "no-referrer",
	"X-Robots-Tag": "noindex, nofollow",
	"Cache-Control": "no-store",
};

const W = 300;
const H = 100;
const LEFT = 24;
const BOTTOM = 14;

const number = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 1 });

/** Bars of the daily estimate, oldest left; each bar's <title> gives its date and figure. */
function chart(feed: FeedSummary): Html {
	const max = Math.max(1, ...feed.daily.map((day) => day.estimate));
	const slot = (W - LEFT) / feed.daily.length;
	const plot = H - BOTTOM;
	const bars = feed.daily.map((day, i) => {
		const height = (day.estimate / max) * (plot - 4);
		return sync(
			html`<rect class="bar" x="${(LEFT + i * slot + 1).toFixed(1)}" y="${(plot - height).toFixed(1)}" width="${(slot - 2).toFixed(1)}" height="${height.toFixed(1)}"><title>${day.date}: ${number(day.estimate)}</title></rect>`,
		);
	});
	const first = feed.daily[0]?.date ?? "";
	const last = feed.daily[feed.daily.length - 1]?.date ?? "";
	return sync(html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Estimated readers of ${feed.path}, daily, ${first} to ${last}">
<line x1="${LEFT}" y1="${plot}" x2="${W}" y2="${plot}"></line>
<text x="${LEFT - 3}" y="8" text-anchor="end">${number(max)}</text><text x="${LEFT - 3}" y="${plot}" text-anchor="end">0</text>
${bars}
<text x="${LEFT}" y="${H - 2}">${first}</text><text x="${W}" y="${H - 2}" text-anchor="end">${last}</text>
</svg>`);
}

function feedSection(feed: FeedSummary): Html {
	const rows = feed.sources.map((source) =>
		sync(
			html`<tr><td>${source.name}</td><td>${number(source.today)}</td><td>${number(source.average7)}</td><td>${number(source.average30)}</td></tr>`,
		),
	);
	return sync(html`<section>
<h2>${feed.path}</h2>
<div class="scroll"><table>
<thead><tr><th>Readers</th><th>today</th><th>7-day avg</th><th>30-day avg</th></tr></thead>
<tbody>
<tr class="total"><td>estimate</td><td>${number(feed.today)}</td><td>${number(feed.average7)}</td><td>${number(feed.average30)}</td></tr>
${rows}
</tbody>
</table></div>
${chart(feed)}
<p class="note">Today: ${number(feed.requestsToday)} requests, ${number(feed.crawlerRequestsToday)} of them from crawlers and link checkers (not counted as readers).</p>
</section>`);
}

export function renderStatsPage(summary: StatsSummary): string {
	return sync(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Feed readers</title>
<link rel="icon" href="${FAVICON_PATH}">
<style>${STYLE}</style>
</head>
<body>
<h1>Feed readers</h1>
<p class="note">UTC day ${summary.today}. A feed's readers on a day: each aggregator's reported subscriber count, plus distinct direct pollers (address and User-Agent, hashed with a key that changes daily). Averages cover the days since the feed was first counted.</p>
${summary.feeds.length === 0 ? html`<p>No feed has been polled yet.</p>` : summary.feeds.map(feedSection)}
</body>
</html>
`).toString();
}
