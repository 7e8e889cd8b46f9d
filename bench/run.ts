// `npm run bench`: synthetic collections through the real sync (a child process: time, peak memory) into persisted
// local KV, the real Worker bundle in workerd (Miniflare's API), load from wrk on loopback; prints one table and
// writes BENCHMARKS.md.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { walkArchive } from "./archiveWalk.ts";
import { type BenchRuntime, type BenchWorker, startRuntime } from "./benchRuntime.ts";
import { buildBundle, readWorkerConfig, type WorkerConfig } from "./buildBundle.ts";
import { benchCollections, type LoadTarget } from "./collectionBench.ts";
import { benchTagAtomPath, feedPaths } from "./feedPaths.ts";
import { archivedArticle, BODY_BYTES, editArticle, generateCollection } from "./generateCollection.ts";
import { diffKeys, EMPTY_SNAPSHOT, snapshotKeys } from "./kvKeys.ts";
import { coldPaths } from "./kvReads.ts";
import { type LoadSettings, wrkVersion } from "./loadTest.ts";
import { describeMachine } from "./machine.ts";
import { measureRenderCost } from "./renderCost.ts";
import {
	type BenchResults,
	type CollectionResult,
	markdownTable,
	type RenderRow,
	resultRows,
	type SyncFigures,
	targetSummary,
	writeBenchmarks,
} from "./report.ts";
import { cliCounts, runSync } from "./syncCollection.ts";

const FULL_SIZES = [10, 1_000, 10_000];
/**
 * BENCH_SIZES=10,1000 runs a shorter smoke test, BENCH_SIZES=10,10000,100000 the archive scale; BENCH_MILLION=1 adds
 * 1,000,000 articles (smaller bodies, see generateCollection.ts) to whatever sizes run. A run that covers every
 * default size (BENCH_SIZES=10,1000,10000,100000 as well) rewrites BENCHMARKS.md; a run of fewer sizes does not.
 */
const SIZES = [
	...(process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : FULL_SIZES),
	...(process.env.BENCH_MILLION === "1" ? [1_000_000] : []),
]
	.filter((size, index, all) => all.indexOf(size) === index)
	.sort((a, b) => a - b);
if (SIZES.some((size) => !Number.isInteger(size) || size < 1))
	throw new Error(`BENCH_SIZES must be positive whole numbers: ${process.env.BENCH_SIZES}`);
const FULL_RUN = FULL_SIZES.every((size) => SIZES.includes(size)) && !process.env.BENCH_ONLY;
const RENDER_ITEMS = [20, 100];
/** BENCH_ONLY=render measures render CPU alone, on a collection just large enough for it (under a minute). */
const RENDER_ONLY = process.env.BENCH_ONLY === "render";
/** BENCH_ONLY=cold leaves out the load cases and render CPU: syncs, cold path and archive walk only. */
const COLD_ONLY = process.env.BENCH_ONLY === "cold";
/** Items the like-for-like cold request shows at every size (`?limit=`): all a 10-article collection has. */
const COLD_SHOWN = 10;
const FORMATS = ["rss", "atom", "json"];
/** Not a format: the feed model build (records -> model) that precedes every render in the app. */
const MODEL = "model";
const DATA = "bench/.data";
/**
 * 10 connections keep two cores busy (one for workerd, one for wrk) without queueing much latency. Each round gives a
 * case one second; BENCH_ROUNDS sets how many (4 keep the default run inside its budget, while one round's ratio to
 * the ceiling moves by ±20% with this machine's neighbours: see the interval on the "10 vs N" rows).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 4;
if (!Number.isInteger(ROUNDS) || ROUNDS < 2)
	throw new Error(`BENCH_ROUNDS must be 2 or more: ${process.env.BENCH_ROUNDS}`);
const SETTINGS: LoadSettings = { connections: 10, seconds: ROUNDS, warmupSeconds: 1, rounds: ROUNDS };
/** A sync is stopped after 25 minutes per 100,000 articles (5 at least); BENCH_SYNC_MINUTES sets another limit. */
const syncTimeoutMs = (articles: number) =>
	60_000 * (Number(process.env.BENCH_SYNC_MINUTES) || Math.max(5, (25 * articles) / 100_000));
/**
 * The run stops itself if anything hangs: 14 minutes for the default sizes, plus twice the syncs' limits and twice the
 * rounds past the default.
 */
const WATCHDOG_MS =
	14 * 60_000 +
	SIZES.filter((size) => size > 10_000).reduce((sum, size) => sum + 4 * syncTimeoutMs(size), 0) +
	// Rounds past the default 4: seven one-second cases per feed (four feeds) and loaded size, twice over.
	2 * 4 * SIZES.length * 7 * Math.max(0, ROUNDS - 4) * 1000;

