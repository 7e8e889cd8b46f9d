// Which items archive page `page` of a scope holds now, shared by its feed documents and its HTML page.
import { archivePageRange } from "../domain/archivePages.ts";
import type { ArticleEntry } from "../domain/model.ts";
import type { FeedScope } from "../feed/feedModel.ts";
import type { PublishedVersion } from "../store/publishedVersion.ts";
import { scopeArchive } from "../store/scopeEntries.ts";
import type { ScopeRef } from "../urls/urlScheme.ts";
import { resolveScope } from "./resolveScope.ts";
import { nextReveal } from "./scopeListing.ts";
import type { NotShown } from "./serveView.ts";

export interface ArchiveSelection {
	scope: FeedScope;
	page: number;
	/** The scope's archive pages now. */
	pages: number;
	/** The page's items, newest first. */
	entries: ArticleEntry[];
	/** Full and followed by another page: publishing more changes neither its items nor its links. */
	final: boolean;
	/** When a scheduled item appears and shifts the items of a page that is not final. */
	revealAt?: number;
}

export async function selectArchivePage(
	version: PublishedVersion,
	ref: ScopeRef,
	page: number,
	now: number,
): Promise<ArchiveSelection | NotShown> {
	const resolved = await resolveScope(version, ref, now);
	if ("notShown" in resolved) return resolved;
	const { summary, scope } = resolved;
	const window = scopeArchive(summary, version.manifest.site.itemsPerFeed, now);
	const range = archivePageRange(window, page);
	const revealAt = nextReveal(summary, now);
	// A page that does not exist yet may once a scheduled item pushes older ones out of the current feed.
	if (!range) return revealAt === undefined ? { notShown: true } : { notShown: true, revealAt };
	const entries = (await version.entriesAt(summary, range.start, range.end)).reverse();
	const final = range.complete && page < window.pages;
	const selection: ArchiveSelection = { scope, page, pages: window.pages, entries, final };
	if (!final && revealAt !== undefined) selection.revealAt = revealAt;
	return selection;
}
