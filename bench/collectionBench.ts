// Loads the synced collections together: for each feed, each collection's ceiling, 304 and cached 200 in the same
// turns as the other collections', then its uncached 200.
import { type AppResponses, captureApp, registerWithCeiling } from "./ceilingResponse.ts";
import { type FeedPath, uncachedPath } from "./feedPaths.ts";
import { type PathReads, pathReads } from "./kvReads.ts";
import { type LoadCase, type LoadResult, type LoadSettings, measureInTurns } from "./loadTest.ts";

export interface Origins {
	app: string;
	/** The app with subscriber counting on (FEED_STATS bound). */
	appStats: string;
	ceiling: string;
	kvProbe: string;
}

export interface PathLoad {
	feed: FeedPath;
	bodyBytes: number;
	/** Body bytes of the uncached variant (same items, distinct cache key). */
	uncachedBodyBytes: number;
	etag: string;
	/** The ceiling Worker with this feed's body, measured in turns with `cached`. */
	ceiling: LoadResult;
	/** The ceiling Worker's bodiless 304, measured in turns with `revalidate`. */
	ceiling304: LoadResult;
	revalidate: LoadResult;
	cached: LoadResult;
	/** The same 304 and cached 200 with subscriber counting on. */
	revalidateStats: LoadResult;
	cachedStats: LoadResult;
	uncached: LoadResult;
	/** Counted on the smallest and largest collections only (to keep the run inside its time budget). */
	reads?: PathReads;
}

export interface CollectionLoad {
	paths: PathLoad[];
}

/** A reader's app, so the stats path does its usual work (one poller key per batch). */
const READER_AGENT = "NetNewsWire (RSS Reader; https://netnewswire.com/)";

async function firstBody(url: string): Promise<ArrayBuffer> {
	const response = await fetch(url);
	const body = await response.arrayBuffer();
	if (response.status !== 200) throw new Error(`${url}: expected 200, got ${response.status}`);
	return body;
}

/** One synced collection's Workers whose hot answers are loaded alongside the others'. */
export interface HotTarget {
	origins: Pick<Origins, "app" | "ceiling"> & Partial<Origins>;
}

/** One synced collection's Workers, loaded alongside the others. */
export interface LoadTarget extends HotTarget {
	articles: number;
	origins: Origins;
	purgeCache: () => Promise<unknown>;
	/** Count KV reads per answer (the smallest and largest collections only, to keep the run inside its budget). */
	countReads: boolean;
}

/** One load case for each collection, in the collections' order: measured in the same turns, then split back. */
async function inTurns<Target extends HotTarget>(
	targets: Target[],
	cases: (target: Target, index: number) => LoadCase[],
	settings: LoadSettings,
): Promise<LoadResult[][]> {
	const perTarget = targets.map(cases);
	const results = await measureInTurns(perTarget.flat(), settings);
	let next = 0;
	return perTarget.map((group) => group.map(() => results[next++] as LoadResult));
}

/** A feed's response as one collection's app sends it, given to that collection's ceiling. */
export interface PreparedFeed {
	first: AppResponses;
	bodyBytes: number;
}

/** Captures each collection's 200 and 304 for `feed` and registers them with its ceiling (ceilingResponse.ts). */
export async function prepareFeed(targets: HotTarget[], feed: FeedPath): Promise<PreparedFeed[]> {
	const prepared: PreparedFeed[] = [];
	for (const { origins } of targets) {
		const first = await captureApp(`${origins.app}${feed.path}`);
		await registerWithCeiling(origins.ceiling, feed.path, first);
		prepared.push({ first, bodyBytes: first.ok.body.byteLength });
	}
	return prepared;
}

/** One collection's hot answers against its ceiling, and with counting on when it was asked for. */
export interface HotLoad {
	ceiling304: LoadResult;
	revalidate: LoadResult;
	revalidateStats?: LoadResult;
	ceiling: LoadResult;
	cached: LoadResult;
	cachedStats?: LoadResult;
}

/**
 * The 304s of every collection take turns in one series of rounds, then their cached 200s in another: each
 * collection's ceiling, its app and (with `stats`) its app with counting on. So a comparison across sizes is as
 * paired as one against the ceiling (the machine's drift between sizes cancels out).
 */
