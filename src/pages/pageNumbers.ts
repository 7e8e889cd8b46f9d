// Counts and page numbers as pages show them, grouped in the site's language (Vietnamese: 12.345).
import type { SiteSettings } from "../domain/model.ts";

/** Writes whole numbers for one render; built per render, so no formatter outlives the page it writes. */
export type CountFormat = (count: number) => string;

export function countFormat(site: SiteSettings): CountFormat {
	let format: Intl.NumberFormat;
	try {
		format = new Intl.NumberFormat(site.language, { maximumFractionDigits: 0 });
	} catch {
		// Sync validates the language; a page must render even if an old manifest slipped one through.
		format = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
	}
	return (count) => format.format(count);
}
