// Which feed a request path names, as stats store it: the scope key ("" or "tags/<slug>") and the format. The
// URL scheme (src/urls/urlScheme.ts) reads and writes the paths; this names the pair stats keep.
import type { FeedFormat, ScopeKey } from "../domain/model.ts";
import { feedPath, feedOfPath as parseFeedPath } from "../urls/urlScheme.ts";

export interface FeedRef {
	/** "" for the whole collection, else "tags/<slug>" or "authors/<slug>". */
	scope: ScopeKey;
	format: FeedFormat;
}

/** The feed of a routed path ("/rss.xml", "/tags/xa-hoi/atom.xml"), or undefined for anything else. */
export const feedOfPath = (path: string): FeedRef | undefined => parseFeedPath(path);

/** The feed's URL path, e.g. "/tags/xa-hoi/rss.xml". */
export const pathOfFeed = (feed: FeedRef): string => feedPath(feed.scope, feed.format);
