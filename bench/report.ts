// Turns benchmark results into one table of figures beside their targets, printed and written to BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { ArchiveWalk } from "./archiveWalk.ts";
import type { CollectionLoad, PathLoad } from "./collectionBench.ts";
import { BODY_BYTES } from "./generateCollection.ts";
import type { KeyDiff } from "./kvKeys.ts";
import type { ColdPath, KindReads } from "./kvReads.ts";
import type { LoadResult, LoadSettings } from "./loadTest.ts";
import type { Machine } from "./machine.ts";
import { type AgainstCeiling, formatChange, ratioChange, ratioOf } from "./ratioChange.ts";
import type { RenderCost } from "./renderCost.ts";
import type { CliCounts } from "./syncCollection.ts";

export interface SyncFigures {
	articles: number;
	seconds: number;
	/** Keys written, as the key set proves it (independent of the CLI). */
	keys?: KeyDiff;
	/** The CLI's own count, from its report line. */
	cli?: CliCounts;
	/** Reruns the CLI asked for (exit 3) before it succeeded. */
	retries: number;
	/** Peak resident memory of the sync's largest process, bytes. */
	peakBytes: number;
}

export interface CollectionResult {
	articles: number;
	/** HTML bytes each generated body aims at (smaller for the million). */
	bodyBytes: number;
	sync?: SyncFigures;
	/** The sync after one article was edited (one of the newest, in every scope's summary). */
	resync?: SyncFigures;
	/** The sync after that of one old article edited (in every scope's archive pages; 1,000 articles and more). */
	resyncArchived?: SyncFigures;
	/** The largest value in the namespace after either sync. */
	largest?: { key: string; bytes: number };
	/** The site's RSS feed as a new isolate first serves it, at the site's items per feed. */
	cold?: ColdPath;
	/** The same with `?limit=10`: the same items shown at every size. */
	coldShown?: ColdPath;
	walk?: ArchiveWalk;
	load?: CollectionLoad;
	/** Why a measurement stopped (a sync that failed or was stopped). */
	problems: string[];
}

export interface RenderRow {
	format: string;
	items: number;
	library?: RenderCost;
}

export interface BenchResults {
	date: string;
	machine: Machine;
	settings: LoadSettings;
	collections: CollectionResult[];
	render: RenderRow[];
	/** 1-minute load average when the run started and when it ended: anything else running skews every figure. */
	loadAverage: { start: number; end: number };
	/** What could not be measured and why. */
	missing: string[];
	runSeconds: number;
	/** The run measured the default sizes (what the run-time budget is for). */
	defaultSizes: boolean;
}

type Verdict = "met" | "missed" | "—";
interface Row {
	what: string;
	figure: string;
	target: string;
	verdict: Verdict;
	/** The target this row is judged against, for the summary (rows without one are references). */
	group?: string;
}

const GROUPS = {
	revalidate: "304 ≥ 0.8× ceiling",
	cached: "cached 200 ≥ 0.8× ceiling",
	revalidateStats: "304 with subscriber counting on ≥ 0.8× ceiling",
	cachedStats: "cached 200 with subscriber counting on ≥ 0.8× ceiling",
	answers: "every answer under load correct (issue 3: never a 5xx)",
	spread:
		"hot paths (304, cached 200) at the smallest vs every larger size within 10% (ratios to the ceiling)",
	reads304: "KV reads per 304 ≤ 1",
	render20: "render 20 items ≤ 0.15 ms",
	render100: "render 100 items ≤ 0.75 ms",
	resync: "re-sync after one changed article ≤ 10 s and ≤ 12 KV writes",
	fresh100k: "fresh sync of 100,000 articles ≤ 5 min, peak memory ≤ 2 GiB",
	freshMillion: "fresh sync of 1,000,000 articles completes, peak memory not above 100,000's",
	largest: "largest KV value ≤ 1 MiB",
	cold: "cold first uncached /rss.xml (default items per feed): KV bytes and CPU within 20% of 10 articles'",
	coldShown:
		"cold first uncached /rss.xml?limit=10 (10 items shown at every size): KV bytes and CPU within 20% of 10 articles'",
	coldIndex: "cold request's index part (every value read but the records): bytes within 20% of 10 articles'",
	walk: "archive walk of the bench tag: every item exactly once",
	syncs: "every sync completes",
	runtime: "`npm run bench` < 12 min",
	missing: "measured at all",
};

