// buildFeedModel: scope titles, canonical links, site settings and items carried into the one feed model.
import { describe, expect, it } from "vitest";
import { buildFeedModel } from "../../src/feed/buildFeedModel.ts";
import {
	BASE_URL,
	sampleArticle,
	sampleManifest,
	sampleModel,
	sampleSite,
	UPDATED,
} from "../support/feedFixtures.ts";

describe("buildFeedModel", () => {
	it("titles the whole collection with the site title and scoped feeds with the scope's name", () => {
		expect(sampleModel([]).title).toBe("Tin tức Nghệ An");
		const tag = sampleModel([], { scope: { key: "tags/dan-van", kind: "tag", name: "Dân vận" } });
		expect(tag.title).toBe("Tin tức Nghệ An — Dân vận");
		const author = sampleModel([], { scope: { key: "authors/kim-dung", kind: "author", name: "Kim Dung" } });
		expect(author.title).toBe("Tin tức Nghệ An — Kim Dung");
	});

	it("links the whole collection to the site root and its feeds", () => {
		const model = sampleModel([]);
		expect(model.links).toEqual({
			html: `${BASE_URL}/`,
			rss: `${BASE_URL}/rss.xml`,
			atom: `${BASE_URL}/atom.xml`,
			json: `${BASE_URL}/feed.json`,
		});
		expect(model.id).toBe(model.links.html);
	});

	it("links a scoped feed under its scope key, and uses that page as the feed id", () => {
		const model = sampleModel([], { scope: { key: "tags/dan-van", kind: "tag", name: "Dân vận" } });
		expect(model.links).toEqual({
			html: `${BASE_URL}/tags/dan-van`,
			rss: `${BASE_URL}/tags/dan-van/rss.xml`,
			atom: `${BASE_URL}/tags/dan-van/atom.xml`,
			json: `${BASE_URL}/tags/dan-van/feed.json`,
		});
		expect(model.id).toBe(`${BASE_URL}/tags/dan-van`);
	});

	it("carries the site settings, the change time and the TTL", () => {
		const site = sampleSite();
		const model = buildFeedModel({
			manifest: sampleManifest(site),
			scope: { key: "", kind: "all" },
			items: [],
			updated: UPDATED,
			ttlMinutes: 7,
		});
		expect(model).toMatchObject({
			description: site.description,
			language: "vi",
			copyright: site.copyright,
			author: site.author,
			icon: site.icon,
			hub: site.hub,
			updated: UPDATED,
			ttlMinutes: 7,
			tagScheme: `${BASE_URL}/tags/`,
		});
	});

	it("leaves out the icon and hub when the site has none (no undefined keys)", () => {
		const model = sampleModel([], { site: sampleSite({ icon: undefined, hub: undefined }) });
		expect("icon" in model).toBe(false);
		expect("hub" in model).toBe(false);
	});

	it("keeps the items in the order given and their absent optionals absent", () => {
		const first = sampleArticle({ slug: "a", guid: "urn:uuid:1" });
		const second = sampleArticle({ slug: "b", guid: "urn:uuid:2", updated: undefined, image: undefined });
		delete second.updated;
		delete second.image;
		const model = sampleModel([first, second]);
		expect(model.items.map((item) => item.slug)).toEqual(["a", "b"]);
		expect(model.items[0]).toEqual(first);
		expect(Object.keys(model.items[1] ?? {})).not.toContain("updated");
		expect(Object.keys(model.items[1] ?? {})).not.toContain("image");
	});

	it("does not change the records it is given", () => {
		const record = sampleArticle({ title: "Cafe\u0301\u0001" });
		const copy = structuredClone(record);
		sampleModel([record]);
		expect(record).toEqual(copy);
	});

	describe("archive history (RFC 5005)", () => {
		const scope = { key: "tags/dan-van", kind: "tag", name: "Dân vận" } as const;
		const build = (archive?: { pages: number; page?: number }) =>
			buildFeedModel({
				manifest: sampleManifest(),
				scope,
				items: [],
				updated: UPDATED,
				ttlMinutes: 5,
				...(archive ? { archive } : {}),
			});
		const page = (k: number) => `${BASE_URL}/tags/dan-van/archive/${k}`;

		it("links no history for a filtered view or a scope without archive pages", () => {
			expect("history" in build()).toBe(false);
			expect("history" in build({ pages: 0 })).toBe(false);
		});

		it("links the current feed to the newest archive page", () => {
			expect(build({ pages: 3 }).history).toEqual({
				archive: false,
				prevArchive: {
					html: page(3),
					rss: `${page(3)}/rss.xml`,
					atom: `${page(3)}/atom.xml`,
					json: `${page(3)}/feed.json`,
				},
			});
		});

		it("gives an archive page its own links, the scope's id and title, and its neighbours", () => {
			const model = build({ pages: 3, page: 2 });
			expect(model.links.atom).toBe(`${page(2)}/atom.xml`);
			expect(model.links.html).toBe(page(2));
			expect(model.id).toBe(`${BASE_URL}/tags/dan-van`);
			expect(model.title).toBe("Tin tức Nghệ An — Dân vận");
			expect(model.history?.archive).toBe(true);
			expect(model.history?.current?.json).toBe(`${BASE_URL}/tags/dan-van/feed.json`);
			expect(model.history?.prevArchive?.rss).toBe(`${page(1)}/rss.xml`);
			expect(model.history?.nextArchive?.rss).toBe(`${page(3)}/rss.xml`);
		});

		it("has no older page on page 1 and no newer one on the newest page", () => {
			expect(build({ pages: 3, page: 1 }).history?.prevArchive).toBeUndefined();
			expect(build({ pages: 3, page: 3 }).history?.nextArchive).toBeUndefined();
			expect(build({ pages: 1, page: 1 }).history).toEqual({ archive: true, current: build().links });
		});

		it("advertises the WebSub hub on the current feed only", () => {
			expect(build({ pages: 3 }).hub).toBe(sampleSite().hub);
			expect("hub" in build({ pages: 3, page: 3 })).toBe(false);
		});

		it.each([
			[{ pages: 3, page: 4 }],
			[{ pages: 3, page: 0 }],
			[{ pages: 3, page: 1.5 }],
			[{ pages: 0, page: 1 }],
			[{ pages: -1 }],
		])("refuses a page the scope does not have: %j", (archive) => {
			expect(() => build(archive)).toThrow(RangeError);
		});
	});
});
