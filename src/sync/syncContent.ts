// The whole sync on Node: load and validate content/, render, then publish to a KV target.
import { type LoadedContent, loadContent } from "./loadContent.ts";
import type { ApplyOptions } from "./publish/applySync.ts";
import type { KvTarget } from "./publish/kvTarget.ts";
import { type HubNotice, type HubOptions, notifyHub } from "./publish/notifyHub.ts";
import { readKvState } from "./publish/readKvState.ts";
import { acquireLease, type LeaseOptions } from "./publish/syncLease.ts";
import { type SyncOutcome, syncRecords } from "./publish/syncRecords.ts";
import type { SyncTarget } from "./validate/siteSettings.ts";

export interface SyncContentOptions extends ApplyOptions {
	contentDir: string;
	target: SyncTarget;
	kv: KvTarget;
	/** Epoch ms; defaults to the clock. */
	now?: number;
	dryRun?: boolean;
	onLoadProgress?: (done: number, total: number) => void;
	/** The render cache's file (see loadContent); none given, every file is rendered. */
	renderCache?: string;
	/** How the WebSub hub is pinged after head moved (production only; see notifyHub). */
	hub?: HubOptions;
	/** How long to wait for another sync's lease, and how the lease is kept (see syncLease). */
	lease?: LeaseOptions;
}

export interface SyncContentOutcome extends SyncOutcome {
	content: LoadedContent;
	/** null when no hub is configured or no feed changed. */
	hub: HubNotice | null;
}

/**
 * Throws ContentValidationError, having written nothing (not even the lease), when any file is invalid. Then
 * takes the sync lease, so the state it plans from cannot change under it; throws SyncConflictError when another
 * sync holds the lease too long or publishes meanwhile anyway. A dry run writes nothing, so it takes no lease.
 * The hub is pinged only after the whole sync succeeded, and a failed ping never fails the sync.
 */
export async function syncContent(options: SyncContentOptions): Promise<SyncContentOutcome> {
	const now = options.now ?? Date.now();
	const content = await loadContent(options.contentDir, {
		target: options.target,
		onProgress: options.onLoadProgress,
		now,
		cache: options.renderCache,
	});
	const lease = options.dryRun ? null : await acquireLease(options.kv, options.lease);
	let outcome: SyncOutcome;
	try {
		outcome = await syncRecords(options.kv, content.site, content.records, {
			state: readKvState(options.kv),
			now,
			dryRun: options.dryRun,
			limits: options.limits,
			onProgress: options.onProgress,
			beforeCommit: lease?.confirm,
		});
	} finally {
		await lease?.release();
	}
	const hub = await notifyHub(
		{
			target: options.target,
			dryRun: options.dryRun === true,
			headSwitched: outcome.plan.head !== null,
			site: outcome.snapshot.manifest.site,
			changedScopes: outcome.changedScopes,
		},
		options.hub,
	);
	return { content, ...outcome, hub };
}
