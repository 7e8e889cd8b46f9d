// Newsletter-style: an article whose only picture is in its body, synced and rendered, read by a real feed parser
// (@extractus/feed-extractor) the way an RSS-to-email tool picks an item's image; every format stays valid.
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/domain/model.ts";
import { buildFeedModel } from "../../src/feed/buildFeedModel.ts";
import { renderAtom, renderJsonFeed, renderRss } from "../../src/serializers/index.ts";
import { formatContentError } from "../../src/sync/validate/contentError.ts";
import { sampleManifest } from "../support/feedFixtures.ts";
import { checkAtom, checkJsonFeed11, checkRss2, validateAtomSchema } from "../support/feedValidators.ts";
import { loadFixture } from "../sync/support/loadFixture.ts";
import { articleFile, TINY_PNG } from "../sync/support/tempContent.ts";

const IMAGE_URL = "http://localhost:8787/images/hoi-nghi.png";

async function syncedFeeds() {
	const result = await loadFixture({
		"anh-trong-bai.md": articleFile(
			"title: Hội nghị có ảnh trong bài\ndate: 2023-08-16T09:00:00+07:00",
			"Mở đầu.\n\n![Toàn cảnh hội nghị](/images/hoi-nghi.png)\n\n![Ảnh thứ hai](https://cdn.example.org/hai.jpg)\n",
		),
		"anh-ngoai.md": articleFile(
			"title: Bài có ảnh ở nơi khác\ndate: 2023-08-15T09:00:00+07:00",
			'<img src="https://cdn.example.org/ngoai.webp" alt="Ảnh ngoài">\n',
		),
		"images/hoi-nghi.png": TINY_PNG,
	});
	if (!result.ok) throw new Error(result.errors.map(formatContentError).join("\n"));
	const { site, records } = result.content;
	const items = [...records].sort((a, b) => b.published.localeCompare(a.published)) as ArticleRecord[];
	const model = buildFeedModel({
		manifest: { ...sampleManifest(site), siteHash: "h" },
		scope: { key: "", kind: "all" },
		items,
		updated: Date.parse("2023-08-16T02:00:00Z"),
		ttlMinutes: 5,
	});
	return { rss: renderRss(model), atom: renderAtom(model), json: renderJsonFeed(model) };
}

type Raw = Record<string, unknown>;
const attr = (value: unknown, name: string): string | undefined =>
	(Array.isArray(value) ? value[0] : (value as Raw | undefined))?.[`@_${name}`] as string | undefined;

/** What an RSS-to-email tool takes as an item's image: media:thumbnail, else media:content, else an enclosure. */
const imageOf = (raw: Raw) => ({
	thumbnail: attr(raw["media:thumbnail"], "url"),
	content: attr(raw["media:content"], "url"),
	enclosure: attr(raw.enclosure, "url") ?? undefined,
	enclosureLength: attr(raw.enclosure, "length"),
});

describe("the first item's image, as a newsletter tool finds it", () => {
	it("RSS: media:thumbnail and media:content name the body's first image; its enclosure has the file's size", async () => {
		const { rss } = await syncedFeeds();
		const feed = await extractFromXml(rss, { getExtraEntryFields: (raw: Raw) => ({ image: imageOf(raw) }) });
		const [first, second] = (feed.entries ?? []) as unknown as {
			title: string;
			image: ReturnType<typeof imageOf>;
		}[];
		expect(first?.title).toBe("Hội nghị có ảnh trong bài");
		expect(first?.image).toEqual({
			thumbnail: IMAGE_URL,
			content: IMAGE_URL,
			enclosure: IMAGE_URL,
			enclosureLength: String(TINY_PNG.byteLength),
		});
		// An image elsewhere has no known size: Media RSS only, no enclosure.
		expect(second?.image).toEqual({
			thumbnail: "https://cdn.example.org/ngoai.webp",
			content: "https://cdn.example.org/ngoai.webp",
			enclosure: undefined,
			enclosureLength: undefined,
		});
	});

	it("Atom: the same Media RSS elements", async () => {
		const { atom } = await syncedFeeds();
		const feed = await extractFromXml(atom, { getExtraEntryFields: (raw: Raw) => ({ image: imageOf(raw) }) });
		const first = (feed.entries ?? [])[0] as unknown as { image: ReturnType<typeof imageOf> };
		expect(first.image.thumbnail).toBe(IMAGE_URL);
		expect(first.image.content).toBe(IMAGE_URL);
	});

	it("JSON Feed: image, and no banner_image for a picture the content already shows", async () => {
		const { json } = await syncedFeeds();
		const feed = extractFromJson(JSON.parse(json), {
			getExtraEntryFields: (raw: Raw) => ({ image: raw.image, banner: raw.banner_image }),
		});
		expect((feed.entries ?? [])[0]).toMatchObject({ image: IMAGE_URL, banner: undefined });
	});

	it("keeps every format valid: 0 errors from the RSS, Atom (and jing) and JSON Feed checks", async () => {
		const { rss, atom, json } = await syncedFeeds();
		expect(checkRss2(rss)).toEqual([]);
		expect(checkAtom(atom)).toEqual([]);
		expect(validateAtomSchema(atom)).toEqual([]);
		expect(checkJsonFeed11(json)).toEqual([]);
	});
});
