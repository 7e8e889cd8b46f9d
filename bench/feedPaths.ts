// The feeds the benchmark loads: the three whole-collection feeds and the RSS feed of the generated bench tag.
import { toSlug } from "../src/sync/validate/slugs.ts";
import { feedPath, tagScope } from "../src/urls/urlScheme.ts";
import { BENCH_TAG } from "./generateCollection.ts";

export interface FeedPath {
	/** Short name for the table, e.g. "rss", "tag rss". */
	label: string;
	path: string;
}

/** The bench tag's slug comes from the project's slug rule (the bench checks that its feed answers 200). */
export const benchTagSlug = (): string => toSlug(BENCH_TAG);

export function feedPaths(): FeedPath[] {
	return [
		{ label: "rss", path: feedPath("", "rss") },
		{ label: "atom", path: feedPath("", "atom") },
		{ label: "json", path: feedPath("", "json") },
		{ label: `tag rss`, path: feedPath(tagScope(benchTagSlug()), "rss") },
	];
}

/** The bench tag's Atom feed: where the archive walk starts. */
export const benchTagAtomPath = (): string => feedPath(tagScope(benchTagSlug()), "atom");

/** A distinct, normalised `since` per request: each misses the edge cache, and since 1970 it still selects every item. */
export function uncachedPath(path: string, n: number): string {
	return `${path}?since=${new Date(n * 1000).toISOString().replace(".000Z", "Z")}`;
}
