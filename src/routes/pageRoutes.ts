// HTML pages: the index, one page per article, one per tag and author, each scope's archive pages, and the
// directories of every tag and author.
import { type Context, Hono } from "hono";
import type { ScopeListing } from "../domain/model.ts";
import { ARCHIVE_CACHE_CONTROL } from "../http/cachePolicy.ts";
import { requestUrl } from "../http/requestUrl.ts";
import { renderArchivePage } from "../pages/archivePage.ts";
import { renderArticlePage } from "../pages/articlePage.ts";
import { renderDirectoryPage } from "../pages/directoryPage.ts";
import { renderIndexPage } from "../pages/indexPage.ts";
import { HTML_TYPE, PAGE_BODY_VERSION, PAGE_HEADERS } from "../pages/pageLayout.ts";
import { renderScopePage } from "../pages/scopePage.ts";
import { newestEntries, scopeArchive } from "../store/scopeEntries.ts";
import {
	archivePath,
	articlePath,
	directoryPath,
	routeSlug,
	type ScopeKind,
	type ScopeRef,
	scopeKeyOf,
	scopePath,
} from "../urls/urlScheme.ts";
import { type ArchiveSelection, selectArchivePage } from "./archiveSelection.ts";
import { servePageNumber } from "./pageNumber.ts";
import { resolveScope } from "./resolveScope.ts";
import { newestChange, shownScopes } from "./scopeListing.ts";
import { serveView, type ViewSelection } from "./serveView.ts";
import type { AppEnv, ViewRuntime } from "./viewRuntime.ts";

/** How many articles a listing page shows. */
export const PAGE_LENGTH = 50;

const page = { paramsKey: "", contentType: HTML_TYPE, headers: PAGE_HEADERS, bodyVersion: PAGE_BODY_VERSION };

/** The earlier of two optional times. */
const earliest = (a: number | undefined, b: number | undefined): number | undefined =>
	a === undefined ? b : b === undefined ? a : Math.min(a, b);

export function pageRoutes(runtime: ViewRuntime): Hono<AppEnv> {
	const routes = new Hono<AppEnv>();

	routes.get("/", (c) =>
		serveView(c, runtime, requestUrl(c.req.url), {
			...page,
			path: "/",
			async select(version, now) {
				const resolved = await resolveScope(version, { kind: "all" }, now);
				if ("notShown" in resolved) return resolved;
				const { manifest } = version;
				const selected = newestEntries(resolved.summary, { now, limit: PAGE_LENGTH });
				const { busiest } = await version.catalog();
				const tags = shownScopes(busiest.tags, now);
				const authors = shownScopes(busiest.authors, now);
				const archivePages = scopeArchive(resolved.summary, manifest.site.itemsPerFeed, now).pages;
				const revealAt = earliest(selected.revealAt, earliest(tags.revealAt, authors.revealAt));
				return {
					entries: selected.entries,
					...(revealAt === undefined ? {} : { revealAt }),
					tags: tags.shown,
					authors: authors.shown,
					archivePages,
					// The tag and author lists can change without the newest articles changing: they are part of the ETag.
					lastModified: newestChange(resolved.changed, selected.entries),
				};
			},
			render: (selection, records, manifest) =>
				renderIndexPage({
					site: manifest.site,
					records,
					tags: selection.tags,
					authors: selection.authors,
					archivePages: selection.archivePages,
					totals: manifest.totals,
					dates: runtime.pageDates,
				}),
		}),
	);

	routes.get("/articles/:slug", (c) => {
		const slug = routeSlug(c.req.param("slug"));
		return serveView(c, runtime, requestUrl(c.req.url), {
			...page,
			path: articlePath(slug),
			async select(version, now) {
				const entry = await version.articleBySlug(slug);
				if (!entry) return { notShown: true };
				if (entry.published > now) return { notShown: true, revealAt: entry.published };
				return { entries: [entry], lastModified: entry.modified };
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
				async select(version, now) {
					const resolved = await resolveScope(version, ref, now);
					if ("notShown" in resolved) return resolved;
					const selected = newestEntries(resolved.summary, { now, limit: PAGE_LENGTH });
					const name = resolved.scope.name ?? "";
					const { site } = version.manifest;
					const archivePages = scopeArchive(resolved.summary, site.itemsPerFeed, now).pages;
					return {
						...selected,
						name,
						key: resolved.scope.key,
						archivePages,
						lastModified: newestChange(resolved.changed, selected.entries),
					};
				},
				render: (selection, records, manifest) =>
					renderScopePage({
						site: manifest.site,
						key: selection.key,
						kind,
						name: selection.name,
						records,
						archivePages: selection.archivePages,
						dates: runtime.pageDates,
					}),
			});
		});
	}

	routes.get("/archive/:page", (c) =>
		servePageNumber(runtime, c.req.param("page"), (page) =>
			serveArchivePage(c, runtime, { kind: "all" }, page),
		),
	);
	for (const kind of ["tag", "author"] as const) {
		routes.get(`/${kind}s/:slug/archive/:page`, (c) =>
			servePageNumber(runtime, c.req.param("page"), (page) =>
				serveArchivePage(c, runtime, { kind, slug: routeSlug(c.req.param("slug")) }, page),
			),
		);
		routes.get(directoryPath(kind), (c) => serveDirectoryPage(c, runtime, kind, 1));
		routes.get(`/${kind}s/page/:page`, (c) =>
			servePageNumber(runtime, c.req.param("page"), (page) => serveDirectoryPage(c, runtime, kind, page)),
		);
	}
	return routes;
}

