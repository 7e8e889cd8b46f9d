// Loads one synced collection: for each feed, the ceiling, then a 304, a cached 200 and an uncached 200 from the app.
import { captureApp, registerWithCeiling } from "./ceilingResponse.ts";
import { type FeedPath, uncachedPath } from "./feedPaths.ts";
import { type PathReads, pathReads } from "./kvReads.ts";
import { type LoadResult, type LoadSettings, measureInTurns } from "./loadTest.ts";

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

export async function benchCollection(
	origins: Origins,
	feeds: FeedPath[],
	settings: LoadSettings,
	purgeCache: () => Promise<unknown>,
	countReads: boolean,
	log: (line: string) => void,
): Promise<CollectionLoad> {
	const paths: PathLoad[] = [];
	for (const feed of feeds) {
		const url = `${origins.app}${feed.path}`;
		const first = await captureApp(url);
		const uncachedBody = await firstBody(`${origins.app}${uncachedPath(feed.path, 0)}`);
		await registerWithCeiling(origins.ceiling, feed.path, first);
		const statsUrl = `${origins.appStats}${feed.path}`;
		const bodyBytes = first.ok.body.byteLength;
		const [ceiling304, revalidate, revalidateStats] = await measureInTurns(
			[
				{
					url: `${origins.ceiling}${feed.path}`,
					headers: { "if-none-match": first.etag },
					expectStatus: 304,
				},
				{ url, headers: { "if-none-match": first.etag }, expectStatus: 304 },
				{
					url: statsUrl,
					headers: { "if-none-match": first.etag, "user-agent": READER_AGENT },
					expectStatus: 304,
				},
			],
			settings,
		);
		const [ceiling, cached, cachedStats] = await measureInTurns(
			[
				{ url: `${origins.ceiling}${feed.path}`, expectStatus: 200, bodyBytes },
				{ url, expectStatus: 200, bodyBytes },
				{ url: statsUrl, headers: { "user-agent": READER_AGENT }, expectStatus: 200, bodyBytes },
			],
			settings,
		);
		const [uncached] = await measureInTurns(
			[{ url, uniquePaths: true, expectStatus: 200, bodyBytes: uncachedBody.byteLength }],
			{ ...settings, rounds: 1 },
		);
		if (!ceiling304 || !revalidate || !revalidateStats || !ceiling || !cached || !cachedStats || !uncached)
			throw new Error("a load case gave no result");
		// Every uncached request stored a copy; drop them so the next case starts from the same cache size.
		await purgeCache();
		const reads = countReads ? await pathReads(origins.kvProbe, feed, first.etag) : undefined;
		log(
			`  ${feed.path}: ${bodyBytes} B; 304 ${revalidate.requestsPerSecond.toFixed(0)} (ceiling ${ceiling304.requestsPerSecond.toFixed(0)}, stats on ${revalidateStats.requestsPerSecond.toFixed(0)}), cached ${cached.requestsPerSecond.toFixed(0)} (ceiling ${ceiling.requestsPerSecond.toFixed(0)}, stats on ${cachedStats.requestsPerSecond.toFixed(0)}), uncached ${uncached.requestsPerSecond.toFixed(0)} req/s`,
		);
		paths.push({
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
	return { paths };
}
