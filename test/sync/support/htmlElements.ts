// Parses HTML (htmlparser2, as a browser-like tokenizer would) into a flat list of elements for assertions.
import { DomUtils, parseDocument } from "htmlparser2";

export interface HtmlElement {
	name: string;
	attribs: Record<string, string>;
	text: string;
}

export function htmlElements(html: string): HtmlElement[] {
	return DomUtils.findAll(() => true, parseDocument(html).children).map((element) => ({
		name: element.name,
		attribs: { ...element.attribs },
		text: DomUtils.textContent(element),
	}));
}

/** Every URL-bearing attribute value, srcset split into its candidate URLs. */
export function htmlUrls(html: string): string[] {
	const urls: string[] = [];
	for (const element of htmlElements(html)) {
		for (const [name, value] of Object.entries(element.attribs)) {
			if (["href", "src", "cite", "action", "formaction", "poster", "background"].includes(name))
				urls.push(value);
			if (name === "srcset")
				urls.push(...value.split(/,\s+/).map((candidate) => candidate.trim().split(/\s+/)[0] ?? ""));
		}
	}
	return urls;
}
