// Rendering from cached templates gives byte for byte what the library gives for the whole document at once,
// whatever the mix of item shapes (tags, authors, images, permalinks, updates) and site settings.
import fc from "fast-check";
import { Feed } from "feed";
import { describe, expect, it, vi } from "vitest";
import type { FeedModel } from "../../src/feed/feedModel.ts";
import { atomDocument, renderAtom } from "../../src/serializers/atom.ts";
import {
	type LibraryDocument,
	renderRssWithLibrary,
	renderWholeWithLibrary,
} from "../../src/serializers/feedLibrary.ts";
import { renderRss, rssDocument } from "../../src/serializers/rss.ts";
import { ValueList, ValueSlots } from "../../src/serializers/valueSlots.ts";
import type { ArticleRecord } from "../../src/store/kvLayout.ts";
import { BASE_URL, sampleArticle, sampleModel, sampleSite } from "../support/feedFixtures.ts";

const word = fc.constantFrom("Dân vận", "A & B", "x]]>y", "Nghệ An", "");

const record = fc
	.record({
		index: fc.nat(1000),
		tags: fc.array(word, { maxLength: 4 }),
		authors: fc.array(
			fc.record({
				name: word,
				email: fc.option(fc.constantFrom("a@example.com", ""), { nil: undefined }),
				url: fc.option(fc.constantFrom("https://example.com/a", ""), { nil: undefined }),
			}),
			{
				maxLength: 3,
			},
		),
		image: fc.option(
			fc.record(
				{
					type: fc.constantFrom("image/jpeg", "image/png", "application/octet-stream"),
					alt: word,
					caption: word,
					credit: word,
					width: fc.nat(4000),
					height: fc.nat(4000),
					length: fc.nat(100_000),
				},
				{ requiredKeys: ["type"] },
			),
			{ nil: undefined },
		),
		permalink: fc.boolean(),
		updated: fc.boolean(),
	})
	.map((shape): ArticleRecord => {
		const slug = `bai-${shape.index}`;
		const url = `${BASE_URL}/articles/${slug}`;
		const article = sampleArticle({
			slug,
			url,
			guid: shape.permalink ? url : `urn:uuid:${shape.index}`,
			tags: shape.tags.map((name, n) => ({ name, slug: `t${n}` })),
			authors: shape.authors.map((author, n) => ({ ...author, slug: `a${n}` })),
		});
		if (shape.image) article.image = { url: `${BASE_URL}/images/${slug}.jpg`, ...shape.image };
		else delete article.image;
		if (!shape.updated) delete article.updated;
		return JSON.parse(JSON.stringify(article));
	});

const model = fc
	.record({
		records: fc.array(record, { maxLength: 5 }),
		icon: fc.boolean(),
		hub: fc.boolean(),
		ttl: fc.integer({ min: 1, max: 60 }),
	})
	.map(({ records, icon, hub, ttl }): FeedModel => {
		const site = sampleSite();
		if (!icon) delete site.icon;
		if (!hub) delete site.hub;
		return { ...sampleModel(records, { site }), ttlMinutes: ttl };
	});

