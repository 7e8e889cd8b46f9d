// The images of a sanitised article body: which site files it shows, and its first image, the item's picture
// when front matter names none.
import { DomUtils, parseDocument } from "htmlparser2";
import parseSrcset from "parse-srcset";
import type { ImageRef } from "../../domain/model.ts";
import { imageType } from "../validate/imageType.ts";

export interface BodyImage {
	/** Absolute (the sanitiser made it so); absent when sanitising dropped it, as it does a data: URL. */
	src?: string;
	/** Every srcset candidate's URL. */
	srcset: string[];
	alt?: string;
	width?: number;
	height?: number;
}

const pixels = (value: string | undefined): number | undefined =>
	value !== undefined && /^[1-9]\d{0,5}$/.test(value.trim()) ? Number(value) : undefined;

/** Every <img> of the body, in document order. */
export function bodyImages(html: string): BodyImage[] {
	const elements = DomUtils.findAll((element) => element.name === "img", parseDocument(html).children);
	return elements.map((element) => {
		const { src, srcset, alt, width, height } = element.attribs;
		const image: BodyImage = { srcset: [] };
		if (src) image.src = src;
		if (srcset) {
			try {
				image.srcset = parseSrcset(srcset).map((candidate) => candidate.url);
			} catch {
				// The sanitiser keeps only srcsets it could parse.
			}
		}
		if (alt?.trim()) image.alt = alt.trim();
		const w = pixels(width);
		const h = pixels(height);
		if (w !== undefined) image.width = w;
		if (h !== undefined) image.height = h;
		return image;
	});
}

/** The first image with an absolute http(s) src whose type its extension tells (a type is never guessed), as
 * the item's image; undefined when there is none. */
export function firstBodyImage(images: readonly BodyImage[]): ImageRef | undefined {
	for (const image of images) {
		if (!image.src || !/^https?:\/\//i.test(image.src)) continue;
		let type: string | null;
		try {
			type = imageType(image.src);
		} catch {
			continue;
		}
		if (type === null) continue;
		const ref: ImageRef = { url: image.src, type, inContent: true };
		if (image.alt !== undefined) ref.alt = image.alt;
		if (image.width !== undefined) ref.width = image.width;
		if (image.height !== undefined) ref.height = image.height;
		return ref;
	}
	return undefined;
}
