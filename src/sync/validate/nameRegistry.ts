// One spelling per tag or author across all files: names equal after case folding and NFC are one name.
import { foldName, toSlug } from "./slugs.ts";

export interface NameRegistry {
	/**
	 * The canonical spelling for `name` (the first one seen), with its natural slug. Final slugs, which keep
	 * published ones and keep different names apart, are given at publish time (see assignSlugs).
	 */
	resolve(name: string): { name: string; slug: string };
}

export function createNameRegistry(): NameRegistry {
	const byFolded = new Map<string, { name: string; slug: string }>();
	// The same few spellings come back in every file: each is folded once.
	const bySpelling = new Map<string, { name: string; slug: string }>();
	return {
		resolve(name) {
			let known = bySpelling.get(name);
			if (!known) {
				const folded = foldName(name);
				known = byFolded.get(folded);
				if (!known) {
					known = { name, slug: toSlug(name) };
					byFolded.set(folded, known);
				}
				bySpelling.set(name, known);
			}
			return { ...known };
		},
	};
}
