// How long the Worker trusts what it read from KV: KV's own edge-cache lifetimes and the isolate's head re-check.

/** KV edge-cache lifetime for the head pointer (30 s is the minimum KV accepts): how stale a new version can look. */
export const HEAD_KV_CACHE_TTL_SECONDS = 30;
/** KV edge-cache lifetime for manifests and records: content-addressed, so they never change under their key. */
export const IMMUTABLE_KV_CACHE_TTL_SECONDS = 86_400;
/** An isolate re-reads head at most this often; within it, requests cost no KV read at all. */
export const HEAD_RECHECK_MS = 1_000;
