// OPML 2.0 checks (http://opml.org/spec2.opml) on a strictly parsed document: the structure, the head's
// elements and dates, and every outline's required attributes. Returns one message per problem.
import { isHttpUrl, isLanguageTag, isRfc822Date } from "./feedRules.ts";
import { childrenNamed, documentRoot, type XmlElement } from "./xmlTree.ts";

const HEAD_ELEMENTS = new Set([
	"title",
	"dateCreated",
	"dateModified",
	"ownerName",
	"ownerEmail",
	"ownerId",
	"docs",
	"expansionState",
	"vertScrollState",
	"windowTop",
	"windowLeft",
	"windowBottom",
	"windowRight",
]);

type Report = (message: string) => void;

function checkOutline(outline: XmlElement, where: string, report: Report) {
	const { text, type, xmlUrl, htmlUrl, language } = outline.attributes;
	if (outline.uri !== "" || outline.local !== "outline")
		report(`${where}: <${outline.name}> is not an outline`);
	if (text === undefined || text.trim() === "") report(`${where}: outline without text`);
	if (type === "rss") {
		if (xmlUrl === undefined) report(`${where}: type="rss" outline without xmlUrl`);
		else if (!isHttpUrl(xmlUrl)) report(`${where}: xmlUrl is not an http(s) URL: ${xmlUrl}`);
		if (outline.children.length > 0) report(`${where}: a feed outline holds no outlines`);
	}
	if (htmlUrl !== undefined && !isHttpUrl(htmlUrl))
		report(`${where}: htmlUrl is not an http(s) URL: ${htmlUrl}`);
	if (language !== undefined && !isLanguageTag(language)) report(`${where}: bad language ${language}`);
	outline.children.forEach((child, index) => {
		checkOutline(child, `${where}.${index + 1}`, report);
	});
}

export function checkOpml2(xml: string): string[] {
	const errors: string[] = [];
	const report: Report = (message) => errors.push(message);
	const root = documentRoot(xml, "", "opml", "<opml>");
	if (typeof root === "string") return [root];
	if (root.attributes.version !== "2.0")
		report(`<opml version> must be "2.0", found ${root.attributes.version}`);
	const heads = childrenNamed(root, "", "head");
	const bodies = childrenNamed(root, "", "body");
	if (heads.length !== 1 || bodies.length !== 1 || root.children.length !== 2)
		return [...errors, "<opml> must hold exactly one <head> and one <body>"];
	const head = heads[0] as XmlElement;
	for (const child of head.children) {
		if (child.uri !== "" || !HEAD_ELEMENTS.has(child.local))
			report(`<head>: undefined element <${child.name}>`);
		if (childrenNamed(head, child.uri, child.local).length > 1)
			report(`<head>: more than one <${child.name}>`);
	}
	for (const name of ["dateCreated", "dateModified"]) {
		const date = childrenNamed(head, "", name)[0];
		if (date && !isRfc822Date(date.text)) report(`<${name}>: not an RFC 822 date: ${date.text}`);
	}
	const docs = childrenNamed(head, "", "docs")[0];
	if (docs && !isHttpUrl(docs.text)) report(`<docs>: not an http(s) URL: ${docs.text}`);
	const body = bodies[0] as XmlElement;
	if (body.children.length === 0) report("<body> must hold at least one outline");
	body.children.forEach((outline, index) => {
		checkOutline(outline, `outline ${index + 1}`, report);
	});
	return [...new Set(errors)];
}
