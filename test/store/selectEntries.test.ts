// selectEntries and visibility: scheduled items stay hidden until their time, then `since` and `limit` choose.
import { describe, expect, it } from "vitest";
import { selectEntries, visibility } from "../../src/store/selectEntries.ts";
import { sampleEntry } from "../support/feedFixtures.ts";

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 28, 12);
// Newest first, as the manifest keeps them: two scheduled, three published.
const ENTRIES = [
	sampleEntry("later", NOW + 2 * HOUR),
	sampleEntry("soon", NOW + HOUR),
	sampleEntry("now", NOW),
	sampleEntry("old-edited", NOW - 5 * HOUR, { modified: NOW - HOUR }),
	sampleEntry("old", NOW - 4 * HOUR),
];
const ids = (selection: { entries: { id: string }[] }) => selection.entries.map((entry) => entry.id);

describe("selectEntries", () => {
	it("hides scheduled items and says when the next one appears", () => {
		const selection = selectEntries(ENTRIES, { now: NOW, limit: 10 });
		expect(ids(selection)).toEqual(["now", "old-edited", "old"]);
		expect(selection.revealAt).toBe(NOW + HOUR);
		expect(selectEntries(ENTRIES, { now: NOW + 3 * HOUR, limit: 10 }).revealAt).toBeUndefined();
	});

	it("keeps at most `limit` items, newest first", () => {
		expect(ids(selectEntries(ENTRIES, { now: NOW, limit: 2 }))).toEqual(["now", "old-edited"]);
	});

	it("keeps items published or updated after `since`", () => {
		expect(ids(selectEntries(ENTRIES, { now: NOW, limit: 10, since: NOW - 2 * HOUR }))).toEqual([
			"now",
			"old-edited",
		]);
		expect(ids(selectEntries(ENTRIES, { now: NOW, limit: 10, since: NOW }))).toEqual([]);
	});

	it("selects nothing from an empty list", () => {
		expect(selectEntries([], { now: NOW, limit: 10 })).toEqual({ entries: [], revealAt: undefined });
	});
});

describe("visibility", () => {
	it("is visible once the oldest item is published, else says when it will be", () => {
		expect(visibility(ENTRIES, NOW)).toEqual({ visible: true });
		expect(visibility(ENTRIES.slice(0, 2), NOW)).toEqual({ visible: false, revealAt: NOW + HOUR });
		expect(visibility([], NOW)).toEqual({ visible: false });
	});
});
