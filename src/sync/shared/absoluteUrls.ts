// Makes URLs absolute against the site, because feed readers and email tools ignore xml:base.
import parseSrcset from "parse-srcset";

/** Resolves `ref` against the site base (a path is taken as under the base, as in an HTML page at the base). */
export function resolveUrl(ref: string, baseUrl: string): string | null {
	try {
		return new URL(ref, `${baseUrl}/`).href;
	} catch {
		return null;
	}
}

export interface UrlBases {
	/** The site's base URL, no trailing slash. */
	baseUrl: string;
	/** The article's own URL: a bare "#fragment" points into the article, not the site's home page. */
	pageUrl: string;
}

/** An href/src made absolute; absolute URLs of any scheme come back as they are (the sanitizer judges those). */
export function absoluteUrl(ref: string, bases: UrlBases): string | null {
	const trimmed = ref.trim();
	try {
		return new URL(trimmed, trimmed.startsWith("#") ? bases.pageUrl : `${bases.baseUrl}/`).href;
	} catch {
		return null;
	}
}

/** Every candidate of a srcset made absolute, parsed the way the sanitizer parses it; null if unparseable. */
export function absoluteSrcset(srcset: string, bases: UrlBases): string | null {
	let candidates: ReturnType<typeof parseSrcset>;
	try {
		candidates = parseSrcset(srcset);
	} catch {
		return null;
	}
	const parts: string[] = [];
	for (const candidate of candidates) {
		const url = absoluteUrl(candidate.url, bases);
		if (url === null) continue;
		const descriptor =
			candidate.w !== undefined
				? ` ${candidate.w}w`
				: candidate.d !== undefined
					? ` ${candidate.d}x`
					: candidate.h !== undefined
						? ` ${candidate.h}h`
						: "";
		parts.push(url + descriptor);
	}
	return parts.length > 0 ? parts.join(", ") : null;
}
