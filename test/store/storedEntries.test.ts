// The short stored form of summary and archive-page entries: every entry comes back as it went in, and an entry
// still in object form reads as it is.
import { describe, expect, it } from "vitest";
import type { ScopeSummary } from "../../src/domain/model.ts";
import {
	entryOf,
	pageOf,
	storedEntry,
	storedPage,
	storedSummary,
	summaryOf,
} from "../../src/store/storedEntries.ts";
import { sampleEntry } from "../support/feedFixtures.ts";

const NOW = Date.UTC(2026, 10, 28, 12);
const ENTRIES = [
	sampleEntry("plain", NOW),
	sampleEntry("edited", NOW - 5_000, { modified: NOW }),
	sampleEntry("own-id", NOW, { id: "urn:example:own-id" }),
	sampleEntry("own-id-edited", NOW - 1_000, { id: "42", modified: NOW + 1_000 }),
	sampleEntry("edited-earlier", NOW, { modified: NOW - 60_000 }),
];

describe("stored entries", () => {
	it("round-trip every field, whatever the id and modification", () => {
		for (const entry of ENTRIES)
			expect(entryOf(JSON.parse(JSON.stringify(storedEntry(entry))))).toEqual(entry);
	});

	it("leave out an id equal to the slug and a modification equal to publication", () => {
		expect(storedEntry(sampleEntry("plain", NOW))).toEqual(["hash-plain", "plain", NOW]);
		expect(storedEntry(sampleEntry("own-id", NOW, { id: "x" }))).toEqual([
			"hash-own-id",
			"own-id",
			NOW,
			0,
			"x",
		]);
	});

	it("are under half the object form's JSON", () => {
		const entry = sampleEntry("bai-0000100", NOW, { record: "kUZI8pu4OhdCHrZFisfvMw" });
		expect(JSON.stringify(storedEntry(entry)).length * 2).toBeLessThan(JSON.stringify(entry).length);
	});

	it("read an entry in object form as it is", () => {
		expect(entryOf(ENTRIES[1] as (typeof ENTRIES)[number])).toEqual(ENTRIES[1]);
	});

	it("round-trip a summary and an archive page, other fields untouched", () => {
		const summary: ScopeSummary = {
			key: "tags/xa-hoi",
			name: "Xã hội",
			total: 105,
			movedPages: 1,
			pages: ["page-hash"],
			recent: ENTRIES,
		};
		expect(summaryOf(JSON.parse(JSON.stringify(storedSummary(summary))))).toEqual(summary);
		expect(pageOf(JSON.parse(JSON.stringify(storedPage({ entries: ENTRIES }))))).toEqual({
			entries: ENTRIES,
		});
	});
});