const TARGET_RATIO = 0.8;
const SIZE_SPREAD = 0.1;
const RENDER_BUDGET_MS: Record<number, number> = { 20: 0.15, 100: 0.75 };
const RESYNC_WRITES = 12;
const RESYNC_SECONDS = 10;
const FRESH_100K_SECONDS = 300;
const FRESH_100K_PEAK = 2 * 2 ** 30;
const LARGEST_VALUE = 2 ** 20;
const COLD_SPREAD = 0.2;
const RUN_BUDGET_SECONDS = 720;

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => (n < 0.1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(1));
const verdict = (ok: boolean): Verdict => (ok ? "met" : "missed");
const mib = (bytes: number) => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(2)} MiB` : `${int(bytes)} B`);
/** "1,000,000 articles" and, for the million's smaller bodies, how small. */
const sizeLabel = (c: { articles: number; bodyBytes: number }) =>
	`${int(c.articles)} articles${c.bodyBytes === BODY_BYTES ? "" : ` (smaller bodies: ~${int(c.bodyBytes)} B of HTML)`}`;

function load(result: LoadResult): string {
	const statuses = Object.entries(result.statuses)
		.map(([status, count]) => `${status}×${int(count)}`)
		.join(", ");
	const failures = result.failures > 0 ? ` (${statuses})` : "";
	return `${int(result.requestsPerSecond)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms${failures}`;
}

/** A row only when a case got answers other than the one expected: they do not count as throughput. */
function answerRow(what: string, result: LoadResult): Row[] {
	if (result.failures === 0) return [];
	const wrong = Object.entries(result.statuses)
		.filter(([status]) => status !== "200" && status !== "304")
		.map(([status, count]) => `${status}×${int(count)}`)
		.join(", ");
	return [
		{
			what: `${what} · wrong answers`,
			figure: `**${int(result.failures)}** of ${int(result.requests)} (${wrong})`,
			target: "none",
			verdict: "missed",
		},
	];
}

function loadRows(articles: number, collection: CollectionLoad): Row[] {
	const rows: Row[] = [];
	const n = int(articles);
	for (const path of collection.paths) {
		const where = `${n} articles · ${path.feed.path}`;
		rows.push({
			what: `${where} · ceiling, constant ${int(path.bodyBytes)} B body`,
			figure: load(path.ceiling),
			target: "reference",
			verdict: "—",
		});
		rows.push({
			what: `${where} · ceiling, constant 304`,
			figure: load(path.ceiling304),
			target: "reference",
			verdict: "—",
		});
		const revalidate = ratioOf(path.revalidate, path.ceiling304);
		rows.push({
			what: `${where} · 304`,
			figure: `**${revalidate.toFixed(2)}× ceiling** — ${load(path.revalidate)}`,
			target: `≥ ${TARGET_RATIO}× ceiling`,
			verdict: verdict(revalidate >= TARGET_RATIO),
			group: GROUPS.revalidate,
		});
		rows.push(...answerRow(`${where} · 304`, path.revalidate));
		const cached = ratioOf(path.cached, path.ceiling);
		rows.push({
			what: `${where} · cached 200`,
			figure: `**${cached.toFixed(2)}× ceiling** — ${load(path.cached)}`,
			target: `≥ ${TARGET_RATIO}× ceiling`,
			verdict: verdict(cached >= TARGET_RATIO),
			group: GROUPS.cached,
		});
		rows.push(...answerRow(`${where} · cached 200`, path.cached));
		for (const [kind, result, ceiling, group] of [
			["304", path.revalidateStats, path.ceiling304, GROUPS.revalidateStats],
			["cached 200", path.cachedStats, path.ceiling, GROUPS.cachedStats],
		] as const) {
			const ratio = ratioOf(result, ceiling);
			rows.push({
				what: `${where} · ${kind}, stats on`,
				figure: `**${ratio.toFixed(2)}× ceiling** — ${load(result)}`,
				target: `≥ ${TARGET_RATIO}× ceiling`,
				verdict: verdict(ratio >= TARGET_RATIO),
				group,
			});
			rows.push(...answerRow(`${where} · ${kind}, stats on`, result));
		}
		rows.push({
			what: `${where} · uncached 200`,
			figure: `${ratioOf(path.uncached, path.ceiling).toFixed(2)}× ceiling — ${load(path.uncached)}`,
			target: "none (render budget below)",
			verdict: "—",
		});
		rows.push(...answerRow(`${where} · uncached 200`, path.uncached));
	}
	return rows;
}

function spreadRows(
	small: { articles: number; load: CollectionLoad },
	large: { articles: number; load: CollectionLoad },
): Row[] {
	const rows: Row[] = [];
	for (const [index, smallPath] of small.load.paths.entries()) {
		const largePath = large.load.paths[index];
		if (!largePath) continue;
		const kinds: [string, (p: PathLoad) => AgainstCeiling][] = [
			["304", (p) => ({ app: p.revalidate, ceiling: p.ceiling304 })],
			["cached 200", (p) => ({ app: p.cached, ceiling: p.ceiling })],
		];
		for (const [kind, pair] of kinds) {
			const a = pair(smallPath);
			const b = pair(largePath);
			const { change, low, high, rounds } = ratioChange(a, b);
			rows.push({
				what: `${smallPath.feed.label} ${kind}: ${int(small.articles)} vs ${int(large.articles)} articles`,
				figure: `${ratioOf(a.app, a.ceiling).toFixed(2)}× vs ${ratioOf(b.app, b.ceiling).toFixed(2)}× ceiling (**${formatChange(change)}**; 95% interval over the ${rounds} rounds ${formatChange(low)} to ${formatChange(high)}); raw ${int(a.app.requestsPerSecond)} vs ${int(b.app.requestsPerSecond)} req/s`,
				target: `within ${SIZE_SPREAD * 100}%`,
				verdict: verdict(Math.abs(change) <= SIZE_SPREAD),
				group: GROUPS.spread,
			});
		}
	}
	return rows;
}

function reads(kind: KindReads): string {
	const one = (ops: { readKeys: number; readCalls: number; lists: number; writes: number }) =>
		`${ops.readKeys}${ops.readCalls !== ops.readKeys ? ` (${ops.readCalls} calls)` : ""}${ops.lists ? ` + ${ops.lists} lists` : ""}${ops.writes ? ` + ${ops.writes} writes` : ""}`;
	return `${one(kind.recheck)} when the head memo is due, ${one(kind.steady)} otherwise`;
}

function readRows(articles: number, collection: CollectionLoad): Row[] {
	const n = int(articles);
	const rows: Row[] = [];
	for (const path of collection.paths) {
		const counted = path.reads;
		if (!counted) continue;
		const worst304 = Math.max(counted.revalidate.recheck.readKeys, counted.revalidate.steady.readKeys);
		rows.push({
			what: `${n} articles · ${path.feed.path} · KV reads per 304`,
			figure: reads(counted.revalidate),
			target: "≤ 1",
			verdict: verdict(worst304 <= 1),
			group: GROUPS.reads304,
		});
		rows.push({
			what: `${n} articles · ${path.feed.path} · KV reads per cached 200`,
			figure: reads(counted.cached),
			target: "none",
			verdict: "—",
		});
		rows.push({
			what: `${n} articles · ${path.feed.path} · KV reads per uncached 200`,
			figure: reads(counted.uncached),
			target: "none",
			verdict: "—",
		});
	}
	return rows;
}

function renderRows(render: RenderRow[]): Row[] {
	const rows: Row[] = [];
	for (const row of render) {
		if (row.format === "model" && row.library) {
			rows.push({
				what: `build the feed model (buildFeedModel), ${row.items} items`,
				figure: `${ms(row.library.ms)} ms (K=${row.library.k}); paid before every render, not part of the render figures`,
				target: "none",
				verdict: "—",
			});
			continue;
		}
		const budget = RENDER_BUDGET_MS[row.items];
		if (row.library && budget !== undefined) {
			rows.push({
				what: `render ${row.format}, ${row.items} items`,
				figure: `**${ms(row.library.ms)} ms** (${int(row.library.size)} chars, K=${row.library.k})`,
				target: `≤ ${budget} ms`,
				verdict: verdict(row.library.ms <= budget),
				group: row.items === 20 ? GROUPS.render20 : GROUPS.render100,
			});
		}
	}
	return rows;
}

function cliText(sync: SyncFigures): string {
	const retried = sync.retries > 0 ? `; the CLI failed with exit 3 and was rerun ${sync.retries}×` : "";
	if (!sync.cli) return `CLI printed no report line${retried}`;
	return `CLI reports ${int(sync.cli.writes)} writes, ${int(sync.cli.deletes)} deletes${retried}`;
}

function prefixCounts(keys: KeyDiff): string {
	return Object.entries(keys.byPrefix)
		.map(([prefix, count]) => `${prefix} ${int(count)}`)
		.join(", ");
}

function syncFigure(sync: SyncFigures): string {
	const peak = Number.isNaN(sync.peakBytes)
		? "peak memory not measured (no /usr/bin/time)"
		: `peak ${mib(sync.peakBytes)}`;
	return `${sync.seconds.toFixed(1)} s, ${peak}`;
}

function freshTarget(
	results: BenchResults,
	articles: number,
	sync: SyncFigures,
): Pick<Row, "target" | "verdict" | "group"> {
	if (articles === 100_000)
		return {
			target: "≤ 5 min, peak ≤ 2 GiB",
			verdict: verdict(sync.seconds <= FRESH_100K_SECONDS && sync.peakBytes <= FRESH_100K_PEAK),
			group: GROUPS.fresh100k,
		};
	const hundredK = results.collections.find((c) => c.articles === 100_000)?.sync;
	if (articles === 1_000_000)
		return {
			target: hundredK
				? `completes; peak ≤ 100,000's (${mib(hundredK.peakBytes)})`
				: "completes (run 100,000 too to judge its peak)",
			verdict: hundredK ? verdict(sync.peakBytes <= hundredK.peakBytes * 1.1) : "met",
			group: GROUPS.freshMillion,
		};
	return { target: "none", verdict: "—" };
}

