// Different names whose natural slugs collide are published apart, a published slug never changes, and names
// such as "constructor" or "__proto__" are keys like any other.
import { describe, expect, it } from "vitest";
import { miniflareKv } from "../support/miniflareKv.ts";
import { readPublished } from "../support/readPublished.ts";
import { NOW, syncFixture } from "../support/syncFixture.ts";
import { articleFile } from "../support/tempContent.ts";

const article = (extra: string): string => articleFile(`title: T\ndate: 2023-08-15T09:00:00+07:00\n${extra}`);

describe("slug collisions", () => {
	it("spells symbols (C++, C#), keeps the published slug, and suffixes the newcomer with a warning", async () => {
		const local = await miniflareKv();
		try {
			const first = await syncFixture(local.kv, {
				"b.md": article("tags: [Da, C++, c#]\nauthors: [Do Ha]"),
			});
			expect(first.slugWarnings).toEqual([]);
			expect({ ...(await readPublished(local.kv))?.tags }).toEqual({
				da: "Da",
				"c-plus-plus": "C++",
				"c-sharp": "c#",
			});

			// "Đá" sorts first and slugs to "da" too; "DA" is the same tag as "Da".
			const second = await syncFixture(
				local.kv,
				{
					"a.md": article("tags: [Đá]\nauthors: [Đỗ Hà]"),
					"b.md": article("tags: [DA, C++, c#]\nauthors: [Do Ha]"),
				},
				{ now: NOW + 1000 },
			);
			const again = await readPublished(local.kv);
			expect({ ...again?.tags }).toEqual({
				da: "DA",
				"da-2": "Đá",
				"c-plus-plus": "C++",
				"c-sharp": "c#",
			});
			expect(Object.keys(again?.authors ?? {}).sort()).toEqual(["do-ha", "do-ha-2"]);
			expect(again?.authors["do-ha"]?.name).toBe("Do Ha");
			expect(second.slugWarnings).toEqual([
				'tag "Đá" gets the URL slug "da-2": "da" belongs to tag "DA"',
				'author "Đỗ Hà" gets the URL slug "do-ha-2": "do-ha" belongs to author "Do Ha"',
			]);
			const published = await readPublished(local.kv);
			expect(published?.records.find((r) => r.id === "a")?.tags).toEqual([{ name: "Đá", slug: "da-2" }]);
		} finally {
			await local.dispose();
		}
	});

	it("publishes a tag and an author slugged constructor or __proto__ like any other", async () => {
		const local = await miniflareKv();
		try {
			await syncFixture(local.kv, {
				"a.md": article("tags: [constructor, __proto__]\nauthors: [Constructor, __proto__]"),
			});
			const published = await readPublished(local.kv);
			expect(Object.keys(published?.tags ?? {}).sort()).toEqual(["constructor", "proto"]);
			expect(Object.keys(published?.authors ?? {}).sort()).toEqual(["constructor", "proto"]);
			expect(published?.tags.constructor).toBe("constructor");
			expect(Object.keys(published?.scopes ?? {})).toContain("tags/constructor");
		} finally {
			await local.dispose();
		}
	});
});
