// Publishes rendered records to a KV target: read state, build the version, plan, apply. Runs on Node and in workerd.
import type { ArticleRecord, ScopeKey, ScopePointer, SiteSettings } from "../../domain/model.ts";
import { assignSlugs } from "../validate/slugs.ts";
import { type ApplyOptions, applySync, type SyncReport } from "./applySync.ts";
import { type ArticleSource, sourceOfRecords } from "./articleSource.ts";
import { buildVersion, type Snapshot, type ValueStore } from "./buildVersion.ts";
import type { KvTarget } from "./kvTarget.ts";
import { planSync, type SyncPlan } from "./planSync.ts";
import { type KvState, readKvState } from "./readKvState.ts";
import { walkVersion } from "./versionKeys.ts";

export interface SyncRecordsOptions extends ApplyOptions {
	/** Epoch ms; decides which articles are visible for scope change times, and the head version. */
	now: number;
	/** Plan only: nothing is written. */
	dryRun?: boolean;
	/** What KV holds, when the caller already started reading it (see syncContent); read here otherwise. */
	state?: Promise<KvState>;
	/** An empty store to build the version's values into (see buildVersion); a Map when none is given. */
	values?: ValueStore;
}

export interface SyncOutcome {
	snapshot: Snapshot;
	plan: SyncPlan;
	/** null on a dry run. */
	report: SyncReport | null;
	/** Scopes whose feeds changed against the version head pointed to (new and removed ones included), in key order. */
	changedScopes: ScopeKey[];
	/** Tags and authors that got a suffixed slug because another name already has their natural one. */
	slugWarnings: string[];
}

/** Publishes records held in memory. */
export async function syncRecords(
	kv: KvTarget,
	site: SiteSettings,
	records: ArticleRecord[],
	options: SyncRecordsOptions,
): Promise<SyncOutcome> {
	return syncArticles(kv, site, await sourceOfRecords(records), options);
}

/** Publishes the articles of `source`, reading each record's JSON only when it is written. */
export async function syncArticles(
	kv: KvTarget,
	site: SiteSettings,
	source: ArticleSource,
	options: SyncRecordsOptions,
): Promise<SyncOutcome> {
	const state = await (options.state ?? readKvState(kv, options.keySets));
	const slugWarnings = await finalizeSlugs(source, state.names);
	const snapshot = await buildVersion(site, source, state.pointers, options.now, options.values);
	// The version kept one generation: head's, unless head already names this one (then head.previous: a rerun
	// after an interrupted cleanup finishes it).
	const previousHash =
		state.head?.manifest !== snapshot.manifestHash ? state.head?.manifest : state.head?.previous;
	const previous =
		previousHash === undefined
			? null
			: await walkVersion(kv, previousHash, { has: snapshot.hasKey }, state.values);
	const plan = planSync(state, snapshot, previous, options.now);
	const report = options.dryRun ? null : await applySync(kv, plan, options);
	return {
		snapshot,
		plan,
		report,
		changedScopes: changedScopes(state.pointers, snapshot.pointers),
		slugWarnings,
	};
}

/** Scopes whose fingerprint or change time differs between the two versions, new and removed ones included. */
export function changedScopes(
	before: ReadonlyMap<ScopeKey, ScopePointer>,
	after: ReadonlyMap<ScopeKey, ScopePointer>,
): ScopeKey[] {
	const keys = new Set([...before.keys(), ...after.keys()]);
	return [...keys]
		.filter((key) => {
			const old = before.get(key);
			const now = after.get(key);
			return old?.fingerprint !== now?.fingerprint || old?.changed !== now?.changed;
		})
		.sort();
}

/**
 * Gives the source's tags and authors their final slugs: the published version's kept, different names apart (see
 * assignSlugs). Returns the warnings for names that did not get their natural slug.
 */
async function finalizeSlugs(source: ArticleSource, published: KvState["names"]): Promise<string[]> {
	const tags = assignSlugs("tag", source.names("tag"), published.tags);
	const authors = assignSlugs("author", source.names("author"), published.authors);
	await source.finalizeSlugs(tags.slugOf, authors.slugOf);
	return [...tags.warnings, ...authors.warnings];
}
