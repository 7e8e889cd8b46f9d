// Dates as pages show them: in the site's language and time zone, the same bytes on every render. A date written
// without a time (2023-08-15) shows as a date alone, never with the midnight sync chose for it.
import { html } from "hono/html";
import type { SiteSettings } from "../domain/model.ts";
import { type Html, sync } from "./pageLayout.ts";

/** Writes page dates, building each language and zone's formatter once: the view runtime owns one per app. */
export interface PageDates {
	/** A record's RFC 3339 date for display; the raw value if it does not parse. */
	format(site: SiteSettings, rfc3339: string, dateOnly?: boolean): string;
	/** A <time> element; a date-only value's machine-readable form is the date alone (its local day, as written). */
	time(site: SiteSettings, rfc3339: string, dateOnly?: boolean): Html;
}

export function createPageDates(): PageDates {
	const formatters = new Map<string, Intl.DateTimeFormat>();

	function formatter(site: SiteSettings, dateOnly: boolean): Intl.DateTimeFormat {
		const key = `${site.language} ${site.timeZone} ${dateOnly}`;
		let format = formatters.get(key);
		if (!format) {
			const options: Intl.DateTimeFormatOptions = dateOnly
				? { dateStyle: "long" }
				: { dateStyle: "long", timeStyle: "short" };
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

	const format = (site: SiteSettings, rfc3339: string, dateOnly = false): string => {
		const time = Date.parse(rfc3339);
		return Number.isNaN(time) ? rfc3339 : formatter(site, dateOnly).format(time);
	};
	return {
		format,
		time(site, rfc3339, dateOnly = false) {
			const machine = dateOnly ? rfc3339.slice(0, 10) : rfc3339;
			return sync(html`<time datetime="${machine}">${format(site, rfc3339, dateOnly)}</time>`);
		},
	};
}
