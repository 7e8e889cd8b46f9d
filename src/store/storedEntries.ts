// How summaries and archive pages store their article entries: a short array per entry rather than an object with
// named fields, leaving out what most entries repeat (an id equal to the slug, a modification equal to
// publication). A summary holds at least 100 entries and every cold feed request reads one, so its size is most of
// what the request reads besides the records: this keeps it under half of the object form.
import type { ArchivePageValue, ArticleEntry, Corrections, ScopeSummary } from "../domain/model.ts";

/** [record hash, slug, published, modified − published (absent when 0), id (absent when it is the slug)]. */
export type StoredEntry = [
	record: string,
	slug: string,
	published: number,
	modifiedAfter?: number,
	id?: string,
];

/** A `scope:` value as KV holds it. */
export interface StoredSummary extends Omit<ScopeSummary, "recent"> {
	recent: (StoredEntry | ArticleEntry)[];
}

/** A `page:` value as KV holds it. */
export interface StoredPage {
	entries: (StoredEntry | ArticleEntry)[];
}

export function storedEntry(entry: ArticleEntry): StoredEntry {
	const stored: StoredEntry = [entry.record, entry.slug, entry.published];
	const after = entry.modified - entry.published;
	if (entry.id !== entry.slug) stored.push(after, entry.id);
	else if (after !== 0) stored.push(after);
	return stored;
}

/** The entry a stored one stands for; an entry still in object form (written before this form) passes as it is. */
export function entryOf(stored: StoredEntry | ArticleEntry): ArticleEntry {
	if (!Array.isArray(stored)) return stored;
	const [record, slug, published, after, id] = stored;
	return { id: id ?? slug, slug, record, published, modified: published + (after ?? 0) };
}

export const storedSummary = (summary: ScopeSummary): StoredSummary => ({
	...summary,
	recent: summary.recent.map(storedEntry),
});

export const summaryOf = (stored: StoredSummary): ScopeSummary => ({
	...stored,
	recent: stored.recent.map(entryOf),
});

export const storedPage = (page: ArchivePageValue): StoredPage => ({
	entries: page.entries.map(storedEntry),
});

export const pageOf = (stored: StoredPage): ArchivePageValue => ({ entries: stored.entries.map(entryOf) });

/** A `corrections:` value as KV holds it. */
export type StoredCorrections = Record<string, StoredEntry | ArticleEntry>;

export function correctionsOf(stored: StoredCorrections): Corrections {
	const corrections: Corrections = {};
	for (const [record, entry] of Object.entries(stored)) corrections[record] = entryOf(entry);
	return corrections;
}
