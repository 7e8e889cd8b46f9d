// Splits an article file into YAML front matter and Markdown body (gray-matter, with `yaml` as the YAML engine).
import matter from "gray-matter";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { ContentError } from "./contentError.ts";

export type ArticleSource =
	| { ok: true; data: Record<string, unknown>; body: string }
	| { ok: false; error: ContentError };

const refuse = (): never => {
	throw new Error("front matter must be YAML");
};

/**
 * `yaml` keeps dates as the strings they were written as (js-yaml, gray-matter's default, turns them into Dates
 * and loses the offset). gray-matter would eval `---js` front matter, so every other language is refused.
 */
const OPTIONS = {
	language: "yaml",
	engines: {
		yaml: (input: string) => parseYaml(input) as object,
		js: refuse,
		javascript: refuse,
		json: refuse,
		coffee: refuse,
	},
};

export function parseArticleSource(file: string, source: string): ArticleSource {
	const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
	const fail = (problem: string): ArticleSource => ({
		ok: false,
		error: { file, field: "front matter", problem },
	});
	if (!/^---[ \t]*\n/.test(text)) {
		return fail(
			/^---\S/.test(text)
				? "must be YAML: open it with a line that is just ---"
				: "is missing: the file must start with a --- line, then YAML, then ---",
		);
	}
	if (!/\n---[ \t]*(\n|$)/.test(text.slice(3)))
		return fail("is not closed: add a line that is just --- after it");
	let parsed: matter.GrayMatterFile<string>;
	try {
		parsed = matter(text, OPTIONS);
	} catch (error) {
		return fail(`invalid YAML: ${describeYamlError(error)}`);
	}
	const data: unknown = parsed.data;
	if (data === null || typeof data !== "object" || Array.isArray(data)) {
		return fail("must be a YAML mapping of fields (title: ..., date: ...)");
	}
	return { ok: true, data: data as Record<string, unknown>, body: parsed.content };
}

/** The YAML error's first line and its line in the file (gray-matter hands over the text after the opening ---, newline included, so the numbers line up). */
function describeYamlError(error: unknown): string {
	if (error instanceof YAMLParseError) {
		const line = error.linePos?.[0].line;
		const message = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
		return line === undefined ? message : `line ${line}: ${message}`;
	}
	return error instanceof Error ? error.message : String(error);
}
