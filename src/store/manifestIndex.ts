// Lookups derived from a manifest (scope -> entries, slug -> entry), built lazily once per version, so a request
// never scans the archive twice and a cold isolate pays only for what its first request needs.
import type { ArticleEntry, Manifest, Person, ScopeKey } from "../domain/model.ts";
import { authorScope, scopeRefOf, tagScope } from "../urls/urlScheme.ts";

export interface ManifestIndex {
	/** Entries of a scope, newest `published` first; undefined when no article has that tag or author. */
	scopeEntries(key: ScopeKey): readonly ArticleEntry[] | undefined;
	articleBySlug(slug: string): ArticleEntry | undefined;
	tagName(slug: string): string | undefined;
	author(slug: string): Person | undefined;
	/** Tag and author slugs in display order (by name). */
	tagSlugs(): readonly string[];
	authorSlugs(): readonly string[];
}

const byNewest = (a: ArticleEntry, b: ArticleEntry): number =>
	b.published - a.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Runs `build` on first call only. */
function once<T>(build: () => T): () => T {
	let value: { built: T } | undefined;
	return () => {
		value ??= { built: build() };
		return value.built;
	};
}

function buildIndex(manifest: Manifest): ManifestIndex {
	// Sync writes the manifest sorted; checking costs one pass, and selection stays right even if it were not.
	const sorted = manifest.articles.every(
		(entry, i, list) => i === 0 || byNewest(list[i - 1] as ArticleEntry, entry) <= 0,
	);
	const all = sorted ? manifest.articles : [...manifest.articles].sort(byNewest);
	// JSON objects inherit from Object.prototype: Maps keep "constructor" or "__proto__" from looking like a tag.
	const tags = new Map(Object.entries(manifest.tags ?? {}));
	const authors = new Map(Object.entries(manifest.authors ?? {}));
	const scopes = new Map<ScopeKey, readonly ArticleEntry[]>([["", all]]);
	const collator = once(() => new Intl.Collator(manifest.site.language));
	let everyScopeKnown = false;

	// One pass over the archive gives every scope; only pages that list all tags and authors need that.
	const everyScope = once(() => {
		const lists = new Map<ScopeKey, ArticleEntry[]>();
		const add = (key: ScopeKey, entry: ArticleEntry) => {
			const list = lists.get(key);
			if (list) list.push(entry);
			else lists.set(key, [entry]);
		};
		for (const entry of all) {
			for (const tag of entry.tags) add(tagScope(tag), entry);
			for (const author of entry.authors) add(authorScope(author), entry);
		}
		for (const [key, list] of lists) scopes.set(key, list);
		everyScopeKnown = true;
	});

	function scopeEntries(key: ScopeKey): readonly ArticleEntry[] | undefined {
		const known = scopes.get(key);
		if (known || everyScopeKnown) return known;
		let list: ArticleEntry[] = [];
		const ref = scopeRefOf(key);
		if (ref?.kind === "tag") {
			const { slug } = ref;
			if (tags.has(slug)) list = all.filter((entry) => entry.tags.includes(slug));
		} else if (ref?.kind === "author") {
			const { slug } = ref;
			if (authors.has(slug)) list = all.filter((entry) => entry.authors.includes(slug));
		}
		if (list.length === 0) return undefined;
		scopes.set(key, list);
		return list;
	}

	const slugs = once(() => new Map(all.map((entry) => [entry.slug, entry])));
	return {
		scopeEntries,
		articleBySlug: (slug) => slugs().get(slug),
		tagName: (slug) => tags.get(slug),
		author: (slug) => authors.get(slug),
		tagSlugs: once(() => {
			everyScope();
			return [...tags.keys()].sort((a, b) => collator().compare(tags.get(a) ?? a, tags.get(b) ?? b));
		}),
		authorSlugs: once(() => {
			everyScope();
			return [...authors.keys()].sort((a, b) =>
				collator().compare(authors.get(a)?.name ?? a, authors.get(b)?.name ?? b),
			);
		}),
	};
}

/** The index of a manifest, built on its first use and kept as long as the manifest is. */
export type ManifestIndexes = (manifest: Manifest) => ManifestIndex;

/** One memo of indexes: the view runtime owns one per app, beside the manifests it reads. */
export function createManifestIndexes(): ManifestIndexes {
	const indexes = new WeakMap<Manifest, ManifestIndex>();
	return (manifest) => {
		let index = indexes.get(manifest);
		if (!index) {
			index = buildIndex(manifest);
			indexes.set(manifest, index);
		}
		return index;
	};
}
