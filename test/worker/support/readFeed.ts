// Reads feed bodies the way a reader would: strict XML (saxes) for RSS and Atom, JSON.parse for JSON Feed.
import type { FeedFormat } from "../../../src/domain/model.ts";
import { childNamed, childrenNamed, parseXmlStrict } from "../../support/xmlTree.ts";

const ATOM = "http://www.w3.org/2005/Atom";

export const FEED_PATHS: Record<FeedFormat, string> = { rss: "rss.xml", atom: "atom.xml", json: "feed.json" };
export const FORMATS = Object.keys(FEED_PATHS) as FeedFormat[];

export interface ReadFeed {
	title: string;
	selfLink: string;
	/** Item ids (RSS guid, Atom id, JSON Feed id), in document order. */
	ids: string[];
	titles: string[];
}

export function readFeed(format: FeedFormat, body: string): ReadFeed {
	if (format === "json") {
		const feed = JSON.parse(body) as {
			title: string;
			feed_url: string;
			items: { id: string; title: string }[];
		};
		return {
			title: feed.title,
			selfLink: feed.feed_url,
			ids: feed.items.map((item) => item.id),
			titles: feed.items.map((item) => item.title),
		};
	}
	const root = parseXmlStrict(body);
	if (format === "rss") {
		const channel = childNamed(root, "", "channel");
		if (!channel) throw new Error("RSS without <channel>");
		const items = childrenNamed(channel, "", "item");
		const self = childrenNamed(channel, ATOM, "link").find((link) => link.attributes.rel === "self");
		return {
			title: childNamed(channel, "", "title")?.text ?? "",
			selfLink: self?.attributes.href ?? "",
			ids: items.map((item) => childNamed(item, "", "guid")?.text ?? ""),
			titles: items.map((item) => childNamed(item, "", "title")?.text ?? ""),
		};
	}
	const entries = childrenNamed(root, ATOM, "entry");
	const self = childrenNamed(root, ATOM, "link").find((link) => link.attributes.rel === "self");
	return {
		title: childNamed(root, ATOM, "title")?.text ?? "",
		selfLink: self?.attributes.href ?? "",
		ids: entries.map((entry) => childNamed(entry, ATOM, "id")?.text ?? ""),
		titles: entries.map((entry) => childNamed(entry, ATOM, "title")?.text ?? ""),
	};
}

/** RSS <ttl> in minutes. */
export function rssTtl(body: string): number {
	const channel = childNamed(parseXmlStrict(body), "", "channel");
	return Number(channel && childNamed(channel, "", "ttl")?.text);
}
