// Zod rules shared by site.yaml and front matter: text, URLs, people, and turning zod issues into ContentErrors.
import { type ZodType, z } from "zod";
import { safeText, withoutBidiControls } from "../../text/safeText.ts";
import { type ContentError, expected } from "./contentError.ts";

/**
 * Any string, made safe (NFC, no XML-forbidden characters, no bidi overrides) and trimmed; empty is an error.
 * `what` names it in errors; `freeText` is false for strings with a format of their own (a URL, a zone), where
 * quoting a number is no fix.
 */
export const text = (what = "text", freeText = true): ZodType<string> =>
	z
		.string({ error: (issue) => expected(what, issue.input, freeText ? "text" : undefined) })
		.transform((value) => withoutBidiControls(safeText(value)).trim())
		.refine((value) => value.length > 0, { error: "must not be empty" });

/** An absolute http(s) URL, normalised to its ASCII href (so every feed format can carry it). */
export const httpUrl = (): ZodType<string> =>
	z.string({ error: (issue) => expected("a URL", issue.input) }).transform((value, ctx) => {
		const url = parseHttpUrl(safeText(value).trim());
		if (url === null) {
			ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)} is not an absolute http(s) URL` });
			return z.NEVER;
		}
		return url.href;
	});

export function parseHttpUrl(value: string): URL | null {
	if (!URL.canParse(value)) return null;
	const url = new URL(value);
	return (url.protocol === "http:" || url.protocol === "https:") && url.host !== "" ? url : null;
}

export const email = (): ZodType<string> =>
	z
		.string({ error: (issue) => expected("an email address", issue.input) })
		.transform((value) => safeText(value).trim())
		.pipe(z.email({ error: (issue) => `${JSON.stringify(issue.input)} is not an email address` }));

/** A person: a name, optionally with email and url; a bare string is shorthand for { name }. */
export const person = () =>
	z.preprocess(
		(value) => (typeof value === "string" ? { name: value } : dropNulls(value)),
		z.strictObject(
			{ name: text("a name"), email: email().optional(), url: httpUrl().optional() },
			{
				error: (issue) => expected("a name or a mapping with name, email and url", issue.input, "text"),
			},
		),
	);

/** YAML's empty value (`updated:`) means "not given", the same as leaving the key out. */
export function dropNulls(value: unknown): unknown {
	if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
	return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null));
}

/** Runs one field's schema. zod leaves the input out of its issues unless asked, and issuesToErrors needs it to
 * tell a missing value ("is required") from one of the wrong type. */
export function parseField<T>(schema: ZodType<T>, value: unknown): z.ZodSafeParseResult<T> {
	return schema.safeParse(value, { reportInput: true });
}

/** zod issues (from parseField) -> ContentErrors; `prefix` is the field the schema was applied to. */
export function issuesToErrors(file: string, prefix: string, issues: z.core.$ZodIssue[]): ContentError[] {
	const errors: ContentError[] = [];
	for (const issue of issues) {
		const field = fieldPath(prefix, issue.path);
		if (issue.code === "unrecognized_keys") {
			for (const key of issue.keys) {
				errors.push({ file, field: fieldPath(field, [key]), problem: "unknown key" });
			}
		} else if (issue.code === "invalid_type" && issue.input === undefined) {
			errors.push({ file, field, problem: "is required" });
		} else {
			errors.push({ file, field, problem: issue.message });
		}
	}
	return errors;
}

export function fieldPath(prefix: string, path: PropertyKey[]): string {
	let field = prefix;
	for (const part of path) {
		if (typeof part === "number") field += `[${part}]`;
		else field += field === "" ? String(part) : `.${String(part)}`;
	}
	return field;
}

/** Unknown top-level keys, each with a suggestion when it is a near miss of a known one ("tag" -> "tags"). */
export function unknownKeys(
	file: string,
	data: Record<string, unknown>,
	known: readonly string[],
): ContentError[] {
	return Object.keys(data)
		.filter((key) => !known.includes(key))
		.map((key) => {
			const near = known.find((candidate) => editDistance(candidate, key.toLowerCase()) <= 2);
			const hint = near ? `; did you mean "${near}"?` : `; known keys: ${known.join(", ")}`;
			return { file, field: key, problem: `unknown key${hint}` };
		});
}

function editDistance(a: string, b: string): number {
	let row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++) {
			next[j] = Math.min(
				(row[j] ?? 0) + 1,
				(next[j - 1] ?? 0) + 1,
				(row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		}
		row = next;
	}
	return row[b.length] ?? 0;
}
