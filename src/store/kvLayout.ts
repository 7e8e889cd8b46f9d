// What lives in Workers KV: key names and the layout; the values' shapes are the domain model (src/domain/model.ts).
//
// Layout (content-addressed, so a sync can be interrupted anywhere and readers still see one whole version):
//   head                 -> Head: the one small, mutable value; switching it publishes a new version.
//   manifest:<hash>      -> Manifest: every article's index entry, the site settings, per-scope change times.
//   article:<hash>       -> ArticleRecord: one rendered article. The hash is of the record's own JSON.
//   sync-lease           -> which sync may publish now (src/sync/publish/syncLease.ts); the Worker never reads it.
// Sync writes records, manifest, head; then deletes what neither the new nor the previous manifest lists.

export const HEAD_KEY = "head";
export const MANIFEST_PREFIX = "manifest:";
export const ARTICLE_PREFIX = "article:";
export const LEASE_KEY = "sync-lease";

export const manifestKey = (hash: string): string => `${MANIFEST_PREFIX}${hash}`;
export const articleKey = (hash: string): string => `${ARTICLE_PREFIX}${hash}`;
