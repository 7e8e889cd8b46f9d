// Feed endpoints: /rss.xml, /atom.xml, /feed.json, the same under /tags/<slug>/ and /authors/<slug>/, and each
// scope's archive documents (RFC 5005) under <scope>/archive/<page>/.
import { type Context, Hono } from "hono";
import type { ArticleRecord, FeedFormat, Manifest } from "../domain/model.ts";
import { buildFeedModel, type FeedArchiveInput } from "../feed/buildFeedModel.ts";
import type { FeedScope } from "../feed/feedModel.ts";
import { ARCHIVE_CACHE_CONTROL, ARCHIVE_MAX_AGE_SECONDS, TTL_MINUTES } from "../http/cachePolicy.ts";
import { parseFeedParams } from "../http/feedParams.ts";
import { feedLinkHeader } from "../http/linkHeader.ts";
import { requestUrl } from "../http/requestUrl.ts";
import { badRequest } from "../http/responses.ts";
import { MEDIA_TYPES, renderFeed } from "../serializers/index.ts";
import { newestEntries, scopeArchive } from "../store/scopeEntries.ts";
import {
	archiveLinks,
	archivePath,
	FEED_FILES,
	feedLinks,
	routeSlug,
	type ScopeRef,
	scopeKeyOf,
	scopePath,
} from "../urls/urlScheme.ts";
import { selectArchivePage } from "./archiveSelection.ts";
import { servePageNumber } from "./pageNumber.ts";
import { resolveScope } from "./resolveScope.ts";
import { newestChange } from "./scopeListing.ts";
import { serveView, type ViewSelection } from "./serveView.ts";
import type { AppEnv, ViewRuntime } from "./viewRuntime.ts";

interface FeedSelection extends ViewSelection {
	scope: FeedScope;
	/** Where the document sits in the scope's archive; absent for a filtered view, which links no archive. */
	archive?: FeedArchiveInput;
	/** RSS <ttl>, matching the response's max-age. */
	ttlMinutes: number;
}

function renderSelection(runtime: ViewRuntime, format: FeedFormat) {
	return (selection: FeedSelection, items: ArticleRecord[], manifest: Manifest): string => {
		const model = buildFeedModel({
			manifest,
			scope: selection.scope,
			items,
			updated: selection.lastModified,
			ttlMinutes: selection.ttlMinutes,
			safeArticles: runtime.safeArticles,
			...(selection.archive ? { archive: selection.archive } : {}),
		});
		return renderFeed(format, model);
	};
}

/** A scope's current feed: its newest items; the canonical one (no query) links to its newest archive page. */
function serveCurrentFeed(
	c: Context<AppEnv>,
	runtime: ViewRuntime,
	file: string,
	format: FeedFormat,
	ref: ScopeRef,
): Promise<Response> | Response {
	const url = requestUrl(c.req.url);
	const parsed = parseFeedParams(url.query);
	if (!parsed.ok) return badRequest(parsed.message);
	const { limit, since } = parsed.params;
	return serveView<FeedSelection>(c, runtime, url, {
		path: `${scopePath(ref)}/${file}`,
		paramsKey: parsed.key,
		contentType: MEDIA_TYPES[format],
		async select(version, now) {
			const resolved = await resolveScope(version, ref, now);
			if ("notShown" in resolved) return resolved;
			const { site } = version.manifest;
			const selected = newestEntries(resolved.summary, { now, limit: limit ?? site.itemsPerFeed, since });
			const links = feedLinks(site.baseUrl, resolved.scope.key);
			// A filtered view (?limit, ?since) is not the feed: its history is the canonical feed's.
			const pages = parsed.key === "" ? scopeArchive(resolved.summary, site.itemsPerFeed, now).pages : 0;
			return {
				...selected,
				// Deletions move the scope's `changed`; items that appeared since the sync bring their own times.
				lastModified: newestChange(resolved.changed, selected.entries),
				scope: resolved.scope,
				...(parsed.key === "" ? { archive: { pages } } : {}),
				ttlMinutes: TTL_MINUTES,
				// The canonical URL, as the feed's own self link: never the request's host or query.
				link: feedLinkHeader(links[format], site.hub),
			};
		},
		render: renderSelection(runtime, format),
	});
}

/** Archive document `page` of a scope (RFC 5005): fixed items counted from the oldest, newest first inside. */
function serveArchiveFeed(
	c: Context<AppEnv>,
	runtime: ViewRuntime,
	file: string,
	format: FeedFormat,
	ref: ScopeRef,
	page: number,
): Promise<Response> {
	return serveView<FeedSelection>(c, runtime, requestUrl(c.req.url), {
		path: `${archivePath(scopeKeyOf(ref), page)}/${file}`,
		paramsKey: "",
		contentType: MEDIA_TYPES[format],
		async select(version, now) {
			const archive = await selectArchivePage(version, ref, page, now);
			if ("notShown" in archive) return archive;
			const { site } = version.manifest;
			const { scope, entries, pages, final } = archive;
			const selection: FeedSelection = {
				entries,
				// Its own items' newest change, so a final page's validators stay put while newer articles appear.
				lastModified: newestChange(0, entries),
				scope,
				archive: { pages, page },
				ttlMinutes: final ? ARCHIVE_MAX_AGE_SECONDS / 60 : TTL_MINUTES,
				// Archive documents name no hub: only current feeds are announced.
				link: feedLinkHeader(archiveLinks(site.baseUrl, scope.key, page)[format], undefined),
			};
			if (final) selection.cacheControl = ARCHIVE_CACHE_CONTROL;
			if (archive.revealAt !== undefined) selection.revealAt = archive.revealAt;
			return selection;
		},
		render: renderSelection(runtime, format),
	});
}

export function feedRoutes(runtime: ViewRuntime): Hono<AppEnv> {
	const routes = new Hono<AppEnv>();
	const tag = (slug: string): ScopeRef => ({ kind: "tag", slug: routeSlug(slug) });
	const author = (slug: string): ScopeRef => ({ kind: "author", slug: routeSlug(slug) });
	for (const [file, format] of Object.entries(FEED_FILES)) {
		routes.get(`/${file}`, (c) => serveCurrentFeed(c, runtime, file, format, { kind: "all" }));
		routes.get(`/tags/:slug/${file}`, (c) =>
			serveCurrentFeed(c, runtime, file, format, tag(c.req.param("slug"))),
		);
		routes.get(`/authors/:slug/${file}`, (c) =>
			serveCurrentFeed(c, runtime, file, format, author(c.req.param("slug"))),
		);
		routes.get(`/archive/:page/${file}`, (c) =>
			servePageNumber(runtime, c.req.param("page"), (page) =>
				serveArchiveFeed(c, runtime, file, format, { kind: "all" }, page),
			),
		);
		routes.get(`/tags/:slug/archive/:page/${file}`, (c) =>
			servePageNumber(runtime, c.req.param("page"), (page) =>
				serveArchiveFeed(c, runtime, file, format, tag(c.req.param("slug")), page),
			),
		);
		routes.get(`/authors/:slug/archive/:page/${file}`, (c) =>
			servePageNumber(runtime, c.req.param("page"), (page) =>
				serveArchiveFeed(c, runtime, file, format, author(c.req.param("slug")), page),
			),
		);
	}
	return routes;
}
