// The request path every feed and page takes: head -> cached copy -> the version's few values a view needs ->
// validators -> 304, or render and cache.
import type { Context } from "hono";
import type { ArticleEntry, ArticleRecord, Manifest } from "../domain/model.ts";
import { FALLBACK_CACHE_CONTROL, notFoundCacheControl, TTL_MINUTES } from "../http/cachePolicy.ts";
import { isNotModified } from "../http/conditionalGet.ts";
import type { CachedView } from "../http/edgeCache.ts";
import { strongEtag } from "../http/etag.ts";
import type { RequestUrl } from "../http/requestUrl.ts";
import { notFound, validatorsAt, viewNotModified, viewResponse } from "../http/responses.ts";
import { StoreUnavailableError } from "../store/articleStore.ts";
import { type PublishedVersion, publishedVersion } from "../store/publishedVersion.ts";
import type { AppEnv, ViewRuntime } from "./viewRuntime.ts";

/**
 * What a view shows at one moment, decided from the version's lookups, before any record is read. Render sees only
 * this, the records and the site settings, so the ETag is derived from exactly those: whatever a route adds here
 * is in the validator without being listed anywhere.
 */
export interface ViewSelection {
	/** The articles shown, in order; their record hashes go into the ETag. */
	entries: readonly ArticleEntry[];
	/** Epoch ms of the newest change to what the view shows, deletions included. */
	lastModified: number;
	/** Epoch ms when a scheduled article will change what this view shows. */
	revealAt?: number;
	/** The Link header for every response of the view, decided with it (so a 304 costs nothing more). */
	link?: string;
	/** Cache-Control for every response of the view, when not the usual (a complete archive page's). */
	cacheControl?: string;
}

/** The view does not exist now; it may from `revealAt` (a scheduled article, tag or author). */
export interface NotShown {
	notShown: true;
	revealAt?: number;
}

export interface ViewSpec<S extends ViewSelection = ViewSelection> {
	/** Canonical path, built from validated route parameters. */
	path: string;
	/** Known query parameters, normalised (see feedParams.ts); "" when none. */
	paramsKey: string;
	contentType: string;
	/** Extra headers for a 200, e.g. a Content-Security-Policy for pages. */
	headers?: Readonly<Record<string, string>>;
	/**
	 * What decides the bytes besides the content, when a header depends on it: pages' inline style and script, whose
	 * hashes the Content-Security-Policy names. Part of the cache key and the ETag, so after a deploy that changes
	 * them no cached body is ever served under the new policy.
	 */
	bodyVersion?: string;
	select(version: PublishedVersion, now: number): Promise<S | NotShown>;
	render(selection: S, records: ArticleRecord[], manifest: Manifest): string;
}

const encoder = new TextEncoder();

const isNotShown = (value: ViewSelection | NotShown): value is NotShown => "notShown" in value;

function waitUntilOf(c: Context<AppEnv>): (promise: Promise<unknown>) => void {
	return (promise) => {
		try {
			c.executionCtx.waitUntil(promise);
		} catch {
			// No execution context (app.fetch called without one): the write simply runs unawaited.
		}
	};
}

/** Answers a GET/HEAD for one view of the request's `url`, reading as little as the request needs. */
export async function serveView<S extends ViewSelection>(
	c: Context<AppEnv>,
	runtime: ViewRuntime,
	url: RequestUrl,
	spec: ViewSpec<S>,
): Promise<Response> {
	const now = runtime.now();
	const { edge } = runtime;
	const store = runtime.store(c.env);
	// Plain concatenation: this runs on every request, 304s included.
	const bodyQuery = spec.bodyVersion ? `body=${spec.bodyVersion}` : "";
	const query = spec.paramsKey && bodyQuery ? `${spec.paramsKey}&${bodyQuery}` : spec.paramsKey || bodyQuery;
	const viewPath = query ? `${spec.path}?${query}` : spec.path;
	// Cache keys live on the site's origin, never the request's Host (any Host would otherwise get entries of its own).
	let viewUrl = `${store.knownHead()?.origin ?? url.origin}${viewPath}`;
	const fresh = (view: CachedView): boolean =>
		isNotModified(c.req.method, c.req.raw.headers, validatorsAt(view.validators, now));
	const answer = (view: CachedView, cacheControl = view.cacheControl): Response => {
		const options = { headers: spec.headers, cacheControl };
		if (fresh(view)) return viewNotModified(runtime.headers, view, now, options);
		if (view.body) return viewResponse(runtime.headers, view, view.body, now, options);
		throw new Error("a view known only by its validators can only answer a request they satisfy");
	};

	try {
		// Within the head's recheck interval there is nothing to wait for: skip the await's extra turn.
		const head = store.recentHead() ?? (await store.readHead());
		viewUrl = `${head.origin ?? url.origin}${viewPath}`;
		// Warm path: memory, then the Cache API. Neither reads the manifest or renders.
		const known = edge.recall(head.manifest, viewUrl, now);
		if (known && (known.body || fresh(known))) return answer(known);
		const stored = await edge.match(head.manifest, viewUrl, now);
		if (stored) return answer(stored);

		const manifest = await store.readManifest(head.manifest);
		const selection = await spec.select(publishedVersion(store, manifest), now);
		if (isNotShown(selection)) return notFound(notFoundCacheControl(now, selection.revealAt));
		const records = selection.entries.map((entry) => entry.record);
		const etagInputs = [
			spec.path,
			spec.paramsKey,
			TTL_MINUTES,
			manifest.siteHash,
			spec.bodyVersion ?? "",
			// Entries stand in by their record hashes below; everything else the selection holds counts as it is.
			JSON.stringify(selection, (key, value) => (key === "entries" ? undefined : value)),
		];
		const view: CachedView = {
			contentType: spec.contentType,
			validators: {
				etag: await strongEtag([...etagInputs, ...records]),
				lastModified: selection.lastModified,
			},
		};
		if (selection.revealAt !== undefined) view.revealAt = selection.revealAt;
		if (selection.link !== undefined) view.link = selection.link;
		if (selection.cacheControl !== undefined) view.cacheControl = selection.cacheControl;
		if (fresh(view)) {
			edge.remember(head.manifest, viewUrl, view, now, waitUntilOf(c));
			return answer(view);
		}
		const body = encoder.encode(spec.render(selection, await store.readRecords(records), manifest));
		const rendered: CachedView = { ...view, body };
		edge.remember(head.manifest, viewUrl, rendered, now, waitUntilOf(c));
		return answer(rendered);
	} catch (error) {
		if (!(error instanceof StoreUnavailableError)) throw error;
		// KV is failing: the newest copy this edge rendered is better than an error; without one, onError sends a 503.
		const lastGood = await edge.matchLastGood(viewUrl).catch(() => undefined);
		if (!lastGood) throw error;
		console.error("edgefeed: serving the last good copy:", error.message);
		return answer(lastGood, FALLBACK_CACHE_CONTROL);
	}
}