function syncRows(results: BenchResults): Row[] {
	const rows: Row[] = [];
	for (const { articles, sync, resync, resyncArchived, problems, bodyBytes } of results.collections) {
		const size = sizeLabel({ articles, bodyBytes });
		if (sync)
			rows.push({
				what: `sync ${size} (fresh state)`,
				figure: `**${syncFigure(sync)}**; ${sync.keys ? `${int(sync.keys.writes)} writes (keys: ${prefixCounts(sync.keys)}); ` : ""}${cliText(sync)}`,
				...freshTarget(results, articles, sync),
			});
		for (const [which, figures] of [
			["article", resync],
			["archived article", resyncArchived],
		] as const) {
			if (!figures?.keys) continue;
			rows.push({
				what: `re-sync one changed ${which} of ${size}`,
				figure: `**${figures.keys.writes} writes, ${syncFigure(figures)}** (keys: ${prefixCounts(figures.keys)}), ${figures.keys.removed} deletes; ${cliText(figures)}`,
				target: `≤ ${RESYNC_SECONDS} s, ≤ ${RESYNC_WRITES} writes`,
				verdict: verdict(figures.keys.writes <= RESYNC_WRITES && figures.seconds <= RESYNC_SECONDS),
				group: GROUPS.resync,
			});
		}
		for (const problem of problems) {
			rows.push({
				what: `${size} · sync`,
				figure: problem,
				target: "completes",
				verdict: "missed",
				group: GROUPS.syncs,
			});
		}
	}
	return rows;
}

