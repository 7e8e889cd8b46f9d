// The default summary: the first paragraph of the rendered article, as plain text.
import { DomUtils, parseDocument } from "htmlparser2";

/** Text of the first <p> that has any, entities decoded and whitespace collapsed; "" when there is none. */
export function firstParagraphText(html: string): string {
	for (const paragraph of DomUtils.findAll((element) => element.name === "p", parseDocument(html).children)) {
		const text = DomUtils.textContent(paragraph).replace(/\s+/g, " ").trim();
		if (text !== "") return text;
	}
	return "";
}
