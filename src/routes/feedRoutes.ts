// Feed endpoints: /rss.xml, /atom.xml, /feed.json, and the same under /tags/<slug>/ and /authors/<slug>/.
import { type Context, Hono } from "hono";
import type { FeedFormat } from "../domain/model.ts";
import { buildFeedModel } from "../feed/buildFeedModel.ts";
import type { FeedScope } from "../feed/feedModel.ts";
import { TTL_MINUTES } from "../http/cachePolicy.ts";
import { parseFeedParams } from "../http/feedParams.ts";
import { feedLinkHeader } from "../http/linkHeader.ts";
import { requestUrl, routeSlug } from "../http/requestUrl.ts";
import { badRequest } from "../http/responses.ts";
import { MEDIA_TYPES, renderFeed } from "../serializers/index.ts";
import { selectEntries } from "../store/selectEntries.ts";
import { FEED_FILES, feedLinks, type ScopeRef, scopePath } from "../urls/urlScheme.ts";
import { resolveScope } from "./resolveScope.ts";
import { serveView, type ViewSelection } from "./serveView.ts";
import type { AppEnv, ViewRuntime } from "./viewRuntime.ts";

interface FeedSelection extends ViewSelection {
	scope: FeedScope;
}

function serveFeed(
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
		select(manifest, now) {
			const resolved = resolveScope(runtime.indexes(manifest), manifest, ref, now);
			if ("notShown" in resolved) return resolved;
			const selected = selectEntries(resolved.entries, {
				now,
				limit: limit ?? manifest.site.itemsPerFeed,
				since,
			});
			// Deletions move the scope's `changed`; items that appeared since the sync bring their own times.
			const lastModified = selected.entries.reduce(
				(max, entry) => Math.max(max, entry.modified),
				resolved.changed,
			);
			const { site } = manifest;
			return {
				...selected,
				lastModified,
				scope: resolved.scope,
				identity: [manifest.siteHash, resolved.scope.kind, resolved.scope.name ?? ""],
				// The canonical URL, as the feed's own self link: never the request's host or query.
				link: feedLinkHeader(feedLinks(site.baseUrl, resolved.scope.key)[format], site.hub),
			};
		},
		render(selection, records, manifest) {
			const model = buildFeedModel({
				manifest,
				scope: selection.scope,
				items: records,
				updated: selection.lastModified,
				ttlMinutes: TTL_MINUTES,
				safeArticles: runtime.safeArticles,
			});
			return renderFeed(format, model);
		},
	});
}

export function feedRoutes(runtime: ViewRuntime): Hono<AppEnv> {
	const routes = new Hono<AppEnv>();
	for (const [file, format] of Object.entries(FEED_FILES)) {
		routes.get(`/${file}`, (c) => serveFeed(c, runtime, file, format, { kind: "all" }));
		routes.get(`/tags/:slug/${file}`, (c) =>
			serveFeed(c, runtime, file, format, { kind: "tag", slug: routeSlug(c.req.param("slug")) }),
		);
		routes.get(`/authors/:slug/${file}`, (c) =>
			serveFeed(c, runtime, file, format, { kind: "author", slug: routeSlug(c.req.param("slug")) }),
		);
	}
	return routes;
}
