// The whole sync on Node: load and validate content/, render, then publish to a KV target.
import type { ApplyOptions } from "./publish/applySync.ts";
import type { KvTarget } from "./publish/kvTarget.ts";
import { type HubNotice, type HubOptions, notifyHub } from "./publish/notifyHub.ts";
import { readKvState } from "./publish/readKvState.ts";
import { type SyncOutcome, syncRecords } from "./publish/syncRecords.ts";
import { type LoadedContent, loadContent } from "./validate/loadContent.ts";
import type { SyncTarget } from "./validate/siteSettings.ts";

export interface SyncContentOptions extends ApplyOptions {
	contentDir: string;
	target: SyncTarget;
	kv: KvTarget;
	/** Epoch ms; defaults to the clock. */
	now?: number;
	dryRun?: boolean;
	onLoadProgress?: (done: number, total: number) => void;
	/** How the WebSub hub is pinged after head moved (production only; see notifyHub). */
	hub?: HubOptions;
}

export interface SyncContentOutcome extends SyncOutcome {
	content: LoadedContent;
	/** null when no hub is configured or no feed changed. */
	hub: HubNotice | null;
}

/**
 * Throws ContentValidationError, having written nothing, when any file is invalid. KV is read while content
 * renders: reading changes nothing, and through wrangler each read takes seconds. The hub is pinged only after
 * the whole sync succeeded (a failed one throws first), and a failed ping never fails the sync.
 */
export async function syncContent(options: SyncContentOptions): Promise<SyncContentOutcome> {
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
	const hub = await notifyHub(
		{
			target: options.target,
			dryRun: options.dryRun === true,
			headSwitched: outcome.plan.head !== null,
			before: outcome.publishedBefore,
			after: outcome.snapshot.manifest,
		},
		options.hub,
	);
	return { content, ...outcome, hub };
}
