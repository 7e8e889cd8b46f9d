// Turns a route's scope (everything, a tag slug, an author slug) into its published summary, or "not shown".
import type { ScopeSummary } from "../domain/model.ts";
import type { FeedScope } from "../feed/feedModel.ts";
import type { PublishedVersion } from "../store/publishedVersion.ts";
import { scopeVisibility } from "../store/scopeEntries.ts";
import { type ScopeRef, scopeKeyOf } from "../urls/urlScheme.ts";
import type { NotShown } from "./serveView.ts";

export interface ResolvedScope {
	scope: FeedScope;
	summary: ScopeSummary;
	/** Epoch ms of the scope's last change as of the sync that published this version. */
	changed: number;
}

/** A tag or author exists while at least one of its articles is visible; until then it is a 404 like any unknown one.
 * The whole collection always exists, empty or not. */
export async function resolveScope(
	version: PublishedVersion,
	ref: ScopeRef,
	now: number,
): Promise<ResolvedScope | NotShown> {
	const key = scopeKeyOf(ref);
	const published = await version.scope(key);
	if (ref.kind === "all") {
		const summary = published?.summary ?? { key, name: "", total: 0, movedPages: 0, recent: [] };
		return { scope: { key, kind: "all" }, summary, changed: published?.pointer.changed ?? 0 };
	}
	if (!published) return { notShown: true };
	const { visible, revealAt } = scopeVisibility(published.summary, now);
	if (!visible) return revealAt === undefined ? { notShown: true } : { notShown: true, revealAt };
	return {
		scope: { key, kind: ref.kind, name: published.summary.name },
		summary: published.summary,
		changed: published.pointer.changed,
	};
}
