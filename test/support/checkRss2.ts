// RSS 2.0 checks: the W3C feed validator's rules that matter for our feeds, and RFC 5005's archive links
// (Appendix B: atom:link) and markers, on a strictly parsed document.
import { checkFeedHistory, FEED_HISTORY } from "./checkFeedHistory.ts";
import { checkMediaRss } from "./checkMediaRss.ts";
import { isAbsoluteUri, isEmail, isHttpUrl, isLanguageTag, isMimeType, isRfc822Date } from "./feedRules.ts";
import { childrenNamed, documentRoot, type XmlElement } from "./xmlTree.ts";

const NS = {
	atom: "http://www.w3.org/2005/Atom",
	content: "http://purl.org/rss/1.0/modules/content/",
	dc: "http://purl.org/dc/elements/1.1/",
	fh: FEED_HISTORY,
	media: "http://search.yahoo.com/mrss/",
};

const CHANNEL_ELEMENTS = new Set([
	"title",
	"link",
	"description",
	"language",
	"copyright",
	"managingEditor",
	"webMaster",
	"pubDate",
	"lastBuildDate",
	"category",
	"generator",
	"docs",
	"cloud",
	"ttl",
	"image",
	"rating",
	"textInput",
	"skipHours",
	"skipDays",
	"item",
]);
const CHANNEL_UNIQUE = [...CHANNEL_ELEMENTS].filter((name) => name !== "category" && name !== "item");
const ITEM_ELEMENTS = new Set([
	"title",
	"link",
	"description",
	"author",
	"category",
	"comments",
	"enclosure",
	"guid",
	"pubDate",
	"source",
]);
const ITEM_UNIQUE = [...ITEM_ELEMENTS].filter((name) => name !== "category");
const TEXT_ONLY = new Set([
	"title",
	"link",
	"description",
	"pubDate",
	"lastBuildDate",
	"guid",
	"author",
	"category",
]);

type Report = (message: string) => void;

/** Plain-RSS children (no namespace) outside the known set, duplicates of single-valued ones, and markup
 * inside text-only elements. */
function checkChildren(
	element: XmlElement,
	where: string,
	known: Set<string>,
	unique: string[],
	report: Report,
) {
	for (const child of element.children) {
		if (child.uri === "" && !known.has(child.local)) report(`${where}: undefined element <${child.name}>`);
		if (child.uri === "" && TEXT_ONLY.has(child.local) && child.children.length > 0)
			report(`${where}: <${child.name}> must hold text, not elements`);
	}
	for (const name of unique) {
		if (childrenNamed(element, "", name).length > 1) report(`${where}: more than one <${name}>`);
	}
}

/** Prefixes of the well-known modules must be bound to their real namespace URIs, or readers ignore them. */
function checkModulePrefixes(element: XmlElement, report: Report) {
	const [prefix] = element.name.includes(":") ? element.name.split(":") : [""];
	const expected = NS[prefix as keyof typeof NS];
	if (expected && element.uri !== expected)
		report(`<${element.name}>: prefix "${prefix}" must be bound to ${expected}, not ${element.uri}`);
	for (const child of element.children) checkModulePrefixes(child, report);
}

function requireOne(
	element: XmlElement,
	name: string,
	where: string,
	report: Report,
): XmlElement | undefined {
	const found = childrenNamed(element, "", name);
	if (found.length === 0) report(`${where}: missing required <${name}>`);
	return found[0];
}

function checkUrl(value: string | undefined, what: string, report: Report, httpOnly = false) {
	if (value === undefined) return;
	if (!(httpOnly ? isHttpUrl(value) : isAbsoluteUri(value))) report(`${what}: not an absolute URL: ${value}`);
}

function checkDate(element: XmlElement | undefined, what: string, report: Report) {
	if (element && !isRfc822Date(element.text)) report(`${what}: not an RFC 822 date: ${element.text}`);
}

