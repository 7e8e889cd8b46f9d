// What listings of scopes (the index page, the directories, /feeds.opml) show, and the change times views share.
import type { ArticleEntry, ScopeListing, ScopeSummary } from "../domain/model.ts";

/** The scopes of a listing that show something at `now`, and when the next of the others will. */
export function shownScopes(
	listings: readonly ScopeListing[],
	now: number,
): { shown: ScopeListing[]; revealAt?: number } {
	const shown: ScopeListing[] = [];
	let revealAt: number | undefined;
	for (const listing of listings) {
		if (listing.since <= now) shown.push(listing);
		else if (revealAt === undefined || listing.since < revealAt) revealAt = listing.since;
	}
	return revealAt === undefined ? { shown } : { shown, revealAt };
}

/** The latest change among what a listing shows, deletions included. */
export const newestChange = (changed: number, entries: readonly { modified: number }[]): number =>
	entries.reduce((max, entry) => Math.max(max, entry.modified), changed);

/** When the scope's next scheduled item appears (its oldest scheduled one), if any. */
export function nextReveal(summary: ScopeSummary, now: number): number | undefined {
	let reveal: number | undefined;
	for (let i = summary.recent.length - 1; i >= 0; i--) {
		const entry = summary.recent[i] as ArticleEntry;
		if (entry.published <= now) break;
		reveal = entry.published;
	}
	return reveal;
}
