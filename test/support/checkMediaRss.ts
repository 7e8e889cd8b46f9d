// Media RSS checks (https://www.rssboard.org/media-rss) for an RSS item or Atom entry: media:content and
// media:thumbnail, as the RSS Board's validator reads them.
import { isAbsoluteUri, isMimeType } from "./feedRules.ts";
import { childrenNamed, type XmlElement } from "./xmlTree.ts";

const MEDIA = "http://search.yahoo.com/mrss/";
const MEDIUMS = new Set(["image", "audio", "video", "document", "executable"]);

type Report = (message: string) => void;

function checkUrl(value: string | undefined, what: string, report: Report) {
	if (value === undefined) report(`${what}: missing url`);
	else if (!isAbsoluteUri(value)) report(`${what}: not an absolute URL: ${value}`);
}

function checkPositive(element: XmlElement, names: readonly string[], what: string, report: Report) {
	for (const name of names) {
		const value = element.attributes[name];
		if (value !== undefined && !/^[1-9]\d*$/.test(value))
			report(`${what}: ${name} must be a positive integer`);
	}
}

function checkContent(media: XmlElement, where: string, report: Report) {
	const what = `${where} <media:content>`;
	const { url, medium, type } = media.attributes;
	checkUrl(url, what, report);
	if (medium !== undefined && !MEDIUMS.has(medium)) report(`${what}: unknown medium ${medium}`);
	if (type !== undefined && !isMimeType(type)) report(`${what}: type is not a MIME type`);
	checkPositive(media, ["fileSize", "width", "height"], what, report);
	for (const child of media.children) {
		if (child.uri !== MEDIA) continue;
		const textType = child.attributes.type;
		if ((child.local === "title" || child.local === "description") && textType !== undefined) {
			if (textType !== "plain" && textType !== "html")
				report(`${where} <${child.name}>: type must be plain or html`);
		}
	}
}

/** Checks the Media RSS children of an item or entry: each media:content, and at most one media:thumbnail. */
export function checkMediaRss(item: XmlElement, where: string, report: Report): void {
	for (const media of childrenNamed(item, MEDIA, "content")) checkContent(media, where, report);
	const thumbnails = childrenNamed(item, MEDIA, "thumbnail");
	if (thumbnails.length > 1) report(`${where}: more than one <media:thumbnail>`);
	for (const thumbnail of thumbnails) {
		checkUrl(thumbnail.attributes.url, `${where} <media:thumbnail>`, report);
		checkPositive(thumbnail, ["width", "height"], `${where} <media:thumbnail>`, report);
		if (thumbnail.children.length > 0) report(`${where} <media:thumbnail>: must be empty`);
	}
}
