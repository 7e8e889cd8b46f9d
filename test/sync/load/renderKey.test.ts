// The render cache's key: every input that decides a file's outcome changes it, so changing one renders again.
import { describe, expect, it } from "vitest";
import { hashOf, renderKey, runInputs, runRenderKeys } from "../../../src/sync/load/renderKey.ts";
import { RENDERER_VERSION } from "../../../src/sync/render/rendererVersion.ts";
import { site } from "../../support/articles.ts";

const PRODUCTION = "https://news.example.org";
const run = runInputs(site, PRODUCTION, "content");
const key = (inputs = run, name = "a.md", file = "content/a.md", text = "---\ntitle: A\n---\n") =>
	renderKey(inputs, name, file, hashOf(text));

describe("render keys", () => {
	it("are the same for the same inputs", () => {
		expect(key(runInputs({ ...site }, PRODUCTION, "content"))).toBe(key());
	});

	it("change with the renderer version, for every file", () => {
		const bumped = runInputs(site, PRODUCTION, "content", RENDERER_VERSION + 1);
		expect(key(bumped)).not.toBe(key());
		expect(key(bumped, "b.md", "content/b.md")).not.toBe(key(run, "b.md", "content/b.md"));
	});

	it("change with the file's text, its path, and every site setting the render reads", () => {
		const keys = [
			key(),
			key(run, "a.md", "content/a.md", "---\ntitle: B\n---\n"),
			key(run, "2024/a.md", "content/2024/a.md"),
			key(runInputs({ ...site, baseUrl: "https://news.example.org" }, PRODUCTION, "content")),
			key(runInputs({ ...site, timeZone: "UTC" }, PRODUCTION, "content")),
			key(runInputs(site, "https://other.example.org", "content")),
			key(runInputs(site, PRODUCTION, "../content")),
		];
		expect(new Set(keys).size).toBe(keys.length);
	});

	it("are the same whether the run's part is hashed once or with each file", () => {
		const keyOf = runRenderKeys(run);
		for (const [name, file] of [
			["a.md", "content/a.md"],
			['2024/05/bài "x".md', '../content/2024/05/bài "x".md'],
		] as const)
			expect(keyOf(name, file, hashOf("x"))).toBe(renderKey(run, name, file, hashOf("x")));
	});
});
