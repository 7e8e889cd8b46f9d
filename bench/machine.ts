// Describes the machine and runtime a benchmark ran on, for the header of BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { wrkVersion } from "./loadTest.ts";

export interface Machine {
	cpu: string;
	cores: number;
	memoryGiB: number;
	node: string;
	workerd: string;
	miniflare: string;
	wrangler: string;
	/** The load generator's version line. */
	wrk: string;
}

function packageVersion(name: string): string {
	try {
		return execFileSync(process.execPath, ["-p", `require("${name}/package.json").version`], {
			encoding: "utf8",
		}).trim();
	} catch {
		return "unknown";
	}
}

function workerdVersion(): string {
	try {
		return execFileSync("node_modules/.bin/workerd", ["--version"], { encoding: "utf8" }).trim();
	} catch {
		return "unknown";
	}
}

export function describeMachine(): Machine {
	const processors = cpus();
	return {
		cpu: processors[0]?.model.trim() ?? "unknown",
		cores: processors.length,
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		workerd: workerdVersion(),
		miniflare: packageVersion("miniflare"),
		wrangler: packageVersion("wrangler"),
		wrk: wrkVersion(),
	};
}
