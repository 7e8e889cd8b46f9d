// The one module that drives the `feed` library (RSS 2.0 and Atom 1.0), so none of its defects reach our output.
//
// Why placeholders: `feed` and its writer, xml-js, escape values wrongly. Attributes get only `"` escaped (a `<`
// in an Atom category label makes the feed ill-formed), text first turns "&amp;" back into "&" (so literal
// "&amp;" is lost), and CDATA splits only the first "]]>". Pre-compensating each input would tie us to those
// exact bugs, and a post-pass that re-parses the output costs a parse per render. Instead every value we give
// the library, dates included, is an opaque placeholder (valueSlots.ts): the library lays out elements and
// their order, and each placeholder is then replaced by its value escaped by xmlEscape.ts. The library's output
// holds no content of ours before that step, so the few structural fixes below are edits of its own fixed
// markup and cannot be fooled by content.
//
// Why templates: with values out of the way, the library's output depends only on a document's shape (which
// fields are present, how many tags and authors an item has). So the library lays out each channel shape and
// each item shape once, the layout is kept as a template, and a render only fills templates. That keeps the
// library's cost (about 0.3 ms per 20 items) off every render. A template is cut from the library's own output
// and used only if that output is exactly the channel plus the cut item; otherwise we render the whole document
// through the library, so the bytes are the library's either way. Item templates are keyed by a shape signature
// the document computes straight from the record, and filled from the record's values in placeholder order; the
// library (and the check that those values are the ones its description placed) runs only for a new shape.
//
// The other defects are handled where the values are chosen (rss.ts, atom.ts): bare-name RSS <author> is never
// asked for (authors without email become dc:creator); JSON Feed 1.0 is never used (jsonFeed.ts writes 1.1).
// XML-forbidden characters never get here: buildFeedModel passes every string through safeText.
import { type Extension, Feed, type FeedOptions, type Item } from "feed";
import { compileTemplate, fillTemplate, type Template, ValueList, ValueSlots } from "./valueSlots.ts";

export type { Extension, FeedOptions, Item, ValueList, ValueSlots };

/** The <generator> of RSS and Atom. */
export const GENERATOR = "edgefeed";

export const NAMESPACES = {
	atom: "http://www.w3.org/2005/Atom",
	content: "http://purl.org/rss/1.0/modules/content/",
	dc: "http://purl.org/dc/elements/1.1/",
	media: "http://search.yahoo.com/mrss/",
} as const;

/** The feed-level part of a document: library options, plus for Atom the language (a placeholder). */
export interface LibraryChannel {
	options: FeedOptions;
	language?: string;
}

/** A document to render: how to describe its channel and each of its records, with every value a placeholder
 * from the given slots. Describing must hand out placeholders in the same order for records of the same shape. */
export interface LibraryDocument<R> {
	channel(slots: ValueSlots): LibraryChannel;
	item(slots: ValueSlots, record: R): Item;
	/** The record's shape, cheaply: records with equal shapes must take the same branches in `item` and in
	 * `itemValues` (so it names every condition either tests). Never "". */
	itemShape(record: R): string;
	/** The values `item` gives placeholders for, in the same order, without describing the item: what fills the
	 * template of a shape already seen. */
	itemValues(values: ValueList, record: R): void;
	/** Elements the library cannot write in this format (Atom entries take no extensions), placed by the adapter
	 * at the end of the item; their placeholders come after `item`'s, and `itemValues` lists them likewise. */
	itemExtensions?(slots: ValueSlots, record: R): Extension[];
	records: readonly R[];
}

interface Format {
	render(feed: Feed): string;
	formatDate(date: Date): string;
	/** The tag each item starts with. */
	open: string;
	close: string;
	/** Fixes to the library's feed-level markup. */
	fixChannel(skeleton: string, channel: LibraryChannel): string;
	/** Fixes to the library's item markup. */
	fixItem(skeleton: string): string;
}

// The library declares content/dc only when some item has content and atom only with a self link, and never
// media; we replace its root tag with one declaring every namespace the RSS serializer may use.
const RSS_ROOT = `<rss version="2.0" xmlns:atom="${NAMESPACES.atom}" xmlns:content="${NAMESPACES.content}" xmlns:dc="${NAMESPACES.dc}" xmlns:media="${NAMESPACES.media}">`;

const RSS: Format = {
	render: (feed) => feed.rss2(),
	formatDate: (date) => date.toUTCString(),
	open: "<item>",
	close: "</item>",
	fixChannel: (skeleton) => skeleton.replace(/<rss [^>]*>/, RSS_ROOT),
	fixItem: (skeleton) => skeleton,
};

