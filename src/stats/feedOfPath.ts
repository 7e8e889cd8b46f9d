// Which feed a request path names, as stats store it: the scope key ("" or "tags/<slug>") and the format.
import { FEED_FILE_OF, FEED_FILES } from "../feed/buildFeedModel.ts";
import type { FeedFormat } from "../feed/feedModel.ts";
import { pathSegment } from "../http/requestUrl.ts";

export interface FeedRef {
	/** "" for the whole collection, else "tags/<slug>" or "authors/<slug>" (src/store/kvLayout.ts's ScopeKey). */
	scope: string;
	format: FeedFormat;
}

/** True when the path's last segment is a feed file: the one check the request path pays. */
export const isFeedFile = (path: string): boolean =>
	Object.hasOwn(FEED_FILES, path.slice(path.lastIndexOf("/") + 1));

function decodeSlug(slug: string): string {
	try {
		return decodeURIComponent(slug);
	} catch {
		return slug;
	}
}

/** The feed of a routed path ("/rss.xml", "/tags/xa-hoi/atom.xml"), or undefined for anything else. */
export function feedOfPath(path: string): FeedRef | undefined {
	const parts = path.split("/");
	const file = parts[parts.length - 1] ?? "";
	const format = Object.hasOwn(FEED_FILES, file) ? FEED_FILES[file] : undefined;
	if (!format) return undefined;
	if (parts.length === 2) return { scope: "", format };
	const [, kind, slug] = parts;
	if (parts.length === 4 && (kind === "tags" || kind === "authors") && slug)
		return { scope: `${kind}/${decodeSlug(slug)}`, format };
	return undefined;
}

/** The feed's URL path, e.g. "/tags/xa-hoi/rss.xml". */
export function pathOfFeed(feed: FeedRef): string {
	const file = FEED_FILE_OF[feed.format] ?? "";
	if (feed.scope === "") return `/${file}`;
	const slash = feed.scope.indexOf("/");
	return `/${feed.scope.slice(0, slash)}/${pathSegment(feed.scope.slice(slash + 1))}/${file}`;
}
