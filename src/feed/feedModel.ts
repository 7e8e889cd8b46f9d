// The one model every serializer renders: a feed's metadata and its items, already selected, ordered and made safe.
import type { ArticleRecord, Person, ScopeKey } from "../domain/model.ts";
import type { FeedLinks } from "../urls/urlScheme.ts";

/** Which part of the collection a feed shows. `key` is "" for everything, else "tags/<slug>" or "authors/<slug>". */
export interface FeedScope {
	key: ScopeKey;
	kind: "all" | "tag" | "author";
	/** Display name of the tag or author; absent for "all". */
	name?: string;
}

/** A document's place in its scope's archived feed (RFC 5005 §4): every URL absolute and percent-encoded. */
export interface FeedHistory {
	/** True for an archive document (it carries <fh:archive/>); false for the scope's current feed. */
	archive: boolean;
	/** The scope's current feeds: what an archive document links as rel="current". */
	current?: FeedLinks;
	/** The next older archive page: rel="prev-archive", and JSON Feed's next_url. Absent on the oldest page. */
	prevArchive?: FeedLinks;
	/** The next newer archive page: rel="next-archive". Absent on the newest page and on the current feed. */
	nextArchive?: FeedLinks;
}

export interface FeedModel {
	/** Stable feed id (Atom <id>): the canonical URL of the scope's HTML page, for its archive documents too. */
	id: string;
	title: string;
	description: string;
	language: string;
	copyright: string;
	icon?: string;
	author: Person;
	/** This document's own canonical URLs (rel="self", JSON Feed feed_url) and its HTML page: for an archive
	 * document, the archive page's. */
	links: FeedLinks;
	/** Links to the scope's other documents; absent when there are none (no archive yet, or a filtered view). */
	history?: FeedHistory;
	/** Epoch ms of the newest change to what this feed shows: RSS lastBuildDate, Atom updated, HTTP Last-Modified. */
	updated: number;
	/** WebSub hub URL, when the site configures one. */
	hub?: string;
	/** Minutes, for RSS <ttl>; matches the HTTP max-age. */
	ttlMinutes: number;
	/** IRI naming the site's tag taxonomy (`${baseUrl}/tags/`): RSS category domain, Atom category scheme. */
	tagScheme: string;
	/** Items newest first. Text already NFC and stripped of XML-forbidden characters. */
	items: ArticleRecord[];
}