/** A tag on every other article (generateCollection.ts): the items its full history holds. */
const benchTagItems = (articles: number) => Math.ceil(articles / 2);

function walkFigure(walk: ArchiveWalk, expected: number): string {
	const found = `${int(walk.items)} of ${int(expected)} items, ${int(walk.duplicates)} duplicates`;
	const problem = walk.problem ? `; stopped: ${walk.problem}` : "";
	if (!walk.linked) return `no archive links (the current document has ${found})${problem}`;
	return `${int(walk.documents)} documents, ${found}${problem}`;
}

const within = (a: number, b: number) => Math.abs(a / b - 1) <= COLD_SPREAD;
const part = (p: { keys: number; bytes: number }) => `${p.keys} keys, ${mib(p.bytes)}`;

/**
 * The cold request's rows at one size: the whole request against 10 articles' same request, then its index part
 * alone (records excluded) against 10 articles' index part. `default` is /rss.xml as readers ask for it, which at 10
 * articles shows 10 items and above the site's items per feed shows more; `shown` is ?limit=10, like for like.
 */
function coldRows(
	collection: CollectionResult,
	base: CollectionResult | undefined,
	which: "default" | "shown",
): Row[] {
	const cold = which === "default" ? collection.cold : collection.coldShown;
	const reference = which === "default" ? base?.cold : base?.coldShown;
	if (!cold) return [];
	const size = sizeLabel(collection);
	const compared = reference !== undefined && collection.articles !== base?.articles;
	const shown = `${cold.records.keys} records shown`;
	const rows: Row[] = [
		{
			what: `${size} · cold first uncached request (${cold.path}, fresh app, ${shown})`,
			figure: `**${cold.readKeys} keys, ${mib(cold.readBytes)} read, ${ms(cold.ms)} ms CPU** (median of ${ms(cold.msRange[0])}–${ms(cold.msRange[1])} ms, K=${cold.k}): index ${part(cold.index)}, records ${part(cold.records)}`,
			target: compared
				? `whole request within 20% of ${int(base?.articles ?? 0)} articles' same request (${reference.records.keys} records shown: ${mib(reference.readBytes)}, ${ms(reference.ms)} ms)`
				: "reference",
			verdict: compared
				? verdict(within(cold.readBytes, reference.readBytes) && within(cold.ms, reference.ms))
				: "—",
			group: compared ? (which === "default" ? GROUPS.cold : GROUPS.coldShown) : undefined,
		},
	];
	if (which === "shown")
		rows.push({
			what: `${size} · cold request's index part (${cold.path}: every value read but the records)`,
			figure: `**${part(cold.index)}**, parsed in ${ms(cold.index.parseMs)} ms CPU`,
			target: compared
				? `bytes within 20% of ${int(base?.articles ?? 0)} articles' index part (${part(reference.index)}, parsed in ${ms(reference.index.parseMs)} ms)`
				: "reference",
			verdict: compared ? verdict(within(cold.index.bytes, reference.index.bytes)) : "—",
			group: compared ? GROUPS.coldIndex : undefined,
		});
	return rows;
}

