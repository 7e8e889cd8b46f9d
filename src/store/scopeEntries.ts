// What a scope shows at a given moment, from its summary alone: how many items are visible, the newest of them,
// and when the next scheduled one appears. Archive pages count only visible items, oldest first.
import { type ArchiveWindow, archiveWindow } from "../domain/archivePages.ts";
import type { ArticleEntry, ScopeSummary } from "../domain/model.ts";
import { type EntryFilter, type EntrySelection, selectEntries, visibility } from "./selectEntries.ts";

/** Items of `recent` not yet visible at `now`: scheduled items are the newest, so they are its tail. */
function scheduledCount(summary: ScopeSummary, now: number): number {
	let count = 0;
	for (let i = summary.recent.length - 1; i >= 0 && (summary.recent[i] as ArticleEntry).published > now; i--)
		count++;
	return count;
}

/** Items visible at `now`. */
export const visibleCount = (summary: ScopeSummary, now: number): number =>
	summary.total - scheduledCount(summary, now);

/** Whether the scope shows anything at `now`, and if not, when it first will: its oldest item decides. */
export function scopeVisibility(summary: ScopeSummary, now: number): { visible: boolean; revealAt?: number } {
	if (summary.movedPages > 0) return { visible: true };
	return visibility(summary.recent.slice(0, 1), now);
}

/** The newest visible items (limit at most RECENT_VISIBLE, which `recent` always holds), newest first. */
export function newestEntries(summary: ScopeSummary, filter: EntryFilter): EntrySelection {
	return selectEntries(summary.recent.toReversed(), filter);
}

/** The scope's archive at `now`: what its current feed of `itemsPerFeed` items leaves to archive pages. */
export const scopeArchive = (summary: ScopeSummary, itemsPerFeed: number, now: number): ArchiveWindow =>
	archiveWindow(visibleCount(summary, now), itemsPerFeed);
