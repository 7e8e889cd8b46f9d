// How a scope's history is split into archive pages (RFC 5005 archived feeds): fixed pages counted from the oldest
// item, so a page's number and content stay put as new articles are published. Imports nothing.

/** Items per archive page (feed documents and their HTML pages alike). */
export const ARCHIVE_PAGE_SIZE = 100;

/** The archive of a scope with `visible` items whose current feed shows the newest `current` of them. */
export interface ArchiveWindow {
	/** Items in archive pages: every visible item the current feed does not show. */
	archived: number;
	/** Number of archive pages; 0 when the current feed shows everything. */
	pages: number;
}

export function archiveWindow(visible: number, current: number, pageSize = ARCHIVE_PAGE_SIZE): ArchiveWindow {
	const archived = Math.max(0, visible - current);
	return { archived, pages: Math.ceil(archived / pageSize) };
}

/** Oldest-first positions [start, end) that archive page `page` (1 = oldest) holds, or undefined past the last. */
export function archivePageRange(
	window: ArchiveWindow,
	page: number,
	pageSize = ARCHIVE_PAGE_SIZE,
): { start: number; end: number; complete: boolean } | undefined {
	if (!Number.isSafeInteger(page) || page < 1 || page > window.pages) return undefined;
	const start = (page - 1) * pageSize;
	const end = Math.min(page * pageSize, window.archived);
	// Complete: full, so publishing more articles can no longer change what it holds.
	return { start, end, complete: end - start === pageSize };
}
