// Publishes rendered records to a KV target: read state, build the version, plan, apply. Runs on Node and in workerd.
import type { ArticleRecord, ScopeKey, ScopePointer, SiteSettings } from "../../domain/model.ts";
import { assignSlugs } from "../validate/slugs.ts";
import { type ApplyOptions, applySync, type SyncReport } from "./applySync.ts";
import {
	type ArticleSource,
	buildVersion,
	type Snapshot,
	type SourceArticle,
	sourceOfRecords,
	type ValueStore,
} from "./buildVersion.ts";
import { hashJson } from "./contentHash.ts";
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
	const state = await (options.state ?? readKvState(kv));
	const scoped = await withPublishedSlugs(source, state.names);
	const snapshot = await buildVersion(site, scoped.source, state.pointers, options.now, options.values);
	// The version kept one generation: head's, unless head already names this one (then head.previous: a rerun
	// after an interrupted cleanup finishes it).
	const previousHash =
		state.head?.manifest !== snapshot.manifestHash ? state.head?.manifest : state.head?.previous;
	const previous =
		previousHash === undefined
			? null
			: await walkVersion(kv, previousHash, versionKeySet(snapshot), state.values);
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

/**
 * Articles with final tag and author slugs: the published version's kept, different names apart (see assignSlugs).
 * A record whose slugs change is rewritten and hashed again; the others are untouched.
 */
async function withPublishedSlugs(
	source: ArticleSource,
	published: KvState["names"],
): Promise<{ source: ArticleSource; warnings: string[] }> {
	const tags = assignSlugs(
		"tag",
		source.articles.flatMap((article) => article.tags),
		published.tags,
	);
	const authors = assignSlugs(
		"author",
		source.articles.flatMap((article) => article.authors),
		published.authors,
	);
	const rewritten = new Map<string, string>();
	const articles: SourceArticle[] = [];
	for (const article of source.articles) {
		const finalTags = article.tags.map((tag) => ({ name: tag.name, slug: tags.slugOf(tag.name) }));
		const finalAuthors = article.authors.map((author) => ({ ...author, slug: authors.slugOf(author.name) }));
		const same =
			finalTags.every((tag, i) => tag.slug === article.tags[i]?.slug) &&
			finalAuthors.every((author, i) => author.slug === article.authors[i]?.slug);
		if (same) {
			articles.push(article);
			continue;
		}
		const record = JSON.parse(source.recordJson(article.record)) as ArticleRecord;
		const { json, hash } = await hashJson({ ...record, tags: finalTags, authors: finalAuthors });
		rewritten.set(hash, json);
		articles.push({ ...article, record: hash, tags: finalTags, authors: finalAuthors });
	}
	return {
		source: {
			articles,
			recordJson: (hash) => rewritten.get(hash) ?? source.recordJson(hash),
		},
		warnings: [...tags.warnings, ...authors.warnings],
	};
}