// What Atom needs that the library cannot express: the Media RSS namespace, xml:lang, link types, rel="alternate" on entry links, and
// plain-text titles and summaries (it marks them type="html"; ours are plain text).
const ATOM: Format = {
	render: (feed) => feed.atom1(),
	formatDate: (date) => date.toISOString(),
	open: "<entry>",
	close: "</entry>",
	fixChannel: (skeleton, channel) =>
		skeleton
			.replace(
				`<feed xmlns="${NAMESPACES.atom}">`,
				`<feed xmlns="${NAMESPACES.atom}" xmlns:media="${NAMESPACES.media}" xml:lang="${channel.language ?? ""}">`,
			)
			.replace('<link rel="alternate" href=', '<link rel="alternate" type="text/html" href=')
			.replace('<link rel="self" href=', '<link rel="self" type="application/atom+xml" href='),
	fixItem: (skeleton) =>
		skeleton
			.replaceAll("<link href=", '<link rel="alternate" type="text/html" href=')
			.replaceAll('<title type="html">', '<title type="text">')
			.replaceAll('<summary type="html">', '<summary type="text">'),
};

const INDENT = "    ";

/** One element in xml-js's compact form (`_attributes`, `_text`, children by name), as the library writes its
 * own; every value in it is a placeholder, so nothing here needs escaping. */
function elementMarkup(name: string, objects: Record<string, unknown>, indent: string): string {
	const {
		_attributes: attributes,
		_text: text,
		...children
	} = objects as {
		_attributes?: Record<string, string>;
		_text?: string;
	} & Record<string, Record<string, unknown>>;
	let open = `${indent}<${name}`;
	for (const [key, value] of Object.entries(attributes ?? {})) open += ` ${key}="${value}"`;
	const inner = Object.entries(children).map(([child, value]) =>
		elementMarkup(child, value, indent + INDENT),
	);
	if (inner.length > 0) return `${open}>\n${inner.join("\n")}\n${indent}</${name}>`;
	return text === undefined ? `${open}/>` : `${open}>${text}</${name}>`;
}

/** An item's markup with the extensions placed on their own lines before its closing tag, indented like its
 * other children. */
function withExtensions(item: string, close: string, extensions: readonly Extension[]): string {
	if (extensions.length === 0) return item;
	const at = item.lastIndexOf(close);
	const lineBreak = item.lastIndexOf("\n", at);
	const indent = item.slice(lineBreak + 1, at) + INDENT;
	const markup = extensions.map((extension) => elementMarkup(extension.name, extension.objects, indent));
	return `${item.slice(0, lineBreak)}\n${markup.join("\n")}${item.slice(lineBreak)}`;
}

function runLibrary(format: Format, options: FeedOptions, items: readonly Item[]): string {
	const feed = new Feed(options);
	for (const item of items) feed.addItem(item);
	return format.render(feed);
}

interface FormatTemplates {
	format: Format;
	channels: Map<string, { head: Template; tail: Template }>;
	items: Map<string, Template>;
	/** What follows the items in every channel's output (items go right before it); learnt with the first
	 * item template. */
	itemTail?: string;
}

// Shapes are few (how many tags and authors, which optional fields), so the memo stays small; the cap only
// guards against a pathological collection.
const MAX_TEMPLATES = 2000;
const TEMPLATES = {
	rss: { format: RSS, channels: new Map(), items: new Map() } as FormatTemplates,
	atom: { format: ATOM, channels: new Map(), items: new Map() } as FormatTemplates,
};

function remember<V>(map: Map<string, V>, key: string, value: V): V {
	if (map.size >= MAX_TEMPLATES) map.clear();
	map.set(key, value);
	return value;
}

// The channel an item template is cut from: any valid options do, the item's markup does not depend on them.
const CUTTING_CHANNEL: LibraryChannel = {
	options: { id: "x", title: "x", link: "https://edgefeed.invalid/", updated: new Date(0) },
	language: "x",
};

/** The template of one item shape, cut from the library's output for a one-item feed; undefined when that
 * output is not exactly the empty feed with the item spliced in. */
function itemTemplate(
	templates: FormatTemplates,
	key: string,
	item: Item,
	extensions: readonly Extension[] = [],
): Template | undefined {
	const known = templates.items.get(key);
	if (known) return known;
	const { format } = templates;
	const empty = runLibrary(format, CUTTING_CHANNEL.options, []);
	const single = runLibrary(format, CUTTING_CHANNEL.options, [item]);
	// The item starts at the line break before its opening tag (its indentation belongs to it).
	const start = single.lastIndexOf("\n", single.indexOf(format.open));
	const end = single.lastIndexOf(format.close) + format.close.length;
	if (start < 0 || end < start) return undefined;
	const tail = single.slice(end);
	// Compared with our fixes applied: the library declares RSS namespaces only once an item needs them.
	const fixedEmpty = format.fixChannel(empty, CUTTING_CHANNEL);
	if (format.fixChannel(single.slice(0, start), CUTTING_CHANNEL) + tail !== fixedEmpty) return undefined;
	if (templates.itemTail !== undefined && templates.itemTail !== tail) return undefined;
	templates.itemTail = tail;
	const markup = withExtensions(format.fixItem(single.slice(start, end)), format.close, extensions);
	return remember(templates.items, key, compileTemplate(markup));
}

