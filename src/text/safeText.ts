// Text safety for every format, in one place: NFC, no lone surrogates, no characters XML 1.0 forbids.

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Lone surrogates are
// replaced first (by U+FFFD), so what remains to strip is C0 controls, U+FFFE and U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Makes any string safe to place in XML or JSON and normalises it to NFC. Idempotent. */
export function safeText(text: string): string {
	// isWellFormed is a native scan: the common, clean case costs no regex and no copy.
	const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
	return wellFormed.replace(XML_FORBIDDEN, "").normalize("NFC");
}

// Embedding and override controls (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI) can make a title display as
// different text from what it is. Marks (LRM, RLM) stay: they only nudge neutral characters.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Removes bidi embedding, override and isolate controls, for titles and names. */
export function withoutBidiControls(text: string): string {
	return text.replace(BIDI_CONTROLS, "");
}
