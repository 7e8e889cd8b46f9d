// Drives load cases at Workers on loopback with wrk (a separate process, so the load generator never shares the
// bench's event loop) and reports throughput and latency percentiles.
import { execFile, execFileSync } from "node:child_process";
import { resolve } from "node:path";

export interface LoadSettings {
	connections: number;
	/** Seconds of measured load per case, split evenly over `rounds` (wrk takes whole seconds per run). */
	seconds: number;
	/** Seconds of unmeasured load before a case's first round, so JIT and caches are warm. */
	warmupSeconds: number;
	/** A case and its ceiling take turns this many times, so a passing disturbance hits both alike. */
	rounds: number;
}

export interface LoadCase {
	/** Absolute URL on 127.0.0.1. */
	url: string;
	headers?: Record<string, string>;
	/** Every request gets its own `?since=` instant (feedPaths.ts uncachedPath), counting up across runs. */
	uniquePaths?: boolean;
	/** The only status a correct answer may have; anything else makes the case invalid. */
	expectStatus: 200 | 304;
	/** For a 200: the body each answer must carry at least (wrk sees bytes, not statuses: a 304 would be short). */
	bodyBytes?: number;
}

export interface LoadResult {
	requestsPerSecond: number;
	/** Answers per second in each round, in round order: paired with the other cases' same rounds. */
	roundRates: number[];
	/** Milliseconds, from wrk's latency histogram. */
	p50: number;
	p99: number;
	requests: number;
	/** Answers that cannot be the expected one (status >= 400, or bytes that do not fit), socket errors, timeouts. */
	failures: number;
	/** What the failures were: "4xx/5xx", "wrong size", "socket error", "timeout"; the rest count as expected. */
	statuses: Record<string, number>;
}

const WRK = "/usr/bin/wrk";
const SCRIPT = resolve("bench/wrk/loadCase.lua");
/** Headers of a bodiless 304: anything much longer carries a body, so it is not a 304. */
const MAX_304_BYTES = 2048;

/** The bench refuses to start without wrk rather than silently measuring with something else. */
export function wrkVersion(): string {
	try {
		return execFileSync(WRK, ["-v"], { encoding: "utf8" }).split("\n")[0]?.trim() ?? "wrk";
	} catch (error) {
		// wrk -v exits 1 after printing its version.
		const output = (error as { stdout?: string }).stdout ?? "";
		if (output.startsWith("wrk")) return output.split("\n")[0]?.trim() ?? "wrk";
		throw new Error(
			`the bench needs wrk at ${WRK} (Debian: apt-get install wrk) as its load generator; it was not found`,
		);
	}
}

interface WrkTotals {
	requests: number;
	/** Microseconds. */
	duration: number;
	bytes: number;
	connect: number;
	read: number;
	write: number;
	status: number;
	timeout: number;
	p50: number;
	p99: number;
	counter: number;
}

interface Sample {
	totals: WrkTotals;
	statuses: Record<string, number>;
}

function runWrk(args: string[]): Promise<WrkTotals> {
	return new Promise((done, fail) => {
		execFile(WRK, args, { encoding: "utf8", maxBuffer: 2 ** 20 }, (error, stdout, stderr) => {
			const line = stdout.split("\n").find((text) => text.startsWith('{"requests"'));
			if (error || !line) {
				fail(new Error(`wrk ${args.join(" ")} failed: ${error?.message ?? ""}\n${stdout}${stderr}`));
				return;
			}
			done(JSON.parse(line) as WrkTotals);
		});
	});
}

async function runOnce(loadCase: LoadCase, settings: LoadSettings, seconds: number, counter: { n: number }) {
	if (!loadCase.url.startsWith("http://127.0.0.1:"))
		throw new Error(`load only goes to loopback: ${loadCase.url}`);
	const headers = Object.entries(loadCase.headers ?? {}).flat();
	const totals = await runWrk([
		"-t1",
		`-c${settings.connections}`,
		`-d${Math.max(1, Math.round(seconds))}s`,
		"--timeout",
		"10s",
		"-s",
		SCRIPT,
		loadCase.url,
		"--",
		loadCase.uniquePaths ? String(counter.n) : "-",
		...headers,
	]);
	if (loadCase.uniquePaths) counter.n = Math.max(counter.n, totals.counter);
	const perAnswer = totals.requests > 0 ? totals.bytes / totals.requests : 0;
	const wrongSize =
		loadCase.expectStatus === 304 ? perAnswer > MAX_304_BYTES : perAnswer < (loadCase.bodyBytes ?? 0);
	const statuses: Record<string, number> = {};
	if (totals.status) statuses["4xx/5xx"] = totals.status;
	if (wrongSize) statuses["wrong size"] = totals.requests;
	if (totals.connect + totals.read + totals.write)
		statuses["socket error"] = totals.connect + totals.read + totals.write;
	if (totals.timeout) statuses.timeout = totals.timeout;
	return { totals, statuses };
}

function summarise(samples: Sample[], expectStatus: number): LoadResult {
	const statuses: Record<string, number> = {};
	for (const sample of samples) {
		for (const [status, count] of Object.entries(sample.statuses))
			statuses[status] = (statuses[status] ?? 0) + count;
	}
	const requests = samples.reduce((sum, sample) => sum + sample.totals.requests, 0);
	const seconds = samples.reduce((sum, sample) => sum + sample.totals.duration / 1e6, 0);
	// wrk gives percentiles per run; a request-weighted mean of them stands for the case's.
	const weighted = (pick: (totals: WrkTotals) => number) =>
		samples.reduce((sum, sample) => sum + pick(sample.totals) * sample.totals.requests, 0) /
		Math.max(1, requests) /
		1000;
	const failures = Math.min(
		requests,
		Object.values(statuses).reduce((sum, count) => sum + count, 0),
	);
	statuses[String(expectStatus)] = requests - failures;
	return {
		requestsPerSecond: requests / seconds,
		roundRates: samples.map((sample) => sample.totals.requests / (sample.totals.duration / 1e6)),
		p50: weighted((totals) => totals.p50),
		p99: weighted((totals) => totals.p99),
		requests,
		failures,
		statuses,
	};
}

/**
 * Measures `cases` in turns: warm-up for each, then `rounds` rounds in which each case runs seconds/rounds. Each round
 * starts one case further along the list, so no case always follows the same one (a case can leave work behind, such
 * as a Durable Object write, that the next one pays for). The counter of a case runs on across warm-up and rounds, so
 * unique paths stay unique.
 */
export async function measureInTurns(cases: LoadCase[], settings: LoadSettings): Promise<LoadResult[]> {
	const counters = cases.map(() => ({ n: 0 }));
	const samples: Sample[][] = cases.map(() => []);
	for (const [index, loadCase] of cases.entries()) {
		if (settings.warmupSeconds > 0)
			await runOnce(loadCase, settings, settings.warmupSeconds, counters[index] ?? { n: 0 });
	}
	const seconds = settings.seconds / settings.rounds;
	for (let round = 0; round < settings.rounds; round++) {
		for (let turn = 0; turn < cases.length; turn++) {
			const index = (round + turn) % cases.length;
			const loadCase = cases[index] as LoadCase;
			samples[index]?.push(await runOnce(loadCase, settings, seconds, counters[index] ?? { n: 0 }));
		}
	}
	return cases.map((loadCase, index) => summarise(samples[index] ?? [], loadCase.expectStatus));
}
