// Counts the KV operations the real app makes per request, through the kvProbe Worker, one request at a time.
import { HEAD_RECHECK_MS } from "../src/store/kvFreshness.ts";
import { type FeedPath, uncachedPath } from "./feedPaths.ts";
import { measureLoopCost } from "./renderCost.ts";

export interface KvOps {
	readKeys: number;
	readCalls: number;
	lists: number;
	writes: number;
}

/** `recheck`: the isolate's head memo has just expired (the most a request can cost once warm); `steady`: right after. */
export interface KindReads {
	recheck: KvOps;
	steady: KvOps;
}

export interface PathReads {
	revalidate: KindReads;
	cached: KindReads;
	uncached: KindReads;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function probe(
	url: string,
	expectStatus: number,
	headers: Record<string, string> = {},
): Promise<KvOps> {
	const response = await fetch(url, { headers });
	await response.arrayBuffer();
	if (response.status !== expectStatus)
		throw new Error(`${url}: expected ${expectStatus}, got ${response.status}`);
	const count = (name: string) => {
		const value = response.headers.get(`x-bench-kv-${name}`);
		if (value === null) throw new Error(`${url}: the kvProbe answered without x-bench-kv-${name}`);
		return Number(value);
	};
	return {
		readKeys: count("read-keys"),
		readCalls: count("read-calls"),
		lists: count("lists"),
		writes: count("writes"),
	};
}

let unique = 1_000_000;

async function kindReads(send: () => Promise<KvOps>): Promise<KindReads> {
	await sleep(HEAD_RECHECK_MS + 100);
	const recheck = await send();
	const steady = await send();
	return { recheck, steady };
}

export async function pathReads(origin: string, feed: FeedPath, etag: string): Promise<PathReads> {
	const url = `${origin}${feed.path}`;
	const uncached = await kindReads(() => probe(`${origin}${uncachedPath(feed.path, unique++)}`, 200));
	await probe(url, 200);
	// The edge-cache write may finish after the response (waitUntil); give it time before expecting a hit.
	await sleep(200);
	const cached = await kindReads(() => probe(url, 200));
	const revalidate = await kindReads(() => probe(url, 304, { "if-none-match": etag }));
	return { revalidate, cached, uncached };
}

/** Keys and bytes of one part of what a cold request read. */
export interface ReadPart {
	keys: number;
	bytes: number;
}

export interface ColdPath {
	path: string;
	/** KV keys and bytes the first uncached request of a fresh app read. */
	readKeys: number;
	readBytes: number;
	/** Of those: the article records shown, and everything else (head, manifest, shards, summary: the index). */
	records: ReadPart;
	index: ReadPart & {
		/** Milliseconds of CPU that parsing the index values costs (part of `ms`). */
		parseMs: number;
	};
	/** Milliseconds of CPU of that request without KV I/O (bench/workers/coldProbe.ts): the median of COLD_ROUNDS
	 * measurements, their range, and the loop's K. */
	ms: number;
	msRange: [number, number];
	k: number;
}

/** Times each cold figure is measured, all with the K the first chose (so rounds differ only by the machine's
 * load): the machine is shared, so one figure alone can be off by half, and three left medians at the edge of their
 * range. */
const COLD_ROUNDS = 7;

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The cold path through bench/workers/coldProbe.ts: its reads, then its CPU timed from outside. */
export async function coldPath(origin: string, path: string): Promise<ColdPath> {
	const base = `${origin}/cold?path=${encodeURIComponent(path)}`;
	const first = await fetch(`${base}&k=0`);
	const status = await first.text();
	if (first.status !== 200 || status !== "200")
		throw new Error(`cold probe of ${path}: ${first.status}, the app answered ${status}`);
	const header = (name: string) => Number(first.headers.get(`x-bench-kv-${name}`));
	const runs: number[] = [];
	const parses: number[] = [];
	let k: number | undefined;
	let parseK: number | undefined;
	for (let round = 0; round < COLD_ROUNDS; round++) {
		const run = await measureLoopCost(base, k);
		runs.push(run.ms);
		k = run.k;
		const parse = await measureLoopCost(`${base}&part=index`, parseK);
		parses.push(parse.ms);
		parseK = parse.k;
	}
	return {
		path,
		readKeys: header("read-keys"),
		readBytes: header("read-bytes"),
		records: { keys: header("record-keys"), bytes: header("record-bytes") },
		index: { keys: header("index-keys"), bytes: header("index-bytes"), parseMs: medianOf(parses) },
		ms: medianOf(runs),
		msRange: [Math.min(...runs), Math.max(...runs)],
		k: k ?? 0,
	};
}
