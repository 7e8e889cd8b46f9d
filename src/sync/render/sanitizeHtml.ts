// Article HTML allowlist (sanitize-html): safe for feed readers and email tools, every URL absolute.
import sanitize, { type IOptions } from "sanitize-html";
import { safeText } from "../../text/safeText.ts";
import { absoluteSrcset, absoluteUrl, type UrlBases } from "../shared/absoluteUrls.ts";

const ALLOWED_TAGS = [
	...["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "div", "span"],
	...["ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "img", "a"],
	...["table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"],
	...["em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "mark", "small"],
	...["abbr", "cite", "dfn", "q", "kbd", "samp", "var", "time"],
];

/** Attributes that hold URLs, per tag; the transform below makes them absolute before the scheme check. */
const URL_ATTRIBUTES = new Map<string, string[]>([
	["a", ["href"]],
	["img", ["src"]],
	["blockquote", ["cite"]],
	["q", ["cite"]],
]);

const OPTIONS: IOptions = {
	allowedTags: ALLOWED_TAGS,
	allowedAttributes: {
		a: ["href", "title"],
		img: ["src", "srcset", "alt", "title", "width", "height", "loading"],
		code: ["class"],
		th: ["colspan", "rowspan", "scope", "align"],
		td: ["colspan", "rowspan", "align"],
		ol: ["start", "reversed"],
		li: ["value"],
		abbr: ["title"],
		dfn: ["title"],
		time: ["datetime"],
		blockquote: ["cite"],
		q: ["cite"],
	},
	allowedClasses: { code: ["language-*"] },
	// No data: URLs, images included: email clients block them, they bloat every feed, and data:image/svg+xml
	// can carry script. javascript:, vbscript: and every other scheme fall outside this list too.
	allowedSchemes: ["http", "https", "mailto"],
	allowedSchemesByTag: { img: ["http", "https"] },
	allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
	allowProtocolRelative: false,
	// Dropped with their content, not just their tags.
	nonTextTags: [
		"script",
		"style",
		"textarea",
		"option",
		"noscript",
		"iframe",
		"object",
		"embed",
		"template",
		"svg",
		"math",
		"select",
	],
	disallowedTagsMode: "discard",
};

/** Sanitises rendered article HTML and makes every href, src, cite and srcset candidate absolute. */
export function sanitizeArticleHtml(html: string, bases: UrlBases): string {
	const clean = sanitize(html, {
		...OPTIONS,
		transformTags: {
			"*": (tagName, attribs) => ({ tagName, attribs: absoluteAttributes(tagName, attribs, bases) }),
		},
	});
	return safeText(clean);
}

function absoluteAttributes(
	tagName: string,
	attribs: Record<string, string>,
	bases: UrlBases,
): Record<string, string> {
	const out = { ...attribs };
	for (const name of URL_ATTRIBUTES.get(tagName) ?? []) {
		const value = out[name];
		if (value === undefined) continue;
		const url = absoluteUrl(value, bases);
		if (url === null) delete out[name];
		else out[name] = url;
	}
	if (tagName === "img" && out.srcset !== undefined) {
		const srcset = absoluteSrcset(out.srcset, bases);
		if (srcset === null) delete out.srcset;
		else out.srcset = srcset;
	}
	return out;
}
