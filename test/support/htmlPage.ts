// Reads a rendered HTML page back with a real parser (htmlparser2's DOM): its anchors, head links, headings and
// elements by class, with entities decoded, so page tests check structure rather than substrings.
import { findAll, type findOne, getAttributeValue, hasAttrib, textContent } from "domutils";
import { parseDocument } from "htmlparser2";

type Document = ReturnType<typeof parseDocument>;
type Element = NonNullable<ReturnType<typeof findOne>>;

export interface Anchor {
	href: string;
	text: string;
	rel?: string;
}

export interface HtmlPage {
	document: Document;
	/** Every element matching `test`, in document order; with `within`, only those inside elements of that class. */
	all(test: (element: Element) => boolean, within?: string): Element[];
	/** <a href> elements in document order, optionally only those inside elements with class `within`. */
	anchors(within?: string): Anchor[];
	/** <link> elements in the head: rel, href, type, title. */
	links(): Record<string, string>[];
	/** Text of every element named `name` (e.g. "h1"), whitespace collapsed. */
	texts(name: string): string[];
	/** Text of every element with class `name`, whitespace collapsed. */
	classTexts(name: string): string[];
}

const classes = (element: Element): string[] => (getAttributeValue(element, "class") ?? "").split(/\s+/);
const text = (element: Element): string => textContent(element).replace(/\s+/g, " ").trim();

export function readPage(html: string): HtmlPage {
	const document = parseDocument(html, { decodeEntities: true });
	const everywhere = (test: (element: Element) => boolean) => findAll(test, document.children);
	const all = (test: (element: Element) => boolean, within?: string) => {
		if (within === undefined) return everywhere(test);
		const seen = new Set<Element>();
		return everywhere((element) => classes(element).includes(within))
			.flatMap((root) => findAll(test, root.children))
			.filter((element) => {
				// Nested roots of the same class would list an element twice.
				if (seen.has(element)) return false;
				seen.add(element);
				return true;
			});
	};
	const anchorOf = (element: Element): Anchor => ({
		href: getAttributeValue(element, "href") ?? "",
		text: text(element),
		...(hasAttrib(element, "rel") ? { rel: getAttributeValue(element, "rel") } : {}),
	});
	return {
		document,
		all,
		anchors: (within) =>
			all((element) => element.name === "a" && hasAttrib(element, "href"), within).map(anchorOf),
		links: () => all((element) => element.name === "link").map((element) => ({ ...element.attribs })),
		texts: (name) => all((element) => element.name === name).map(text),
		classTexts: (name) => all((element) => classes(element).includes(name)).map(text),
	};
}
