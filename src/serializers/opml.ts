// OPML 2.0 (http://opml.org/spec2.opml): every feed of the site as one subscription list readers import at once.
import type { FeedFormat } from "../domain/model.ts";
import { formatHttpDate } from "../text/httpDate.ts";
import type { FeedLinks } from "../urls/urlScheme.ts";
import { escapeXml } from "./xmlEscape.ts";

export interface OpmlFeedSet {
	/** The feeds' title, e.g. "Tin tức Nghệ An — Xã hội". */
	title: string;
	links: FeedLinks;
}

export interface OpmlGroup {
	/** The outline's text, e.g. "Chủ đề". */
	text: string;
	feeds: readonly OpmlFeedSet[];
}

export interface OpmlModel {
	title: string;
	/** BCP 47, written on every feed outline. */
	language: string;
	ownerName: string;
	ownerEmail?: string;
	/** Epoch ms: the newest change to what the list shows. */
	dateModified: number;
	groups: readonly OpmlGroup[];
}

const FORMATS: readonly { format: FeedFormat; label: string; version?: string }[] = [
	{ format: "rss", label: "RSS", version: "RSS2" },
	{ format: "atom", label: "Atom" },
	{ format: "json", label: "JSON Feed" },
];

const attributes = (values: Record<string, string | undefined>): string =>
	Object.entries(values)
		.filter(([, value]) => value !== undefined)
		.map(([name, value]) => ` ${name}="${escapeXml(value as string)}"`)
		.join("");

// Each scope is an outline holding one subscribable outline per format: OPML's type="rss" is what readers import
// any feed by (JSON Feed included); version names the RSS flavour and is left out for the others.
function feedSet(set: OpmlFeedSet, language: string): string {
	const feeds = FORMATS.map(({ format, label, version }) => {
		const text = `${set.title} (${label})`;
		return `        <outline${attributes({ type: "rss", text, title: text, xmlUrl: set.links[format], htmlUrl: set.links.html, language, version })}/>`;
	});
	return `      <outline${attributes({ text: set.title, title: set.title })}>\n${feeds.join("\n")}\n      </outline>`;
}

/** The list as OPML 2.0. The same model always gives the same bytes. */
export function renderOpml(model: OpmlModel): string {
	const head = [
		`    <title>${escapeXml(model.title)}</title>`,
		`    <dateModified>${formatHttpDate(model.dateModified)}</dateModified>`,
		`    <ownerName>${escapeXml(model.ownerName)}</ownerName>`,
		...(model.ownerEmail ? [`    <ownerEmail>${escapeXml(model.ownerEmail)}</ownerEmail>`] : []),
		"    <docs>http://opml.org/spec2.opml</docs>",
	];
	const groups = model.groups
		.filter((group) => group.feeds.length > 0)
		.map(
			(group) =>
				`    <outline${attributes({ text: group.text, title: group.text })}>\n${group.feeds.map((set) => feedSet(set, model.language)).join("\n")}\n    </outline>`,
		);
	return `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n  <head>\n${head.join("\n")}\n  </head>\n  <body>\n${groups.join("\n")}\n  </body>\n</opml>\n`;
}
