// Publishes rendered records to a KV target: read state, build the version, plan, apply. Runs on Node and in workerd.
import type { ArticleRecord, ScopeKey, ScopePointer, SiteSettings } from "../../domain/model.ts";
import { assignSlugs } from "../validate/slugs.ts";
import { type ApplyOptions, applySync, type SyncReport } from "./applySync.ts";
import { buildVersion, type Snapshot } from "./buildVersion.ts";
import type { KvTarget } from "./kvTarget.ts";
import { planSync, type SyncPlan, versionKeySet } from "./planSync.ts";
import { type KvState, readKvState } from "./readKvState.ts";
import { walkVersion } from "./versionKeys.ts";

export interface SyncRecordsOptions extends ApplyOptions {
	/** Epoch ms; decides which articles are visible for scope change times, and the head version. */
	now: number;
	/** Plan only: nothing is written. */
	dryRun?: boolean;
	/** What KV holds, when the caller already started reading it (see syncContent); read here otherwise. */
	state?: Promise<KvState>;
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

export async function syncRecords(
	kv: KvTarget,
	site: SiteSettings,
	records: ArticleRecord[],
	options: SyncRecordsOptions,
): Promise<SyncOutcome> {
	const state = await (options.state ?? readKvState(kv));
	const scoped = withPublishedSlugs(records, state.names);
	const snapshot = await buildVersion(site, scoped.records, state.pointers, options.now);
	// The version kept one generation: head's, unless head already names this one (then head.previous: a rerun
	// after an interrupted cleanup finishes it).
	const previousHash =
		state.head?.manifest !== snapshot.manifestHash ? state.head?.manifest : state.head?.previous;
	const previous =
		previousHash === undefined ? null : await walkVersion(kv, previousHash, versionKeySet(snapshot));
	const plan = planSync(state, snapshot, previous, options.now);
	const report = options.dryRun ? null : await applySync(kv, plan, options);
	return {
		snapshot,
		plan,
		report,
		changedScopes: changedScopes(state.pointers, snapshot.pointers),
		slugWarnings: scoped.warnings,
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

/** Records with final tag and author slugs: the published version's kept, different names apart (see assignSlugs). */
function withPublishedSlugs(
	records: ArticleRecord[],
	published: KvState["names"],
): { records: ArticleRecord[]; warnings: string[] } {
	const tags = assignSlugs(
		"tag",
		records.flatMap((record) => record.tags),
		published.tags,
	);
	const authors = assignSlugs(
		"author",
		records.flatMap((record) => record.authors),
		published.authors,
	);
	return {
		records: records.map((record) => ({
			...record,
			tags: record.tags.map((tag) => ({ name: tag.name, slug: tags.slugOf(tag.name) })),
			authors: record.authors.map((author) => ({ ...author, slug: authors.slugOf(author.name) })),
		})),
		warnings: [...tags.warnings, ...authors.warnings],
	};
}
