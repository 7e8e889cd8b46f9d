// Each content file fails alone and by name: size, encoding, symlinks, directories, deep nesting, editor files.
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/sync/loadContent.ts";
import { ContentValidationError } from "../../../src/sync/validate/contentError.ts";
import { articleFile, SITE_YAML, tempContent } from "../support/tempContent.ts";

const article = (extra = "", body?: string): string =>
	articleFile(`title: T\ndate: 2023-08-15T09:00:00+07:00\n${extra}`, body);

async function load(
	files: Record<string, string>,
	prepare?: (dir: string) => Promise<void>,
	site = SITE_YAML,
) {
	const content = await tempContent(files, site);
	try {
		await prepare?.(content.dir);
		return await loadContent(content.dir, { target: "local", now: Date.parse("2026-11-28T00:00:00Z") });
	} catch (error) {
		if (error instanceof ContentValidationError)
			return error.errors.map((e) => ({ ...e, file: path.basename(e.file) }));
		throw error;
	} finally {
		await content.remove();
	}
}

describe("content files", () => {
	it("reports every bad file by name, still checks the rest, and writes nothing", async () => {
		const errors = await load(
			{
				"ok.md": article(),
				"big.md": article("", "x".repeat(1100 * 1024)),
				"quotes.md": article("", `${">".repeat(20_000)} x\n`),
				"emphasis.md": article("", `${"*".repeat(5000)}x${"*".repeat(5000)}\n`),
				"deep.md": article("", Array.from({ length: 300 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n")),
				".md": article(),
			},
			async (dir) => {
				await writeFile(
					path.join(dir, "latin1.md"),
					Buffer.from("---\ntitle: X\xe3 h\xf4i\ndate: 2023-08-15\n---\n", "latin1"),
				);
				await mkdir(path.join(dir, "dir.md"));
				await writeFile(path.join(dir, "..", "outside-edgefeed.md"), article());
				await symlink(path.join(dir, "..", "outside-edgefeed.md"), path.join(dir, "linked.md"));
			},
		);
		expect(Array.isArray(errors)).toBe(true);
		const byFile = new Map((errors as { file: string; problem: string }[]).map((e) => [e.file, e.problem]));
		expect(byFile.get("big.md")).toMatch(/more than the limit of 1048576 \(maxArticleBytes/);
		expect(byFile.get("quotes.md")).toMatch(/levels deep|nests too deeply/);
		expect(byFile.get("emphasis.md")).toMatch(/nests too deeply/);
		expect(byFile.get("deep.md")).toMatch(/levels deep/);
		expect(byFile.get(".md")).toMatch(/empty URL slug/);
		expect(byFile.get("latin1.md")).toMatch(/not valid UTF-8 text \(line 2\)/);
		expect(byFile.get("dir.md")).toMatch(/is a directory/);
		expect(byFile.get("linked.md")).toMatch(/symbolic link/);
		expect(byFile.has("ok.md")).toBe(false);
	});

	it("skips and lists dotfiles and editor backup or lock files, but not the project's .assetsignore", async () => {
		const loaded = await load(
			{ "ok.md": article(), "x.md~": article(), "#x.md#": "", ".x.md.swp": "", ".assetsignore": "/*\n" },
			(dir) => symlink("user@host.123", path.join(dir, ".#x.md")),
		);
		expect(Array.isArray(loaded)).toBe(false);
		if (Array.isArray(loaded)) return;
		expect(loaded.records.map((r) => r.id)).toEqual(["ok"]);
		expect(loaded.skipped).toEqual(["#x.md#", ".#x.md", ".x.md.swp", "x.md~"]);
	});

	it("takes the size limit from site.yaml", async () => {
		const errors = await load(
			{ "a.md": article("", "x".repeat(3000)) },
			undefined,
			`${SITE_YAML}maxArticleBytes: 2048\n`,
		);
		expect(errors).toMatchObject([{ file: "a.md", field: "file", problem: /limit of 2048/ }]);
	});

	it("refuses a future updated, unsafe ids and icons, and strips bidi overrides from titles", async () => {
		const errors = await load(
			{
				"later.md": article("updated: 2204-01-01"),
				"soon.md": articleFile("title: T\ndate: 2030-01-01\nupdated: 2030-01-02"),
				"js.md": article("id: javascript:alert(1)"),
			},
			undefined,
			`${SITE_YAML}icon: javascript:alert(1)\n`,
		);
		expect(errors).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					file: "later.md",
					field: "updated",
					problem: expect.stringMatching(/in the future/),
				}),
				expect.objectContaining({
					file: "soon.md",
					field: "updated",
					problem: expect.stringMatching(/scheduled/),
				}),
				expect.objectContaining({
					file: "js.md",
					field: "id",
					problem: expect.stringMatching(/javascript: URI/),
				}),
				expect.objectContaining({ file: "site.yaml", field: "icon" }),
			]),
		);
		const ok = await load({
			"a.md": articleFile("title: \u202Egnp.exe\u202C A\ndate: 2023-08-15\nid: urn:isbn:0451450523"),
		});
		expect(Array.isArray(ok)).toBe(false);
		if (!Array.isArray(ok))
			expect(ok.records[0]).toMatchObject({ title: "gnp.exe A", guid: "urn:isbn:0451450523" });
	});
});
