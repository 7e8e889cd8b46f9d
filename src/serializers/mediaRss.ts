// Media RSS (http://search.yahoo.com/mrss/) for an item's image, the same elements in RSS and Atom: what
// newsletter tools and readers show as an item's picture. Values are placeholders (see feedLibrary.ts).
import type { ImageRef } from "../store/kvLayout.ts";
import type { Extension, ValueList, ValueSlots } from "./feedLibrary.ts";

/** media:content (the image, its size in bytes when known, and its texts), then media:thumbnail (the same image
 * as the item's preview). */
export function mediaElements(slots: ValueSlots, image: ImageRef): Extension[] {
	const attributes: Record<string, string> = {
		url: slots.url(image.url),
		medium: "image",
		type: slots.text(image.type),
	};
	if (image.length !== undefined) attributes.fileSize = slots.text(String(image.length));
	if (image.width !== undefined) attributes.width = slots.text(String(image.width));
	if (image.height !== undefined) attributes.height = slots.text(String(image.height));
	const objects: Record<string, unknown> = { _attributes: attributes };
	if (image.alt) objects["media:title"] = { _attributes: { type: "plain" }, _text: slots.text(image.alt) };
	if (image.caption)
		objects["media:description"] = { _attributes: { type: "plain" }, _text: slots.text(image.caption) };
	if (image.credit) objects["media:credit"] = { _text: slots.text(image.credit) };

	const thumbnail: Record<string, string> = { url: slots.url(image.url) };
	if (image.width !== undefined) thumbnail.width = slots.text(String(image.width));
	if (image.height !== undefined) thumbnail.height = slots.text(String(image.height));
	return [
		{ name: "media:content", objects },
		{ name: "media:thumbnail", objects: { _attributes: thumbnail } },
	];
}

/** Every condition mediaElements branches on. */
export function mediaShape(image: ImageRef): string {
	return `${+(image.length !== undefined)}${+(image.width !== undefined)}${+(image.height !== undefined)}${+!!image.alt}${+!!image.caption}${+!!image.credit}`;
}

/** mediaElements' values in the order it hands out placeholders. */
export function mediaValues(values: ValueList, image: ImageRef): void {
	values.add(image.url);
	values.add(image.type);
	if (image.length !== undefined) values.add(String(image.length));
	if (image.width !== undefined) values.add(String(image.width));
	if (image.height !== undefined) values.add(String(image.height));
	if (image.alt) values.add(image.alt);
	if (image.caption) values.add(image.caption);
	if (image.credit) values.add(image.credit);
	values.add(image.url);
	if (image.width !== undefined) values.add(String(image.width));
	if (image.height !== undefined) values.add(String(image.height));
}
