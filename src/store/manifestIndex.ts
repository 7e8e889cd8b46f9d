// Lookups derived once per manifest (scope -> entries, slug -> entry), so requests never scan the whole archive.
import type { ArticleEntry, Manifest, Person, ScopeKey } from "./kvLayout.ts";

export interface ManifestIndex {
	/** Entries of a scope, newest `published` first; undefined when no article has that tag or author. */
	scopeEntries(key: ScopeKey): readonly ArticleEntry[] | undefined;
	articleBySlug(slug: string): ArticleEntry | undefined;
	tagName(slug: string): string | undefined;
	author(slug: string): Person | undefined;
	/** Tag and author slugs in display order (by name). */
	tagSlugs: readonly string[];
	authorSlugs: readonly string[];
}

export const tagScope = (slug: string): ScopeKey => `tags/${slug}`;
export const authorScope = (slug: string): ScopeKey => `authors/${slug}`;

const byNewest = (a: ArticleEntry, b: ArticleEntry): number =>
	b.published - a.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function ownEntries<V>(record: Record<string, V> | undefined): Map<string, V> {
	// JSON objects inherit from Object.prototype: a Map keeps "constructor" or "__proto__" from looking like a tag.
	return new Map(Object.entries(record ?? {}));
}

function buildIndex(manifest: Manifest): ManifestIndex {
	// The manifest is sorted by sync; sorting a copy once per version keeps selection right even if it were not.
	const all = [...manifest.articles].sort(byNewest);
	const scopes = new Map<ScopeKey, ArticleEntry[]>([["", all]]);
	const slugs = new Map<string, ArticleEntry>();
	const add = (key: ScopeKey, entry: ArticleEntry) => {
		const list = scopes.get(key);
		if (list) list.push(entry);
		else scopes.set(key, [entry]);
	};
	for (const entry of all) {
		slugs.set(entry.slug, entry);
		for (const tag of entry.tags) add(tagScope(tag), entry);
		for (const author of entry.authors) add(authorScope(author), entry);
	}
	const tags = ownEntries(manifest.tags);
	const authors = ownEntries(manifest.authors);
	const collator = new Intl.Collator(manifest.site.language);
	return {
		scopeEntries: (key) => scopes.get(key),
		articleBySlug: (slug) => slugs.get(slug),
		tagName: (slug) => tags.get(slug),
		author: (slug) => authors.get(slug),
		tagSlugs: [...tags.keys()].sort((a, b) => collator.compare(tags.get(a) ?? a, tags.get(b) ?? b)),
		authorSlugs: [...authors.keys()].sort((a, b) =>
			collator.compare(authors.get(a)?.name ?? a, authors.get(b)?.name ?? b),
		),
	};
}

const indexes = new WeakMap<Manifest, ManifestIndex>();

/** The index of a manifest, built on first use and kept as long as the manifest is. */
export function manifestIndex(manifest: Manifest): ManifestIndex {
	let index = indexes.get(manifest);
	if (!index) {
		index = buildIndex(manifest);
		indexes.set(manifest, index);
	}
	return index;
}
