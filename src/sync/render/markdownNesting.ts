// How deeply a Markdown body nests lists and block quotes, measured before rendering: marked's time and memory
// grow steeply with depth (a list 3,000 levels deep exhausts the heap), so a body nested past the limit is refused.

/** Deeper than any real article; marked renders this depth in well under a second. */
export const MAX_NESTING = 64;

/** Leading block quote markers, list markers and indentation of one line. */
const CONTAINER_PREFIX = /^(?:[ \t]|>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))*/;

/**
 * The deepest line: each `>` and list marker at the start of a line opens a level, and so does every two columns
 * of indentation (a nested list item is indented at least two columns past its parent). Over-counts indented
 * code, which only makes the limit stricter for lines indented over 128 columns.
 */
export function deepestNesting(markdown: string): { depth: number; line: number } {
	let deepest = { depth: 0, line: 0 };
	const lines = markdown.split("\n");
	for (const [index, text] of lines.entries()) {
		const prefix = CONTAINER_PREFIX.exec(text)?.[0] ?? "";
		if (prefix.length < 2) continue;
		let depth = 0;
		let columns = 0;
		for (const char of prefix) {
			if (char === " ") columns += 1;
			else if (char === "\t") columns += 4;
			else if (char === ">" || char === "-" || char === "*" || char === "+" || char === "." || char === ")")
				depth += 1;
		}
		depth += Math.floor(columns / 2);
		if (depth > deepest.depth) deepest = { depth, line: index + 1 };
	}
	return deepest;
}
