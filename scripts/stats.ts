// `npm run stats`: per feed, today's readers and the 7- and 30-day averages by source, from the Worker's /stats.json.
// Local (default): the `npm start` server at 127.0.0.1:8787, token from .dev.vars. `--remote`: the deployed Worker
// at baseUrl.production (content/site.yaml) or STATS_URL, token from the STATS_TOKEN environment variable.
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import type { StatsSummary } from "../src/stats/statsSummary.ts";

const remote = process.argv.includes("--remote");

function localToken(): string | undefined {
	if (!existsSync(".dev.vars")) return undefined;
	return /^STATS_TOKEN\s*=\s*"?([^"\n]*)"?\s*$/m.exec(readFileSync(".dev.vars", "utf8"))?.[1];
}

function remoteOrigin(): string {
	if (process.env.STATS_URL) return process.env.STATS_URL;
	const site = parse(readFileSync("content/site.yaml", "utf8")) as { baseUrl?: { production?: string } };
	if (!site.baseUrl?.production)
		throw new Error("content/site.yaml: baseUrl.production is missing (or set STATS_URL)");
	return site.baseUrl.production;
}

const origin = (remote ? remoteOrigin() : (process.env.STATS_URL ?? "http://127.0.0.1:8787")).replace(
	/\/$/,
	"",
);
const token = process.env.STATS_TOKEN ?? (remote ? undefined : localToken());
if (!token) {
	console.error(
		remote
			? "npm run stats -- --remote: set STATS_TOKEN to the token you gave `wrangler secret put STATS_TOKEN`."
			: "npm run stats: no STATS_TOKEN in .dev.vars (npm start creates it from .dev.vars.example).",
	);
	process.exit(1);
}

let response: Response;
try {
	response = await fetch(`${origin}/stats.json`, { headers: { Authorization: `Bearer ${token}` } });
} catch {
	console.error(`npm run stats: nothing answers at ${origin}${remote ? "" : " (is `npm start` running?)"}`);
	process.exit(1);
}
if (response.status !== 200) {
	const why = { 401: "the token was refused", 404: "stats are off (no STATS_TOKEN configured)" }[
		response.status
	];
	console.error(`npm run stats: ${origin}/stats.json answered ${response.status}${why ? `: ${why}` : ""}`);
	process.exit(1);
}
const summary = (await response.json()) as StatsSummary;

const cell = (value: string | number, width: number) => String(value).padStart(width);
console.log(`Feed readers, UTC day ${summary.today} (${origin})\n`);
if (summary.feeds.length === 0) console.log("No feed has been polled yet.");
for (const feed of summary.feeds) {
	console.log(feed.path);
	console.log(`  ${"".padEnd(24)}${cell("today", 9)}${cell("7-day avg", 11)}${cell("30-day avg", 12)}`);
	for (const row of [{ name: "estimate", ...feed }, ...feed.sources])
		console.log(
			`  ${row.name.padEnd(24)}${cell(row.today, 9)}${cell(row.average7, 11)}${cell(row.average30, 12)}`,
		);
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
	console.log(
		`  (${plural(feed.requestsToday, "request")} today, ${feed.crawlerRequestsToday} from crawlers)\n`,
	);
}