function checkImage(image: XmlElement, report: Report) {
	for (const name of ["url", "title", "link"]) requireOne(image, name, "channel <image>", report);
	checkUrl(childrenNamed(image, "", "url")[0]?.text, "channel <image><url>", report);
	checkUrl(childrenNamed(image, "", "link")[0]?.text, "channel <image><link>", report);
	const width = childrenNamed(image, "", "width")[0]?.text;
	const height = childrenNamed(image, "", "height")[0]?.text;
	if (width !== undefined && !(/^\d+$/.test(width) && Number(width) <= 144))
		report("<image><width> must be ≤ 144");
	if (height !== undefined && !(/^\d+$/.test(height) && Number(height) <= 400))
		report("<image><height> must be ≤ 400");
}

function checkAtomLinks(channel: XmlElement, report: Report) {
	const links = childrenNamed(channel, NS.atom, "link");
	for (const link of links) {
		if (link.attributes.href === undefined) report("channel <atom:link>: missing href");
		checkUrl(link.attributes.href, "channel <atom:link href>", report);
	}
	const self = links.filter((link) => link.attributes.rel === "self");
	if (self.length === 0) report('channel: missing <atom:link rel="self">');
	if (self.length > 1) report('channel: more than one <atom:link rel="self">');
	const selfType = self[0]?.attributes.type;
	if (selfType !== undefined && selfType !== "application/rss+xml")
		report(`channel <atom:link rel="self">: type should be application/rss+xml, not ${selfType}`);
}

function checkEnclosure(enclosure: XmlElement, where: string, report: Report) {
	const { url, length, type } = enclosure.attributes;
	if (url === undefined) report(`${where} <enclosure>: missing url`);
	else checkUrl(url, `${where} <enclosure url>`, report, true);
	if (length === undefined) report(`${where} <enclosure>: missing length`);
	else if (!/^\d+$/.test(length))
		report(`${where} <enclosure>: length must be a non-negative integer: ${length}`);
	if (type === undefined) report(`${where} <enclosure>: missing type`);
	else if (!isMimeType(type)) report(`${where} <enclosure>: type is not a MIME type: ${type}`);
}

function checkGuid(guid: XmlElement, where: string, report: Report) {
	const permaLink = guid.attributes.isPermaLink;
	if (permaLink !== undefined && permaLink !== "true" && permaLink !== "false")
		report(`${where} <guid>: isPermaLink must be "true" or "false"`);
	if (guid.text.trim() === "") report(`${where} <guid>: empty`);
	if (permaLink === "false") return;
	// A permalink guid (isPermaLink absent or "true") is a URL readers open.
	checkUrl(guid.text, `${where} <guid isPermaLink="true">`, report);
	if (/^(tag|urn:uuid):/i.test(guid.text))
		report(`${where} <guid>: a ${guid.text.split(":")[0]} id is not a permalink`);
}

