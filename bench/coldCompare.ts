// `node bench/coldCompare.ts <state dir>... [-- <path>]`: the cold path (bench/kvReads.ts coldPaths) of already synced
// states, the states taking turns in every round, without syncing anything. For comparisons the bench cannot make
// itself, e.g. the million with its newest articles given the 10-article collection's bodies. Not part of
// `npm run bench`.
import { join } from "node:path";
import { startRuntime } from "./benchRuntime.ts";
import { buildBundle, readWorkerConfig } from "./buildBundle.ts";
import { coldPaths } from "./kvReads.ts";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const states = split < 0 ? args : args.slice(0, split);
const paths = split < 0 ? ["/rss.xml?limit=10", "/rss.xml"] : args.slice(split + 1);
if (states.length === 0) throw new Error("usage: node bench/coldCompare.ts <state dir>... [-- <path>...]");

const config = readWorkerConfig();
const probe = {
	name: "coldProbe",
	scriptPath: buildBundle(join("bench/.data/bundles", "coldProbe"), "bench/workers/coldProbe.ts"),
};
const runtimes = [];
try {
	for (const state of states) runtimes.push(await startRuntime(state, [probe], config));
	const origins = runtimes.map((runtime) => runtime.origins.coldProbe as string);
	for (const path of paths) {
		const results = await coldPaths(origins, path);
		for (const [index, cold] of results.entries())
			console.log(
				`${states[index]} ${cold.path}: ${cold.readKeys} keys, ${cold.readBytes} B (index ${cold.index.keys} keys, ${cold.index.bytes} B, parsed in ${cold.index.parseMs.toFixed(3)} ms; records ${cold.records.keys} keys, ${cold.records.bytes} B), ${cold.ms.toFixed(2)} ms CPU (${cold.msRange.map((ms) => ms.toFixed(2)).join("–")}, K=${cold.k})`,
			);
	}
} finally {
	await Promise.all(runtimes.map((runtime) => runtime.dispose()));
}
