// The load stage costs what changed: the render cache skips unchanged files (not read, not rendered), renders again
// exactly what its inputs changed, and every file is still checked on every run, errors and clashes included.
import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
	type ContentIndex,
	type LoadOptions,
	loadContent,
	loadContentIndex,
} from "../../src/sync/loadContent.ts";
import { type ContentError, ContentValidationError } from "../../src/sync/validate/contentError.ts";
import { ageFiles } from "./support/agedFiles.ts";
import { NOW } from "./support/syncFixture.ts";
import { articleFile, SITE_YAML, TINY_PNG, tempContent } from "./support/tempContent.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A content directory (aged, so unchanged files can be trusted) and a cache file of its own. */
async function fixture(files: Record<string, string | Uint8Array>, siteYaml = SITE_YAML) {
	const content = await tempContent(files, siteYaml);
	const cacheDir = await mkdtemp(path.join(tmpdir(), "edgefeed-render-cache-"));
	cleanups.push(content.remove, () => rm(cacheDir, { recursive: true, force: true }));
	await ageFiles(content.dir);
	const cache = path.join(cacheDir, "render-cache.sqlite");
	const options = (extra: Partial<LoadOptions> = {}): LoadOptions => ({
		target: "local",
		now: NOW,
		cache,
		...extra,
	});
	/** Writes files, aged too (touching the others would change their ctime, and they would be read again). */
	const write = async (changes: Record<string, string | Uint8Array>): Promise<void> => {
		const when = new Date(Date.now() - 1_800_000);
		for (const [name, data] of Object.entries(changes)) {
			await writeFile(path.join(content.dir, name), data);
			await utimes(path.join(content.dir, name), when, when);
		}
	};
	const load = async (extra: Partial<LoadOptions> = {}): Promise<ContentIndex> => {
		const index = await loadContentIndex(content.dir, options(extra));
		cleanups.push(async () => index.close());
		return index;
	};
	const errors = async (extra: Partial<LoadOptions> = {}): Promise<ContentError[]> => {
		try {
			(await load(extra)).close();
		} catch (error) {
			if (error instanceof ContentValidationError) return error.errors;
			throw error;
		}
		throw new Error("expected the content to be invalid");
	};
	return { dir: content.dir, cache, options, write, load, errors };
}

const article = (title: string, extra = "", body?: string): string =>
	articleFile(`title: ${title}\ndate: 2023-08-15T09:00:00+07:00\n${extra}`, body);

function generated(count: number): Record<string, string> {
	const files: Record<string, string> = {};
	for (let i = 0; i < count; i++) {
		const day = new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString().slice(0, 19);
		files[`${String(Math.floor(i / 500))}/bai-${String(i).padStart(4, "0")}.md`] = articleFile(
			`title: Bài ${i}\ndate: ${day}+07:00\ntags: [${i % 2 === 0 ? "Xã hội" : "xã hội"}, Tin ${i % 7}]`,
			`Đoạn văn **${i}** của bài viết.\n\n- một\n- hai\n`,
		);
	}
	return files;
}

describe("the render cache", () => {
	it("re-renders exactly the one changed article of 2,000, and reads no unchanged file", async () => {
		const content = await fixture(generated(2000));
		const first = await content.load();
		expect(first.stats).toEqual({ files: 2000, read: 2000, rendered: 2000 });
		first.close();

		await content.write({ "1/bai-0700.md": article("Bài 700, đã sửa", "tags: [XÃ HỘI]") });
		const second = await content.load();
		expect(second.stats).toEqual({ files: 2000, read: 1, rendered: 1 });
		expect(second.articles.count).toBe(2000);
		const edited = [...second.articles.loaded()].find((entry) => entry.id === "bai-0700");
		// The first file's spelling still names the tag, though the edited file alone was rendered.
		expect(edited?.tags).toEqual([{ name: "Xã hội", slug: "xa-hoi" }]);
		expect(JSON.parse(second.articles.recordJson(edited?.record ?? ""))).toMatchObject({
			title: "Bài 700, đã sửa",
		});
	});

	it("renders everything again when the site settings change, the target's base URL included", async () => {
		const content = await fixture({ "a.md": article("A"), "b.md": article("B") });
		(await content.load()).close();
		expect((await content.load()).stats.rendered).toBe(0);
		expect((await content.load({ target: "production" })).stats.rendered).toBe(2);
		await content.write({ "site.yaml": SITE_YAML.replace("title: Tin tức thử", "title: Tin tức mới") });
		// Rendering needs the text: a file rendered again is read again.
		expect((await content.load()).stats).toMatchObject({ read: 2, rendered: 2 });
	});

	it("renders again what shows an image from content/images/ when that image changes, and only that", async () => {
		const content = await fixture({
			"images/anh.png": TINY_PNG,
			"co-anh.md": article("Có ảnh", "", "![Ảnh](/images/anh.png)\n"),
			"can-anh-moi.md": article("Cần ảnh mới", "image: /images/moi.png"),
			"khong-anh.md": article("Không ảnh"),
		});
		expect((await content.errors()).map((error) => [error.field, error.problem])).toEqual([
			["image.url", expect.stringMatching(/moi\.png does not exist/)],
		]);

		await content.write({
			"images/anh.png": new Uint8Array([...TINY_PNG, 0, 0]),
			"images/moi.png": TINY_PNG,
		});
		const index = await content.load();
		expect(index.stats).toMatchObject({ read: 2, rendered: 2 });
		const withImage = [...index.articles.loaded()].find((entry) => entry.id === "co-anh");
		expect(JSON.parse(index.articles.recordJson(withImage?.record ?? "")).image).toMatchObject({
			length: TINY_PNG.length + 2,
		});
	});

	it("rebuilds a corrupt or unusable cache file instead of failing", async () => {
		const content = await fixture({ "a.md": article("A"), "b.md": article("B") });
		(await content.load()).close();
		await writeFile(content.cache, "not a database ".repeat(1000));
		await rm(`${content.cache}-wal`, { force: true });
		expect((await content.load()).stats.rendered).toBe(2);
		expect((await content.load()).stats.rendered).toBe(0);

		const index = await content.load({ cache: content.dir });
		expect([...index.articles.loaded()].map((entry) => entry.id)).toEqual(["a", "b"]);
	});

	it("gives the same records, hashes and sizes as a load with no cache", async () => {
		const content = await fixture(generated(60));
		(await content.load()).close();
		await content.write({ "0/bai-0000.md": article("Bài 0", "tags: [XÃ HỘI]") });
		const cached = await content.load();
		expect(cached.stats.rendered).toBe(1);
		const uncached = await loadContent(content.dir, { target: "local", now: NOW });
		expect([...cached.recordJsons()].map(({ json }) => JSON.parse(json))).toEqual(uncached.records);
		const fresh = await loadContentIndex(content.dir, { target: "local", now: NOW });
		expect([...fresh.articles.loaded()]).toEqual([...cached.articles.loaded()]);
		fresh.close();
	});
});

