// /feeds.opml: every feed of the site (everything, each tag, each author) in OPML 2.0, cached and conditional
// like the feeds it lists.
import { Hono } from "hono";
import type { ScopeListing, SiteSettings } from "../domain/model.ts";
import { scopeTitle } from "../feed/buildFeedModel.ts";
import { requestUrl } from "../http/requestUrl.ts";
import type { ScopeLink } from "../pages/indexPage.ts";
import { OPML_MEDIA_TYPE } from "../serializers/mediaTypes.ts";
import { type OpmlFeedSet, renderOpml } from "../serializers/opml.ts";
import type { PublishedVersion } from "../store/publishedVersion.ts";
import { newestEntries } from "../store/scopeEntries.ts";
import { safeText } from "../text/safeText.ts";
import { feedLinks, OPML_PATH } from "../urls/urlScheme.ts";
import { resolveScope } from "./resolveScope.ts";
import { newestChange, shownScopes } from "./scopeListing.ts";
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

/** Every tag or author of the directory: one read per DIRECTORY_PAGE_SIZE of them (OPML lists every feed). */
async function everyScope(version: PublishedVersion, kind: "tag" | "author"): Promise<ScopeListing[]> {
	const pages = (await version.catalog()).directory[kind === "tag" ? "tags" : "authors"];
	const listed = await Promise.all(pages.map((_, index) => version.directoryPage(kind, index + 1)));
	return listed.flatMap((entries) => entries ?? []);
}

export function opmlRoute(runtime: ViewRuntime): Hono<AppEnv> {
	const routes = new Hono<AppEnv>();
	routes.get(OPML_PATH, (c) =>
		serveView<OpmlSelection>(c, runtime, requestUrl(c.req.url), {
			path: OPML_PATH,
			paramsKey: "",
			contentType: OPML_MEDIA_TYPE,
			async select(version, now) {
				const resolved = await resolveScope(version, { kind: "all" }, now);
				if ("notShown" in resolved) return resolved;
				// A tag or author appears with its first visible article, whichever that is.
				const [tags, authors] = await Promise.all([
					everyScope(version, "tag").then((all) => shownScopes(all, now)),
					everyScope(version, "author").then((all) => shownScopes(all, now)),
				]);
				const newest = newestEntries(resolved.summary, { now, limit: 1 });
				const selection: OpmlSelection = {
					entries: [],
					tags: tags.shown,
					authors: authors.shown,
					lastModified: newestChange(resolved.changed, newest.entries),
				};
				const revealAt = [newest.revealAt, tags.revealAt, authors.revealAt].filter((at) => at !== undefined);
				if (revealAt.length > 0) selection.revealAt = Math.min(...revealAt);
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
