// How much an app's ratio to its ceiling differs between two collections loaded in the same rounds: the change of
// the whole-run ratios, and a 95% interval from resampling the rounds (a bootstrap), so a reader sees how large a
// change this machine's noise makes on its own.
import type { LoadResult } from "./loadTest.ts";

/** An app's answers and its ceiling's, measured in the same rounds. */
export interface AgainstCeiling {
	app: LoadResult;
	ceiling: LoadResult;
}

export interface RatioChange {
	/** The larger collection's ratio over the smaller's, less 1. */
	change: number;
	/** The 2.5th and 97.5th percentiles of the change over resampled rounds. */
	low: number;
	high: number;
	rounds: number;
}

const RESAMPLES = 2000;

/** A change as the rows show it: "+4.4%", "−12.0%". */
export const formatChange = (change: number): string =>
	`${change >= 0 ? "+" : "−"}${Math.abs(change * 100).toFixed(1)}%`;

export const ratioOf = (app: LoadResult, ceiling: LoadResult): number =>
	app.requestsPerSecond / ceiling.requestsPerSecond;

/** The same rounds give the same interval: a fixed-seed generator (a linear congruential one) picks them. */
function resampler(rounds: number): () => number {
	let state = 0x2545f491;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return Math.floor((state / 2 ** 32) * rounds);
	};
}

export function ratioChange(small: AgainstCeiling, large: AgainstCeiling): RatioChange {
	const series = [small.app, small.ceiling, large.app, large.ceiling].map((result) => result.roundRates);
	const rounds = Math.min(...series.map((rates) => rates.length));
	const change = ratioOf(large.app, large.ceiling) / ratioOf(small.app, small.ceiling) - 1;
	const pick = resampler(rounds);
	const changes: number[] = [];
	for (let resample = 0; resample < RESAMPLES; resample++) {
		const sums = [0, 0, 0, 0];
		for (let drawn = 0; drawn < rounds; drawn++) {
			const round = pick();
			for (const [index, rates] of series.entries()) sums[index] = (sums[index] ?? 0) + (rates[round] ?? 0);
		}
		const [smallApp = 0, smallCeiling = 1, largeApp = 0, largeCeiling = 1] = sums;
		changes.push(largeApp / largeCeiling / (smallApp / smallCeiling) - 1);
	}
	changes.sort((a, b) => a - b);
	return {
		change,
		low: changes[Math.floor(RESAMPLES * 0.025)] ?? change,
		high: changes[Math.ceil(RESAMPLES * 0.975) - 1] ?? change,
		rounds,
	};
}