describe("validation with every file cached", () => {
	it("lists every error again when nothing changed, then drafts and skipped files as before", async () => {
		const content = await fixture({
			"a.md": article("A", "tags: Xã hội"),
			"b.md": article("B", "", "![x](/images/khong-co.png)\n"),
			"c.md": "no front matter",
			"d.md": article("D", "draft: true"),
			"e.md": article("E"),
			"ghi-chu.txt": "not an article",
			"2024/trung.md": article("Trùng"),
			"2025/trung.md": article("Trùng"),
		});
		const first = await content.errors();
		expect(first.map((error) => `${path.basename(error.file)}: ${error.field}`)).toEqual([
			"trung.md: id",
			"trung.md: file name",
			"a.md: tags",
			"b.md: body",
			"c.md: front matter",
		]);
		expect(first[1]?.problem).toMatch(/2024[\\/]trung\.md/);
		expect(await content.errors()).toEqual(first);

		await content.write({ "a.md": article("A"), "b.md": article("B"), "c.md": article("C") });
		await rm(path.join(content.dir, "2025"), { recursive: true });
		const fixed = await content.load();
		expect(fixed.stats).toEqual({ files: 6, read: 3, rendered: 3 });
		expect(fixed.drafts).toEqual(["d"]);
		expect(fixed.skipped).toEqual(["ghi-chu.txt"]);
	});

	it("catches a duplicate slug across folders when both files are cached", async () => {
		const content = await fixture({
			"2024/05/bai-mot.md": article("Một"),
			"2025/01/Bài Một.md": article("Một"),
		});
		const before = await content.errors();
		expect(before).toHaveLength(1);
		expect(await content.errors()).toEqual(before);
		expect(before[0]).toMatchObject({ field: "file name", problem: expect.stringMatching(/"bai-mot"/) });
	});

	it("applies the rule on `updated` against each run's time, not the cached run's", async () => {
		const content = await fixture({ "a.md": article("A", "updated: 2026-12-01T09:00:00+07:00") });
		expect((await content.errors()).map((error) => error.field)).toEqual(["updated"]);
		const later = await content.load({ now: Date.parse("2026-12-02T00:00:00Z") });
		expect(later.stats.rendered).toBe(0);
		expect([...later.articles.loaded()].map((entry) => entry.id)).toEqual(["a"]);
	});

	it("gives a tag the collection's first spelling, however files come and go, without rendering again", async () => {
		const content = await fixture({
			"a.md": article("A", "tags: [Xã hội]"),
			"b.md": article("B", "tags: [XÃ HỘI]"),
		});
		expect([...(await content.load()).articles.loaded()].map((entry) => entry.tags[0]?.name)).toEqual([
			"Xã hội",
			"Xã hội",
		]);
		await rm(path.join(content.dir, "a.md"));
		const alone = await content.load();
		expect(alone.stats.rendered).toBe(0);
		const [only] = alone.articles.loaded();
		expect(only?.tags).toEqual([{ name: "XÃ HỘI", slug: "xa-hoi" }]);
		expect(JSON.parse(alone.articles.recordJson(only?.record ?? "")).tags).toEqual(only?.tags);
	});
});
