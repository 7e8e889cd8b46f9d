// URL slugs for articles, tags and authors: Vietnamese-aware ("Xã hội" -> "xa-hoi"), never empty.
import slugify from "@sindresorhus/slugify";

const ALREADY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Transliterates to ASCII where @sindresorhus/slugify knows how (Latin with diacritics, Đ/đ, Cyrillic, ...).
 * Scripts it drops entirely (CJK, Thai, ...) keep their letters instead ("日本" -> "日本"; routes get the slug
 * percent-decoded), and a name with no letters or digits at all (an emoji) becomes its code points ("u1f389").
 */
export function toSlug(name: string): string {
	// Already a slug (most file names): slugify would return it as it is, and every sync asks for every file's.
	if (ALREADY_SLUG.test(name)) return name;
	const ascii = slugify(spellSymbols(name));
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

/** "C++" -> "C plus plus", "C#" / "F#" -> "C sharp": a trailing ++ or # after a letter is part of the name. */
function spellSymbols(name: string): string {
	return name
		.replace(/(?<=\p{L})\+\+(?![\p{L}\p{N}])/gu, " plus plus ")
		.replace(/(?<=\p{L})#(?![\p{L}\p{N}])/gu, " sharp ");
}

/** Names that differ only in case or Unicode normalisation are the same tag or author. */
export function foldName(name: string): string {
	return name.normalize("NFC").toLowerCase().normalize("NFC");
}

export interface SlugAssignment {
	/** The slug of a name given to assignSlugs (or of any name folding like one). */
	slugOf(name: string): string;
	/** One line per name that did not get its natural slug because another name has it. */
	warnings: string[];
}

/**
 * One URL slug per distinct name (names equal after foldName are one), each given with its natural slug (toSlug
 * of the name, as nameRegistry gives it). A published slug never changes: names
 * still in use keep the slug `published` (slug -> name, from the manifest head points to) gives them. A name
 * whose natural slug is taken ("Đá" and "Da" both give "da") gets the first free "-2", "-3", ... and a warning,
 * so two names are never merged and the one already published keeps its URL.
 */
export function assignSlugs(
	kind: "tag" | "author",
	names: Iterable<{ name: string; slug: string }>,
	published: Iterable<[string, string]>,
): SlugAssignment {
	// Every mention of every name passes here and through slugOf: each distinct spelling is folded once.
	const folds = new Map<string, string>();
	const fold = (name: string): string => {
		let folded = folds.get(name);
		if (folded === undefined) {
			folded = foldName(name);
			folds.set(name, folded);
		}
		return folded;
	};
	const spelling = new Map<string, string>();
	const naturalSlug = new Map<string, string>();
	for (const { name, slug } of names) {
		const folded = fold(name);
		if (spelling.has(folded)) continue;
		spelling.set(folded, name);
		naturalSlug.set(folded, slug);
	}
	const slugByName = new Map<string, string>();
	const nameBySlug = new Map<string, string>();
	const take = (folded: string, slug: string): void => {
		slugByName.set(folded, slug);
		nameBySlug.set(slug, folded);
	};
	for (const [slug, name] of published) {
		const folded = fold(name);
		if (spelling.has(folded) && !slugByName.has(folded) && !nameBySlug.has(slug)) take(folded, slug);
	}
	const warnings: string[] = [];
	for (const [folded, name] of spelling) {
		if (slugByName.has(folded)) continue;
		const natural = naturalSlug.get(folded) ?? toSlug(name);
		let slug = natural;
		for (let n = 2; nameBySlug.has(slug); n++) slug = `${natural}-${n}`;
		const owner = nameBySlug.get(natural);
		if (owner !== undefined) {
			warnings.push(
				`${kind} ${JSON.stringify(name)} gets the URL slug "${slug}": "${natural}" belongs to ${kind} ` +
					`${JSON.stringify(spelling.get(owner) ?? owner)}`,
			);
		}
		take(folded, slug);
	}
	return { slugOf: (name) => slugByName.get(fold(name)) ?? toSlug(name), warnings };
}
