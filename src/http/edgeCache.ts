// Rendered views cached at the edge: in isolate memory first, then the Workers Cache API, keyed by published version.
import { formatHttpDate } from "../text/httpDate.ts";
import { LruMemo } from "../util/lruMemo.ts";
import { edgeCopySeconds, STALE_IF_ERROR_SECONDS } from "./cachePolicy.ts";
import type { Validators } from "./conditionalGet.ts";

/** One view of one version: its validators, and its bytes once rendered. */
export interface CachedView {
	contentType: string;
	validators: Validators;
	/** Epoch ms when a scheduled item appears in this view: the copy is worthless from then on. */
	revealAt?: number;
	/** The Link header every response of the view carries (a feed's hub and canonical self URL). */
	link?: string;
	/** Cache-Control for every response of the view, when not the usual one (a complete archive page's). */
	cacheControl?: string;
	body?: Uint8Array;
	/** The body as a Blob, made on first answer and kept with the view (see viewResponse). */
	blob?: Blob;
}

export interface EdgeCache {
	/** The view as of `version` (a manifest hash) from isolate memory, unless a scheduled item has appeared since. */
	recall(version: string, viewUrl: string, now: number): CachedView | undefined;
	/** The rendered view as of `version` from the Cache API (then remembered in memory), unless expired likewise. */
	match(version: string, viewUrl: string, now: number): Promise<CachedView | undefined>;
	/**
	 * Remembers a view; when it has a body, also stores it in the Cache API as this version, and as the last good copy
	 * when it has no `since` (those vary without end, and a fallback for them is not worth the entries), through
	 * `waitUntil` so the response does not wait for the writes.
	 */
	remember(
		version: string,
		viewUrl: string,
		view: CachedView,
		now: number,
		waitUntil: (promise: Promise<unknown>) => void,
	): void;
	/** The newest rendered copy of a view whatever its version: what to serve when KV fails. */
	matchLastGood(viewUrl: string): Promise<CachedView | undefined>;
}

export interface EdgeCacheOptions {
	/** The Cache API cache; absent where there is none. */
	cache?: Cache;
	memo: LruMemo<string, CachedView>;
}

/** Bounds for the in-isolate copies: feeds are tens of KB, so this keeps a few hundred views warm. */
export function createViewMemo(): LruMemo<string, CachedView> {
	return new LruMemo({
		maxEntries: 512,
		maxSize: 16 * 1024 * 1024,
		sizeOf: (view) => view.body?.byteLength ?? 0,
	});
}

const REVEAL_AT = "X-Edgefeed-Reveal-At";
const LAST_MODIFIED_MS = "X-Edgefeed-Last-Modified";
const CACHE_CONTROL = "X-Edgefeed-Cache-Control";

// Cache API keys are URLs on the site's origin (see Head.origin), under a path no route serves. The stored-copy layout is
// part of the key: a copy whose headers lack what this code sends (e.g. Link) is never read back.
const STORED_LAYOUT = "2";
const versionedKey = (version: string, viewUrl: string): string => {
	const url = new URL(viewUrl);
	return `${url.origin}/.edgefeed/${STORED_LAYOUT}/v/${version}${url.pathname}${url.search}`;
};
const lastGoodKey = (viewUrl: string): string => {
	const url = new URL(viewUrl);
	return `${url.origin}/.edgefeed/${STORED_LAYOUT}/last-good${url.pathname}${url.search}`;
};
const memoKey = (version: string, viewUrl: string): string => `${version} ${viewUrl}`;

function toStored(view: CachedView & { body: Uint8Array }, seconds: number): Response {
	const headers = new Headers({
		"Content-Type": view.contentType,
		ETag: view.validators.etag,
		"Last-Modified": formatHttpDate(view.validators.lastModified),
		[LAST_MODIFIED_MS]: String(view.validators.lastModified),
		"Cache-Control": `public, max-age=${seconds}`,
	});
	if (view.revealAt !== undefined) headers.set(REVEAL_AT, String(view.revealAt));
	if (view.link !== undefined) headers.set("Link", view.link);
	if (view.cacheControl !== undefined) headers.set(CACHE_CONTROL, view.cacheControl);
	return new Response(view.body, { headers });
}

async function fromStored(response: Response): Promise<CachedView | undefined> {
	const etag = response.headers.get("ETag");
	const lastModified = Number(response.headers.get(LAST_MODIFIED_MS));
	const contentType = response.headers.get("Content-Type");
	if (etag === null || contentType === null || !Number.isFinite(lastModified)) {
		await response.body?.cancel();
		return undefined;
	}
	const revealAt = response.headers.get(REVEAL_AT);
	const view: CachedView = {
		contentType,
		validators: { etag, lastModified },
		body: new Uint8Array(await response.arrayBuffer()),
	};
	if (revealAt !== null) view.revealAt = Number(revealAt);
	const link = response.headers.get("Link");
	if (link !== null) view.link = link;
	const cacheControl = response.headers.get(CACHE_CONTROL);
	if (cacheControl !== null) view.cacheControl = cacheControl;
	return view;
}

const expired = (view: CachedView, now: number): boolean =>
	view.revealAt !== undefined && now >= view.revealAt;

export function edgeCache(options: EdgeCacheOptions): EdgeCache {
	const { cache, memo } = options;

	function recall(version: string, viewUrl: string, now: number): CachedView | undefined {
		const key = memoKey(version, viewUrl);
		const known = memo.get(key);
		if (known && expired(known, now)) {
			memo.delete(key);
			return undefined;
		}
		return known;
	}

	async function match(version: string, viewUrl: string, now: number): Promise<CachedView | undefined> {
		let copy: CachedView | undefined;
		try {
			const stored = await cache?.match(versionedKey(version, viewUrl));
			copy = stored ? await fromStored(stored) : undefined;
		} catch (error) {
			// The Cache API only saves work: when it fails, the request renders from KV like any miss.
			console.error("edgefeed: edge cache read failed:", error);
			return undefined;
		}
		if (!copy || expired(copy, now)) return undefined;
		memo.set(memoKey(version, viewUrl), copy);
		return copy;
	}

	function remember(
		version: string,
		viewUrl: string,
		view: CachedView,
		now: number,
		waitUntil: (promise: Promise<unknown>) => void,
	): void {
		memo.set(memoKey(version, viewUrl), view);
		const { body } = view;
		if (!cache || !body) return;
		const seconds = edgeCopySeconds(now, view.revealAt);
		const writes: Promise<void>[] = [];
		if (!new URL(viewUrl).searchParams.has("since"))
			writes.push(cache.put(lastGoodKey(viewUrl), toStored({ ...view, body }, STALE_IF_ERROR_SECONDS)));
		if (seconds > 0)
			writes.push(cache.put(versionedKey(version, viewUrl), toStored({ ...view, body }, seconds)));
		// A failed cache write costs a later render, never this response.
		waitUntil(Promise.all(writes).catch(() => undefined));
	}

	async function matchLastGood(viewUrl: string): Promise<CachedView | undefined> {
		const stored = await cache?.match(lastGoodKey(viewUrl));
		return stored ? fromStored(stored) : undefined;
	}

	return { recall, match, remember, matchLastGood };
}
