// Atom 1.0 checks: RFC 4287's constraints (§4.1.1 feed, §4.1.2 entry, and the schema's prose rules that a
// RELAX NG check cannot see), and RFC 5005's archive links and markers, on a strictly parsed document.
import { checkFeedHistory } from "./checkFeedHistory.ts";
import { checkMediaRss } from "./checkMediaRss.ts";
import { isAbsoluteIri, isEmail, isLanguageTag, isMimeType, isRfc3339Date } from "./feedRules.ts";
import { childrenNamed, documentRoot, type XmlElement } from "./xmlTree.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const XHTML = "http://www.w3.org/1999/xhtml";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

type Report = (message: string) => void;

function atomChildren(element: XmlElement, local: string): XmlElement[] {
	return childrenNamed(element, ATOM, local);
}

function exactlyOne(
	element: XmlElement,
	local: string,
	where: string,
	report: Report,
): XmlElement | undefined {
	const found = atomChildren(element, local);
	if (found.length !== 1) report(`${where}: must contain exactly one <${local}>, found ${found.length}`);
	return found[0];
}

function atMostOne(element: XmlElement, local: string, where: string, report: Report) {
	if (atomChildren(element, local).length > 1) report(`${where}: more than one <${local}>`);
}

function checkIri(value: string | undefined, what: string, report: Report) {
	if (value !== undefined && !isAbsoluteIri(value)) report(`${what}: not an absolute IRI: ${value}`);
}

function checkDate(element: XmlElement | undefined, what: string, report: Report) {
	if (element && !isRfc3339Date(element.text)) report(`${what}: not an RFC 3339 date-time: ${element.text}`);
}

function checkText(element: XmlElement | undefined, what: string, report: Report) {
	if (!element) return;
	const type = element.attributes.type ?? "text";
	if (type === "xhtml") {
		const divs = childrenNamed(element, XHTML, "div");
		if (divs.length !== 1 || element.children.length !== 1)
			report(`${what}: type="xhtml" needs one xhtml:div`);
	} else if (type === "text" || type === "html") {
		if (element.children.length > 0) report(`${what}: type="${type}" must hold text, not elements`);
	} else {
		report(`${what}: type must be text, html or xhtml, not ${type}`);
	}
}

function checkPerson(person: XmlElement, what: string, report: Report) {
	const names = atomChildren(person, "name");
	if (names.length !== 1) report(`${what}: must contain exactly one <name>`);
	atMostOne(person, "uri", what, report);
	atMostOne(person, "email", what, report);
	checkIri(atomChildren(person, "uri")[0]?.text, `${what} <uri>`, report);
	const email = atomChildren(person, "email")[0];
	if (email && !isEmail(email.text)) report(`${what} <email>: not an email address: ${email.text}`);
}

function checkLinks(element: XmlElement, where: string, report: Report) {
	const alternates = new Set<string>();
	for (const link of atomChildren(element, "link")) {
		const { href, rel = "alternate", type, hreflang } = link.attributes;
		if (href === undefined) report(`${where} <link>: missing href`);
		checkIri(href, `${where} <link rel="${rel}">`, report);
		if (type !== undefined && !isMimeType(type)) report(`${where} <link>: type is not a MIME type: ${type}`);
		if (hreflang !== undefined && !isLanguageTag(hreflang))
			report(`${where} <link>: bad hreflang ${hreflang}`);
		if (rel === "alternate") {
			const key = `${type ?? ""}|${hreflang ?? ""}`;
			if (alternates.has(key))
				report(
					`${where}: more than one <link rel="alternate"> with type "${type ?? ""}" and hreflang "${hreflang ?? ""}"`,
				);
			alternates.add(key);
		}
	}
}

function checkCategories(element: XmlElement, where: string, report: Report) {
	for (const category of atomChildren(element, "category")) {
		if (!category.attributes.term) report(`${where} <category>: missing term`);
		checkIri(category.attributes.scheme, `${where} <category scheme>`, report);
	}
}

