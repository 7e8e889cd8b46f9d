// Turns a route's scope (everything, a tag slug, an author slug) into the manifest's entries for it, or "not shown".
import type { ArticleEntry, Manifest } from "../domain/model.ts";
import type { FeedScope } from "../feed/feedModel.ts";
import type { ManifestIndex } from "../store/manifestIndex.ts";
import { visibility } from "../store/selectEntries.ts";
import { type ScopeRef, scopeKeyOf } from "../urls/urlScheme.ts";
import type { NotShown } from "./serveView.ts";

export interface ResolvedScope {
	scope: FeedScope;
	entries: readonly ArticleEntry[];
	/** Epoch ms of the scope's last change as of the sync that published this manifest. */
	changed: number;
}

/** A tag or author exists while at least one of its articles is visible; until then it is a 404 like any unknown one. */
export function resolveScope(
	index: ManifestIndex,
	manifest: Manifest,
	ref: ScopeRef,
	now: number,
): ResolvedScope | NotShown {
	const key = scopeKeyOf(ref);
	const changed = Object.hasOwn(manifest.scopes, key) ? (manifest.scopes[key]?.changed ?? 0) : 0;
	if (ref.kind === "all")
		return { scope: { key, kind: "all" }, entries: index.scopeEntries("") ?? [], changed };
	const entries = index.scopeEntries(key);
	const name = ref.kind === "tag" ? index.tagName(ref.slug) : index.author(ref.slug)?.name;
	if (!entries || name === undefined) return { notShown: true };
	const { visible, revealAt } = visibility(entries, now);
	if (!visible) return revealAt === undefined ? { notShown: true } : { notShown: true, revealAt };
	return { scope: { key, kind: ref.kind, name }, entries, changed };
}
