// HTTP freshness in one place: Cache-Control, RSS <ttl> and edge-cache lifetimes (KV's own: store/kvFreshness.ts).

/** How long a client or shared cache may reuse a feed without asking again. RSS <ttl> says the same in minutes. */
export const MAX_AGE_SECONDS = 300;
export const TTL_MINUTES = MAX_AGE_SECONDS / 60;
/** A cache may serve a stale copy this long while it revalidates in the background. */
export const STALE_WHILE_REVALIDATE_SECONDS = 300;
/** A cache may serve a stale copy this long when we answer with an error; the Worker's own last good copy lives as long. */
export const STALE_IF_ERROR_SECONDS = 86_400;
/** Clients should retry this soon after a 503. */
export const RETRY_AFTER_SECONDS = 30;

/** Lifetime of a versioned copy in the edge cache: its content never changes, so only scheduling cuts it short. */
export const EDGE_COPY_SECONDS = 86_400;

/** Seconds until `revealAt` (the next scheduled item's time), when that comes before the normal max-age ends. */
function secondsUntilReveal(now: number, revealAt: number | undefined): number | undefined {
	if (revealAt === undefined) return undefined;
	const seconds = Math.max(0, Math.floor((revealAt - now) / 1000));
	return seconds < MAX_AGE_SECONDS ? seconds : undefined;
}

/** Cache-Control for a view with no scheduled change inside max-age: what nearly every response carries. */
export const NORMAL_CACHE_CONTROL = `public, max-age=${MAX_AGE_SECONDS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}, stale-if-error=${STALE_IF_ERROR_SECONDS}`;

/** Cache-Control for a view that is current now and changes at `revealAt`, if that is known. */
export function cacheControl(now: number, revealAt?: number): string {
	const cut = secondsUntilReveal(now, revealAt);
	// When a scheduled item appears sooner than max-age, caches must not outlive that moment, not even while revalidating.
	if (cut !== undefined) return `public, max-age=${cut}, stale-if-error=${STALE_IF_ERROR_SECONDS}`;
	return NORMAL_CACHE_CONTROL;
}

/** How long a complete archive page may be reused: its items no longer change as articles are published, and an
 * edit or takedown of an old article still reaches every cache within a day. */
export const ARCHIVE_MAX_AGE_SECONDS = 86_400;
export const ARCHIVE_CACHE_CONTROL = `public, max-age=${ARCHIVE_MAX_AGE_SECONDS}, immutable`;

/** Cache-Control for a 404 of a path that may start to exist at `revealAt` (a scheduled article, tag or author). */
export function notFoundCacheControl(now: number, revealAt?: number): string {
	const cut = secondsUntilReveal(now, revealAt) ?? 60;
	return `public, max-age=${Math.min(cut, 60)}`;
}

/** Cache-Control for a last good copy served while KV is failing: reuse briefly, then ask again. */
export const FALLBACK_CACHE_CONTROL = `public, max-age=${RETRY_AFTER_SECONDS}`;
/** Cache-Control for files built into the Worker (the default favicon): they change only with a deploy. */
export const BUILT_IN_FILE_CACHE_CONTROL = "public, max-age=86400";
/** Cache-Control for answers that must not be stored: 400s and 503s. */
export const NO_STORE = "no-store";

/** Seconds the edge cache may keep a versioned copy (0: do not store it, it is about to change). */
export function edgeCopySeconds(now: number, revealAt?: number): number {
	if (revealAt === undefined) return EDGE_COPY_SECONDS;
	return Math.max(0, Math.min(EDGE_COPY_SECONDS, Math.floor((revealAt - now) / 1000)));
}