const started = performance.now();
const log = (line: string) =>
	console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** Runtimes still up: the loaded collections wait in theirs until every size is synced and they are loaded together. */
const running = new Set<BenchRuntime>();
const watchdog = setTimeout(async () => {
	console.error(`bench: still running after ${(WATCHDOG_MS / 60_000).toFixed(0)} min; stopping.`);
	await Promise.all([...running].map((runtime) => runtime.dispose()));
	process.exit(2);
}, WATCHDOG_MS);

async function start(state: string, workers: BenchWorker[], config: WorkerConfig): Promise<BenchRuntime> {
	const runtime = await startRuntime(state, workers, config);
	running.add(runtime);
	return runtime;
}

async function stop(runtime: BenchRuntime): Promise<void> {
	running.delete(runtime);
	await runtime.dispose();
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
		bundle("coldProbe", "bench/workers/coldProbe.ts"),
	];
	const render = existsSync("src/serializers/index.ts");
	if (render) workers.push(bundle("renderProbe", "bench/workers/renderProbe.ts"));
	else
		missing.push(
			"render CPU: src/serializers/index.ts (renderRss/renderAtom/renderJsonFeed) does not exist yet",
		);
	return { workers, render };
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
	log(
		`${articles} articles generated; syncing (${(await runSync(content.dir, state)).seconds.toFixed(1)} s)`,
	);
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

/** Loads every size at the ends of the range and from 100,000 on; the 1,000 in between adds only minutes. */
const loaded = (articles: number) =>
	articles === SIZES[0] || articles === SIZES[SIZES.length - 1] || articles >= 100_000;

/** A synced collection whose runtime stays up until the collections are measured together. */
interface Synced {
	collection: CollectionResult;
	runtime: BenchRuntime;
}

/**
 * One size: generate (or reuse), fresh sync, one edited article re-synced, then the runtime and the archive walk.
 * Returns the runtime still running: the cold path and the load are measured with every size's runtime up (see
 * measureTogether). A sync that fails or is stopped ends this size's measurements with its reason in the results, and
 * the run goes on.
 */
async function benchSize(
	articles: number,
	namespace: string,
	workers: BenchWorker[],
	config: WorkerConfig,
): Promise<{ collection: CollectionResult; runtime?: BenchRuntime }> {
	const content = generateCollection(join(DATA, `content-${articles}`), articles);
	const collection: CollectionResult = { articles, bodyBytes: content.bodyBytes, problems: [] };
	const body = content.bodyBytes === BODY_BYTES ? "" : `, smaller bodies of ~${content.bodyBytes} B of HTML`;
	log(
		`${articles} articles ${content.reused ? "already generated" : "generated"} (${(content.bytes / 2 ** 20).toFixed(1)} MiB of Markdown in nested folders${body}); syncing`,
	);
	const state = join(DATA, `state-${articles}`);
	rmSync(state, { recursive: true, force: true });
	try {
		const sync = await runSync(content.dir, state, syncTimeoutMs(articles));
		const fresh = snapshotKeys(state, namespace);
		collection.largest = fresh.largest;
		collection.sync = {
			articles,
			seconds: sync.seconds,
			peakBytes: sync.peakBytes,
			keys: diffKeys(EMPTY_SNAPSHOT, fresh),
			cli: cliCounts(sync.output),
			retries: sync.retries,
		};
		log(`  synced in ${sync.seconds.toFixed(1)} s, peak ${(sync.peakBytes / 2 ** 20).toFixed(0)} MiB`);
		let before = fresh;
		/** Edits one article, syncs again, and measures that sync against the state before it. */
		const resyncAfterEditing = async (index: number | undefined, what: string): Promise<SyncFigures> => {
			editArticle(content.dir, index);
			const resync = await runSync(content.dir, state, syncTimeoutMs(articles));
			const after = snapshotKeys(state, namespace);
			if (after.largest.bytes > (collection.largest?.bytes ?? 0)) collection.largest = after.largest;
			const keys = diffKeys(before, after);
			before = after;
			log(
				`  re-synced one changed ${what}: ${keys.writes} writes, ${keys.removed} deletes, ${resync.seconds.toFixed(1)} s, peak ${(resync.peakBytes / 2 ** 20).toFixed(0)} MiB`,
			);
			return {
				articles,
				seconds: resync.seconds,
				peakBytes: resync.peakBytes,
				keys,
				cli: cliCounts(resync.output),
				retries: resync.retries,
			};
		};
		collection.resync = await resyncAfterEditing(undefined, "article");
		const archived = archivedArticle(articles);
		if (archived !== undefined)
			collection.resyncArchived = await resyncAfterEditing(archived, "archived article");
	} catch (error) {
		// The first line says what failed; the CLI's last lines say where it was.
		const lines = (error as Error).message.split(/[\r\n]+/).filter((line) => line.trim() !== "");
		const stage = collection.sync ? "re-sync" : "fresh sync";
		collection.problems.push(`${stage}: ${[lines[0], ...lines.slice(1).slice(-3)].join(" … ")}`);
		log(`  ${collection.problems.at(-1)}`);
		if (!collection.sync) return { collection };
	}
	const runtime = await start(state, workers, config);
	const { app } = runtime.origins;
	if (!app) throw new Error("the runtime did not start every Worker");
	collection.walk = await walkArchive(app, benchTagAtomPath());
	log(
		`  archive walk of ${collection.walk.path}: ${collection.walk.linked ? `${collection.walk.documents} documents` : "no archive links"}, ${collection.walk.items} items, ${collection.walk.duplicates} duplicates`,
	);
	return { collection, runtime };
}

