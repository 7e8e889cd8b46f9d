// Reads what a feed document says about its place in an archived feed (RFC 5005): its own URL, its history links,
// the fh:archive marker and its item ids, parsed strictly from any of the three formats. For tests that check the
// links or walk a scope's archive from its current feed.
import type { FeedFormat } from "../../src/domain/model.ts";
import { FEED_HISTORY } from "./checkFeedHistory.ts";
import { childrenNamed, parseXmlStrict, type XmlElement } from "./xmlTree.ts";

const ATOM = "http://www.w3.org/2005/Atom";

export interface FeedHistoryView {
	/** rel="self" (JSON Feed: feed_url). */
	self?: string;
	current?: string;
	/** rel="prev-archive" (JSON Feed: next_url): the next older document. */
	prevArchive?: string;
	nextArchive?: string;
	/** The document carries <fh:archive/> (never for JSON Feed, which has no such marker). */
	archive: boolean;
	/** Every link's href (Atom <link>, RSS <atom:link>, JSON Feed's URLs), item links left out. */
	hrefs: string[];
	/** Entry ids (Atom id, RSS guid, JSON Feed id), in document order. */
	itemIds: string[];
}

function fromLinks(container: XmlElement, links: XmlElement[], itemIds: string[]): FeedHistoryView {
	const href = (rel: string) => links.find((link) => link.attributes.rel === rel)?.attributes.href;
	const view: FeedHistoryView = {
		archive: childrenNamed(container, FEED_HISTORY, "archive").length > 0,
		hrefs: links.map((link) => link.attributes.href ?? ""),
		itemIds,
	};
	for (const [key, rel] of [
		["self", "self"],
		["current", "current"],
		["prevArchive", "prev-archive"],
		["nextArchive", "next-archive"],
	] as const) {
		const value = href(rel);
		if (value !== undefined) view[key] = value;
	}
	return view;
}

export function readFeedHistory(format: FeedFormat, body: string): FeedHistoryView {
	if (format === "json") {
		const feed = JSON.parse(body) as Record<string, unknown> & { items: { id: string }[] };
		const view: FeedHistoryView = {
			archive: false,
			hrefs: ["home_page_url", "feed_url", "next_url"].flatMap((key) =>
				typeof feed[key] === "string" ? [feed[key]] : [],
			),
			itemIds: feed.items.map((item) => item.id),
		};
		if (typeof feed.feed_url === "string") view.self = feed.feed_url;
		if (typeof feed.next_url === "string") view.prevArchive = feed.next_url;
		return view;
	}
	const root = parseXmlStrict(body);
	if (format === "atom") {
		const ids = childrenNamed(root, ATOM, "entry").map(
			(entry) => childrenNamed(entry, ATOM, "id")[0]?.text ?? "",
		);
		return fromLinks(root, childrenNamed(root, ATOM, "link"), ids);
	}
	const channel = childrenNamed(root, "", "channel")[0];
	if (!channel) throw new Error("RSS document without a <channel>");
	const ids = childrenNamed(channel, "", "item").map(
		(item) => childrenNamed(item, "", "guid")[0]?.text ?? "",
	);
	return fromLinks(channel, childrenNamed(channel, ATOM, "link"), ids);
}
