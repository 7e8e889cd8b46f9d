// Media RSS (http://search.yahoo.com/mrss/) for an item's image, the same elements in RSS and Atom: what
// newsletter tools and readers show as an item's picture.
import type { ImageRef } from "../domain/model.ts";
import { escapeXml as x } from "./xmlEscape.ts";

/** media:content (the image, its size in bytes when known, and its texts), then media:thumbnail (the same image
 * as the item's preview), each on its own line: `line` is a line break plus the indentation of the item's
 * children. */
export function mediaRss(image: ImageRef, line: string): string {
	const size =
		(image.width === undefined ? "" : ` width="${image.width}"`) +
		(image.height === undefined ? "" : ` height="${image.height}"`);
	const fileSize = image.length === undefined ? "" : ` fileSize="${image.length}"`;
	let texts = "";
	if (image.alt) texts += `${line}    <media:title type="plain">${x(image.alt)}</media:title>`;
	if (image.caption)
		texts += `${line}    <media:description type="plain">${x(image.caption)}</media:description>`;
	if (image.credit) texts += `${line}    <media:credit>${x(image.credit)}</media:credit>`;
	const content = `<media:content url="${x(image.url)}" medium="image" type="${x(image.type)}"${fileSize}${size}`;
	return (
		(texts ? `${line}${content}>${texts}${line}</media:content>` : `${line}${content}/>`) +
		`${line}<media:thumbnail url="${x(image.url)}"${size}/>`
	);
}
