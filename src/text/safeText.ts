// Text safety for every format, in one place: NFC, no lone surrogates, no characters XML 1.0 forbids.

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Surrogates are handled
// first (lone ones become U+FFFD), so what remains to strip is C0 controls, U+FFFE and U+FFFF.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Makes any string safe to place in XML or JSON and normalises it to NFC. Idempotent. */
export function safeText(text: string): string {
	return text.replace(LONE_SURROGATE, "\uFFFD").replace(XML_FORBIDDEN, "").normalize("NFC");
}
