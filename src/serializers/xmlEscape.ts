// XML escaping for every serializer, in one place: element text, attribute values and CDATA sections.

const XML_SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes text for element content and for double-quoted attribute values alike (&, <, >, "). */
export function escapeXml(text: string): string {
	return text.replace(XML_SPECIAL, (char) => ENTITY[char] ?? char);
}

/** Wraps text in a CDATA section, splitting every `]]>` (not only the first) so none can end it early. */
export function cdata(text: string): string {
	// "]]>" becomes "]]" + end + start + ">": the reader joins the sections back into the same text.
	const body = text.includes("]]>") ? text.replaceAll("]]>", "]]]]><![CDATA[>") : text;
	return `<![CDATA[${body}]]>`;
}
