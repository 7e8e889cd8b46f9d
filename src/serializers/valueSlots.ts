// Opaque placeholders for feed values: the `feed` library lays out a document around them once, as a template,
// and each render fills the template's holes with values escaped by our own rules. See feedLibrary.ts for why.
import { cdata, escapeXml } from "./xmlEscape.ts";

// A placeholder survives everything `feed` and xml-js do to a value untouched: it has no &, <, >, " or ]]>,
// and in URL form `new URL(...).toString()` returns it unchanged ("~" is never percent-encoded). Nothing else
// in the library's output contains "~", so a placeholder can never be confused with the document around it.
const URL_BASE = "https://x.invalid/";
const PLACEHOLDER = /<!\[CDATA\[~(\d+)~\]\]>|https:\/\/x\.invalid\/~(\d+)~(?:\.~\d+~)?|~(\d+)~/g;

/** Collects the values of one document (or one item) and hands out a placeholder for each, numbered in order:
 * the same code describing two items of the same shape hands out the same placeholders. */
export class ValueSlots {
	readonly values: string[] = [];
	readonly #formatDate: (date: Date) => string;

	/** `formatDate` is how the library will format dates (`toUTCString` for RSS, `toISOString` for Atom). */
	constructor(formatDate: (date: Date) => string) {
		this.#formatDate = formatDate;
	}

	/** A placeholder for a value the library writes as text, an attribute, or inside CDATA. */
	text(value: string): string {
		return `~${this.values.push(value) - 1}~`;
	}

	/** A placeholder that parses as an absolute URL, for the fields the library runs through `new URL()`. */
	url(value: string): string {
		return `${URL_BASE}${this.text(value)}`;
	}

	/** A URL placeholder whose "file extension" is a placeholder for `subtype`: the library builds an
	 * enclosure's type as `image/<extension of the URL>`, so this makes it write `image/<subtype>`. */
	enclosureUrl(value: string, subtype: string): string {
		return `${this.url(value)}.${this.text(subtype)}`;
	}

	/** A stand-in for a Date: the library formats dates itself, and this makes the formatted date (from our
	 * epoch milliseconds, never "now") a placeholder like any other value. */
	date(epochMs: number): Date {
		const placeholder = this.text(this.#formatDate(new Date(epochMs)));
		// toJSON too, so a channel's JSON (its template key) shows the date's placeholder like any other.
		return {
			toUTCString: () => placeholder,
			toISOString: () => placeholder,
			toJSON: () => placeholder,
		} as unknown as Date;
	}
}

/** The values of one item in the order its description hands out placeholders, without the placeholders: what
 * fills a template already cut for the item's shape. Reused from item to item (`clear`), so a render allocates
 * nothing per item for it. */
export class ValueList {
	readonly values: string[] = [];
	readonly #formatDate: (date: Date) => string;

	/** `formatDate` as for ValueSlots: the library's own date format. */
	constructor(formatDate: (date: Date) => string) {
		this.#formatDate = formatDate;
	}

	clear(): void {
		this.values.length = 0;
	}

	/** A value where the description hands out `text` or `url` (an enclosure URL is two values: URL, subtype). */
	add(value: string): void {
		this.values.push(value);
	}

	/** A value where the description hands out `date`. */
	date(epochMs: number): void {
		this.values.push(this.#formatDate(new Date(epochMs)));
	}
}

/** A document split at its placeholders: literal markup, then a hole, then markup, and so on. */
export interface Template {
	/** One more than `holes`: the markup before, between and after them. */
	markup: string[];
	holes: { slot: number; inCdata: boolean }[];
}

/** Splits the library's output at its placeholders, noting for each whether it is a whole CDATA section. */
export function compileTemplate(skeleton: string): Template {
	const template: Template = { markup: [], holes: [] };
	let from = 0;
	PLACEHOLDER.lastIndex = 0;
	for (let match = PLACEHOLDER.exec(skeleton); match; match = PLACEHOLDER.exec(skeleton)) {
		const [, inCdata, inUrl, bare] = match;
		template.markup.push(skeleton.slice(from, match.index));
		template.holes.push({ slot: Number(inCdata ?? inUrl ?? bare), inCdata: inCdata !== undefined });
		from = PLACEHOLDER.lastIndex;
	}
	template.markup.push(skeleton.slice(from));
	return template;
}

/** The template with its holes filled: a CDATA hole gets the value with every `]]>` split, any other hole the
 * value fully escaped (valid both as element text and as an attribute value). */
export function fillTemplate(template: Template, values: readonly string[]): string {
	// Concatenation (ropes) rather than a join: the long values (article HTML) are copied once, when the body
	// is encoded, instead of once here and again there.
	let out = template.markup[0] ?? "";
	for (let i = 0; i < template.holes.length; i++) {
		const hole = template.holes[i] as Template["holes"][number];
		const value = values[hole.slot];
		if (value === undefined) throw new Error(`feed output has an unknown placeholder ~${hole.slot}~`);
		out += hole.inCdata ? cdata(value) : escapeXml(value);
		out += template.markup[i + 1];
	}
	return out;
}
