// The Content-Type of each feed format, always with an explicit charset (readers otherwise guess).
import type { FeedFormat } from "../domain/model.ts";

export const MEDIA_TYPES: Readonly<Record<FeedFormat, string>> = {
	rss: "application/rss+xml; charset=utf-8",
	atom: "application/atom+xml; charset=utf-8",
	json: "application/feed+json; charset=utf-8",
};

/** OPML 2.0 has no registered type; text/x-opml is what readers and browsers know it by. */
export const OPML_MEDIA_TYPE = "text/x-opml; charset=utf-8";
