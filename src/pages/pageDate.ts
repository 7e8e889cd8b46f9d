// Dates as pages show them: in the site's language and time zone, the same bytes on every render.
import type { SiteSettings } from "../store/kvLayout.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(site: SiteSettings): Intl.DateTimeFormat {
	const key = `${site.language} ${site.timeZone}`;
	let format = formatters.get(key);
	if (!format) {
		const options: Intl.DateTimeFormatOptions = { dateStyle: "long", timeStyle: "short" };
		try {
			format = new Intl.DateTimeFormat(site.language, { ...options, timeZone: site.timeZone });
		} catch {
			// Sync validates the zone; a page must render even if an old manifest slipped one through.
			format = new Intl.DateTimeFormat("en", { ...options, timeZone: "UTC" });
		}
		formatters.set(key, format);
	}
	return format;
}

/** A record's RFC 3339 date for display; the raw value if it does not parse. */
export function formatPageDate(site: SiteSettings, rfc3339: string): string {
	const time = Date.parse(rfc3339);
	return Number.isNaN(time) ? rfc3339 : formatter(site).format(time);
}
