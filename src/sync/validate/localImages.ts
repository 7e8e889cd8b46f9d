// Image files that live with the content (content/images/…): Workers Static Assets serves them at /images/…,
// and sync checks that every image an article shows from the site is one of them, and learns its size.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** The folder in content/, and the URL path on the site, where image files live. */
export const IMAGES_DIR = "images";

export interface LocalImages {
	/** Size in bytes of the file a site path ("/images/a.jpg", percent-encoded as URLs are) names, if any. */
	size(sitePath: string): number | undefined;
	/** The file a site path would be, as shown in messages (e.g. "content/images/a.jpg"). */
	fileFor(sitePath: string): string;
	/** What it was made from, as plain data (for localImagesOf in another thread). */
	readonly found: ImageListing;
}

/** The images found: each site path with its size, and how messages name the content directory. */
export interface ImageListing {
	sizes: [string, number][];
	shownDir: string;
}

/** The path of `url` on the site ("/images/a.jpg"), or undefined when the URL is not on `baseUrl`. */
export function sitePath(url: string, baseUrl: string): string | undefined {
	if (!url.startsWith(`${baseUrl}/`)) return undefined;
	return new URL(url).pathname.slice(new URL(`${baseUrl}/`).pathname.length - 1);
}

/** Every file under `<contentDir>/images/`; `shownDir` is how messages name contentDir. None when it is absent. */
export async function readLocalImages(contentDir: string, shownDir: string): Promise<LocalImages> {
	const sizes = new Map<string, number>();
	const root = path.join(contentDir, IMAGES_DIR);
	let names: string[] = [];
	try {
		names = await readdir(root, { recursive: true });
	} catch {
		// No images folder: every site image is then missing, which is what articles are told.
	}
	for (const name of names) {
		const info = await stat(path.join(root, name));
		if (!info.isFile()) continue;
		const urlPath = new URL(`${IMAGES_DIR}/${name.split(path.sep).join("/")}`, "http://x/").pathname;
		sizes.set(urlPath, info.size);
	}
	return localImagesOf({ sizes: [...sizes], shownDir });
}

/** The images of a listing readLocalImages made. */
export function localImagesOf(found: ImageListing): LocalImages {
	const sizes = new Map(found.sizes);
	return {
		size: (sitePath) => sizes.get(sitePath),
		fileFor: (sitePath) => path.join(found.shownDir, ...safeDecode(sitePath).split("/")),
		found,
	};
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** Whether `url` may be shown on a page of the site: a URL on the site must be a file in content/images/, whose
 * `size` is then given; a URL elsewhere is fine as it is. */
export function checkLocalImage(
	url: string,
	baseUrl: string,
	images: LocalImages,
): { ok: true; size?: number } | { ok: false; problem: string } {
	const where = sitePath(url, baseUrl);
	if (where === undefined) return { ok: true };
	if (!where.startsWith(`/${IMAGES_DIR}/`))
		return {
			ok: false,
			problem: `${JSON.stringify(where)} is on this site but outside /${IMAGES_DIR}/, where image files are served from`,
		};
	const size = images.size(where);
	if (size === undefined)
		return {
			ok: false,
			problem: `${JSON.stringify(where)} has no image file: ${images.fileFor(where)} does not exist`,
		};
	return { ok: true, size };
}
