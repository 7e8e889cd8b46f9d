// Splitting files into YAML front matter and body: invalid YAML and non-YAML front matter are errors, never run.
import { describe, expect, it } from "vitest";
import { parseArticleSource } from "../../../src/sync/validate/parseArticleSource.ts";
import { fixtureErrors } from "../support/loadFixture.ts";

describe("parseArticleSource", () => {
	it("keeps dates as the strings they were written as", () => {
		const source = parseArticleSource(
			"a.md",
			"---\ndate: 2023-08-15T09:00:00+07:00\nday: 2023-08-15\n---\nBody\n",
		);
		expect(source).toEqual({
			ok: true,
			data: { date: "2023-08-15T09:00:00+07:00", day: "2023-08-15" },
			body: "Body\n",
		});
	});
	it("accepts CRLF line endings and a byte order mark", () => {
		const source = parseArticleSource("a.md", "\uFEFF---\r\ntitle: T\r\n---\r\nBody\r\n");
		expect(source).toEqual({ ok: true, data: { title: "T" }, body: "Body\n" });
	});
	it("reports invalid YAML with its line", () => {
		const source = parseArticleSource("a.md", "---\ntitle: T\ntags: [a\n---\n");
		expect(source.ok).toBe(false);
		if (source.ok) return;
		expect(source.error).toMatchObject({
			file: "a.md",
			field: "front matter",
			problem: expect.stringMatching(/^invalid YAML: line \d+/),
		});
	});
	it("rejects duplicate keys", () => {
		expect(parseArticleSource("a.md", "---\ntitle: A\ntitle: B\n---\n")).toMatchObject({
			ok: false,
			error: { problem: expect.stringMatching(/invalid YAML.*unique/) },
		});
	});
	it("refuses JavaScript front matter without running it", () => {
		const marker = globalThis as { edgefeedEvaluated?: boolean };
		const source = parseArticleSource(
			"a.md",
			"---js\n(globalThis.edgefeedEvaluated = true, {title: 'x'})\n---\n",
		);
		expect(source.ok).toBe(false);
		expect(marker.edgefeedEvaluated).toBeUndefined();
	});
	it("requires front matter, opened and closed", () => {
		expect(parseArticleSource("a.md", "# Just Markdown\n")).toMatchObject({
			ok: false,
			error: { field: "front matter" },
		});
		expect(parseArticleSource("a.md", "---\ntitle: T\n")).toMatchObject({
			ok: false,
			error: { problem: expect.stringMatching(/not closed/) },
		});
	});
	it("rejects front matter that is not a mapping", () => {
		expect(parseArticleSource("a.md", "---\n- a\n- b\n---\n")).toMatchObject({
			ok: false,
			error: { problem: expect.stringMatching(/mapping/) },
		});
	});
	it("names the file with invalid YAML among other files' errors", async () => {
		const errors = await fixtureErrors({
			"ok.md": "---\ntitle: T\ndate: 2023-08-15\n---\n",
			"bad.md": "---\ntitle: 'x\n---\n",
		});
		expect(errors).toMatchObject([
			{ file: "bad.md", field: "front matter", problem: expect.stringMatching(/invalid YAML/) },
		]);
	});
});
