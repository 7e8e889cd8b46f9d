// Drives one load case at a Worker on loopback with autocannon and reports throughput and latency percentiles.
import autocannon from "autocannon";

export interface LoadSettings {
	connections: number;
	/** Seconds of measured load per case. */
	seconds: number;
	/** Seconds of unmeasured load first, so JIT and caches are warm. */
	warmupSeconds: number;
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
	return { result, timings };
}

/** Warms up, then measures one case. The counter runs on across warm-up and measurement, so unique paths stay unique. */
export async function measureLoad(loadCase: LoadCase, settings: LoadSettings): Promise<LoadResult> {
	const counter = { n: 0 };
	if (settings.warmupSeconds > 0) await runOnce(loadCase, settings, settings.warmupSeconds, counter);
	const { result, timings } = await runOnce(loadCase, settings, settings.seconds, counter);
	const sorted = Float64Array.from(timings).sort();
	const statuses = Object.fromEntries(
		Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
	);
	const answered = Object.values(statuses).reduce((sum, count) => sum + count, 0);
	const expected = statuses[String(loadCase.expectStatus)] ?? 0;
	return {
		requestsPerSecond: answered / result.duration,
		p50: percentile(sorted, 0.5),
		p99: percentile(sorted, 0.99),
		requests: answered,
		failures: answered - expected + result.errors + result.timeouts,
		statuses,
	};
}