function scaleRows(results: BenchResults): Row[] {
	const rows: Row[] = [];
	const base = results.collections.find((c) => c.articles === 10);
	for (const collection of results.collections) {
		const size = sizeLabel(collection);
		if (collection.largest)
			rows.push({
				what: `${size} · largest KV value`,
				figure: `**${mib(collection.largest.bytes)}** (${collection.largest.key.slice(0, 40)})`,
				target: "≤ 1 MiB",
				verdict: verdict(collection.largest.bytes <= LARGEST_VALUE),
				group: GROUPS.largest,
			});
		rows.push(...coldRows(collection, base, "default"));
		rows.push(...coldRows(collection, base, "shown"));
		const walk = collection.walk;
		if (walk) {
			const expected = benchTagItems(collection.articles);
			rows.push({
				what: `${size} · archive walk of ${walk.path} (prev-archive links)`,
				figure: walkFigure(walk, expected),
				target: "every item exactly once",
				verdict: verdict(walk.items === expected && walk.duplicates === 0 && !walk.problem),
				group: GROUPS.walk,
			});
		}
	}
	return rows;
}

export function resultRows(results: BenchResults): Row[] {
	const rows: Row[] = [];
	for (const { articles, load } of results.collections) if (load) rows.push(...loadRows(articles, load));
	const loads = results.collections.flatMap(({ load }) =>
		(load?.paths ?? []).flatMap((path) => [
			path.revalidate,
			path.cached,
			path.revalidateStats,
			path.cachedStats,
			path.uncached,
		]),
	);
	if (loads.length > 0) {
		const failing = loads.filter((result) => result.failures > 0);
		const wrong = loads.reduce((sum, result) => sum + result.failures, 0);
		const requests = loads.reduce((sum, result) => sum + result.requests, 0);
		rows.push({
			what: "all load cases · wrong answers",
			figure: `${failing.length} of ${loads.length} cases had wrong answers: ${int(wrong)} of ${int(requests)} requests`,
			target: "none",
			verdict: verdict(failing.length === 0),
			group: GROUPS.answers,
		});
	}
	const measured = results.collections.filter((c) => c.load);
	const small = measured[0];
	for (const large of measured.slice(1)) {
		if (small?.load && large.load) {
			rows.push(
				...spreadRows(
					{ articles: small.articles, load: small.load },
					{ articles: large.articles, load: large.load },
				),
			);
		}
	}
	for (const { articles, load } of results.collections) if (load) rows.push(...readRows(articles, load));
	rows.push(...renderRows(results.render));
	rows.push(...syncRows(results));
	rows.push(...scaleRows(results));
	rows.push({
		what: "whole `npm run bench` (this run)",
		figure: `${(results.runSeconds / 60).toFixed(1)} min`,
		target: results.defaultSizes ? "< 12 min" : "< 12 min for the default sizes only",
		verdict: results.defaultSizes ? verdict(results.runSeconds < RUN_BUDGET_SECONDS) : "—",
		group: GROUPS.runtime,
	});
	for (const missing of results.missing) {
		rows.push({
			what: "not measured",
			figure: missing,
			target: "—",
			verdict: "missed",
			group: GROUPS.missing,
		});
	}
	return rows;
}

