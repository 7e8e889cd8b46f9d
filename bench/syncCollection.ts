// Publishes a generated collection into a persisted local KV state with the project's real sync CLI, as a child
// process, and measures its time and peak memory.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { OFFLINE_ENV } from "./buildBundle.ts";

export interface SyncRun {
	seconds: number;
	/** What the last attempt printed (the CLI's own report of what it wrote). */
	output: string;
	/** Attempts that ended with exit code 3 ("KV failed mid-sync; run again to finish") before the one that worked. */
	retries: number;
	/** Peak resident memory of the sync (its largest process), bytes; NaN without /usr/bin/time. */
	peakBytes: number;
}

export interface CliCounts {
	writes: number;
	deletes: number;
	/** The CLI's report line, verbatim. */
	line: string;
}

/** Reads the CLI's own report ("Wrote 1 record(s), 7 index value(s), head; deleted 0 key(s); …"). */
export function cliCounts(output: string): CliCounts | undefined {
	const line = output.split("\n").find((text) => text.startsWith("Wrote "));
	const match =
		line && /^Wrote (\d+) record\(s\), (\d+) index value\(s\), (head|no head); deleted (\d+) key/.exec(line);
	if (!line || !match) return undefined;
	const writes = Number(match[1]) + Number(match[2]) + (match[3] === "head" ? 1 : 0);
	return { writes, deletes: Number(match[4]), line };
}

/** The CLI's exit code for a KV failure it tells the user to recover from by running it again. */
const KV_FAILED = 3;
const ATTEMPTS = 3;
/** GNU time, for the peak memory of the sync: it reports the largest resident set of the process tree it waited for. */
const TIME = "/usr/bin/time";
const PEAK_MARK = "bench-peak-kib:";

/**
 * Stops a sync that ran too long. Under GNU time the CLI (time's child) gets SIGTERM first, so time still prints its
 * peak; whatever is left of the process group (the CLI's workerd) is killed 15 s later.
 */
function stopTree(pid: number | undefined, measured: boolean): void {
	if (pid === undefined) return;
	const children = measured
		? readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
				.trim()
				.split(/\s+/)
				.filter(Boolean)
				.map(Number)
		: [pid];
	for (const child of children) process.kill(child, "SIGTERM");
	setTimeout(() => {
		try {
			process.kill(-pid, "SIGKILL");
		} catch {
			// Already gone.
		}
	}, 15_000).unref();
}

function runOnce(contentDir: string, stateDir: string, timeoutMs: number) {
	return new Promise<{ status: number | null; output: string; peakBytes: number }>((done, fail) => {
		// The render cache lives in the state directory too, so a sync into a new state is a fresh sync in every way.
		const cli = [
			process.execPath,
			"src/sync/cli.ts",
			"--content",
			contentDir,
			"--persist-to",
			stateDir,
			"--render-cache",
			`${stateDir}/render-cache.sqlite`,
		];
		const measured = existsSync(TIME);
		const started = performance.now();
		const child = spawn(
			measured ? TIME : (cli[0] as string),
			measured ? ["-f", `${PEAK_MARK}%M`, ...cli] : cli.slice(1),
			{
				env: OFFLINE_ENV,
				stdio: ["ignore", "pipe", "pipe"],
				detached: true,
			},
		);
		let output = "";
		// The CLI's report is short; a progress display may not be, so only the tail is kept.
		const keep = (chunk: Buffer) => {
			output = (output + chunk.toString("utf8")).slice(-256 * 1024);
		};
		child.stdout.on("data", keep);
		child.stderr.on("data", keep);
		const timer = setTimeout(() => stopTree(child.pid, measured), timeoutMs);
		child.on("error", fail);
		child.on("close", (status, signal) => {
			clearTimeout(timer);
			const mark = output.lastIndexOf(PEAK_MARK);
			const peakBytes =
				mark < 0 ? Number.NaN : Number.parseInt(output.slice(mark + PEAK_MARK.length), 10) * 1024;
			if (mark >= 0) output = output.slice(0, mark);
			if (signal || performance.now() - started >= timeoutMs)
				output += `\n(stopped after ${(timeoutMs / 60_000).toFixed(0)} min; peak memory until then ${(peakBytes / 2 ** 30).toFixed(2)} GiB)`;
			done({ status, output, peakBytes });
		});
	});
}

/**
 * Runs `npm run sync -- --content <contentDir> --persist-to <stateDir>` (as node, without npm's own start-up) as a
 * child process, and measures its time and peak memory. Stops it after `timeoutMs`.
 */
export async function runSync(contentDir: string, stateDir: string, timeoutMs = 300_000): Promise<SyncRun> {
	const start = performance.now();
	for (let attempt = 1; ; attempt++) {
		const result = await runOnce(contentDir, stateDir, timeoutMs);
		if (result.status === 0)
			return {
				seconds: (performance.now() - start) / 1000,
				output: result.output,
				retries: attempt - 1,
				peakBytes: result.peakBytes,
			};
		if (result.status !== KV_FAILED || attempt === ATTEMPTS) {
			throw new Error(
				`sync of ${contentDir} failed (exit ${result.status}, attempt ${attempt}, ${((performance.now() - start) / 1000).toFixed(0)} s, peak memory ${(result.peakBytes / 2 ** 30).toFixed(2)} GiB):\n${result.output.slice(-4000)}`,
			);
		}
		console.warn(
			`sync of ${contentDir}: KV failed (exit 3), running it again as the CLI advises:\n${result.output.slice(-600)}`,
		);
	}
}
