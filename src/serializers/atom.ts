// Atom 1.0, top-down in document order: the feed's metadata, then each entry. Every text value goes through
// xmlEscape.ts; numbers (sizes) are written as they are, since they hold no markup.
import type { ArticleRecord, Person } from "../domain/model.ts";
import type { FeedHistory, FeedModel } from "../feed/feedModel.ts";
import { mediaRss } from "./mediaRss.ts";
import { fhDeclaration, GENERATOR, NAMESPACES } from "./xmlDocument.ts";
import { cdata, escapeXml as x } from "./xmlEscape.ts";

/** RFC 3339 in UTC, as Atom dates are written. */
const atomDate = (epochMs: number): string => new Date(epochMs).toISOString();

/** An <author>; `line` is a line break plus the indentation of its parent's children. */
function atomAuthor(person: Person, line: string): string {
	let xml = `${line}<author>${line}    <name>${x(person.name)}</name>`;
	if (person.email) xml += `${line}    <email>${x(person.email)}</email>`;
	if (person.url) xml += `${line}    <uri>${x(person.url)}</uri>`;
	return `${xml}${line}</author>`;
}

/** RFC 5005 §4 links to the scope's other Atom documents, and the marker of an archive document. */
function atomHistory(history: FeedHistory): string {
	let xml = "";
	if (history.current)
		xml += `
    <link rel="current" type="application/atom+xml" href="${x(history.current.atom)}"/>`;
	if (history.prevArchive)
		xml += `
    <link rel="prev-archive" type="application/atom+xml" href="${x(history.prevArchive.atom)}"/>`;
	if (history.nextArchive)
		xml += `
    <link rel="next-archive" type="application/atom+xml" href="${x(history.nextArchive.atom)}"/>`;
	if (history.archive)
		xml += `
    <fh:archive/>`;
	return xml;
}

function atomEntry(model: FeedModel, record: ArticleRecord): string {
	const image = record.image;
	// Titles and summaries are plain text; the content is HTML.
	let xml = `
    <entry>
        <title type="text">${cdata(record.title)}</title>
        <id>${x(record.guid)}</id>
        <link rel="alternate" type="text/html" href="${x(record.url)}"/>`;
	// An enclosure states its size (RFC 4287 §4.2.7.6: length SHOULD be given), so only an image of known length
	// gets one; Media RSS describes every image.
	if (image?.type.startsWith("image/") && image.length !== undefined) {
		const title = image.alt ? ` title="${x(image.alt)}"` : "";
		xml += `
        <link rel="enclosure" href="${x(image.url)}"${title} type="${x(image.type)}" length="${image.length}"/>`;
	}
	xml += `
        <updated>${atomDate(Date.parse(record.updated ?? record.published))}</updated>
        <summary type="text">${cdata(record.summary)}</summary>
        <content type="html">${cdata(record.contentHtml)}</content>`;
	for (const author of record.authors) xml += atomAuthor(author, "\n        ");
	// term is the machine-readable slug, label the display name; scheme names the site's tag taxonomy.
	for (const tag of record.tags)
		xml += `
        <category label="${x(tag.name)}" scheme="${x(model.tagScheme)}" term="${x(tag.slug)}"/>`;
	xml += `
        <published>${atomDate(Date.parse(record.published))}</published>`;
	if (image) xml += mediaRss(image, "\n        ");
	return `${xml}
    </entry>`;
}

/** Renders the model as Atom 1.0. The same model always gives the same bytes. */
export function renderAtom(model: FeedModel): string {
	let xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="${NAMESPACES.atom}" xmlns:media="${NAMESPACES.media}"${fhDeclaration(model.history?.archive)} xml:lang="${x(model.language)}">
    <id>${x(model.id)}</id>
    <title>${x(model.title)}</title>
    <updated>${atomDate(model.updated)}</updated>
    <generator>${GENERATOR}</generator>${atomAuthor(model.author, "\n    ")}
    <link rel="alternate" type="text/html" href="${x(model.links.html)}"/>
    <link rel="self" type="application/atom+xml" href="${x(model.links.atom)}"/>`;
	if (model.hub)
		xml += `
    <link rel="hub" href="${x(model.hub)}"/>`;
	if (model.history) xml += atomHistory(model.history);
	xml += `
    <subtitle>${x(model.description)}</subtitle>`;
	if (model.icon)
		xml += `
    <icon>${x(model.icon)}</icon>`;
	xml += `
    <rights>${x(model.copyright)}</rights>`;
	for (const record of model.items) xml += atomEntry(model, record);
	return `${xml}
</feed>`;
}
