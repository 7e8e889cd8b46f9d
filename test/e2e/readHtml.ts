// Reads HTML back with a real parser: an article's block texts (paragraphs, headings, captions), a page's <link>s.
import { Parser } from "htmlparser2";

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "li", "blockquote"]);

export function blockTexts(html: string): string[] {
	const blocks: string[] = [];
	let depth = 0;
	let current = "";
	const parser = new Parser(
		{
			onopentag(name) {
				if (BLOCKS.has(name) && depth++ === 0) current = "";
			},
			ontext(text) {
				if (depth > 0) current += text;
			},
			onclosetag(name) {
				if (BLOCKS.has(name) && --depth === 0) blocks.push(current.trim());
			},
		},
		{ decodeEntities: true },
	);
	parser.write(html);
	parser.end();
	return blocks;
}

/** Every <link> element's attributes, in document order. */
export function linkElements(html: string): Record<string, string>[] {
	const links: Record<string, string>[] = [];
	const parser = new Parser({
		onopentag(name, attributes) {
			if (name === "link") links.push(attributes);
		},
	});
	parser.write(html);
	parser.end();
	return links;
}

const DANGEROUS_ELEMENTS = new Set(["script", "style", "iframe", "object", "embed", "form", "input", "svg"]);
const URL_ATTRIBUTES = new Set(["href", "src", "srcset", "action", "formaction", "data", "poster", "cite"]);
const DANGEROUS_SCHEME = /^\s*(javascript|vbscript|data):/i;

/** What in `html` could run script or load active content in a reader or an email: elements, on* handlers, URLs. */
export function unsafeMarkup(html: string): string[] {
	const found: string[] = [];
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				if (DANGEROUS_ELEMENTS.has(name)) found.push(`<${name}>`);
				for (const [attribute, value] of Object.entries(attributes)) {
					if (attribute.startsWith("on")) found.push(`${name}[${attribute}]`);
					if (!URL_ATTRIBUTES.has(attribute)) continue;
					// srcset holds several URLs, each followed by an optional descriptor.
					const urls =
						attribute === "srcset"
							? value.split(",").map((part) => part.trim().split(/\s+/)[0] ?? "")
							: [value];
					for (const url of urls) if (DANGEROUS_SCHEME.test(url)) found.push(`${name}[${attribute}=${url}]`);
				}
			},
		},
		{ decodeEntities: true },
	);
	parser.write(html);
	parser.end();
	return found;
}

/** Every <a href> of a page, in document order. */
export function anchorHrefs(html: string): string[] {
	const hrefs: string[] = [];
	const parser = new Parser({
		onopentag(name, attributes) {
			if (name === "a" && attributes.href !== undefined) hrefs.push(attributes.href);
		},
	});
	parser.write(html);
	parser.end();
	return hrefs;
}
