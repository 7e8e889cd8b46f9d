// Date-only values are the first moment of that day in the site's zone, daylight saving included.
import { describe, expect, it } from "vitest";
import { parseContentDate } from "../../../src/sync/validate/contentDate.ts";

const date = (input: unknown, zone: string) => parseContentDate(input, zone);

describe("parseContentDate", () => {
	it("gives midnight with the zone's offset for that day", () => {
		expect(date("2023-07-01", "America/New_York")).toMatchObject({
			ok: true,
			value: "2023-07-01T00:00:00-04:00",
		});
		expect(date("2023-01-01", "America/New_York")).toMatchObject({
			ok: true,
			value: "2023-01-01T00:00:00-05:00",
		});
		expect(date("2023-08-15", "Asia/Kolkata")).toMatchObject({
			ok: true,
			value: "2023-08-15T00:00:00+05:30",
		});
	});
	it("starts a day whose midnight a DST gap skips when the gap ends", () => {
		// Santiago skipped 00:00-01:00 on 11 Sep 2022.
		const result = date("2022-09-11", "America/Santiago");
		expect(result).toMatchObject({ ok: true, value: "2022-09-11T01:00:00-03:00" });
		if (result.ok) expect(result.epochMs).toBe(Date.parse("2022-09-11T04:00:00Z"));
	});
	it("accepts lowercase t and z, fractions, and normalises them", () => {
		expect(date("2023-08-15t09:00:00.250z", "UTC")).toMatchObject({
			ok: true,
			value: "2023-08-15T09:00:00.250Z",
		});
	});
	it("checks leap years and offset ranges", () => {
		expect(date("2024-02-29", "UTC").ok).toBe(true);
		expect(date("2023-02-29", "UTC").ok).toBe(false);
		expect(date("2023-08-15T09:00:00+24:00", "UTC").ok).toBe(false);
		expect(date("2023-08-15 09:00:00+07:00", "UTC").ok).toBe(false);
	});
	it("suggests the site zone's offset for a date-time without one", () => {
		expect(date("2023-08-15T09:00:00", "Asia/Ho_Chi_Minh")).toMatchObject({
			ok: false,
			problem: expect.stringContaining('"2023-08-15T09:00:00+07:00"'),
		});
	});
});
