// Archive pages: every visible item the current feed does not show is on exactly one page, counted from the oldest.
import { describe, expect, it } from "vitest";
import { ARCHIVE_PAGE_SIZE, archivePageRange, archiveWindow } from "../../src/domain/archivePages.ts";

describe("archive pages", () => {
	it("has none while the current feed shows everything", () => {
		expect(archiveWindow(20, 20)).toEqual({ archived: 0, pages: 0 });
		expect(archiveWindow(3, 20)).toEqual({ archived: 0, pages: 0 });
		expect(archivePageRange(archiveWindow(3, 20), 1)).toBeUndefined();
	});

	it("covers every archived position once, oldest page first, only the newest page partial", () => {
		for (const visible of [21, 119, 120, 121, 2_345]) {
			const window = archiveWindow(visible, 20);
			const seen: number[] = [];
			for (let page = 1; page <= window.pages; page++) {
				const range = archivePageRange(window, page);
				if (!range) throw new Error(`page ${page} missing`);
				expect(range.complete).toBe(page < window.pages || window.archived % ARCHIVE_PAGE_SIZE === 0);
				for (let i = range.start; i < range.end; i++) seen.push(i);
			}
			expect(seen).toEqual([...Array(visible - 20).keys()]);
		}
	});

	it("keeps a complete page's range as more items are published", () => {
		const before = archivePageRange(archiveWindow(500, 20), 2);
		const after = archivePageRange(archiveWindow(5_000, 20), 2);
		expect(after).toEqual(before);
		expect(before?.complete).toBe(true);
	});

	it("has no page 0, negative, fractional or past the last", () => {
		const window = archiveWindow(1_000, 20);
		for (const page of [0, -1, 1.5, window.pages + 1, Number.NaN])
			expect(archivePageRange(window, page)).toBeUndefined();
	});
});
