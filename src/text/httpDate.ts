// HTTP-date (RFC 9110 §5.6.7): formatting, and strict parsing so that a nonsense date is recognised and ignored.
// IMF-fixdate is also a valid RFC 822 date, so RSS and OPML dates are written here too.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "(\\d{2}):(\\d{2}):(\\d{2})";
// Sun, 06 Nov 1994 08:49:37 GMT
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
// Sunday, 06-Nov-94 08:49:37 GMT
const RFC_850 = new RegExp(
	`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`,
);
// Sun Nov  6 08:49:37 1994
const ASCTIME = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

/** IMF-fixdate, the form HTTP senders must use. Precision is one second. */
export function formatHttpDate(epochMs: number): string {
	return new Date(epochMs).toUTCString();
}

function utc(year: number, month: string, day: string, hour: string, minute: string, second: string): number {
	const monthIndex = MONTHS.indexOf(month);
	const date = new Date(
		Date.UTC(2000, monthIndex, Number(day), Number(hour), Number(minute), Number(second)),
	);
	date.setUTCFullYear(year);
	// Reject what Date would silently roll over (31 Feb, 25:00).
	const valid =
		date.getUTCMonth() === monthIndex &&
		date.getUTCDate() === Number(day) &&
		date.getUTCHours() === Number(hour) &&
		date.getUTCMinutes() === Number(minute) &&
		date.getUTCSeconds() === Number(second);
	return valid ? date.getTime() : Number.NaN;
}

type DateParts = [year: number, month: string, day: string, hour: string, minute: string, second: string];

// Each form, and how its match groups map to date parts.
const FORMS: [RegExp, (groups: string[]) => DateParts][] = [
	[IMF_FIXDATE, ([day, month, year, h, m, s]) => [Number(year), month, day, h, m, s] as DateParts],
	[
		RFC_850,
		// RFC 9110 wants a two-digit year read as the nearest past century; a fixed pivot is close enough here.
		([day, month, year, h, m, s]) =>
			[Number(year) < 70 ? 2000 + Number(year) : 1900 + Number(year), month, day, h, m, s] as DateParts,
	],
	[
		ASCTIME,
		([month, day, h, m, s, year]) => [Number(year), month, (day as string).trim(), h, m, s] as DateParts,
	],
];

/** Epoch ms of a valid HTTP-date in any of its three forms, or undefined for anything else. */
export function parseHttpDate(value: string): number | undefined {
	const text = value.trim();
	for (const [pattern, parts] of FORMS) {
		const match = pattern.exec(text);
		if (!match) continue;
		const time = utc(...parts(match.slice(1)));
		return Number.isNaN(time) ? undefined : time;
	}
	return undefined;
}
