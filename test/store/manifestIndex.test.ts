// Manifest indexes: scope, slug, tag and author lookups over one manifest, built once per manifest and memo.
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../src/domain/model.ts";
import { createManifestIndexes } from "../../src/store/manifestIndex.ts";
import { authorScope, tagScope } from "../../src/urls/urlScheme.ts";
import { sampleEntry, sampleManifest } from "../support/feedFixtures.ts";

const manifestIndex = createManifestIndexes();

function manifest(): Manifest {
	return {
		...sampleManifest(),
		articles: [
			sampleEntry("c", 3, { tags: ["doi-song"], authors: ["minh"] }),
			sampleEntry("b", 2, { tags: ["xa-hoi", "doi-song"], authors: ["lan"] }),
			sampleEntry("a", 1, { tags: ["xa-hoi"], authors: ["lan"] }),
		],
		tags: { "xa-hoi": "Xã hội", "doi-song": "Đời sống", constructor: "Hàm dựng" },
		authors: { lan: { name: "Nguyễn Thị Lan" }, minh: { name: "Trần Văn Minh" } },
	};
}
const ids = (entries: readonly { id: string }[] | undefined) => entries?.map((entry) => entry.id);

describe("manifest indexes", () => {
	it("lists each scope's entries newest first, and nothing for an unknown one", () => {
		const index = manifestIndex(manifest());
		expect(ids(index.scopeEntries(""))).toEqual(["c", "b", "a"]);
		expect(ids(index.scopeEntries(tagScope("xa-hoi")))).toEqual(["b", "a"]);
		expect(ids(index.scopeEntries(authorScope("lan")))).toEqual(["b", "a"]);
		expect(index.scopeEntries(tagScope("khong-co"))).toBeUndefined();
		expect(index.scopeEntries(tagScope("constructor"))).toBeUndefined();
		expect(index.scopeEntries("articles/a")).toBeUndefined();
	});

	it("gives the same lists before and after every scope is built", () => {
		const index = manifestIndex(manifest());
		const before = ids(index.scopeEntries(tagScope("doi-song")));
		index.tagSlugs();
		expect(ids(index.scopeEntries(tagScope("doi-song")))).toEqual(before);
		expect(ids(index.scopeEntries(authorScope("minh")))).toEqual(["c"]);
	});

	it("sorts an unsorted archive newest first, ties by id", () => {
		const unsorted = {
			...manifest(),
			articles: [sampleEntry("a", 1), sampleEntry("z", 2), sampleEntry("b", 2)],
		};
		expect(ids(manifestIndex(unsorted).scopeEntries(""))).toEqual(["b", "z", "a"]);
	});

	it("finds articles by slug, names tags and authors, and orders slugs by name in the site's language", () => {
		const index = manifestIndex(manifest());
		expect(index.articleBySlug("b")?.id).toBe("b");
		expect(index.articleBySlug("khong-co")).toBeUndefined();
		expect(index.tagName("xa-hoi")).toBe("Xã hội");
		expect(index.tagName("toString")).toBeUndefined();
		expect(index.author("minh")).toEqual({ name: "Trần Văn Minh" });
		expect(index.tagSlugs()).toEqual(["doi-song", "constructor", "xa-hoi"]);
		expect(index.authorSlugs()).toEqual(["lan", "minh"]);
	});

	it("is built once per manifest, and again by another memo (another app's runtime)", () => {
		const published = manifest();
		expect(manifestIndex(published)).toBe(manifestIndex(published));
		expect(manifestIndex(manifest())).not.toBe(manifestIndex(published));
		expect(createManifestIndexes()(published)).not.toBe(manifestIndex(published));
	});
});
