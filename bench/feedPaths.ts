// The feeds the benchmark loads: the three whole-collection feeds and the RSS feed of the generated bench tag.
import type { Head, Manifest, ScopeListing } from "../src/domain/model.ts";
import { HEAD_KEY, keyOf, manifestKey } from "../src/store/kvLayout.ts";
import { feedPath, tagScope } from "../src/urls/urlScheme.ts";
import { BENCH_TAG } from "./generateCollection.ts";

export interface FeedPath {
	/** Short name for the table, e.g. "rss", "tag rss". */
	label: string;
	path: string;
}

/** Finds the bench tag's slug in the published manifest, so the path is whatever slug the sync gave it. */
export async function feedPaths(articles: KVNamespace): Promise<FeedPath[]> {
	const head = await articles.get<Head>(HEAD_KEY, "json");
	if (!head) throw new Error("KV has no head after sync");
	const manifest = await articles.get<Manifest>(manifestKey(head.manifest), "json");
	if (!manifest) throw new Error(`KV has no manifest ${head.manifest}`);
	const listed: ScopeListing[] = [];
	for (const hash of manifest.directory.tags)
		listed.push(
			...((await articles.get<{ entries: ScopeListing[] }>(keyOf("dir", hash), "json"))?.entries ?? []),
		);
	const slug = listed.find((listing) => listing.name === BENCH_TAG)?.key.slice("tags/".length);
	if (!slug) throw new Error(`the manifest has no tag named ${BENCH_TAG}`);
	return [
		{ label: "rss", path: feedPath("", "rss") },
		{ label: "atom", path: feedPath("", "atom") },
		{ label: "json", path: feedPath("", "json") },
		{ label: `tag rss`, path: feedPath(tagScope(slug), "rss") },
	];
}

/** A distinct, normalised `since` per request: each misses the edge cache, and since 1970 it still selects every item. */
export function uncachedPath(path: string, n: number): string {
	return `${path}?since=${new Date(n * 1000).toISOString().replace(".000Z", "Z")}`;
}
