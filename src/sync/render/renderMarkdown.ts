// Markdown -> HTML with marked (GFM). Raw HTML in the source passes through here; sanitizeHtml.ts judges it.
import { Marked } from "marked";

const marked = new Marked({ gfm: true, async: false });

export function renderMarkdown(markdown: string): string {
	return marked.parse(markdown, { async: false });
}
