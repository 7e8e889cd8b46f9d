// /feeds.opml: every feed of the site (everything, each tag, each author) in OPML 2.0, cached and conditional
// like the feeds it lists.
import { Hono } from "hono";
import type { SiteSettings } from "../domain/model.ts";
import { scopeTitle } from "../feed/buildFeedModel.ts";
import { requestUrl } from "../http/requestUrl.ts";
import type { ScopeLink } from "../pages/indexPage.ts";
import { OPML_MEDIA_TYPE } from "../serializers/mediaTypes.ts";
import { type OpmlFeedSet, renderOpml } from "../serializers/opml.ts";
import { selectEntries } from "../store/selectEntries.ts";
import { safeText } from "../text/safeText.ts";
import { feedLinks, OPML_PATH } from "../urls/urlScheme.ts";
import { resolveScope } from "./resolveScope.ts";
import { newestChange, visibleScopes } from "./scopeListing.ts";
import { serveView, type ViewSelection } from "./serveView.ts";
import type { AppEnv, ViewRuntime } from "./viewRuntime.ts";

interface OpmlSelection extends ViewSelection {
	tags: ScopeLink[];
	authors: ScopeLink[];
}

function feedSets(site: SiteSettings, kind: "tag" | "author", scopes: readonly ScopeLink[]): OpmlFeedSet[] {
	return scopes.map((scope) => ({
		title: safeText(scopeTitle(site.title, { kind, key: scope.key, name: scope.name })),
		links: feedLinks(site.baseUrl, scope.key),
	}));
}

export function opmlRoute(runtime: ViewRuntime): Hono<AppEnv> {
	const routes = new Hono<AppEnv>();
	routes.get(OPML_PATH, (c) =>
		serveView<OpmlSelection>(c, runtime, requestUrl(c.req.url), {
			path: OPML_PATH,
			paramsKey: "",
			contentType: OPML_MEDIA_TYPE,
			select(manifest, now) {
				const resolved = resolveScope(runtime.indexes(manifest), manifest, { kind: "all" }, now);
				if ("notShown" in resolved) return resolved;
				// Every visible article counts: a tag or author appears with its first article, whichever that is.
				const visible = selectEntries(resolved.entries, { now, limit: Number.POSITIVE_INFINITY });
				const scopes = visibleScopes(runtime.indexes(manifest), now);
				const selection: OpmlSelection = {
					entries: [],
					...scopes,
					lastModified: newestChange(resolved.changed, visible.entries),
					identity: [manifest.siteHash, JSON.stringify(scopes)],
				};
				if (visible.revealAt !== undefined) selection.revealAt = visible.revealAt;
				return selection;
			},
			render(selection, _records, manifest) {
				const { site } = manifest;
				return renderOpml({
					title: safeText(`${site.title}: danh sách nguồn tin`),
					language: safeText(site.language),
					ownerName: safeText(site.author.name),
					...(site.author.email ? { ownerEmail: safeText(site.author.email) } : {}),
					dateModified: selection.lastModified,
					groups: [
						{
							text: "Tất cả bài viết",
							feeds: [{ title: safeText(site.title), links: feedLinks(site.baseUrl, "") }],
						},
						{ text: "Chủ đề", feeds: feedSets(site, "tag", selection.tags) },
						{ text: "Tác giả", feeds: feedSets(site, "author", selection.authors) },
					],
				});
			},
		}),
	);
	return routes;
}
