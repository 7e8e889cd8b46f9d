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

/** What one collection's first cold request read, before its CPU is timed. */
async function coldReads(origin: string, path: string) {
	const base = `${origin}/cold?path=${encodeURIComponent(path)}`;
	const first = await fetch(`${base}&k=0`);
	const status = await first.text();
	if (first.status !== 200 || status !== "200")
		throw new Error(`cold probe of ${path}: ${first.status}, the app answered ${status}`);
	const header = (name: string) => Number(first.headers.get(`x-bench-kv-${name}`));
	return {
		base,
		readKeys: header("read-keys"),
		readBytes: header("read-bytes"),
		records: { keys: header("record-keys"), bytes: header("record-bytes") },
		index: { keys: header("index-keys"), bytes: header("index-bytes") },
	};
}

/**
 * The cold path through bench/workers/coldProbe.ts for several collections at once (one origin each): each one's
 * reads, then their CPU timed from outside, the collections taking turns in every round, so a comparison across
 * sizes is as paired as the rounds are (the machine's drift between one size's minutes and another's cancels out).
 */
export async function coldPaths(origins: string[], path: string): Promise<ColdPath[]> {
	const firsts = [];
	for (const origin of origins) firsts.push(await coldReads(origin, path));
	const runs: number[][] = origins.map(() => []);
	const parses: number[][] = origins.map(() => []);
	const ks: (number | undefined)[] = origins.map(() => undefined);
	const parseKs: (number | undefined)[] = origins.map(() => undefined);
	// An unreported first measurement each: workerd compiles the probe's code on its own time, and it picks each K.
	for (const [index, { base }] of firsts.entries()) {
		ks[index] = (await measureLoopCost(base)).k;
		parseKs[index] = (await measureLoopCost(`${base}&part=index`)).k;
	}
	for (let round = 0; round < COLD_ROUNDS; round++) {
		for (const [index, { base }] of firsts.entries()) {
			const run = await measureLoopCost(base, ks[index]);
			runs[index]?.push(run.ms);
			ks[index] = run.k;
			const parse = await measureLoopCost(`${base}&part=index`, parseKs[index]);
			parses[index]?.push(parse.ms);
			parseKs[index] = parse.k;
		}
	}
	return firsts.map(({ base: _, index, ...reads }, at) => {
		const times = runs[at] ?? [];
		return {
			path,
			...reads,
			index: { ...index, parseMs: medianOf(parses[at] ?? []) },
			ms: medianOf(times),
			msRange: [Math.min(...times), Math.max(...times)],
			k: ks[at] ?? 0,
		};
	});
}
