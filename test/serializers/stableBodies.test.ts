// The same model always renders to the same bytes, in every format: a copy of it, a later clock, a re-render.
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderFeed } from "../../src/serializers/index.ts";
import { sampleArticle, sampleModel } from "../support/feedFixtures.ts";

afterEach(() => {
	vi.useRealTimers();
});

describe("stable bodies", () => {
	const records = [
		sampleArticle({ slug: "a", guid: "urn:uuid:1" }),
		sampleArticle({ slug: "b", guid: "urn:uuid:2", authors: [] }),
	];

	for (const format of ["rss", "atom", "json"] as const) {
		it(`${format}: byte-identical for an equal model, whenever it is rendered`, () => {
			vi.useFakeTimers();
			vi.setSystemTime(new Date("2027-01-01T00:00:00Z"));
			const model = sampleModel(records);
			const first = renderFeed(format, model);
			expect(renderFeed(format, model)).toBe(first);
			vi.setSystemTime(new Date("2029-05-05T05:05:05Z"));
			expect(renderFeed(format, structuredClone(model))).toBe(first);
			expect(renderFeed(format, sampleModel(structuredClone(records)))).toBe(first);
		});
	}

	it("differs when the model's change time does", () => {
		const earlier = renderFeed("rss", sampleModel(records, { updated: Date.UTC(2026, 0, 1) }));
		const later = renderFeed("rss", sampleModel(records, { updated: Date.UTC(2026, 0, 2) }));
		expect(later).not.toBe(earlier);
	});
});
