// HTTP-dates: written as IMF-fixdate, read in all three forms RFC 9110 allows, and anything else refused.
import { describe, expect, it } from "vitest";
import { formatHttpDate, parseHttpDate } from "../../src/text/httpDate.ts";

const INSTANT = Date.UTC(1994, 10, 6, 8, 49, 37);

describe("httpDate", () => {
	it("writes IMF-fixdate, to the second", () => {
		expect(formatHttpDate(INSTANT)).toBe("Sun, 06 Nov 1994 08:49:37 GMT");
		expect(formatHttpDate(INSTANT + 999)).toBe("Sun, 06 Nov 1994 08:49:37 GMT");
	});

	it("reads the three forms of the same instant", () => {
		for (const text of [
			"Sun, 06 Nov 1994 08:49:37 GMT",
			"Sunday, 06-Nov-94 08:49:37 GMT",
			"Sun Nov  6 08:49:37 1994",
		])
			expect(parseHttpDate(text), text).toBe(INSTANT);
		expect(parseHttpDate("  Sun, 06 Nov 1994 08:49:37 GMT ")).toBe(INSTANT);
	});

	it("reads back what it writes", () => {
		const instant = Date.UTC(2026, 1, 28, 23, 59, 59);
		expect(parseHttpDate(formatHttpDate(instant))).toBe(instant);
	});

	it("refuses dates that do not exist and text of no form", () => {
		for (const text of [
			"Mon, 31 Feb 2026 10:00:00 GMT",
			"Sun, 06 Nov 1994 25:00:00 GMT",
			"Sun, 06 Nov 1994 08:49:37 UTC",
			"Sun, 6 Nov 1994 08:49:37 GMT",
			"1994-11-06T08:49:37Z",
			"yesterday",
			"",
		])
			expect(parseHttpDate(text), text).toBeUndefined();
	});
});
