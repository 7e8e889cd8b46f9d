// The whole sync on Node: load and validate content/, render, then publish to a KV target.
import type { SiteSettings } from "../domain/model.ts";
import { HEAD_KEY } from "../store/kvLayout.ts";
import { type ContentIndex, type LoadStats, loadContentIndex } from "./loadContent.ts";
import type { ApplyOptions } from "./publish/applySync.ts";
import type { ValueStore } from "./publish/buildVersion.ts";
import type { KvTarget } from "./publish/kvTarget.ts";
import { type HubNotice, type HubOptions, notifyHub } from "./publish/notifyHub.ts";
import { type KvState, readKvState } from "./publish/readKvState.ts";
import { type SpilledValues, spilledValues } from "./publish/spilledValues.ts";
import { type StoredKeySets, storedKeySets } from "./publish/storedKeySets.ts";
import { acquireLease, type LeaseOptions } from "./publish/syncLease.ts";
import { type SyncOutcome, syncArticles } from "./publish/syncRecords.ts";
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

/** What the sync loaded: counts and names, never the records. */
export interface ContentSummary {
	site: SiteSettings;
	/** Published and future-dated articles. */
	articles: number;
	drafts: string[];
	skipped: string[];
	stats: LoadStats;
}

export interface SyncContentOutcome extends SyncOutcome {
	content: ContentSummary;
	/** null when no hub is configured or no feed changed. */
	hub: HubNotice | null;
}

/**
 * Throws ContentValidationError, having written nothing (not even the lease), when any file is invalid. Then
 * takes the sync lease, so the state it plans from (read while content/ was checked, again if head moved since)
 * cannot change under it; throws SyncConflictError when another sync holds the lease too long or publishes
 * meanwhile anyway. A dry run writes nothing, so it takes no lease.
 * The hub is pinged only after the whole sync succeeded, and a failed ping never fails the sync.
 */
export async function syncContent(options: SyncContentOptions): Promise<SyncContentOutcome> {
	const now = options.now ?? Date.now();
	// KV's keys, one per article, are listed into a temporary database, not the heap.
	const keySets: StoredKeySets = await storedKeySets();
	// KV's state is read while content/ is checked, so listing its keys (workerd's work locally) overlaps with it.
	// Reading writes nothing, so an invalid content/ still leaves KV untouched.
	const early = readKvState(options.kv, keySets.make);
	early.catch(() => undefined); // read again, and reported, in publish
	let content: ContentIndex;
	try {
		// Records stay in the render cache, and the articles' small rows in the run's database.
		content = await loadContentIndex(options.contentDir, {
			target: options.target,
			onProgress: options.onLoadProgress,
			now,
			cache: options.renderCache,
		});
	} catch (error) {
		await early.catch(() => undefined);
		keySets.close();
		throw error;
	}
	let outcome: SyncOutcome;
	let values: SpilledValues | undefined;
	try {
		// With a cache file, the version's values wait for their writes on disk too (see spilledValues).
		if (options.renderCache !== undefined) values = await spilledValues();
		outcome = await publish(content, options, now, early, values, keySets);
	} finally {
		// A cache file is committed and closed, its articles and the spilled values dropped. A cache in memory is
		// left to the collector with its articles, so the outcome's records and values (snapshot.records[].json,
		// snapshot.values) stay readable for the caller.
		if (options.renderCache !== undefined) content.close();
		values?.close();
		keySets.close();
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
	return { content: summaryOf(content), ...outcome, hub };
}

/** What a sync tells of the content it loaded. */
function summaryOf(content: ContentIndex): ContentSummary {
	return {
		site: content.site,
		articles: content.articles.count,
		drafts: content.drafts,
		skipped: content.skipped,
		stats: content.stats,
	};
}

async function publish(
	content: ContentIndex,
	options: SyncContentOptions,
	now: number,
	early: Promise<KvState>,
	values: ValueStore | undefined,
	keySets: StoredKeySets,
): Promise<SyncOutcome> {
	const lease = options.dryRun ? null : await acquireLease(options.kv, options.lease);
	try {
		return await syncArticles(options.kv, content.site, content.articles, {
			state: currentState(options.kv, early, keySets),
			now,
			dryRun: options.dryRun,
			limits: options.limits,
			onProgress: options.onProgress,
			beforeCommit: lease?.confirm,
			values,
			keySets: keySets.make,
		});
	} finally {
		await lease?.release();
	}
}

/**
 * The state read before the lease, if head has not moved since: every key a version reaches was written before its
 * head, and its values are content-addressed, so it is still what head names. Keys removed since by another sync's
 * cleanup are what applySync confirms (it lists the keys again before moving head). Else it is read again.
 */
async function currentState(kv: KvTarget, early: Promise<KvState>, keySets: StoredKeySets): Promise<KvState> {
	const state = await early.catch(() => null);
	if (state !== null && (await kv.get(HEAD_KEY)) === state.headText) return state;
	return readKvState(kv, keySets.make);
}
