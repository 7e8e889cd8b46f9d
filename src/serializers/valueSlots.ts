// Opaque placeholders for feed values: the `feed` library lays out the document around them, then each is
// swapped for its value, escaped here by our own rules. See feedLibrary.ts for why.
import { cdata, escapeXml } from "./xmlEscape.ts";

// A placeholder survives everything `feed` and xml-js do to a value untouched: it has no &, <, >, " or ]]>,
// and in URL form `new URL(...).toString()` returns it unchanged ("~" is never percent-encoded). Nothing else
// in the library's output contains "~", so a placeholder can never be confused with the document around it.
const URL_BASE = "https://edgefeed.invalid/";
const PLACEHOLDER = /<!\[CDATA\[~(\d+)~\]\]>|https:\/\/edgefeed\.invalid\/~(\d+)~(?:\.~\d+~)?|~(\d+)~/g;

export class ValueSlots {
	#values: string[] = [];

	/** A placeholder for a value the library writes as text, an attribute, or inside CDATA. */
	text(value: string): string {
		return `~${this.#values.push(value) - 1}~`;
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

	/** Replaces every placeholder in the library's output: CDATA sections get their value with every `]]>`
	 * split, all other places get it fully escaped (valid both as element text and as an attribute value). */
	fill(skeleton: string): string {
		// Concatenation rather than String.replace: the long values (article HTML) are joined as ropes and
		// copied once, when the body is encoded, instead of once here and again there.
		let out = "";
		let from = 0;
		PLACEHOLDER.lastIndex = 0;
		for (let match = PLACEHOLDER.exec(skeleton); match; match = PLACEHOLDER.exec(skeleton)) {
			const [, inCdata, inUrl, bare] = match;
			out += skeleton.slice(from, match.index);
			out +=
				inCdata !== undefined ? cdata(this.#value(inCdata)) : escapeXml(this.#value(inUrl ?? bare ?? ""));
			from = PLACEHOLDER.lastIndex;
		}
		return out + skeleton.slice(from);
	}

	#value(index: string): string {
		const value = this.#values[Number(index)];
		if (value === undefined) throw new Error(`feed output has an unknown placeholder ~${index}~`);
		return value;
	}
}
