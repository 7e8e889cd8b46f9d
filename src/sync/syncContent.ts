// The whole sync on Node: load and validate content/, render, then publish to a KV target.
import type { ApplyOptions } from "./applySync.ts";
import type { KvTarget } from "./kvTarget.ts";
import { type LoadedContent, loadContent } from "./loadContent.ts";
import type { SyncTarget } from "./siteSettings.ts";
import { type SyncOutcome, syncRecords } from "./syncRecords.ts";

export interface SyncContentOptions extends ApplyOptions {
	contentDir: string;
	target: SyncTarget;
	kv: KvTarget;
	/** Epoch ms; defaults to the clock. */
	now?: number;
	dryRun?: boolean;
	onLoadProgress?: (done: number, total: number) => void;
}

/** Throws ContentValidationError before touching KV when any file is invalid. */
export async function syncContent(
	options: SyncContentOptions,
): Promise<{ content: LoadedContent } & SyncOutcome> {
	const content = await loadContent(options.contentDir, {
		target: options.target,
		onProgress: options.onLoadProgress,
	});
	const outcome = await syncRecords(options.kv, content.site, content.records, {
		now: options.now ?? Date.now(),
		dryRun: options.dryRun,
		limits: options.limits,
		onProgress: options.onProgress,
	});
	return { content, ...outcome };
}
