// `npm run sync`: validate content/, render it and publish it to Workers KV (local by default, --remote for the account).
import { parseArgs } from "node:util";
import { endOnSignals } from "./endOnSignals.ts";
import { DEFAULT_RENDER_CACHE } from "./loadContent.ts";
import { progressDisplay } from "./progressDisplay.ts";
import type { LocalKvTarget } from "./publish/localKvTarget.ts";
import { describeHubNotice } from "./publish/notifyHub.ts";
import type { SyncPlan } from "./publish/planSync.ts";
import { SyncConflictError } from "./publish/syncConflict.ts";
import { describeLease, LEASE_DEFAULTS } from "./publish/syncLease.ts";
import { wranglerKvTarget } from "./publish/wranglerKvTarget.ts";
import { KV_LIMITS } from "./shared/kvLimits.ts";
import { syncContent } from "./syncContent.ts";
import { ContentValidationError } from "./validate/contentError.ts";

const USAGE = `Usage: npm run sync -- [options]

  --remote           write to the Cloudflare account's KV (base URL: baseUrl.production); default is local KV.
                     Only --remote syncs ping site.yaml's WebSub hub: a minute after head moved, per changed feed
  --dry-run          validate and show what would change; write nothing
  --content DIR      content directory (default: content)
  --persist-to DIR   local KV state directory (default: wrangler's .wrangler/state, which \`wrangler dev\` reads)
  --render-cache FILE
                     where sync remembers what it read and rendered, so the next sync re-renders only what changed
                     (default: ${DEFAULT_RENDER_CACHE}); delete the file to start over
  --wait SECONDS     how long to wait while another sync is publishing to the same KV (default: ${LEASE_DEFAULTS.waitMs / 1000})
  --quiet            print errors only
  --help             show this help

Exit codes: 0 synced (or nothing to do), 1 invalid content (nothing written), 2 bad usage,
3 KV failed mid-sync (readers still see one whole version; run again to finish),
4 another sync was publishing to the same KV (nothing of this sync was published; run again).
A hub that refuses a ping is a warning, not a failure: the content is published by then.`;

/** Large syncs show progress even when stderr is not a terminal (CI logs). */
const LARGE_SYNC = 1000;

/**
 * 2,000 pairs per `wrangler kv bulk put` (remote syncs) instead of Cloudflare's 10,000, so progress moves every
 * few seconds on a big sync. It costs no extra API requests (wrangler sends 1,000 pairs per request to the API either
 * way), only a wrangler start-up (~1.5 s) per 2,000 keys.
 */
const LIMITS = { ...KV_LIMITS, pairsPerRequest: 2000, targetBytes: 16 * 2 ** 20 };