function checkItem(item: XmlElement, index: number, report: Report) {
	const where = `item ${index + 1}`;
	checkChildren(item, where, ITEM_ELEMENTS, ITEM_UNIQUE, report);
	const title = childrenNamed(item, "", "title")[0];
	const description = childrenNamed(item, "", "description")[0];
	if (!title && !description) report(`${where}: must contain <title> or <description>`);
	if (title && title.text.trim() === "") report(`${where}: <title> is blank`);
	checkUrl(childrenNamed(item, "", "link")[0]?.text, `${where} <link>`, report);
	checkUrl(childrenNamed(item, "", "comments")[0]?.text, `${where} <comments>`, report);
	checkDate(childrenNamed(item, "", "pubDate")[0], `${where} <pubDate>`, report);
	const guid = childrenNamed(item, "", "guid")[0];
	if (guid) checkGuid(guid, where, report);
	else report(`${where}: missing <guid>`);
	for (const author of childrenNamed(item, "", "author")) {
		const email = author.text.replace(/\s*\(.*\)\s*$/, "");
		if (!isEmail(email))
			report(`${where} <author>: must be an email address ("email (Name)"): ${author.text}`);
	}
	for (const category of childrenNamed(item, "", "category")) {
		if (category.text.trim() === "") report(`${where} <category>: blank`);
	}
	const enclosures = childrenNamed(item, "", "enclosure");
	if (enclosures.length > 1) report(`${where}: more than one <enclosure>`);
	for (const enclosure of enclosures) checkEnclosure(enclosure, where, report);
	const source = childrenNamed(item, "", "source")[0];
	if (source) checkUrl(source.attributes.url ?? "", `${where} <source url>`, report);
	const encoded = childrenNamed(item, NS.content, "encoded");
	if (encoded.length > 1) report(`${where}: more than one <content:encoded>`);
	for (const content of encoded) {
		if (content.children.length > 0)
			report(`${where} <content:encoded>: must be escaped HTML text, not elements`);
		if (!description) report(`${where}: <content:encoded> without a <description> before it`);
	}
	for (const creator of childrenNamed(item, NS.dc, "creator")) {
		if (creator.children.length > 0 || creator.text.trim() === "")
			report(`${where} <dc:creator>: must be a name`);
	}
	checkMediaRss(item, where, report);
}

/** Checks an RSS 2.0 document; returns one message per problem (empty when valid). Ill-formed XML is reported
 * as a single error. */
export function checkRss2(xml: string): string[] {
	const errors: string[] = [];
	const report: Report = (message) => errors.push(message);
	const root = documentRoot(xml, "", "rss", "<rss>");
	if (typeof root === "string") return [root];
	if (root.attributes.version !== "2.0")
		report(`<rss version> must be "2.0", found ${root.attributes.version}`);
	checkModulePrefixes(root, report);
	const channels = childrenNamed(root, "", "channel");
	if (channels.length !== 1)
		return [...errors, `<rss> must contain exactly one <channel>, found ${channels.length}`];
	const channel = channels[0] as XmlElement;

	checkChildren(channel, "channel", CHANNEL_ELEMENTS, CHANNEL_UNIQUE, report);
	const isItem = (child: XmlElement) => child.uri === "" && child.local === "item";
	const firstItem = channel.children.findIndex(isItem);
	if (firstItem >= 0 && !channel.children.slice(firstItem).every(isItem))
		report("channel: metadata after the first <item>");
	const title = requireOne(channel, "title", "channel", report);
	if (title && title.text.trim() === "") report("channel: <title> is blank");
	checkUrl(requireOne(channel, "link", "channel", report)?.text, "channel <link>", report);
	requireOne(channel, "description", "channel", report);
	const language = childrenNamed(channel, "", "language")[0];
	if (language && !isLanguageTag(language.text))
		report(`channel <language>: not a language code: ${language.text}`);
	checkDate(childrenNamed(channel, "", "pubDate")[0], "channel <pubDate>", report);
	checkDate(childrenNamed(channel, "", "lastBuildDate")[0], "channel <lastBuildDate>", report);
	checkUrl(childrenNamed(channel, "", "docs")[0]?.text, "channel <docs>", report);
	const ttl = childrenNamed(channel, "", "ttl")[0];
	if (ttl && !/^[1-9]\d*$/.test(ttl.text)) report(`channel <ttl>: must be a positive integer: ${ttl.text}`);
	const image = childrenNamed(channel, "", "image")[0];
	if (image) checkImage(image, report);
	checkAtomLinks(channel, report);

	const items = childrenNamed(channel, "", "item");
	items.forEach((item, index) => {
		checkItem(item, index, report);
	});
	checkFeedHistory(channel, childrenNamed(channel, NS.atom, "link"), items, "channel", report);
	const guids = items.flatMap((item) => childrenNamed(item, "", "guid").map((guid) => guid.text));
	for (const guid of new Set(guids.filter((value, index) => guids.indexOf(value) !== index)))
		report(`guid used by more than one item: ${guid}`);
	return errors;
}
