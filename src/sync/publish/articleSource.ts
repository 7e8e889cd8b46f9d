// The articles a version is built from, read in the orders building needs: each scope's members oldest first, the
// articles by slug shard, each record once. A source over records in memory lives here (tests, and publishing from
// a Worker); sync's own lives in a temporary SQLite database (load/articleTable.ts), so an archive's entries never
// sit on the heap. Runs on Node and in workerd.

import { newestFirst } from "../../domain/entryOrder.ts";
import type { ArticleEntry, ArticleRecord, AuthorRef, Person, ScopeKey, TagRef } from "../../domain/model.ts";
import { shardOf } from "../../store/kvLayout.ts";
import type { StoredEntry } from "../../store/storedEntries.ts";
import { authorScope, tagScope } from "../../urls/urlScheme.ts";
import { hashJson } from "./contentHash.ts";

/** What building needs of one article: its entry's fields and its tags and authors. */
export interface SourceArticle {
	id: string;
	slug: string;
	/** Hash of the record's canonical JSON. */
	record: string;
	published: number;
	modified: number;
	tags: readonly TagRef[];
	authors: readonly AuthorRef[];
}

/** One scope's members: the site's ("" holds every article), a tag's or an author's. */
export interface ScopeMembers {
	key: ScopeKey;
	/** A tag's or author's name as its newest member spells it (the site scope has none). */
	name?: string;
	/** An author's details as its newest member gives them. */
	person?: Person;
	total: number;
	/** Members published after the `now` the scopes were asked for. */
	scheduled: number;
	/** Oldest first, ties by id descending: newestFirst reversed. Read once. */
	oldestFirst(): Iterable<ArticleEntry>;
}

/** The name, and an author's details, that the scope `key` takes from its newest member. */
export function scopeNaming(
	key: ScopeKey,
	newest: Pick<SourceArticle, "tags" | "authors">,
): Pick<ScopeMembers, "name" | "person"> {
	const tag = newest.tags.find((ref) => tagScope(ref.slug) === key);
	if (tag) return { name: tag.name };
	const author = newest.authors.find((ref) => authorScope(ref.slug) === key);
	if (!author) return {};
	const { slug: _, ...person } = author;
	return { name: person.name, person };
}

/** What building one scope gives besides its values (see buildVersion). */
export interface ScopeBuild {
	summary: string;
	fingerprint: string;
	visible: number;
	/** The oldest member's publication, if any. */
	since: number | undefined;
	/** The newest `modified` of a visible member, or null. */
	newestVisibleChange: number | null;
	/** Entries its archive pages list that stand corrected: [record hash as listed, the entry now]; absent if none. */
	corrections?: [string, StoredEntry][];
}

/** A scope's build as an earlier run kept it: its result and its values (key, JSON). */
export interface KeptBuild {
	result: ScopeBuild;
	values(): Iterable<readonly [string, string]>;
}

/** A scope's build as the last run that built it made it, whatever changed since: the archive pages a new build
 * may keep (see buildVersion). */
export interface EarlierBuild {
	result: ScopeBuild;
	/** The JSON of one of its values, by key. */
	json(key: string): string | undefined;
}

/** Where a scope's build is kept while it is made: each value as it is made, then the result. */
export interface BuildKeeper {
	value(key: string, json: string): void;
	done(result: ScopeBuild): void;
}

/** Final slugs by name (names equal after folding are one; see assignSlugs). */
export type SlugOf = (name: string) => string;

export interface ArticleSource {
	/** Published and scheduled articles. */
	readonly count: number;
	/** The canonical JSON of the record with this hash. */
	recordJson(hash: string): string;
	/** Each distinct tag or author name once, with its natural slug, in the order the articles first name it. */
	names(kind: "tag" | "author"): Iterable<TagRef>;
	/** Gives every tag and author its final slug, rewriting (and hashing again) the records whose slugs change. Called
	 * once, before any of the reads below. */
	finalizeSlugs(tagSlug: SlugOf, authorSlug: SlugOf): Promise<void>;
	/** The site scope first, then every tag and author scope. */
	scopes(now: number): Iterable<ScopeMembers>;
	/** The entries of each of `count` slug shards (shardOf their slug), in shard order. */
	slugShards(count: number): Iterable<ArticleEntry[]>;
	/** Every record hash once (two identical articles share one), in ascending order. */
	recordHashes(): Iterable<string>;
	hasRecord(hash: string): boolean;
	/**
	 * What an earlier run kept of building the scope `key` from `inputs` (everything besides its members that
	 * decides the build), if its members have not changed since. A source that keeps nothing leaves both out.
	 */
	keptBuild?(key: ScopeKey, inputs: string): KeptBuild | undefined;
	/** The last build of the scope `key` an earlier run kept, even if its members changed since. */
	earlierBuild?(key: ScopeKey): EarlierBuild | undefined;
	/** Keeps the build of the scope `key` from `inputs` that is about to be made, for later runs (if the source
	 * outlives the run). */
	keepBuild?(key: ScopeKey, inputs: string): BuildKeeper | undefined;
}