describe("library templates", () => {
	it("RSS from templates equals the whole document from the library", () => {
		fc.assert(
			fc.property(model, (m) => {
				expect(renderRss(m)).toBe(renderWholeWithLibrary("rss", rssDocument(m)));
			}),
		);
	});

	it("Atom from templates equals the whole document from the library", () => {
		fc.assert(
			fc.property(model, (m) => {
				expect(renderAtom(m)).toBe(renderWholeWithLibrary("atom", atomDocument(m)));
			}),
		);
	});

	it("does not run the library again for shapes it has seen, and falls back to it for none", async () => {
		// Fresh serializer modules, so their template memo starts empty whatever other tests rendered before.
		vi.resetModules();
		const { renderRss, rssDocument } = await import("../../src/serializers/rss.ts");
		const { renderAtom, atomDocument } = await import("../../src/serializers/atom.ts");
		const { renderWholeWithLibrary } = await import("../../src/serializers/feedLibrary.ts");
		const rss2 = vi.spyOn(Feed.prototype, "rss2");
		const atom1 = vi.spyOn(Feed.prototype, "atom1");
		try {
			// Six tags: more than the generated records above ever have, so these shapes are new to the template memo.
			const sixTags = ["1", "2", "3", "4", "5", "6"].map((n) => ({ name: `Thẻ ${n}`, slug: `the-${n}` }));
			const shapes = (title: string) => [
				sampleArticle({ slug: "a", guid: "urn:uuid:a", title, tags: sixTags }),
				sampleArticle({
					slug: "b",
					title,
					tags: sixTags.slice(1),
					authors: [{ name: title, email: "b@example.com", slug: "b" }],
				}),
			];
			renderRss(sampleModel(shapes("một")));
			renderAtom(sampleModel(shapes("một")));
			expect(rss2).toHaveBeenCalled();
			expect(atom1).toHaveBeenCalled();
			rss2.mockClear();
			atom1.mockClear();
			const rss = renderRss(sampleModel(shapes("hai")));
			const atom = renderAtom(sampleModel(shapes("hai")));
			expect(rss2).not.toHaveBeenCalled();
			expect(atom1).not.toHaveBeenCalled();
			expect(rss).toBe(renderWholeWithLibrary("rss", rssDocument(sampleModel(shapes("hai")))));
			expect(atom).toBe(renderWholeWithLibrary("atom", atomDocument(sampleModel(shapes("hai")))));
		} finally {
			rss2.mockRestore();
			atom1.mockRestore();
		}
	});

	it("records of one shape key are described alike, and their value lists are what the placeholders stand for", () => {
		// Layouts (the described item as JSON, every value a numbered placeholder) by shape key, across all runs,
		// so shapes recur often: a shape key that missed a condition would map to two layouts.
		const formatDate = (date: Date) => date.toISOString();
		const layouts = { rss: new Map<string, string>(), atom: new Map<string, string>() };
		fc.assert(
			fc.property(fc.array(record, { minLength: 1, maxLength: 20 }), (records) => {
				const m = sampleModel(records);
				for (const [format, document] of [
					["rss", rssDocument(m)],
					["atom", atomDocument(m)],
				] as const) {
					for (const item of m.items) {
						const slots = new ValueSlots(formatDate);
						const layout = JSON.stringify([
							document.item(slots, item),
							document.itemExtensions?.(slots, item) ?? [],
						]);
						const values = new ValueList(formatDate);
						document.itemValues(values, item);
						expect(values.values).toEqual(slots.values);
						const shape = document.itemShape(item);
						expect(shape).not.toBe("");
						expect(layouts[format].get(shape) ?? layout).toBe(layout);
						layouts[format].set(shape, layout);
					}
				}
			}),
			{ numRuns: 200 },
		);
		expect(layouts.rss.size).toBeGreaterThan(20);
	});

	it("renders the whole document through the library when a document's value list disagrees with its description", () => {
		const titles = ["một", "hai"];
		const document: LibraryDocument<string> = {
			channel: (slots) => ({
				options: {
					id: "x",
					title: slots.text("Kênh"),
					link: slots.url("https://example.com/"),
					updated: slots.date(0),
				},
			}),
			item: (slots, title) => ({
				title: slots.text(title),
				link: slots.url("https://example.com/a"),
				date: slots.date(0),
			}),
			itemShape: () => "disagreeing",
			// Leaves out the link and date: a template filled from this would be wrong.
			itemValues: (values, title) => values.add(title),
			records: titles,
		};
		expect(renderRssWithLibrary(document)).toBe(renderWholeWithLibrary("rss", document));
	});

	it("an item reads the same whichever items surround it", () => {
		const [a, b] = [sampleArticle({ slug: "a", guid: "urn:uuid:a" }), sampleArticle({ slug: "b", tags: [] })];
		const alone = renderRss(sampleModel([a]));
		const itemOf = (xml: string) => xml.slice(xml.indexOf("<item>"), xml.indexOf("</item>") + 7);
		expect(itemOf(renderRss(sampleModel([a, b])))).toBe(itemOf(alone));
		expect(itemOf(renderRss(sampleModel([a])))).toBe(itemOf(alone));
	});
});
