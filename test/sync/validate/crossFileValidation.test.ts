// Rules across files: unique ids and slugs, one spelling and one slug per tag and author.
import { describe, expect, it } from "vitest";
import { fixtureErrors, loadFixture } from "../support/loadFixture.ts";
import { articleFile } from "../support/tempContent.ts";

const article = (extra = ""): string => articleFile(`title: T\ndate: 2023-08-15T09:00:00+07:00\n${extra}`);

describe("across files", () => {
	it("rejects a duplicate id, naming both files", async () => {
		const errors = await fixtureErrors({ "a.md": article("id: tin-1"), "b.md": article("id: tin-1") });
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ file: "b.md", field: "id" });
		expect(errors[0]?.problem).toMatch(/"tin-1".*a\.md/);
	});
	it("rejects an id equal to another file's default id", async () => {
		expect(await fixtureErrors({ "a.md": article(), "b.md": article("id: a") })).toMatchObject([
			{ file: "b.md", field: "id", problem: expect.stringMatching(/a\.md/) },
		]);
	});
	it("rejects two file names with the same slug, naming both files", async () => {
		const errors = await fixtureErrors({ "Bài Một.md": article(), "bai-mot.md": article() });
		expect(errors).toHaveLength(1);
		expect(errors[0]?.problem).toMatch(/"bai-mot"/);
		expect([errors[0]?.file, errors[0]?.problem].join(" ")).toMatch(/Bài Một\.md/);
		expect([errors[0]?.file, errors[0]?.problem].join(" ")).toMatch(/bai-mot\.md/);
	});
	it("accepts different tags or authors whose natural slugs collide: publishing tells them apart", async () => {
		expect(
			await fixtureErrors({
				"a.md": article("tags: [Xã hội, Xa-hội]\nauthors: [Đỗ Hà]"),
				"b.md": article("tags: [Xa hoi]\nauthors: [Do Ha]"),
			}),
		).toEqual([]);
	});
	it("treats names equal after NFC and case folding as one tag, first spelling winning", async () => {
		const loaded = await loadFixture({
			"a.md": article("tags: [Xã hội]"),
			"b.md": article(`tags: ["${"XÃ HỘI".normalize("NFD")}"]`),
		});
		if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
		expect(loaded.content.records.map((r) => r.tags)).toEqual([
			[{ name: "Xã hội", slug: "xa-hoi" }],
			[{ name: "Xã hội", slug: "xa-hoi" }],
		]);
	});
	it("does not let a draft decide how a published tag is spelled", async () => {
		const loaded = await loadFixture({
			"a.md": article("tags: [XÃ HỘI]\ndraft: true"),
			"b.md": article("tags: [Xã hội]"),
		});
		if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
		expect(loaded.content.records.map((r) => r.tags)).toEqual([[{ name: "Xã hội", slug: "xa-hoi" }]]);
	});
	it("lists every error of every file at once", async () => {
		const errors = await fixtureErrors({
			"a.md": articleFile("date: 2023-08-15"),
			"b.md": articleFile("title: T\ndate: 2023-13-01"),
			"c.md": "---\ntitle: [broken\n---\n",
			"d.md": article("id: a"),
		});
		expect(errors.map((e) => `${e.file} ${e.field}`)).toEqual([
			"a.md title",
			"b.md date",
			"c.md front matter",
			"d.md id",
		]);
	});
});