async function main(argv: string[]): Promise<number> {
	let flags: ReturnType<typeof parseFlags>;
	try {
		flags = parseFlags(argv);
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		return 2;
	}
	if (flags.help) {
		console.log(USAGE);
		return 0;
	}
	const waitSeconds = Number(flags.wait ?? LEASE_DEFAULTS.waitMs / 1000);
	if (!(waitSeconds >= 0 && waitSeconds <= 3600)) {
		console.error(`--wait must be a number of seconds from 0 to 3600\n\n${USAGE}`);
		return 2;
	}
	if (flags.remote && flags["persist-to"]) {
		console.error(`--persist-to is for local KV only\n\n${USAGE}`);
		return 2;
	}
	const progress = progressDisplay(process.stderr);
	const show = (total: number): boolean =>
		!flags.quiet && (process.stderr.isTTY === true || total >= LARGE_SYNC);
	const where = flags.remote ? "remote KV" : "local KV";
	let local: LocalKvTarget | null = null;
	let outcome: Awaited<ReturnType<typeof syncContent>>;
	try {
		// Local KV through one Miniflare instance; the account's KV through wrangler, which holds the credentials.
		// Miniflare is loaded only here: importing it takes about a second that --remote and usage errors don't need.
		if (!flags.remote) {
			const { localKvTarget } = await import("./publish/localKvTarget.ts");
			local = localKvTarget({ persistTo: flags["persist-to"] });
		}
		outcome = await syncContent({
			contentDir: flags.content,
			target: flags.remote ? "production" : "local",
			kv: local ?? wranglerKvTarget({ remote: true }),
			dryRun: flags["dry-run"],
			renderCache: flags["render-cache"],
			limits: LIMITS,
			onLoadProgress: (done, total) => show(total) && progress.update("Checking", done, total),
			onProgress: ({ phase, done, total }) =>
				show(total) && progress.update(phase === "write" ? "Writing keys" : "Deleting keys", done, total),
			lease: {
				waitMs: waitSeconds * 1000,
				onWait: (held, waitMs) =>
					console.error(
						`Another sync is publishing to ${where}: ${describeLease(held)}; waiting up to ${waitMs / 1000} s...`,
					),
			},
			hub: {
				onSettle: (settleMs, pings) =>
					!flags.quiet &&
					console.log(
						`Published; waiting ${settleMs / 1000} s for KV to reach every location before pinging the ` +
							`WebSub hub for ${pings} feed URL(s)...`,
					),
			},
		});
	} catch (error) {
		if (error instanceof ContentValidationError) {
			console.error(error.message);
			return 1;
		}
		if (error instanceof SyncConflictError) {
			console.error(`Sync to ${where} stopped: ${error.message}`);
			return 4;
		}
		console.error(`Sync to ${where} failed: ${(error as Error).message}`);
		return 3;
	} finally {
		await local?.dispose();
	}
	// Printed even with --quiet: a name did not get the URL its author would expect.
	for (const warning of outcome.slugWarnings) console.error(`Warning: ${warning}`);
	if (!flags.quiet) {
		const { content, plan, report } = outcome;
		const { files, read, rendered } = content.stats;
		console.log(
			`Checked ${files} article file(s): ${read} read, ${rendered} rendered (unchanged ones come from the render cache).`,
		);
		if (content.skipped.length > 0) console.log(`Skipped (not articles): ${content.skipped.join(", ")}`);
		const articles = `${content.articles} article${content.articles === 1 ? "" : "s"}`;
		const drafts = content.drafts.length > 0 ? ` (${content.drafts.length} draft(s) not published)` : "";
		console.log(`${flags["dry-run"] ? "Dry run against" : "Synced to"} ${where}: ${articles}${drafts}.`);
		console.log(describeChanges(plan));
		if (report) {
			console.log(
				`Wrote ${report.recordsWritten} record(s), ${report.indexWritten} index value(s), ` +
					`${report.headWritten ? "head" : "no head"}; deleted ${report.keysDeleted} key(s); ${report.requests} request(s).`,
			);
			if (report.deletesSkipped)
				console.log("Another sync published right after this one: cleanup is left to it.");
		} else {
			console.log(
				`Would write ${plan.recordsToWrite} record(s), ${plan.indexToWrite} index value(s), ` +
					`${plan.head ? "head" : "no head"}; would delete ${plan.deletes.length} key(s).`,
			);
		}
	}
	if (outcome.hub) {
		const { lines, warnings } = describeHubNotice(outcome.hub);
		if (!flags.quiet) for (const line of lines) console.log(line);
		// Printed even with --quiet: subscribers were not told, and no rerun will tell them.
		for (const warning of warnings) console.error(warning);
	}
	return 0;
}

function parseFlags(argv: string[]) {
	return parseArgs({
		args: argv,
		strict: true,
		allowPositionals: false,
		options: {
			remote: { type: "boolean", default: false },
			"dry-run": { type: "boolean", default: false },
			content: { type: "string", default: "content" },
			"persist-to": { type: "string" },
			"render-cache": { type: "string", default: DEFAULT_RENDER_CACHE },
			wait: { type: "string" },
			quiet: { type: "boolean", default: false },
			help: { type: "boolean", default: false },
		},
	}).values;
}

function describeChanges(plan: SyncPlan): string {
	const counts = plan.changeCounts;
	if (counts.added + counts.updated + counts.removed === 0) return "No article changed.";
	const list = (ids: string[], count: number): string =>
		count <= 10 ? ids.join(", ") : `${ids.slice(0, 10).join(", ")} and ${count - 10} more`;
	const { added, updated, removed } = plan.changes;
	return [
		counts.added > 0 ? `Added (${counts.added}): ${list(added, counts.added)}` : "",
		counts.updated > 0 ? `Changed (${counts.updated}): ${list(updated, counts.updated)}` : "",
		counts.removed > 0 ? `Removed (${counts.removed}): ${list(removed, counts.removed)}` : "",
	]
		.filter(Boolean)
		.join("\n");
}

endOnSignals();
process.exitCode = await main(process.argv.slice(2));
