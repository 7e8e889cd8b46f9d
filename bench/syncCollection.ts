// Publishes a generated collection into a persisted local KV state with the project's real sync CLI, and times it.
import { spawnSync } from "node:child_process";
import { OFFLINE_ENV } from "./buildBundle.ts";

export interface SyncRun {
	seconds: number;
	/** What the last attempt printed (the CLI's own report of what it wrote). */
	output: string;
	/** Attempts that ended with exit code 3 ("KV failed mid-sync; run again to finish") before the one that worked. */
	retries: number;
}

export interface CliCounts {
	writes: number;
	deletes: number;
	/** The CLI's report line, verbatim. */
	line: string;
}

/** Reads the CLI's own report ("Wrote 1 record(s), the manifest, head; deleted 0 key(s); …"). */
export function cliCounts(output: string): CliCounts | undefined {
	const line = output.split("\n").find((text) => text.startsWith("Wrote "));
	const match =
		line && /^Wrote (\d+) record\(s\), (the|no) manifest, (head|no head); deleted (\d+) key/.exec(line);
	if (!line || !match) return undefined;
	const writes = Number(match[1]) + (match[2] === "the" ? 1 : 0) + (match[3] === "head" ? 1 : 0);
	return { writes, deletes: Number(match[4]), line };
}

/** The CLI's exit code for a KV failure it tells the user to recover from by running it again. */
const KV_FAILED = 3;
const ATTEMPTS = 3;

/** Runs `npm run sync -- --content <contentDir> --persist-to <stateDir>` (as node, without npm's own start-up). The
 * render cache lives in the state directory too, so a sync into a new state is a fresh sync in every way. */
export function runSync(contentDir: string, stateDir: string): SyncRun {
	const start = performance.now();
	for (let attempt = 1; ; attempt++) {
		const result = spawnSync(
			process.execPath,
			[
				"src/sync/cli.ts",
				"--content",
				contentDir,
				"--persist-to",
				stateDir,
				"--render-cache",
				`${stateDir}/render-cache.sqlite`,
			],
			{ env: OFFLINE_ENV, encoding: "utf8", maxBuffer: 64 * 2 ** 20, timeout: 300_000 },
		);
		const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
		if (result.error) throw new Error(`sync of ${contentDir} could not run: ${result.error.message}`);
		if (result.status === 0)
			return { seconds: (performance.now() - start) / 1000, output, retries: attempt - 1 };
		if (result.status !== KV_FAILED || attempt === ATTEMPTS) {
			throw new Error(`sync of ${contentDir} failed (exit ${result.status}, attempt ${attempt}):\n${output}`);
		}
		console.warn(
			`sync of ${contentDir}: KV failed (exit 3), running it again as the CLI advises:\n${output.slice(-600)}`,
		);
	}
}
