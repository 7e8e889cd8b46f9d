// Articles in folders at any depth under content/: ids and slugs from the file name, clashes across folders named
// by both files, content/images/ never scanned, and everything that is not an article listed as skipped.
import { mkdir, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/sync/loadContent.ts";
import { ContentValidationError } from "../../../src/sync/validate/contentError.ts";
import { articleFile, TINY_PNG, tempContent } from "../support/tempContent.ts";

const article = (title: string, extra = ""): string =>
	articleFile(`title: ${title}\ndate: 2023-08-15T09:00:00+07:00\n${extra}`);

/** The loaded content, or its errors with files relative to content/. */
async function load(files: Record<string, string | Uint8Array>, prepare?: (dir: string) => Promise<void>) {
	const content = await tempContent(files);
	try {
		await prepare?.(content.dir);
		return await loadContent(content.dir, { target: "local", now: Date.parse("2026-11-28T00:00:00Z") });
	} catch (error) {
		if (!(error instanceof ContentValidationError)) throw error;
		return error.errors.map((e) => ({ ...e, file: path.relative(content.dir, path.resolve(e.file)) }));
	} finally {
		await content.remove();
	}
}

describe("content in folders", () => {
	it("reads articles at any depth, each with the id and slug of its file name", async () => {
		const loaded = await load({
			"2024/05/bai-mot.md": article("Một"),
			"2023/bai-hai.md": article("Hai", "id: tin-hai"),
			"goc.md": article("Gốc"),
		});
		if (Array.isArray(loaded)) throw new Error(JSON.stringify(loaded));
		expect(loaded.records.map((r) => [r.id, r.slug, r.url]).sort()).toEqual([
			["bai-mot", "bai-mot", "http://localhost:8787/articles/bai-mot"],
			["goc", "goc", "http://localhost:8787/articles/goc"],
			["tin-hai", "bai-hai", "http://localhost:8787/articles/bai-hai"],
		]);
	});

	it("gives the same records wherever the files sit: moving a file changes nothing readers see", async () => {
		const flat = await load({ "bai-mot.md": article("Một"), "bai-hai.md": article("Hai") });
		const nested = await load({ "2024/05/bai-mot.md": article("Một"), "cu/bai-hai.md": article("Hai") });
		if (Array.isArray(flat) || Array.isArray(nested)) throw new Error("unexpected errors");
		const byId = (records: typeof flat.records) => [...records].sort((a, b) => a.id.localeCompare(b.id));
		expect(byId(nested.records)).toEqual(byId(flat.records));
	});

	it("refuses the same id or slug in two folders, naming both files", async () => {
		const errors = await load({
			"2024/trung.md": article("A"),
			"2025/trung.md": article("B"),
			"a/x.md": article("C", "id: cung-id"),
			"b/y.md": article("D", "id: cung-id"),
		});
		if (!Array.isArray(errors)) throw new Error("expected errors");
		expect(errors).toEqual(
			expect.arrayContaining([
				{ file: "2025/trung.md", field: "id", problem: expect.stringContaining("2024/trung.md") },
				{ file: "2025/trung.md", field: "file name", problem: expect.stringContaining("2024/trung.md") },
				{ file: "b/y.md", field: "id", problem: expect.stringContaining("a/x.md") },
			]),
		);
		expect(errors).toHaveLength(3);
	});

	it("never scans content/images/, and lists every other file it skips", async () => {
		const loaded = await load(
			{
				"bai.md": article("Bài"),
				"images/anh.png": TINY_PNG,
				"images/ghi-chu.md": article("Không phải bài"),
				"notes.txt": "ghi chú",
				"2024/readme.txt": "x",
				"2024/.nhap.md": article("Ẩn"),
				".git/config": "[core]",
			},
			async (dir) => {
				await mkdir(path.join(dir, "ngoai"));
				await symlink(path.join(dir, "ngoai"), path.join(dir, "lien-ket"));
			},
		);
		if (Array.isArray(loaded)) throw new Error(JSON.stringify(loaded));
		expect(loaded.records.map((r) => r.id)).toEqual(["bai"]);
		expect(loaded.skipped).toEqual([".git", "2024/.nhap.md", "2024/readme.txt", "lien-ket", "notes.txt"]);
	});
});
