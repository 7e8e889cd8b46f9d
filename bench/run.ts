// `npm run bench`: synthetic collections through the real sync into persisted local KV, the real Worker bundle in
// workerd (Miniflare's API), load from autocannon on loopback; prints one table and writes BENCHMARKS.md.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { type BenchRuntime, type BenchWorker, startRuntime } from "./benchRuntime.ts";
import { buildBundle, readWorkerConfig, type WorkerConfig } from "./buildBundle.ts";
import { benchCollection } from "./collectionBench.ts";
import { feedPaths } from "./feedPaths.ts";
import { articleFileName, generateCollection } from "./generateCollection.ts";
import { diffKeys, EMPTY_SNAPSHOT, type KeySnapshot, snapshotKeys } from "./kvKeys.ts";
import type { LoadSettings } from "./loadTest.ts";
import { describeMachine } from "./machine.ts";
import { measureRenderCost } from "./renderCost.ts";
import {
	type BenchResults,
	markdownTable,
	type RenderRow,
	resultRows,
	targetSummary,
	writeBenchmarks,
} from "./report.ts";
import { cliCounts, runSync } from "./syncCollection.ts";

const FULL_SIZES = [10, 1_000, 10_000];
/** BENCH_SIZES=10,1000 runs a shorter smoke test; only the full run rewrites BENCHMARKS.md. */
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : FULL_SIZES;
const FULL_RUN = SIZES.join() === FULL_SIZES.join() && !process.env.BENCH_ONLY;
const RENDER_ITEMS = [20, 100];
/** BENCH_ONLY=render measures render CPU alone, on a collection just large enough for it (under a minute). */
const RENDER_ONLY = process.env.BENCH_ONLY === "render";
const FORMATS = ["rss", "atom", "json"];
/** Not a format: the feed model build (records -> model) that precedes every render in the app. */
const MODEL = "model";
const DATA = "bench/.data";
/** 10 connections keep two cores busy (one for workerd, one for autocannon) without queueing much latency. */
const SETTINGS: LoadSettings = { connections: 10, seconds: 4, warmupSeconds: 0.5, rounds: 4 };
/** The run stops itself if anything hangs: the budget is 10 minutes, this is the hard stop. */
const WATCHDOG_MS = 14 * 60_000;

const started = performance.now();
const log = (line: string) =>
	console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

let running: BenchRuntime | undefined;
const watchdog = setTimeout(async () => {
	console.error(`bench: still running after ${WATCHDOG_MS / 60_000} min; stopping.`);
	await running?.dispose();
	process.exit(2);
}, WATCHDOG_MS);

async function start(state: string, workers: BenchWorker[], config: WorkerConfig): Promise<BenchRuntime> {
	running = await startRuntime(state, workers, config);
	return running;
}

async function stop(runtime: BenchRuntime): Promise<void> {
	await runtime.dispose();
	running = undefined;
}

function bundles(missing: string[]): { workers: BenchWorker[]; render: boolean } {
	const bundle = (name: string, entry?: string): BenchWorker => ({
		name,
		scriptPath: buildBundle(join(DATA, "bundles", name), entry),
	});
	// The app first: it is the Worker wrangler.toml deploys, bundled the same way.
	const app = bundle("app");
	const workers = [
		app,
		// The same bundle with FEED_STATS bound: subscriber counting on (without the binding it is off).
		{ name: "appStats", scriptPath: app.scriptPath, durableObjects: { FEED_STATS: "FeedStats" } },
		bundle("ceiling", "bench/workers/ceiling.ts"),
		bundle("kvProbe", "bench/workers/kvProbe.ts"),
	];
	const render = existsSync("src/serializers/index.ts");
	if (render) workers.push(bundle("renderProbe", "bench/workers/renderProbe.ts"));
	else
		missing.push(
			"render CPU: src/serializers/index.ts (renderRss/renderAtom/renderJsonFeed) does not exist yet",
		);
	return { workers, render };
}

/** Edits one article's body, as an editor would: its record, the manifest and head must change, nothing else. */
function changeOneArticle(contentDir: string): void {
	appendFileSync(join(contentDir, articleFileName(5)), "\nBài viết được cập nhật lúc 10 giờ sáng nay.\n");
}

async function renderRows(origins: Record<string, string>): Promise<RenderRow[]> {
	const rows: RenderRow[] = [];
	for (const items of RENDER_ITEMS) {
		for (const format of [MODEL, ...FORMATS]) {
			const row: RenderRow = { format, items };
			if (origins.renderProbe) row.library = await measureRenderCost(origins.renderProbe, format, items);
			log(`  render ${format} ${items} items: ${row.library?.ms.toFixed(3)} ms`);
			rows.push(row);
		}
	}
	return rows;
}

