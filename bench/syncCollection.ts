// Publishes a generated collection into a persisted local KV state with the project's real sync CLI, and times it.
import { spawnSync } from "node:child_process";
import { OFFLINE_ENV } from "./buildBundle.ts";

export interface SyncRun {
	seconds: number;
	/** What the CLI printed (its own report of what it wrote). */
	output: string;
}

/** Runs `npm run sync -- --content <contentDir> --persist-to <stateDir>` (as node, without npm's own start-up). */
export function runSync(contentDir: string, stateDir: string): SyncRun {
	const start = performance.now();
	const result = spawnSync(
		process.execPath,
		["src/sync/cli.ts", "--content", contentDir, "--persist-to", stateDir],
		{ env: OFFLINE_ENV, encoding: "utf8", maxBuffer: 64 * 2 ** 20, timeout: 300_000 },
	);
	const seconds = (performance.now() - start) / 1000;
	const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
	if (result.error) throw new Error(`sync of ${contentDir} could not run: ${result.error.message}`);
	if (result.status !== 0) throw new Error(`sync of ${contentDir} failed (${result.status}):\n${output}`);
	return { seconds, output };
}
