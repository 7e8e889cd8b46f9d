// HTML pages: the index, one page per article, and one per tag and author.
import { Hono } from "hono";
import { requestUrl, routeSlug } from "../http/requestUrl.ts";
import { renderArticlePage } from "../pages/articlePage.ts";
import { renderIndexPage } from "../pages/indexPage.ts";
import { HTML_TYPE, PAGE_BODY_VERSION, PAGE_HEADERS } from "../pages/pageLayout.ts";
import { renderScopePage } from "../pages/scopePage.ts";
import { selectEntries } from "../store/selectEntries.ts";
import { articlePath, type ScopeRef, scopePath } from "../urls/urlScheme.ts";
import { resolveScope } from "./resolveScope.ts";
import { newestChange, visibleScopes } from "./scopeListing.ts";
import { serveView } from "./serveView.ts";
import type { AppEnv, ViewRuntime } from "./viewRuntime.ts";

/** How many articles a listing page shows. */
export const PAGE_LENGTH = 50;

const page = { paramsKey: "", contentType: HTML_TYPE, headers: PAGE_HEADERS, bodyVersion: PAGE_BODY_VERSION };

export function pageRoutes(runtime: ViewRuntime): Hono<AppEnv> {
	const routes = new Hono<AppEnv>();

	routes.get("/", (c) =>
		serveView(c, runtime, requestUrl(c.req.url), {
			...page,
			path: "/",
			select(manifest, now) {
				const resolved = resolveScope(runtime.indexes(manifest), manifest, { kind: "all" }, now);
				if ("notShown" in resolved) return resolved;
				const selected = selectEntries(resolved.entries, { now, limit: PAGE_LENGTH });
				const scopes = visibleScopes(runtime.indexes(manifest), now);
				// The tag and author lists can change without the newest articles changing: they are part of the ETag.
				const lastModified = newestChange(resolved.changed, selected.entries);
				return {
					...selected,
					...scopes,
					lastModified,
					identity: [manifest.siteHash, JSON.stringify(scopes)],
				};
			},
			render: (selection, records, manifest) =>
				renderIndexPage({
					site: manifest.site,
					records,
					tags: selection.tags,
					authors: selection.authors,
					dates: runtime.pageDates,
				}),
		}),
	);

	routes.get("/articles/:slug", (c) => {
		const slug = routeSlug(c.req.param("slug"));
		return serveView(c, runtime, requestUrl(c.req.url), {
			...page,
			path: articlePath(slug),
			select(manifest, now) {
				const entry = runtime.indexes(manifest).articleBySlug(slug);
				if (!entry) return { notShown: true };
				if (entry.published > now) return { notShown: true, revealAt: entry.published };
				return { entries: [entry], lastModified: entry.modified, identity: [manifest.siteHash] };
			},
			render: (_selection, [record], manifest) =>
				renderArticlePage(manifest.site, record as NonNullable<typeof record>, runtime.pageDates),
		});
	});

	for (const kind of ["tag", "author"] as const) {
		routes.get(`/${kind}s/:slug`, (c) => {
			const ref: ScopeRef = { kind, slug: routeSlug(c.req.param("slug")) };
			return serveView(c, runtime, requestUrl(c.req.url), {
				...page,
				path: scopePath(ref),
				select(manifest, now) {
					const resolved = resolveScope(runtime.indexes(manifest), manifest, ref, now);
					if ("notShown" in resolved) return resolved;
					const selected = selectEntries(resolved.entries, { now, limit: PAGE_LENGTH });
					const name = resolved.scope.name ?? "";
					const lastModified = newestChange(resolved.changed, selected.entries);
					return {
						...selected,
						name,
						key: resolved.scope.key,
						lastModified,
						identity: [manifest.siteHash, name],
					};
				},
				render: (selection, records, manifest) =>
					renderScopePage({
						site: manifest.site,
						key: selection.key,
						kind,
						name: selection.name,
						records,
						dates: runtime.pageDates,
					}),
			});
		});
	}

	return routes;
}
