// Which feed a request path names: the same feed URLs the app publishes, parsed back, and nothing else.
import { describe, expect, it } from "vitest";
import type { FeedFormat } from "../../src/domain/model.ts";
import { feedOfPath, pathOfFeed } from "../../src/stats/feedOfPath.ts";
import { feedLinks, isFeedFile } from "../../src/urls/urlScheme.ts";

const BASE = "https://feeds.example.com";
const FORMATS: FeedFormat[] = ["rss", "atom", "json"];
const SCOPES = ["", "tags/xa-hoi", "authors/tran-van-minh"];

describe("feedOfPath", () => {
	it("reads back every feed URL feedLinks publishes, and pathOfFeed writes it again", () => {
		for (const scope of SCOPES) {
			const links = feedLinks(BASE, scope);
			for (const format of FORMATS) {
				const path = new URL(links[format]).pathname;
				expect(isFeedFile(path)).toBe(true);
				expect(feedOfPath(path)).toEqual({ scope, format });
				expect(pathOfFeed({ scope, format })).toBe(path);
			}
		}
	});

	it("names no feed for pages, the OPML list or paths outside the feed scheme", () => {
		for (const path of [
			"/",
			"/tags/xa-hoi",
			"/feeds.opml",
			"/stats.json",
			"/articles/rss.xml",
			"/x/y/rss.xml",
		])
			expect(feedOfPath(path)).toBeUndefined();
	});
});
