// The one module that drives the `feed` library (RSS 2.0 and Atom 1.0), so none of its defects reach our output.
//
// Why placeholders: `feed` and its writer, xml-js, escape values wrongly. Attributes get only `"` escaped (a `<`
// in an Atom category label makes the feed ill-formed), text first turns "&amp;" back into "&" (so literal
// "&amp;" is lost), and CDATA splits only the first "]]>". Pre-compensating each input would tie us to those
// exact bugs, and a post-pass that re-parses the output costs a parse per render. Instead every value we give
// the library is an opaque placeholder (valueSlots.ts): the library lays out elements, order and dates, and
// then each placeholder is replaced by its value escaped by xmlEscape.ts. The library's output holds no
// content of ours before that step, so the few structural fixes below are edits of its own fixed markup
// and cannot be fooled by content.
//
// The other defects are handled where the values are chosen (rss.ts, atom.ts): lastBuildDate/updated and every
// item date are always passed (the library would default to "now"); bare-name RSS <author> is never asked for
// (authors without email become dc:creator); JSON Feed 1.0 is never used (jsonFeed.ts writes 1.1).
// XML-forbidden characters never get here: buildFeedModel passes every string through safeText.
import { type Extension, Feed, type FeedOptions, type Item } from "feed";
import { ValueSlots } from "./valueSlots.ts";

export type { Extension, FeedOptions, Item };

/** What to hand the library: feed options and items, with every value a placeholder from `slots`. */
export interface LibraryFeed {
	options: FeedOptions;
	items: Item[];
}

/** The <generator> of RSS and Atom. */
export const GENERATOR = "edgefeed";

export const NAMESPACES = {
	atom: "http://www.w3.org/2005/Atom",
	content: "http://purl.org/rss/1.0/modules/content/",
	dc: "http://purl.org/dc/elements/1.1/",
	media: "http://search.yahoo.com/mrss/",
} as const;

// The library declares content/dc only when some item has content and atom only with a self link, and never
// media; we replace its root tag with one declaring every namespace the RSS serializer may use.
const RSS_ROOT = `<rss version="2.0" xmlns:atom="${NAMESPACES.atom}" xmlns:content="${NAMESPACES.content}" xmlns:dc="${NAMESPACES.dc}" xmlns:media="${NAMESPACES.media}">`;

function runLibrary(feed: LibraryFeed): Feed {
	const library = new Feed(feed.options);
	for (const item of feed.items) library.addItem(item);
	return library;
}

/** RSS 2.0 from the library, with every namespace declared and every value escaped by our rules. */
export function renderRssWithLibrary(describe: (slots: ValueSlots) => LibraryFeed): string {
	const slots = new ValueSlots();
	const skeleton = runLibrary(describe(slots)).rss2();
	return slots.fill(skeleton.replace(/<rss [^>]*>/, RSS_ROOT));
}

/** Atom 1.0 from the library, plus what it cannot express: xml:lang, link types, rel="alternate" on entry
 * links, and plain-text titles and summaries (it marks them type="html"; ours are plain text). */
export function renderAtomWithLibrary(
	describe: (slots: ValueSlots) => LibraryFeed & { language: string },
): string {
	const slots = new ValueSlots();
	const feed = describe(slots);
	const skeleton = runLibrary(feed).atom1();
	const fixed = skeleton
		.replace(
			`<feed xmlns="${NAMESPACES.atom}">`,
			`<feed xmlns="${NAMESPACES.atom}" xml:lang="${feed.language}">`,
		)
		.replace('<link rel="alternate" href=', '<link rel="alternate" type="text/html" href=')
		.replace('<link rel="self" href=', '<link rel="self" type="application/atom+xml" href=')
		.replaceAll("<link href=", '<link rel="alternate" type="text/html" href=')
		.replaceAll('<title type="html">', '<title type="text">')
		.replaceAll('<summary type="html">', '<summary type="text">');
	return slots.fill(fixed);
}
