// The newsletter parameters every feed accepts (?limit, ?since): strict parsing, plain-text 400 messages, a cache key.

export const MAX_LIMIT = 100;

export interface FeedParams {
	/** 1..MAX_LIMIT; the site's itemsPerFeed when absent. */
	limit?: number;
	/** Epoch ms, whole seconds (feeds show times to the second): only items published or updated after it. */
	since?: number;
}

export type FeedParamsResult =
	| {
			ok: true;
			params: FeedParams;
			/** Known parameters only, sorted and normalised: part of cache keys and ETags. */
			key: string;
	  }
	| { ok: false; message: string };

const LIMIT_RULE = `limit must be a whole number from 1 to ${MAX_LIMIT}, e.g. ?limit=10`;
const SINCE_RULE =
	"since must be an RFC 3339 date-time with a UTC offset or Z, e.g. ?since=2023-08-15T09:00:00%2B07:00 or ?since=2023-08-15T02:00:00Z";

const RFC3339 =
	/^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Epoch ms of an RFC 3339 date-time, or undefined when it is not one (including impossible dates like 31 Feb). */
export function parseRfc3339(value: string): number | undefined {
	// An unencoded "+" in a query string arrives as a space: accept it where the offset sign belongs.
	const text = value.replace(/ (\d{2}:\d{2})$/, "+$1");
	const match = RFC3339.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetHour, offsetMinute] = match;
	// A leap second (…:60) is read as the last millisecond of its minute.
	const leapSecond = Number(second) === 60;
	const date = new Date(
		Date.UTC(
			2000,
			Number(month) - 1,
			Number(day),
			Number(hour),
			Number(minute),
			leapSecond ? 59 : Number(second),
		),
	);
	date.setUTCFullYear(Number(year));
	const outOfRange =
		date.getUTCMonth() !== Number(month) - 1 ||
		date.getUTCDate() !== Number(day) ||
		Number(hour) > 23 ||
		Number(minute) > 59 ||
		Number(second) > 60 ||
		Number(offsetHour ?? 0) > 23 ||
		Number(offsetMinute ?? 0) > 59;
	if (outOfRange) return undefined;
	const millis = leapSecond ? 999 : Number((fraction ?? ".").slice(1, 4).padEnd(3, "0"));
	const offset = zulu
		? 0
		: (sign === "-" ? -1 : 1) * (Number(offsetHour) * 60 + Number(offsetMinute)) * 60_000;
	return date.getTime() + millis - offset;
}

/** Quotes a user-supplied value for an error message, short enough to stay readable. */
const quoted = (value: string): string =>
	JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);

// Most requests carry no query at all: one shared answer for them.
const NO_PARAMS: FeedParamsResult = Object.freeze({ ok: true, params: Object.freeze({}), key: "" });

/** Parses `limit` and `since` from a query string; other parameters are ignored. */
export function parseFeedParams(query: URLSearchParams): FeedParamsResult {
	if (query.size === 0) return NO_PARAMS;
	const params: FeedParams = {};
	const keyParts: string[] = [];

	const limits = query.getAll("limit");
	if (limits.length > 1)
		return { ok: false, message: `limit was given ${limits.length} times: give it once. ${LIMIT_RULE}.` };
	const limit = limits[0];
	if (limit !== undefined) {
		const value = /^\d{1,3}$/.test(limit) ? Number(limit) : Number.NaN;
		if (!(value >= 1 && value <= MAX_LIMIT))
			return { ok: false, message: `Invalid limit ${quoted(limit)}: ${LIMIT_RULE}.` };
		params.limit = value;
		keyParts.push(`limit=${value}`);
	}

	const sinces = query.getAll("since");
	if (sinces.length > 1)
		return { ok: false, message: `since was given ${sinces.length} times: give it once. ${SINCE_RULE}.` };
	const since = sinces[0];
	if (since !== undefined) {
		const value = parseRfc3339(since);
		if (value === undefined) return { ok: false, message: `Invalid since ${quoted(since)}: ${SINCE_RULE}.` };
		// Whole seconds: a millisecond more or less selects the same items and must not be a new cache entry.
		params.since = Math.floor(value / 1000) * 1000;
		keyParts.push(`since=${new Date(params.since).toISOString().replace(".000Z", "Z")}`);
	}

	return { ok: true, params, key: keyParts.join("&") };
}
