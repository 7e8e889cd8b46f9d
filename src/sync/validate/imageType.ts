// Image MIME types from file extensions, for RSS enclosures and media:content.

const TYPES = new Map(
	Object.entries({
		jpg: "image/jpeg",
		jpeg: "image/jpeg",
		jpe: "image/jpeg",
		png: "image/png",
		gif: "image/gif",
		webp: "image/webp",
		avif: "image/avif",
		svg: "image/svg+xml",
		bmp: "image/bmp",
		ico: "image/vnd.microsoft.icon",
		tif: "image/tiff",
		tiff: "image/tiff",
		jxl: "image/jxl",
		heic: "image/heic",
		heif: "image/heif",
	}),
);

export const KNOWN_IMAGE_EXTENSIONS = [...TYPES.keys()];

/** The MIME type for an absolute URL's path extension, or null when the extension is missing or unknown. */
export function imageType(url: string): string | null {
	const name = new URL(url).pathname.split("/").pop() ?? "";
	const dot = name.lastIndexOf(".");
	if (dot < 0) return null;
	return TYPES.get(name.slice(dot + 1).toLowerCase()) ?? null;
}