export function markdownTable(rows: Row[]): string {
	const cell = (text: string) => text.replaceAll("|", "\\|");
	return [
		"| what | measured | target | verdict |",
		"|---|---|---|---|",
		...rows.map(
			(row) => `| ${cell(row.what)} | ${cell(row.figure)} | ${cell(row.target)} | ${row.verdict} |`,
		),
	].join("\n");
}

/** One line per target: how many of its rows met it. */
export function targetSummary(rows: Row[]): string {
	const lines: string[] = [];
	for (const group of Object.values(GROUPS)) {
		const judged = rows.filter((row) => row.group === group && row.verdict !== "—");
		if (judged.length === 0) continue;
		const met = judged.filter((row) => row.verdict === "met").length;
		const word = met === judged.length ? "**met**" : met === 0 ? "**missed**" : "**partly met**";
		const only = judged.length === 1 ? judged[0] : undefined;
		lines.push(
			`- ${group}: ${word}${only ? ` (${only.figure.replaceAll("**", "")})` : `, ${met} of ${judged.length}`}`,
		);
	}
	return lines.join("\n");
}

const ANALYSIS_MARKER = "<!-- Everything below this line is kept when `npm run bench` rewrites the file. -->";

export function writeBenchmarks(file: string, results: BenchResults, method: string): void {
	const kept = existsSync(file) ? readFileSync(file, "utf8").split(ANALYSIS_MARKER)[1] : undefined;
	const m = results.machine;
	const rows = resultRows(results);
	const summary = targetSummary(rows);
	const text = `# Benchmarks

Written by \`npm run bench\` on ${results.date}.

Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${m.workerd} (miniflare ${m.miniflare}, wrangler ${m.wrangler}); load from ${m.wrk} (one thread), ${results.settings.connections} connections, ${results.settings.warmupSeconds} s warm-up + ${results.settings.seconds} s per case in ${results.settings.rounds} turns with its ceiling. Load average (1 min) ${results.loadAverage.start.toFixed(2)} at the start, ${results.loadAverage.end.toFixed(2)} at the end.

${summary}

${markdownTable(rows)}

${method}

${ANALYSIS_MARKER}${kept ?? "\n"}`;
	writeFileSync(file, text);
}
