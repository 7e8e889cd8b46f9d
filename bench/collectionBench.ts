// Loads the synced collections together: for each feed, each collection's ceiling, 304, cached 200 and uncached 200,
// the collections' cases in the same turns.
import { captureApp, registerWithCeiling } from "./ceilingResponse.ts";
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

/** One synced collection's Workers, loaded alongside the others. */
export interface LoadTarget {
	articles: number;
	origins: Origins;
	purgeCache: () => Promise<unknown>;
	/** Count KV reads per answer (the smallest and largest collections only, to keep the run inside its budget). */
	countReads: boolean;
}

/** One load case for each collection, in the collections' order: measured in the same turns, then split back. */
async function inTurns(
	targets: LoadTarget[],
	cases: (target: LoadTarget, index: number) => LoadCase[],
	settings: LoadSettings,
): Promise<LoadResult[][]> {
	const perTarget = targets.map(cases);
	const results = await measureInTurns(perTarget.flat(), settings);
	let next = 0;
	return perTarget.map((group) => group.map(() => results[next++] as LoadResult));
}

/**
 * Loads every collection at once, feed by feed: each collection's 304s and ceilings take turns with the other
 * collections' in one series of rounds, and so do the cached 200s, so a comparison across sizes is as paired as one
 * against the ceiling (the machine's drift between sizes cancels out).
 */
export async function benchCollections(
	targets: LoadTarget[],
	feeds: FeedPath[],
	settings: LoadSettings,
	log: (line: string) => void,
): Promise<CollectionLoad[]> {
	const loads: CollectionLoad[] = targets.map(() => ({ paths: [] }));
	for (const feed of feeds) {
		const firsts: {
			first: Awaited<ReturnType<typeof captureApp>>;
			uncachedBody: ArrayBuffer;
			bodyBytes: number;
		}[] = [];
		for (const { origins } of targets) {
			const first = await captureApp(`${origins.app}${feed.path}`);
			const uncachedBody = await firstBody(`${origins.app}${uncachedPath(feed.path, 0)}`);
			await registerWithCeiling(origins.ceiling, feed.path, first);
			firsts.push({ first, uncachedBody, bodyBytes: first.ok.body.byteLength });
		}
		const at = (index: number) => firsts[index] as (typeof firsts)[number];
		const revalidations = await inTurns(
			targets,
			({ origins }, index): LoadCase[] => {
				const etag = at(index).first.etag;
				return [
					{ url: `${origins.ceiling}${feed.path}`, headers: { "if-none-match": etag }, expectStatus: 304 },
					{ url: `${origins.app}${feed.path}`, headers: { "if-none-match": etag }, expectStatus: 304 },
					{
						url: `${origins.appStats}${feed.path}`,
						headers: { "if-none-match": etag, "user-agent": READER_AGENT },
						expectStatus: 304,
					},
				];
			},
			settings,
		);
		const answers = await inTurns(
			targets,
			({ origins }, index): LoadCase[] => {
				const { bodyBytes } = at(index);
				return [
					{ url: `${origins.ceiling}${feed.path}`, expectStatus: 200, bodyBytes },
					{ url: `${origins.app}${feed.path}`, expectStatus: 200, bodyBytes },
					{
						url: `${origins.appStats}${feed.path}`,
						headers: { "user-agent": READER_AGENT },
						expectStatus: 200,
						bodyBytes,
					},
				];
			},
			settings,
		);
		for (const [index, target] of targets.entries()) {
			const { first, uncachedBody, bodyBytes } = at(index);
			const [ceiling304, revalidate, revalidateStats] = revalidations[index] ?? [];
			const [ceiling, cached, cachedStats] = answers[index] ?? [];
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
			if (!ceiling304 || !revalidate || !revalidateStats || !ceiling || !cached || !cachedStats || !uncached)
				throw new Error("a load case gave no result");
			// Every uncached request stored a copy; drop them so the next case starts from the same cache size.
			await target.purgeCache();
			const reads = target.countReads ? await pathReads(target.origins.kvProbe, feed, first.etag) : undefined;
			log(
				`  ${target.articles} articles ${feed.path}: ${bodyBytes} B; 304 ${revalidate.requestsPerSecond.toFixed(0)} (ceiling ${ceiling304.requestsPerSecond.toFixed(0)}, stats on ${revalidateStats.requestsPerSecond.toFixed(0)}), cached ${cached.requestsPerSecond.toFixed(0)} (ceiling ${ceiling.requestsPerSecond.toFixed(0)}, stats on ${cachedStats.requestsPerSecond.toFixed(0)}), uncached ${uncached.requestsPerSecond.toFixed(0)} req/s`,
			);
			loads[index]?.paths.push({
				feed,
				bodyBytes,
				uncachedBodyBytes: uncachedBody.byteLength,
				etag: first.etag,
				ceiling,
				ceiling304,
				revalidate,
				cached,
				revalidateStats,
				cachedStats,
				uncached,
				reads,
			});
		}
	}
	return loads;
}
