// The Content-Type of each feed format, always with an explicit charset (readers otherwise guess).
import type { FeedFormat } from "../feed/feedModel.ts";

export const MEDIA_TYPES: Readonly<Record<FeedFormat, string>> = {
	rss: "application/rss+xml; charset=utf-8",
	atom: "application/atom+xml; charset=utf-8",
	json: "application/feed+json; charset=utf-8",
};
