// Publishes rendered records to a KV target: read state, build the manifest, plan, apply. Runs on Node and in workerd.
import type { ArticleRecord, Manifest, SiteSettings } from "../../domain/model.ts";
import { assignSlugs } from "../validate/slugs.ts";
import { type ApplyOptions, applySync, type SyncReport } from "./applySync.ts";
import { buildManifest, type Snapshot } from "./buildManifest.ts";
import type { KvTarget } from "./kvTarget.ts";
import { planSync, type SyncPlan } from "./planSync.ts";
import { type KvState, readKvState } from "./readKvState.ts";

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
	/** The manifest head pointed to before this sync (null: none, or unreadable), to tell which scopes changed. */
	publishedBefore: Manifest | null;
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
	const scoped = withPublishedSlugs(records, state.manifest);
	const snapshot = await buildManifest(site, scoped.records, state.manifest, options.now);
	const plan = planSync(state, snapshot, options.now);
	const report = options.dryRun ? null : await applySync(kv, plan, options);
	return { snapshot, plan, report, publishedBefore: state.manifest, slugWarnings: scoped.warnings };
}

/** Records with final tag and author slugs: the published version's kept, different names apart (see assignSlugs). */
function withPublishedSlugs(
	records: ArticleRecord[],
	published: Manifest | null,
): { records: ArticleRecord[]; warnings: string[] } {
	const tags = assignSlugs(
		"tag",
		records.flatMap((record) => record.tags),
		Object.entries(published?.tags ?? {}),
	);
	const authors = assignSlugs(
		"author",
		records.flatMap((record) => record.authors),
		Object.entries(published?.authors ?? {}).map(([slug, person]) => [slug, person.name]),
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
