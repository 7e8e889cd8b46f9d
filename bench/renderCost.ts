// Times one render inside workerd from outside: a request that renders K times against the same request with K=0.
// workerd stops its clocks while JavaScript runs (a Spectre mitigation), so the Worker cannot time itself.

export interface RenderCost {
	/** Milliseconds of one render: (median time with K renders - median time with none) / K. */
	ms: number;
	/** Length in UTF-16 code units of one rendered feed. */
	size: number;
	k: number;
}

/** How long the K-render request should take: long enough that request overhead and jitter are small beside it. */
const TARGET_MS = 120;
const ROUNDS = 7;

async function timed(url: string): Promise<{ ms: number; text: string }> {
	const start = performance.now();
	const response = await fetch(url);
	const text = await response.text();
	const ms = performance.now() - start;
	if (!response.ok) throw new Error(`${url}: ${response.status} ${text}`);
	return { ms, text };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Renders per request so the loop runs about TARGET_MS: grows K until the loop clearly outweighs the jitter. */
async function chooseK(base: string): Promise<number> {
	let k = 10;
	for (let step = 0; step < 6; step++) {
		const extra = (await timed(`${base}&k=${k}`)).ms - (await timed(`${base}&k=0`)).ms;
		if (extra >= 30 || k >= 20_000)
			return Math.min(20_000, Math.max(10, Math.round((k * TARGET_MS) / Math.max(extra, 1))));
		k *= 4;
	}
	return k;
}

/**
 * Milliseconds of one pass of the loop behind `base` (a URL taking &k=), and K; `base` must answer 200. `knownK` (a
 * K an earlier measurement of the same loop chose) skips choosing it again: repeated measurements then share one K.
 */
export async function measureLoopCost(base: string, knownK?: number): Promise<{ ms: number; k: number }> {
	let k: number;
	if (knownK !== undefined) {
		k = knownK;
		await timed(`${base}&k=${k}`);
	} else {
		// A pass that alone outweighs the jitter (a cold request on a layout that grows with the archive) needs no K of
		// 10 or more, and 60 warm-up passes of it would take minutes.
		await timed(`${base}&k=1`);
		const one = (await timed(`${base}&k=1`)).ms - (await timed(`${base}&k=0`)).ms;
		if (one >= 30) k = Math.max(1, Math.round(TARGET_MS / one));
		else {
			for (let i = 0; i < 3; i++) await timed(`${base}&k=20`);
			k = await chooseK(base);
		}
	}
	const baseline: number[] = [];
	const loaded: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		baseline.push((await timed(`${base}&k=0`)).ms);
		loaded.push((await timed(`${base}&k=${k}`)).ms);
	}
	return { ms: (median(loaded) - median(baseline)) / k, k };
}

export async function measureRenderCost(origin: string, format: string, items: number): Promise<RenderCost> {
	const base = `${origin}/render?format=${format}&items=${items}`;
	const size = Number((await timed(`${base}&k=1`)).text);
	return { ...(await measureLoopCost(base)), size };
}
