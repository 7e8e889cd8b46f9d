// URL slugs for articles, tags and authors: Vietnamese-aware ("Xã hội" -> "xa-hoi"), never empty.
import slugify from "@sindresorhus/slugify";

/**
 * Transliterates to ASCII where @sindresorhus/slugify knows how (Latin with diacritics, Đ/đ, Cyrillic, ...).
 * Scripts it drops entirely (CJK, Thai, ...) keep their letters instead ("日本" -> "日本"; routes get the slug
 * percent-decoded), and a name with no letters or digits at all (an emoji) becomes its code points ("u1f389").
 */
export function toSlug(name: string): string {
	const ascii = slugify(name);
	if (ascii !== "") return ascii;
	const unicode = name
		.normalize("NFC")
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
		.replace(/^-+|-+$/g, "");
	if (unicode !== "") return unicode;
	const codePoints = [...name.trim()].map((char) => char.codePointAt(0)?.toString(16) ?? "");
	return codePoints.length > 0 ? `u${codePoints.join("-")}` : "";
}

/** Names that differ only in case or Unicode normalisation are the same tag or author. */
export function foldName(name: string): string {
	return name.normalize("NFC").toLowerCase().normalize("NFC");
}
