// Strict XML parsing for tests: saxes with namespaces on, into a small element tree the feed checkers walk.
import { SaxesParser } from "saxes";

export interface XmlElement {
	/** Qualified name as written, e.g. "atom:link". */
	name: string;
	local: string;
	/** Namespace URI, "" when none. */
	uri: string;
	/** Attributes by qualified name as written (namespace declarations left out). */
	attributes: Record<string, string>;
	/** Namespace URI of each namespaced attribute, by qualified name. */
	attributeUris: Record<string, string>;
	children: XmlElement[];
	/** Character data directly inside the element (text and CDATA, joined). */
	text: string;
	line: number;
}

/** Parses `xml` with saxes (namespaces on): throws on the first well-formedness or namespace error, such as a
 * forbidden character, an unescaped `<` in an attribute, a stray `]]>`, or a prefix with no declaration. */
export function parseXmlStrict(xml: string): XmlElement {
	const parser = new SaxesParser({ xmlns: true, position: true });
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let failure: Error | undefined;
	parser.on("error", (error) => {
		failure ??= error;
	});
	parser.on("opentag", (tag) => {
		const element: XmlElement = {
			name: tag.name,
			local: tag.local,
			uri: tag.uri,
			attributes: {},
			attributeUris: {},
			children: [],
			text: "",
			line: parser.line,
		};
		for (const attribute of Object.values(tag.attributes)) {
			if (attribute.prefix === "xmlns" || attribute.name === "xmlns") continue;
			element.attributes[attribute.name] = attribute.value;
			if (attribute.uri) element.attributeUris[attribute.name] = attribute.uri;
		}
		const parent = stack.at(-1);
		if (parent) parent.children.push(element);
		else root = element;
		stack.push(element);
	});
	const addText = (text: string) => {
		const current = stack.at(-1);
		if (current) current.text += text;
	};
	parser.on("text", addText);
	parser.on("cdata", addText);
	parser.on("closetag", () => {
		stack.pop();
	});
	parser.write(xml).close();
	if (failure) throw failure;
	if (!root) throw new Error("no root element");
	return root;
}

/** Direct children with this namespace URI and local name. */
export function childrenNamed(element: XmlElement, uri: string, local: string): XmlElement[] {
	return element.children.filter((child) => child.uri === uri && child.local === local);
}

/** The first direct child with this namespace URI and local name. */
export function childNamed(element: XmlElement, uri: string, local: string): XmlElement | undefined {
	return element.children.find((child) => child.uri === uri && child.local === local);
}

/** A checker's start: the root element when `xml` is well-formed and its root is `local` in namespace `uri`
 * (shown in the message as `shown`), else the one message the checker returns. */
export function documentRoot(xml: string, uri: string, local: string, shown: string): XmlElement | string {
	let root: XmlElement;
	try {
		root = parseXmlStrict(xml);
	} catch (error) {
		return `not well-formed XML: ${(error as Error).message}`;
	}
	if (root.uri !== uri || root.local !== local) return `root element must be ${shown}, found <${root.name}>`;
	return root;
}
