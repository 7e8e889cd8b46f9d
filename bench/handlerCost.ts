// `node bench/handlerCost.ts [articles] [path] [rounds]`: the CPU time of one hot answer (cached 200, 304) inside
// workerd, the app's against the ceiling's, without HTTP: a request to bench/workers/handlerLoop.ts runs K answers,
// and the workerd process's CPU time (user + system, from /proc) across it, less that of the same request with K = 0,
// over K, is one answer's. CPU time, not wall time: on a shared machine it moves far less with the load. Needs the
// state a `npm run bench` left in bench/.data (state-<articles>).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startRuntime } from "./benchRuntime.ts";
import { buildBundle, readWorkerConfig } from "./buildBundle.ts";

const [articles = "10", path = "/rss.xml", rounds = "5"] = process.argv.slice(2);
const K = 10_000;
/** Linux's clock tick for /proc/<pid>/stat times. */
const TICK_MICROSECONDS = 10_000;
const state = join("bench/.data", `state-${articles}`);
if (!existsSync(state)) throw new Error(`run npm run bench first: ${state} is missing`);

/** The workerd processes this script started (Miniflare's children). */
function workerdProcesses(): number[] {
	const rows = execFileSync("ps", ["-eo", "pid=,ppid=,comm="], { encoding: "utf8" })
		.trim()
		.split("\n")
		.map((line) => line.trim().split(/\s+/));
	const found: number[] = [];
	const walk = (parent: number) => {
		for (const [pid, ppid, command] of rows) {
			if (Number(ppid) !== parent) continue;
			if (command?.includes("workerd")) found.push(Number(pid));
			walk(Number(pid));
		}
	};
	walk(process.pid);
	return found;
}

function cpuMicroseconds(pids: number[]): number {
	let ticks = 0;
	for (const pid of pids) {
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		ticks += Number(fields[11]) + Number(fields[12]);
	}
	return ticks * TICK_MICROSECONDS;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const scriptPath = buildBundle(join("bench/.data/bundles", "handlerLoop"), "bench/workers/handlerLoop.ts");
const runtime = await startRuntime(state, [{ name: "handlerLoop", scriptPath }], readWorkerConfig());
try {
	const origin = runtime.origins.handlerLoop;
	const pids = workerdProcesses();
	const setup = await fetch(`${origin}/?who=setup&path=${encodeURIComponent(path)}`);
	await setup.arrayBuffer();
	if (setup.status !== 204) throw new Error(`the ceiling did not take the app's response: ${setup.status}`);
	const cpuOf = async (query: string) => {
		const before = cpuMicroseconds(pids);
		const response = await fetch(`${origin}/?path=${encodeURIComponent(path)}&${query}`);
		await response.text();
		return cpuMicroseconds(pids) - before;
	};
	const cases = [
		["cached 200, app", "who=app"],
		["cached 200, ceiling", "who=ceiling"],
		["304, app", "who=app&conditional=1"],
		["304, ceiling", "who=ceiling&conditional=1"],
	] as const;
	for (const [, query] of cases) await cpuOf(`${query}&k=${K / 5}`);
	const perAnswer = new Map<string, number[]>(cases.map(([name]) => [name, []]));
	for (let round = 0; round < Number(rounds); round++) {
		for (const [name, query] of cases) {
			const loaded = await cpuOf(`${query}&k=${K}`);
			perAnswer.get(name)?.push((loaded - (await cpuOf(`${query}&k=0`))) / K);
		}
	}
	console.log(
		`${path} at ${articles} articles, CPU µs per answer inside workerd (K=${K}, ${rounds} rounds):`,
	);
	for (const [name, values] of perAnswer)
		console.log(
			`  ${name}: median ${median(values).toFixed(1)}, ${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`,
		);
} finally {
	await runtime.dispose();
}