interface ArchivePageSelection extends ViewSelection {
	archive: ArchiveSelection;
}

/** Archive page `page` of a scope as HTML: the same items as its feed documents. */
function serveArchivePage(
	c: Context<AppEnv>,
	runtime: ViewRuntime,
	ref: ScopeRef,
	number: number,
): Promise<Response> {
	return serveView<ArchivePageSelection>(c, runtime, requestUrl(c.req.url), {
		...page,
		path: archivePath(scopeKeyOf(ref), number),
		async select(version, now) {
			const archive = await selectArchivePage(version, ref, number, now);
			if ("notShown" in archive) return archive;
			const selection: ArchivePageSelection = {
				entries: archive.entries,
				archive,
				lastModified: newestChange(0, archive.entries),
			};
			if (archive.final) selection.cacheControl = ARCHIVE_CACHE_CONTROL;
			if (archive.revealAt !== undefined) selection.revealAt = archive.revealAt;
			return selection;
		},
		render: ({ archive }, records, manifest) =>
			renderArchivePage({
				site: manifest.site,
				key: archive.scope.key,
				name: archive.scope.name ?? manifest.site.title,
				page: archive.page,
				pages: archive.pages,
				records,
				dates: runtime.pageDates,
			}),
	});
}

interface DirectorySelection extends ViewSelection {
	listed: ScopeListing[];
	page: number;
	pages: number;
	total: number;
}

/** One page of the directory of every tag or author: one read of the page's own listing. */
function serveDirectoryPage(
	c: Context<AppEnv>,
	runtime: ViewRuntime,
	kind: ScopeKind,
	number: number,
): Promise<Response> {
	return serveView<DirectorySelection>(c, runtime, requestUrl(c.req.url), {
		...page,
		path: directoryPath(kind, number),
		async select(version, now) {
			const { manifest } = version;
			const { directory } = await version.catalog();
			const pages = Math.max(1, directory[kind === "tag" ? "tags" : "authors"].length);
			if (number > pages) return { notShown: true };
			const listed = shownScopes((await version.directoryPage(kind, number)) ?? [], now);
			const whole = await resolveScope(version, { kind: "all" }, now);
			const changed = "notShown" in whole ? 0 : whole.changed;
			const selection: DirectorySelection = {
				entries: [],
				listed: listed.shown,
				page: number,
				pages,
				total: manifest.totals[kind === "tag" ? "tags" : "authors"],
				lastModified: changed,
			};
			if (listed.revealAt !== undefined) selection.revealAt = listed.revealAt;
			return selection;
		},
		render: (selection, _records, manifest) =>
			renderDirectoryPage({
				site: manifest.site,
				kind,
				entries: selection.listed,
				page: selection.page,
				pages: selection.pages,
				total: selection.total,
			}),
	});
}