export async function hotTurns(
	targets: HotTarget[],
	feed: FeedPath,
	prepared: PreparedFeed[],
	settings: LoadSettings,
	stats: boolean,
): Promise<HotLoad[]> {
	/** Each collection's ceiling, app and (with `stats`) app with counting on, all answering one way. */
	const series = (status: 200 | 304) =>
		inTurns(
			targets,
			({ origins }, index): LoadCase[] => {
				const { first, bodyBytes } = prepared[index] as PreparedFeed;
				const conditional: Record<string, string> = status === 304 ? { "if-none-match": first.etag } : {};
				const answer = { expectStatus: status, bodyBytes: status === 200 ? bodyBytes : undefined };
				const cases: LoadCase[] = [
					{ url: `${origins.ceiling}${feed.path}`, headers: conditional, ...answer },
					{ url: `${origins.app}${feed.path}`, headers: conditional, ...answer },
				];
				if (stats && origins.appStats)
					cases.push({
						url: `${origins.appStats}${feed.path}`,
						headers: { ...conditional, "user-agent": READER_AGENT },
						...answer,
					});
				return cases;
			},
			settings,
		);
	const revalidations = await series(304);
	const answers = await series(200);
	return targets.map((_, index) => {
		const [ceiling304, revalidate, revalidateStats] = revalidations[index] ?? [];
		const [ceiling, cached, cachedStats] = answers[index] ?? [];
		if (!ceiling304 || !revalidate || !ceiling || !cached) throw new Error("a load case gave no result");
		return { ceiling304, revalidate, revalidateStats, ceiling, cached, cachedStats };
	});
}

/**
 * Loads every collection at once, feed by feed: the hot answers in turns across collections (hotTurns), then each
 * collection's uncached 200s and its KV reads per answer.
 */
export async function benchCollections(
	targets: LoadTarget[],
	feeds: FeedPath[],
	settings: LoadSettings,
	log: (line: string) => void,
): Promise<CollectionLoad[]> {
	const loads: CollectionLoad[] = targets.map(() => ({ paths: [] }));
	for (const feed of feeds) {
		const prepared = await prepareFeed(targets, feed);
		const hot = await hotTurns(targets, feed, prepared, settings, true);
		for (const [index, target] of targets.entries()) {
			const { first, bodyBytes } = prepared[index] as PreparedFeed;
			const { revalidateStats, cachedStats, ...answers } = hot[index] as HotLoad;
			const uncachedBody = await firstBody(`${target.origins.app}${uncachedPath(feed.path, 0)}`);
			const [uncached] = await measureInTurns(
				[
					{
						url: `${target.origins.app}${feed.path}`,
						uniquePaths: true,
						expectStatus: 200,
						bodyBytes: uncachedBody.byteLength,
					},
				],
				{ ...settings, rounds: 1 },
			);
			if (!revalidateStats || !cachedStats || !uncached) throw new Error("a load case gave no result");
			// Every uncached request stored a copy; drop them so the next case starts from the same cache size.
			await target.purgeCache();
			const reads = target.countReads ? await pathReads(target.origins.kvProbe, feed, first.etag) : undefined;
			log(
				`  ${target.articles} articles ${feed.path}: ${bodyBytes} B; 304 ${answers.revalidate.requestsPerSecond.toFixed(0)} (ceiling ${answers.ceiling304.requestsPerSecond.toFixed(0)}, stats on ${revalidateStats.requestsPerSecond.toFixed(0)}), cached ${answers.cached.requestsPerSecond.toFixed(0)} (ceiling ${answers.ceiling.requestsPerSecond.toFixed(0)}, stats on ${cachedStats.requestsPerSecond.toFixed(0)}), uncached ${uncached.requestsPerSecond.toFixed(0)} req/s`,
			);
			loads[index]?.paths.push({
				feed,
				bodyBytes,
				uncachedBodyBytes: uncachedBody.byteLength,
				etag: first.etag,
				...answers,
				revalidateStats,
				cachedStats,
				uncached,
				reads,
			});
		}
	}
	return loads;
}
