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
