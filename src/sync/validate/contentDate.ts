// Front-matter dates: RFC 3339 with an explicit offset, or a date-only value meaning midnight in the site's zone.
import { expected } from "./contentError.ts";

/** `dateOnly`: the value named a day, not a moment, so nothing should show it with a time of day. */
export type ContentDate =
	| { ok: true; value: string; epochMs: number; dateOnly: boolean }
	| { ok: false; problem: string };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a front-matter date and returns it as RFC 3339 with its offset (as written, or the zone's). */
export function parseContentDate(input: unknown, timeZone: string): ContentDate {
	if (typeof input !== "string")
		return { ok: false, problem: expected("an RFC 3339 date-time with offset or a YYYY-MM-DD date", input) };
	const shown = JSON.stringify(input);
	const invalid: ContentDate = {
		ok: false,
		problem: `${shown} is not an RFC 3339 date-time with offset or a YYYY-MM-DD date`,
	};
	const dateOnly = DATE_ONLY.exec(input);
	if (dateOnly) {
		const [y, m, d] = dateOnly.slice(1).map(Number) as [number, number, number];
		if (!isCalendarDate(y, m, d)) return invalid;
		return midnightIn(y, m, d, timeZone);
	}
	const match = DATE_TIME.exec(input);
	if (!match) return invalid;
	const [y, m, d, hh, mm, ss] = match.slice(1, 7).map(Number) as [
		number,
		number,
		number,
		number,
		number,
		number,
	];
	const offset = match[8];
	if (!isCalendarDate(y, m, d) || hh > 23 || mm > 59 || ss > 59) return invalid;
	if (offset === undefined) {
		return {
			ok: false,
			problem: `${shown} has no UTC offset; write it as ${JSON.stringify(input + offsetAt(Date.UTC(y, m - 1, d, hh, mm, ss), timeZone))} or give a YYYY-MM-DD date`,
		};
	}
	if (offset.length === 6 && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59))
		return invalid;
	const value = `${input.slice(0, 10)}T${input.slice(11, input.length - offset.length)}${offset.toUpperCase()}`;
	return { ok: true, value, epochMs: Date.parse(value), dateOnly: false };
}

function isCalendarDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first moment of that day in `timeZone` (midnight, unless a DST gap skips it), with the zone's offset. */
function midnightIn(y: number, m: number, d: number, timeZone: string): ContentDate {
	const wall = Date.UTC(y, m - 1, d);
	const day = 86_400_000;
	// Midnight happens under the offset in force the day before or the day after (a change may fall in between);
	// of the candidates that really read 00:00 locally, the earlier one is the first. None does inside a DST gap,
	// and then the day begins when the gap ends: midnight under the old offset.
	const candidates = [wall - offsetMs(wall - day, timeZone), wall - offsetMs(wall + day, timeZone)].sort(
		(a, b) => a - b,
	);
	const instant =
		candidates.find((c) => c + offsetMs(c, timeZone) === wall) ?? wall - offsetMs(wall - day, timeZone);
	const local = new Date(instant + offsetMs(instant, timeZone)).toISOString().slice(0, 19);
	return { ok: true, value: `${local}${offsetAt(instant, timeZone)}`, epochMs: instant, dateOnly: true };
}

/** The zone's UTC offset at an instant, in ms (wall clock minus UTC). */
function offsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat("en-US", {
		timeZone,
		hourCycle: "h23",
		year: "numeric",
		month: "2-digit",
		day: "2-digit",
		hour: "2-digit",
		minute: "2-digit",
		second: "2-digit",
	}).formatToParts(instant);
	const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
	const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
	return wall - Math.floor(instant / 1000) * 1000;
}

/** "+07:00"-style offset of the zone at an instant. */
function offsetAt(instant: number, timeZone: string): string {
	const minutes = Math.round(offsetMs(instant, timeZone) / 60_000);
	const sign = minutes < 0 ? "-" : "+";
	const abs = Math.abs(minutes);
	return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat("en-US", { timeZone });
		return true;
	} catch {
		return false;
	}
}
