// Drives load cases at Workers on loopback with autocannon and reports throughput and latency percentiles.
import autocannon from "autocannon";

export interface LoadSettings {
	connections: number;
	/** Seconds of measured load per case, split evenly over `rounds`. */
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
	/** When set, every request gets its own path (e.g. a distinct query), built from a running counter. */
	pathFor?: (n: number) => string;
	/** The only status a correct answer may have; anything else makes the case invalid. */
	expectStatus: number;
}

export interface LoadResult {
	requestsPerSecond: number;
	/** Milliseconds, from autocannon's per-response timings (its own histogram rounds to whole ms). */
	p50: number;
	p99: number;
	requests: number;
	/** Responses with another status than expected, plus socket errors and timeouts. */
	failures: number;
	/** Status -> count; "error" and "timeout" count failed requests. */
	statuses: Record<string, number>;
}

interface Sample {
	seconds: number;
	timings: number[];
	statuses: Record<string, number>;
}

function percentile(sorted: Float64Array, fraction: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

async function runOnce(loadCase: LoadCase, settings: LoadSettings, seconds: number, counter: { n: number }) {
	if (!loadCase.url.startsWith("http://127.0.0.1:"))
		throw new Error(`load only goes to loopback: ${loadCase.url}`);
	const pathFor = loadCase.pathFor;
	const instance = autocannon({
		url: loadCase.url,
		connections: settings.connections,
		pipelining: 1,
		duration: seconds,
		timeout: 10,
		headers: loadCase.headers,
		requests: pathFor
			? [{ setupRequest: (request) => ({ ...request, path: pathFor(counter.n++) }) }]
			: undefined,
	});
	const timings: number[] = [];
	instance.on("response", (_client, _status, _bytes, responseTime) => {
		timings.push(responseTime);
	});
	const result = await instance;
	const statuses: Record<string, number> = {};
	for (const [status, { count }] of Object.entries(result.statusCodeStats)) statuses[status] = count;
	if (result.errors) statuses.error = result.errors;
	if (result.timeouts) statuses.timeout = result.timeouts;
	return { seconds: result.duration, timings, statuses };
}

function summarise(samples: Sample[], expectStatus: number): LoadResult {
	const statuses: Record<string, number> = {};
	for (const sample of samples) {
		for (const [status, count] of Object.entries(sample.statuses))
			statuses[status] = (statuses[status] ?? 0) + count;
	}
	const sorted = Float64Array.from(samples.flatMap((sample) => sample.timings)).sort();
	const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
	const answered = Object.entries(statuses)
		.filter(([status]) => /^\d+$/.test(status))
		.reduce((sum, [, count]) => sum + count, 0);
	const total = Object.values(statuses).reduce((sum, count) => sum + count, 0);
	return {
		requestsPerSecond: answered / seconds,
		p50: percentile(sorted, 0.5),
		p99: percentile(sorted, 0.99),
		requests: answered,
		failures: total - (statuses[String(expectStatus)] ?? 0),
		statuses,
	};
}

/**
 * Measures `cases` in turns: warm-up for each, then `rounds` rounds in which each case runs seconds/rounds.
 * The counter of a case runs on across warm-up and rounds, so unique paths stay unique.
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
		for (const [index, loadCase] of cases.entries()) {
			samples[index]?.push(await runOnce(loadCase, settings, seconds, counters[index] ?? { n: 0 }));
		}
	}
	return cases.map((loadCase, index) => summarise(samples[index] ?? [], loadCase.expectStatus));
}
