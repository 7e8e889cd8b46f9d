// A source that remembers each scope's last build in a map shared between runs, as sync's kept articles' table does
// on disk (src/sync/load/articleTable.ts): a later build keeps the archive pages of the last one and corrects the
// records edited since. It never reuses a build whole, so every scope is built each run.
import type { ArticleSource, EarlierBuild } from "../../src/sync/publish/articleSource.ts";

/** Each scope's last build: its result and its values by key. */
export type RememberedBuilds = Map<string, EarlierBuild>;

export function rememberingBuilds(source: ArticleSource, builds: RememberedBuilds): ArticleSource {
	return {
		get count() {
			return source.count;
		},
		recordJson: (hash) => source.recordJson(hash),
		names: (kind) => source.names(kind),
		finalizeSlugs: (tagSlug, authorSlug) => source.finalizeSlugs(tagSlug, authorSlug),
		scopes: (now) => source.scopes(now),
		slugShards: (count) => source.slugShards(count),
		recordHashes: () => source.recordHashes(),
		hasRecord: (hash) => source.hasRecord(hash),
		earlierBuild: (key) => builds.get(key),
		keepBuild(key) {
			const values = new Map<string, string>();
			return {
				value: (valueKey, json) => values.set(valueKey, json),
				done: (result) => builds.set(key, { result, json: (valueKey) => values.get(valueKey) }),
			};
		},
	};
}