/** Tags and authors with their final slugs; the same array when none changes. */
export function withFinalSlugs<T extends TagRef>(refs: readonly T[], slugOf: SlugOf): readonly T[] {
	if (refs.every((ref) => ref.slug === slugOf(ref.name))) return refs;
	return refs.map((ref) => ({ ...ref, slug: slugOf(ref.name) }));
}

/**
 * The article's tags, authors and record with final slugs, its record rewritten (`json`, and `record` its new hash);
 * undefined when no slug changes. Both sources finalize their articles through it.
 */
export async function withSlugsFinal<A extends Pick<SourceArticle, "record" | "tags" | "authors">>(
	article: A,
	tagSlug: SlugOf,
	authorSlug: SlugOf,
	recordJson: (hash: string) => string,
): Promise<(A & { json: string }) | undefined> {
	const tags = withFinalSlugs(article.tags, tagSlug);
	const authors = withFinalSlugs(article.authors, authorSlug);
	if (tags === article.tags && authors === article.authors) return undefined;
	const { json, hash } = await rewriteRecord(recordJson(article.record), tags, authors);
	return { ...article, record: hash, tags, authors, json };
}

/** The record's JSON with these tags and authors, and its hash. */
export async function rewriteRecord(
	json: string,
	tags: readonly TagRef[],
	authors: readonly AuthorRef[],
): Promise<{ json: string; hash: string }> {
	return hashJson({ ...(JSON.parse(json) as ArticleRecord), tags, authors });
}

/** What building needs of `record`, whose JSON has `hash`. */
export function sourceArticleOf(record: ArticleRecord, hash: string): SourceArticle {
	const published = Date.parse(record.published);
	return {
		id: record.id,
		slug: record.slug,
		record: hash,
		published,
		modified: record.updated === undefined ? published : Date.parse(record.updated),
		tags: record.tags,
		authors: record.authors,
	};
}

/** A source over records in memory. */
export async function sourceOfRecords(records: readonly ArticleRecord[]): Promise<ArticleSource> {
	const jsons = new Map<string, string>();
	let articles: SourceArticle[] = [];
	for (const record of records) {
		const { json, hash } = hashJson(record);
		jsons.set(hash, json);
		articles.push(sourceArticleOf(record, hash));
	}
	const recordJson = (hash: string): string => {
		const json = jsons.get(hash);
		if (json === undefined) throw new Error(`no record ${hash} in this source`);
		return json;
	};
	const names = function* (kind: "tag" | "author"): Generator<TagRef> {
		const seen = new Set<string>();
		for (const article of articles)
			for (const { name, slug } of kind === "tag" ? article.tags : article.authors) {
				if (seen.has(name)) continue;
				seen.add(name);
				yield { name, slug };
			}
	};
	let hashes: { set: Set<string>; ascending: string[] } | undefined;
	const recordSet = (): { set: Set<string>; ascending: string[] } => {
		if (!hashes) {
			const set = new Set(articles.map((article) => article.record));
			hashes = { set, ascending: [...set].sort() };
		}
		return hashes;
	};
	let newest: SourceArticle[] | undefined;
	const byDate = (): SourceArticle[] => {
		newest ??= articles.toSorted(newestFirst);
		return newest;
	};
	return {
		get count() {
			return articles.length;
		},
		recordJson,
		names,
		async finalizeSlugs(tagSlug, authorSlug) {
			const final: SourceArticle[] = [];
			for (const article of articles) {
				const rewritten = await withSlugsFinal(article, tagSlug, authorSlug, recordJson);
				if (!rewritten) {
					final.push(article);
					continue;
				}
				const { json, ...changed } = rewritten;
				jsons.set(changed.record, json);
				final.push(changed);
			}
			articles = final;
			hashes = undefined;
			newest = undefined;
		},
		*scopes(now) {
			const members = new Map<ScopeKey, SourceArticle[]>([["", byDate()]]);
			for (const article of byDate()) {
				const keys = [
					...article.tags.map((tag) => tagScope(tag.slug)),
					...article.authors.map((author) => authorScope(author.slug)),
				];
				for (const key of keys) {
					const list = members.get(key) ?? [];
					if (list.length === 0) members.set(key, list);
					if (list.at(-1) !== article) list.push(article);
				}
			}
			for (const [key, list] of members)
				yield {
					key,
					...(key === "" ? {} : scopeNaming(key, list[0] as SourceArticle)),
					total: list.length,
					scheduled: list.filter((article) => article.published > now).length,
					oldestFirst: () => list.toReversed(),
				};
		},
		*slugShards(count) {
			const shards: ArticleEntry[][] = Array.from({ length: count }, () => []);
			for (const { id, slug, record, published, modified } of articles)
				shards[shardOf(slug, count)]?.push({ id, slug, record, published, modified });
			yield* shards;
		},
		recordHashes: () => recordSet().ascending,
		hasRecord: (hash) => recordSet().set.has(hash),
	};
}
