// What lists of scopes (the index page, /feeds.opml) show: the tags and authors with a visible article, and
// the newest change among what a listing shows.
import type { ScopeLink } from "../pages/indexPage.ts";
import type { ManifestIndex } from "../store/manifestIndex.ts";
import { visibility } from "../store/selectEntries.ts";
import { authorScope, tagScope } from "../urls/urlScheme.ts";

/** Tags and authors with at least one visible article, in display order. */
export function visibleScopes(
	index: ManifestIndex,
	now: number,
): { tags: ScopeLink[]; authors: ScopeLink[] } {
	const shown = (key: string, name: string | undefined): ScopeLink[] => {
		const entries = index.scopeEntries(key);
		return name !== undefined && entries && visibility(entries, now).visible ? [{ key, name }] : [];
	};
	return {
		tags: index.tagSlugs().flatMap((slug) => shown(tagScope(slug), index.tagName(slug))),
		authors: index.authorSlugs().flatMap((slug) => shown(authorScope(slug), index.author(slug)?.name)),
	};
}

/** The latest change among what a listing shows, deletions included. */
export const newestChange = (changed: number, entries: readonly { modified: number }[]): number =>
	entries.reduce((max, entry) => Math.max(max, entry.modified), changed);