/** The template of one channel shape, split where its items go; undefined when its output does not end the
 * way item templates expect. */
function channelTemplate(templates: FormatTemplates, key: string, channel: LibraryChannel) {
	const known = templates.channels.get(key);
	if (known) return known;
	const tail = templates.itemTail;
	const skeleton = runLibrary(templates.format, channel.options, []);
	if (tail === undefined || !skeleton.endsWith(tail)) return undefined;
	const head = skeleton.slice(0, skeleton.length - tail.length);
	const split = {
		head: compileTemplate(templates.format.fixChannel(head, channel)),
		tail: compileTemplate(tail),
	};
	return remember(templates.channels, key, split);
}

/** The whole document through the library in one go: what templates reproduce, and the fallback if they can't. */
function renderWhole<R>(templates: FormatTemplates, document: LibraryDocument<R>): string {
	const { format } = templates;
	const slots = new ValueSlots(format.formatDate);
	const channel = document.channel(slots);
	const extensions: Extension[][] = [];
	const items = document.records.map((record) => {
		const item = document.item(slots, record);
		extensions.push(document.itemExtensions?.(slots, record) ?? []);
		return item;
	});
	const whole = format.fixItem(format.fixChannel(runLibrary(format, channel.options, items), channel));
	// The library's output holds none of our content, so its n-th closing item tag is the n-th item's end.
	const parts = whole.split(format.close);
	let skeleton = parts[0] ?? "";
	for (let i = 1; i < parts.length; i++) {
		const item = skeleton + format.close;
		skeleton =
			(i <= extensions.length ? withExtensions(item, format.close, extensions[i - 1] ?? []) : item) +
			parts[i];
	}
	return fillTemplate(compileTemplate(skeleton), slots.values);
}

/** Whether two value lists are the same strings in the same order. */
function sameValues(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** The template of a shape not seen yet, cut from the library's layout of this record; undefined when it can't
 * be cut, or when `itemValues` does not give exactly the values the description placed (then neither this
 * template nor the shape's later records could be filled right, so nothing is remembered). */
function learnItem<R>(
	templates: FormatTemplates,
	document: LibraryDocument<R>,
	shape: string,
	record: R,
	values: ValueList,
): Template | undefined {
	const slots = new ValueSlots(templates.format.formatDate);
	const item = document.item(slots, record);
	const extensions = document.itemExtensions?.(slots, record) ?? [];
	if (!sameValues(slots.values, values.values)) return undefined;
	return itemTemplate(templates, shape, item, extensions);
}

function renderWithLibrary<R>(templates: FormatTemplates, document: LibraryDocument<R>): string {
	const { format } = templates;
	// Items first: the first item template tells where items go in a channel. The library describes a record
	// only the first time its shape is seen; after that the shape's template is filled from its values alone.
	let body = "";
	const values = new ValueList(format.formatDate);
	for (const record of document.records) {
		values.clear();
		document.itemValues(values, record);
		const shape = document.itemShape(record);
		const template = templates.items.get(shape) ?? learnItem(templates, document, shape, record, values);
		if (!template) return renderWhole(templates, document);
		body += fillTemplate(template, values.values);
	}
	const slots = new ValueSlots(format.formatDate);
	const channel = document.channel(slots);
	if (templates.itemTail === undefined) learnItemTail(templates);
	const split = channelTemplate(templates, JSON.stringify(channel), channel);
	if (!split) return renderWhole(templates, document);
	return fillTemplate(split.head, slots.values) + body + fillTemplate(split.tail, slots.values);
}

/** Learns where items go from a minimal item, for when the first document rendered has no items. */
function learnItemTail(templates: FormatTemplates): void {
	itemTemplate(templates, "", { title: "x", link: "https://edgefeed.invalid/", date: new Date(0) });
}

/** RSS 2.0 through the library: every namespace declared, every value escaped by our rules. */
export function renderRssWithLibrary<R>(document: LibraryDocument<R>): string {
	return renderWithLibrary(TEMPLATES.rss, document);
}

/** Atom 1.0 through the library, plus xml:lang, link types and plain-text titles and summaries. */
export function renderAtomWithLibrary<R>(document: LibraryDocument<R>): string {
	return renderWithLibrary(TEMPLATES.atom, document);
}

/** The whole document through the library in one go, without templates: for tests to compare against. */
export function renderWholeWithLibrary<R>(format: "rss" | "atom", document: LibraryDocument<R>): string {
	return renderWhole(TEMPLATES[format], document);
}