function checkEntry(entry: XmlElement, index: number, feedHasAuthor: boolean, report: Report) {
	const where = `entry ${index + 1}`;
	checkIri(exactlyOne(entry, "id", where, report)?.text, `${where} <id>`, report);
	checkText(exactlyOne(entry, "title", where, report), `${where} <title>`, report);
	checkDate(exactlyOne(entry, "updated", where, report), `${where} <updated>`, report);
	for (const local of ["published", "summary", "content", "rights", "source"])
		atMostOne(entry, local, where, report);
	checkDate(atomChildren(entry, "published")[0], `${where} <published>`, report);
	checkText(atomChildren(entry, "summary")[0], `${where} <summary>`, report);
	checkText(atomChildren(entry, "rights")[0], `${where} <rights>`, report);
	const authors = atomChildren(entry, "author");
	if (authors.length === 0 && !feedHasAuthor) report(`${where}: no <author>, and the feed has none either`);
	for (const author of authors) checkPerson(author, `${where} <author>`, report);
	checkLinks(entry, where, report);
	checkCategories(entry, where, report);
	checkMediaRss(entry, where, report);
	const content = atomChildren(entry, "content")[0];
	const hasAlternate = atomChildren(entry, "link").some(
		(link) => (link.attributes.rel ?? "alternate") === "alternate",
	);
	if (!content && !hasAlternate) report(`${where}: needs <content> or a <link rel="alternate">`);
	if (content) {
		const type = content.attributes.type ?? "text";
		if (content.attributes.src !== undefined) {
			checkIri(content.attributes.src, `${where} <content src>`, report);
			if (content.text.trim() !== "" || content.children.length > 0)
				report(`${where} <content src>: must be empty`);
			if (!atomChildren(entry, "summary")[0]) report(`${where}: <content src> requires a <summary>`);
		} else if (type === "text" || type === "html" || type === "xhtml") {
			checkText(content, `${where} <content>`, report);
		} else if (!isMimeType(type)) {
			report(`${where} <content>: type must be text, html, xhtml or a MIME type, not ${type}`);
		}
	}
}

/** Checks an Atom 1.0 feed document; returns one message per problem (empty when valid). Ill-formed XML is
 * reported as a single error. */
export function checkAtom(xml: string): string[] {
	const errors: string[] = [];
	const report: Report = (message) => errors.push(message);
	const feed = documentRoot(xml, ATOM, "feed", "atom:feed");
	if (typeof feed === "string") return [feed];
	const lang = feed.attributeUris["xml:lang"] === XML_NS ? feed.attributes["xml:lang"] : undefined;
	if (lang !== undefined && !isLanguageTag(lang)) report(`feed xml:lang: not a language tag: ${lang}`);

	checkIri(exactlyOne(feed, "id", "feed", report)?.text, "feed <id>", report);
	checkText(exactlyOne(feed, "title", "feed", report), "feed <title>", report);
	checkDate(exactlyOne(feed, "updated", "feed", report), "feed <updated>", report);
	for (const local of ["subtitle", "rights", "icon", "logo", "generator"])
		atMostOne(feed, local, "feed", report);
	checkText(atomChildren(feed, "subtitle")[0], "feed <subtitle>", report);
	checkText(atomChildren(feed, "rights")[0], "feed <rights>", report);
	checkIri(atomChildren(feed, "icon")[0]?.text, "feed <icon>", report);
	checkIri(atomChildren(feed, "logo")[0]?.text, "feed <logo>", report);
	checkIri(atomChildren(feed, "generator")[0]?.attributes.uri, "feed <generator uri>", report);
	const authors = atomChildren(feed, "author");
	for (const author of authors) checkPerson(author, "feed <author>", report);
	checkLinks(feed, "feed", report);
	const self = atomChildren(feed, "link").filter((link) => link.attributes.rel === "self");
	if (self.length !== 1) report(`feed: must have exactly one <link rel="self">, found ${self.length}`);
	checkCategories(feed, "feed", report);

	const entries = atomChildren(feed, "entry");
	entries.forEach((entry, index) => {
		checkEntry(entry, index, authors.length > 0, report);
	});
	checkFeedHistory(feed, atomChildren(feed, "link"), entries, "feed", report);
	const ids = entries.map((entry) => atomChildren(entry, "id")[0]?.text);
	for (const id of new Set(ids.filter((value, index) => value !== undefined && ids.indexOf(value) !== index)))
		report(`entry id used by more than one entry: ${id}`);
	return errors;
}
