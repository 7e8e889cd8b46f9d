// `node bench/hotCompare.ts [--rounds N] <state dir>... [-- <path>...]`: the hot answers (304, cached 200) of already
// synced states against their ceilings, every state's cases taking turns in the same rounds (collectionBench.ts
// hotTurns), each state compared with the first as the bench's "10 vs N" rows are, with N rounds of one second (30
// unless told). For what the bench cannot do in its own time: the million, or more rounds than its 4, which this
// machine's noise asks for. Not part of `npm run bench`.
import { join } from "node:path";
import { startRuntime } from "./benchRuntime.ts";
import { buildBundle, readWorkerConfig } from "./buildBundle.ts";
import { hotTurns, prepareFeed } from "./collectionBench.ts";
import { feedPaths } from "./feedPaths.ts";
import { formatChange, ratioChange, ratioOf } from "./ratioChange.ts";

const args = process.argv.slice(2);
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt < 0 ? 30 : Number(args.splice(roundsAt, 2)[1]);
const split = args.indexOf("--");
const states = split < 0 ? args : args.slice(0, split);
const feeds = split < 0 ? feedPaths() : args.slice(split + 1).map((path) => ({ label: path, path }));
if (states.length < 2 || !Number.isInteger(rounds) || rounds < 2)
	throw new Error("usage: node bench/hotCompare.ts [--rounds N] <state dir> <state dir>... [-- <path>...]");

const config = readWorkerConfig();
const bundles = "bench/.data/bundles";
const workers = [
	{ name: "app", scriptPath: buildBundle(join(bundles, "app")) },
	{ name: "ceiling", scriptPath: buildBundle(join(bundles, "ceiling"), "bench/workers/ceiling.ts") },
];
const runtimes = [];
try {
	for (const state of states) runtimes.push(await startRuntime(state, workers, config));
	const targets = runtimes.map(({ origins }) => ({
		origins: { app: origins.app as string, ceiling: origins.ceiling as string },
	}));
	const settings = { connections: 10, seconds: rounds, warmupSeconds: 1, rounds };
	console.log(`| feed, answer | ${states.join(" | ")} |`);
	console.log(`|---|${states.map(() => "---").join("|")}|`);
	for (const feed of feeds) {
		const hot = await hotTurns(targets, feed, await prepareFeed(targets, feed), settings, false);
		for (const [kind, pick] of [
			["304", (load: (typeof hot)[number]) => ({ app: load.revalidate, ceiling: load.ceiling304 })],
			["cached 200", (load: (typeof hot)[number]) => ({ app: load.cached, ceiling: load.ceiling })],
		] as const) {
			const first = pick(hot[0] as (typeof hot)[number]);
			const cells = hot.map((load, index) => {
				const pair = pick(load);
				const ratio = `${ratioOf(pair.app, pair.ceiling).toFixed(2)}× (${Math.round(pair.app.requestsPerSecond)} req/s)`;
				if (index === 0) return ratio;
				const { change, low, high } = ratioChange(first, pair);
				return `${ratio}: **${formatChange(change)}** (${formatChange(low)} to ${formatChange(high)})`;
			});
			console.log(`| ${feed.label} ${kind} | ${cells.join(" | ")} |`);
		}
	}
	console.log(
		`\n${rounds} rounds of 1 s per case, 10 connections; change against the first state, 95% interval.`,
	);
} finally {
	await Promise.all(runtimes.map((runtime) => runtime.dispose()));
}