/** Render CPU alone: a collection of as many articles as the largest render, synced, and the render probe. */
async function renderOnly(results: BenchResults, config: WorkerConfig): Promise<void> {
	const articles = Math.max(...RENDER_ITEMS);
	const content = generateCollection(join(DATA, `content-${articles}`), articles);
	const state = join(DATA, `state-${articles}`);
	rmSync(state, { recursive: true, force: true });
	log(`${articles} articles generated; syncing (${runSync(content.dir, state).seconds.toFixed(1)} s)`);
	const probe = {
		name: "renderProbe",
		scriptPath: buildBundle(join(DATA, "bundles", "renderProbe"), "bench/workers/renderProbe.ts"),
	};
	const runtime = await start(state, [probe], config);
	try {
		results.render = await renderRows(runtime.origins);
	} finally {
		await stop(runtime);
	}
}

async function main(): Promise<void> {
	const results: BenchResults = {
		date: new Date().toISOString().slice(0, 10),
		machine: describeMachine(),
		settings: SETTINGS,
		collections: [],
		render: [],
		loadAverage: { start: loadavg()[0] ?? 0, end: 0 },
		missing: [],
		runSeconds: 0,
	};
	mkdirSync(DATA, { recursive: true });
	const config = readWorkerConfig();
	if (RENDER_ONLY) {
		await renderOnly(results, config);
		results.runSeconds = (performance.now() - started) / 1000;
		console.log(
			`\n${markdownTable(resultRows(results))}\n\nBENCH_ONLY=render: BENCHMARKS.md left as it was.`,
		);
		return;
	}
	log("bundling the app and the bench Workers with wrangler (dry run)");
	const { workers, render } = bundles(results.missing);
	const largest = SIZES[SIZES.length - 1];

	for (const articles of SIZES) {
		const content = generateCollection(join(DATA, `content-${articles}`), articles);
		log(`${articles} articles generated (${(content.bytes / 2 ** 20).toFixed(1)} MiB of Markdown); syncing`);
		const state = join(DATA, `state-${articles}`);
		rmSync(state, { recursive: true, force: true });
		const sync = runSync(content.dir, state);
		log(`  synced in ${sync.seconds.toFixed(1)} s`);
		let runtime = await start(state, workers, config);
		try {
			const before: KeySnapshot = await snapshotKeys(await runtime.articles());
			const collection: BenchResults["collections"][number] = {
				articles,
				sync: {
					articles,
					seconds: sync.seconds,
					keys: diffKeys(EMPTY_SNAPSHOT, before),
					cli: cliCounts(sync.output),
					retries: sync.retries,
				},
			};
			results.collections.push(collection);
			if (articles === largest) {
				await stop(runtime);
				changeOneArticle(content.dir);
				const resync = runSync(content.dir, state);
				runtime = await start(state, workers, config);
				const keys = diffKeys(before, await snapshotKeys(await runtime.articles()));
				results.resync = {
					articles,
					seconds: resync.seconds,
					keys,
					cli: cliCounts(resync.output),
					retries: resync.retries,
				};
				log(`  re-synced one changed article: ${keys.writes} writes, ${keys.removed} deletes`);
			}
			const feeds = await feedPaths(await runtime.articles());
			const { app, appStats, ceiling, kvProbe } = runtime.origins;
			if (!app || !appStats || !ceiling || !kvProbe)
				throw new Error("the runtime did not start every Worker");
			const countReads = articles === SIZES[0] || articles === largest;
			collection.load = await benchCollection(
				{ app, appStats, ceiling, kvProbe },
				feeds,
				SETTINGS,
				runtime.purgeCache,
				countReads,
				log,
			);
			if (articles === largest && render) {
				if (articles >= Math.max(...RENDER_ITEMS)) results.render = await renderRows(runtime.origins);
				else
					results.missing.push(
						`render CPU: the largest collection (${articles}) has fewer than 100 articles`,
					);
			}
		} finally {
			await stop(runtime);
		}
	}

	results.runSeconds = (performance.now() - started) / 1000;
	results.loadAverage.end = loadavg()[0] ?? 0;
	const rows = resultRows(results);
	console.log(`\n${markdownTable(rows)}\n\n${targetSummary(rows)}\n`);
	if (FULL_RUN) {
		writeBenchmarks("BENCHMARKS.md", results, readFileSync("bench/method.md", "utf8").trim());
		console.log("Written to BENCHMARKS.md.");
	} else console.log(`BENCH_SIZES=${SIZES.join()}: a partial run, BENCHMARKS.md left as it was.`);
}

try {
	await main();
} finally {
	clearTimeout(watchdog);
}
