// Value rules the feed checkers share: dates, URIs, MIME types, email addresses and language tags, as the
// W3C feed validator and the specs define them.

// RFC 822/2822 as the W3C validator accepts it: optional day of week, 4-digit year, seconds optional.
const RFC822 =
	/^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d\d?) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d\d):(\d\d)(?::(\d\d))? (?:[+-]\d\d[03]0|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function isRealDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An RFC 822 date-time with a real calendar date and, when given, the right day of the week. */
export function isRfc822Date(value: string): boolean {
	const match = RFC822.exec(value);
	if (!match) return false;
	const [, dow, day, monthName, year, hour, minute, second] = match;
	const month = MONTHS.indexOf(monthName ?? "") + 1;
	if (!isRealDate(Number(year), month, Number(day))) return false;
	if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return false;
	if (dow && DAYS[new Date(Date.UTC(Number(year), month - 1, Number(day))).getUTCDay()] !== dow) return false;
	return true;
}

const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:Z|[+-](\d\d):(\d\d))$/;

/** An RFC 3339 date-time (Atom dates, JSON Feed dates): full date, time with seconds, and an offset. */
export function isRfc3339Date(value: string): boolean {
	const match = RFC3339.exec(value);
	if (!match) return false;
	const [, year, month, day, hour, minute, second, offsetHour, offsetMinute] = match;
	if (!isRealDate(Number(year), Number(month), Number(day))) return false;
	if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return false;
	if (offsetHour !== undefined && (Number(offsetHour) > 23 || Number(offsetMinute) > 59)) return false;
	return true;
}

// RFC 2396 absolute URI in ASCII, as the W3C validator's rfc2396_full checks RSS links, guids and enclosures.
const ABSOLUTE_URI = /^[a-zA-Z][0-9a-zA-Z+\-.]*:(\/\/)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#[\]]+$/;

/** An absolute URI in ASCII; http(s) ones must also name a host. What RSS requires of its URLs. */
export function isAbsoluteUri(value: string): boolean {
	if (!ABSOLUTE_URI.test(value) || !URL.canParse(value)) return false;
	const scheme = value.slice(0, value.indexOf(":")).toLowerCase();
	if (scheme === "http" || scheme === "https")
		return /^https?:\/\/[^/]/i.test(value) && new URL(value).host !== "";
	return true;
}

/** An absolute http(s) URL in ASCII. */
export function isHttpUrl(value: string): boolean {
	return /^https?:/i.test(value) && isAbsoluteUri(value);
}

/** An absolute IRI (RFC 3987): a scheme and something that parses; non-ASCII allowed, no spaces or controls. */
export function isAbsoluteIri(value: string): boolean {
	if (!/^[a-zA-Z][0-9a-zA-Z+\-.]*:/.test(value)) return false;
	// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters make an IRI invalid.
	if (/[\s\u0000-\u001F\u007F<>"{}|\\^`]/.test(value)) return false;
	return URL.canParse(value);
}

// RFC 2045 type/subtype with optional parameters, as the W3C validator's mime_re.
const MIME =
	/^[^\s()<>,;:\\"/[\]?=]+\/[^\s()<>,;:\\"/[\]?=]+(\s*;\s*[^\s()<>,;:\\"/[\]?=]+=("(\\"|[^"])*"|[^\s()<>,;:\\"/[\]?=]+))*$/;

export function isMimeType(value: string): boolean {
	return MIME.test(value);
}

// The W3C validator's addr_spec: local part, @, a dotted domain.
const EMAIL =
	/^[A-Z0-9_\-+.']+@(([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([A-Z0-9-]+\.)+))([A-Z0-9][-A-Z0-9]*)$/i;

export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

/** A BCP 47 language tag in its common shape: a 2–3 letter primary language, then subtags. */
export function isLanguageTag(value: string): boolean {
	return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(value);
}
