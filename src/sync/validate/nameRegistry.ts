// One spelling and one slug per tag or author across all files; different names that slug alike are an error.
import type { ContentError } from "./contentError.ts";
import { foldName, toSlug } from "./slugs.ts";

interface Registered {
	name: string;
	slug: string;
	file: string;
}

export interface NameRegistry {
	/** The canonical spelling and slug for `name`, registering it on first sight; an error on a slug collision. */
	resolve(name: string, file: string, field: string): { name: string; slug: string } | ContentError;
}

/** `kind` words the error ("tag", "author"). Names equal after NFC + case folding are one name; the first spelling wins. */
export function createNameRegistry(kind: string): NameRegistry {
	const byFolded = new Map<string, Registered>();
	const bySlug = new Map<string, Registered>();
	return {
		resolve(name, file, field) {
			const known = byFolded.get(foldName(name));
			if (known) return { name: known.name, slug: known.slug };
			const slug = toSlug(name);
			const clash = bySlug.get(slug);
			if (clash) {
				const where = clash.file === file ? "in this file" : `in ${clash.file}`;
				return {
					file,
					field,
					problem: `${kind} ${JSON.stringify(name)} has the same URL slug "${slug}" as ${kind} ${JSON.stringify(clash.name)} ${where}; use one spelling`,
				};
			}
			const entry = { name, slug, file };
			byFolded.set(foldName(name), entry);
			bySlug.set(slug, entry);
			return { name, slug };
		},
	};
}
