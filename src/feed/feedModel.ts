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

export interface FeedModel {
	/** Stable feed id (Atom <id>): the canonical URL of the scope's HTML page. */
	id: string;
	title: string;
	description: string;
	language: string;
	copyright: string;
	icon?: string;
	author: Person;
	links: FeedLinks;
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
