// The whole sync on Node: load and validate content/, render, then publish to a KV target.
import type { ApplyOptions } from "./applySync.ts";
import type { KvTarget } from "./kvTarget.ts";
import { type LoadedContent, loadContent } from "./loadContent.ts";
import { readKvState } from "./readKvState.ts";
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

/**
 * Throws ContentValidationError, having written nothing, when any file is invalid. KV is read while content
 * renders: reading changes nothing, and through wrangler each read takes seconds.
 */
export async function syncContent(
	options: SyncContentOptions,
): Promise<{ content: LoadedContent } & SyncOutcome> {
	const state = readKvState(options.kv);
	state.catch(() => undefined); // handled below; this only stops an early failure counting as unhandled
	let content: LoadedContent;
	try {
		content = await loadContent(options.contentDir, {
			target: options.target,
			onProgress: options.onLoadProgress,
		});
	} catch (error) {
		await state.catch(() => undefined);
		throw error;
	}
	const outcome = await syncRecords(options.kv, content.site, content.records, {
		state,
		now: options.now ?? Date.now(),
		dryRun: options.dryRun,
		limits: options.limits,
		onProgress: options.onProgress,
	});
	return { content, ...outcome };
}
