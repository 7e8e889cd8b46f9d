// XML escaping for every serializer, in one place: element text, attribute values and CDATA sections.

// Tab, newline and carriage return are written as character references too: an XML parser turns them into
// spaces inside attribute values (and a carriage return into a newline in text), so only references keep
// them as written.
const XML_SPECIAL = /[&<>"\t\n\r]/g;
const NEEDS_ESCAPE = /[&<>"\t\n\r]/;
const ENTITY: Record<string, string> = {
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	'"': "&quot;",
	"\t": "&#9;",
	"\n": "&#10;",
	"\r": "&#13;",
};

/** Escapes text for element content and for double-quoted attribute values alike: it reads back unchanged. */
export function escapeXml(text: string): string {
	// Most values need nothing: testing first skips building a copy of them.
	return NEEDS_ESCAPE.test(text) ? text.replace(XML_SPECIAL, (char) => ENTITY[char] ?? char) : text;
}

const CDATA_SPECIAL = /\]\]>|\r/g;

/** Wraps text in a CDATA section, splitting every `]]>` (not only the first) so none can end it early. */
export function cdata(text: string): string {
	// "]]>" becomes "]]" + end + start + ">", and a carriage return (which a parser would read as a newline) is
	// written between two sections as a reference: the reader joins the pieces back into the same text.
	const body =
		text.includes("]]>") || text.includes("\r")
			? text.replace(CDATA_SPECIAL, (found) => (found === "\r" ? "]]>&#13;<![CDATA[" : "]]]]><![CDATA[>"))
			: text;
	return `<![CDATA[${body}]]>`;
}