/** Each size's cold path, the sizes taking turns (kvReads.ts coldPaths). */
async function coldAll(synced: Synced[]): Promise<void> {
	const probes = synced.map(({ runtime }) => {
		const probe = runtime.origins.coldProbe;
		if (!probe) throw new Error("the runtime did not start every Worker");
		return probe;
	});
	const feed = feedPaths()[0]?.path ?? "/rss.xml";
	const cold = await coldPaths(probes, feed);
	const shown = await coldPaths(probes, `${feed}?limit=${COLD_SHOWN}`);
	for (const [index, { collection }] of synced.entries()) {
		collection.cold = cold[index];
		collection.coldShown = shown[index];
		for (const path of [cold[index], shown[index]]) {
			if (!path) continue;
			log(
				`  ${collection.articles} articles, cold ${path.path}: ${path.readKeys} keys, ${path.readBytes} B read (index ${path.index.keys} keys, ${path.index.bytes} B, parsed in ${path.index.parseMs.toFixed(3)} ms; records ${path.records.keys} keys, ${path.records.bytes} B), ${path.ms.toFixed(2)} ms CPU (${path.msRange.map((ms) => ms.toFixed(2)).join("–")})`,
			);
		}
	}
}

/** Loads the collections together (see collectionBench.ts), then measures render CPU in the largest one's runtime. */
async function loadAll(loadables: Synced[], results: BenchResults, render: boolean): Promise<void> {
	const targets: LoadTarget[] = loadables.map(({ collection, runtime }) => {
		const { app, appStats, ceiling, kvProbe } = runtime.origins;
		if (!app || !appStats || !ceiling || !kvProbe) throw new Error("the runtime did not start every Worker");
		return {
			articles: collection.articles,
			origins: { app, appStats, ceiling, kvProbe },
			purgeCache: runtime.purgeCache,
			countReads: collection.articles === SIZES[0] || collection.articles === SIZES[SIZES.length - 1],
		};
	});
	log(`loading ${targets.map((target) => target.articles).join(", ")} articles in the same turns`);
	const loads = await benchCollections(targets, feedPaths(), SETTINGS, log);
	for (const [index, { collection }] of loadables.entries()) collection.load = loads[index];
	const largest = loadables.at(-1);
	if (!render || !largest) return;
	if (largest.collection.articles >= Math.max(...RENDER_ITEMS))
		results.render = await renderRows(largest.runtime.origins);
	else
		results.missing.push(
			`render CPU: the largest collection (${largest.collection.articles}) has fewer than 100 articles`,
		);
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
		defaultSizes: SIZES.join() === FULL_SIZES.join(),
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
	log(`load from ${wrkVersion()}`);
	log("bundling the app and the bench Workers with wrangler (dry run)");
	const { workers, render } = bundles(results.missing);
	const namespace = config.kvNamespaces.ARTICLES ?? "";
	const synced: Synced[] = [];
	try {
		for (const articles of SIZES) {
			const { collection, runtime } = await benchSize(articles, namespace, workers, config);
			results.collections.push(collection);
			if (runtime) synced.push({ collection, runtime });
		}
		log(`cold path of ${synced.map(({ collection }) => collection.articles).join(", ")} articles in turns`);
		if (synced.length > 0) await coldAll(synced);
		const loadables = synced.filter(({ collection }) => loaded(collection.articles));
		if (loadables.length > 0 && !COLD_ONLY) await loadAll(loadables, results, render);
	} finally {
		await Promise.all([...running].map(stop));
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
