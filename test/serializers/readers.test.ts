// A common feed-reading library (@extractus/feed-extractor) reads the same title, date and link from all
// three formats, for the feed and for each item, in current feeds and RFC 5005 archive documents alike.
import { extractFromJson, extractFromXml, type FeedData } from "@extractus/feed-extractor";
import { describe, expect, it } from "vitest";
import { buildFeedModel } from "../../src/feed/buildFeedModel.ts";
import { renderAtom, renderJsonFeed, renderRss } from "../../src/serializers/index.ts";
import { BASE_URL, sampleArticle, sampleManifest, sampleModel, UPDATED } from "../support/feedFixtures.ts";

const records = [
	sampleArticle({ slug: "moi-nhat", guid: "urn:uuid:1", title: "Bài mới nhất: Nghệ An & Hà Tĩnh" }),
	sampleArticle({
		slug: "cu-hon",
		guid: `${BASE_URL}/articles/cu-hon`,
		title: "Bài cũ hơn",
		published: "2023-07-01T08:00:00+07:00",
		updated: undefined,
	}),
];
delete records[1]?.updated;
const model = sampleModel(records);

const read: Record<string, FeedData> = {
	rss: extractFromXml(renderRss(model)),
	atom: extractFromXml(renderAtom(model)),
	json: extractFromJson(renderJsonFeed(model)),
};

describe.each(Object.entries(read))("%s read by feed-extractor", (format, feed) => {
	it("has the feed's title and link", () => {
		expect(feed.title).toBe("Tin tức Nghệ An");
		expect(feed.link).toBe(`${BASE_URL}/`);
	});

	it("dates an XML feed at the model's change time (JSON Feed has no feed date)", () => {
		expect(feed.published).toBe(format === "json" ? "" : "2026-11-28T10:00:00.000Z");
	});

	it("has each item's title and link, in order", () => {
		expect(feed.entries?.map((entry) => [entry.title, entry.link])).toEqual([
			["Bài mới nhất: Nghệ An & Hà Tĩnh", `${BASE_URL}/articles/moi-nhat`],
			["Bài cũ hơn", `${BASE_URL}/articles/cu-hon`],
		]);
	});

	it("dates each item at the same instant", () => {
		// Atom readers date an entry by <updated> first; the others by the publication date.
		const dates = feed.entries?.map((entry) => entry.published);
		if (format === "atom") expect(dates).toEqual(["2023-08-16T03:30:00.000Z", "2023-07-01T01:00:00.000Z"]);
		else expect(dates).toEqual(["2023-08-15T02:00:00.000Z", "2023-07-01T01:00:00.000Z"]);
	});
});

// Page 2 of 3 of a tag's archive: history links, the fh:archive marker and its namespace on the root.
const archiveModel = buildFeedModel({
	manifest: sampleManifest(),
	scope: { key: "tags/xã-hội", kind: "tag", name: "Xã hội" },
	items: records,
	updated: UPDATED,
	ttlMinutes: 5,
	archive: { pages: 3, page: 2 },
});

const readArchive: Record<string, FeedData> = {
	rss: extractFromXml(renderRss(archiveModel)),
	atom: extractFromXml(renderAtom(archiveModel)),
	json: extractFromJson(renderJsonFeed(archiveModel)),
};

describe.each(Object.entries(readArchive))("%s archive document read by feed-extractor", (_format, feed) => {
	it("has the scope's title and the archive page as its link", () => {
		expect(feed.title).toBe("Tin tức Nghệ An — Xã hội");
		expect(feed.link).toBe(`${BASE_URL}/tags/x%C3%A3-h%E1%BB%99i/archive/2`);
	});

	it("has each item's title and link, in order", () => {
		expect(feed.entries?.map((entry) => [entry.title, entry.link])).toEqual([
			["Bài mới nhất: Nghệ An & Hà Tĩnh", `${BASE_URL}/articles/moi-nhat`],
			["Bài cũ hơn", `${BASE_URL}/articles/cu-hon`],
		]);
	});
});
