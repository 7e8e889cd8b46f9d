// Chooses what a view shows at a given moment: scheduled items hidden until their time, then `since` and `limit`.
import type { ArticleEntry } from "../domain/model.ts";

export interface EntryFilter {
	now: number;
	limit: number;
	/** Epoch ms: keep only items published or updated after it. */
	since?: number;
}

export interface EntrySelection {
	entries: ArticleEntry[];
	/** Epoch ms when the next scheduled item of this scope appears, if any: the selection is valid until then. */
	revealAt?: number;
}

/** Index of the first entry already published at `now` in a newest-first list (scheduled items come first). */
function firstVisible(entries: readonly ArticleEntry[], now: number): number {
	let low = 0;
	let high = entries.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if ((entries[middle] as ArticleEntry).published > now) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Selects from a newest-first list; costs O(limit) without `since`, and stops once `limit` items are found. */
export function selectEntries(entries: readonly ArticleEntry[], filter: EntryFilter): EntrySelection {
	const start = firstVisible(entries, filter.now);
	const revealAt = start > 0 ? (entries[start - 1] as ArticleEntry).published : undefined;
	const selected: ArticleEntry[] = [];
	for (let i = start; i < entries.length && selected.length < filter.limit; i++) {
		const entry = entries[i] as ArticleEntry;
		if (filter.since === undefined || entry.published > filter.since || entry.modified > filter.since) {
			selected.push(entry);
		}
	}
	return { entries: selected, revealAt };
}

/** Whether a scope shows anything at `now`, and if not, when it first will. */
export function visibility(
	entries: readonly ArticleEntry[],
	now: number,
): { visible: boolean; revealAt?: number } {
	const oldest = entries.at(-1);
	if (oldest === undefined) return { visible: false };
	if (oldest.published <= now) return { visible: true };
	return { visible: false, revealAt: oldest.published };
}
