// Content problems as data: which file, which field, what is wrong. Collected, never thrown one at a time.
//
// Results follow two shapes across sync (and the Worker's parameter parsing): a check that finds at most one problem
// answers `{ ok: true, ... } | { ok: false, ... }`, the failure saying what is wrong (a problem, a ContentError, a
// 400's message); a validator that collects every problem of a file answers `{ value: T | null, errors }`, value
// null whenever errors is not empty.

export interface ContentError {
	/** Path as the user would type it, e.g. "content/foo.md". */
	file: string;
	/** Dotted path into the front matter ("authors[1].email"), or "front matter" / "file" for the whole thing. */
	field: string;
	problem: string;
}

export function formatContentError(error: ContentError): string {
	return `${error.file}: ${error.field}: ${error.problem}`;
}

/** Thrown once, with every problem found, when any file is invalid. */
export class ContentValidationError extends Error {
	readonly errors: ContentError[];
	constructor(errors: ContentError[]) {
		super(
			`${errors.length} problem${errors.length === 1 ? "" : "s"} in content, nothing was written:\n${errors.map(formatContentError).join("\n")}`,
		);
		this.name = "ContentValidationError";
		this.errors = errors;
	}
}

/** What kind of value YAML gave, for "expected …, got …" messages: `text "Xã hội"`, `the number 5`, `a list`. */
export function describeValue(value: unknown): string {
	if (typeof value === "string")
		return `text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value)}`;
	if (typeof value === "number") return `the number ${value}`;
	if (typeof value === "boolean") return String(value);
	return quoteValue(value);
}

/**
 * The one wording for a value of the wrong type: "expected a list of names, got text "Xã hội"". `written` is how the
 * expected value is written in YAML, when quotes decide it: a number where free text belongs gets "put it in
 * quotes", a quoted "20" where a number belongs gets "remove the quotes".
 */
export function expected(what: string, input: unknown, written?: "text" | "number" | "boolean"): string {
	const got = `expected ${what}, got ${describeValue(input)}`;
	if (written === "text" && (typeof input === "number" || typeof input === "boolean"))
		return `${got} (put it in quotes)`;
	const unquoted = typeof input === "string" ? input.trim() : "";
	if (
		(written === "number" && /^-?\d+(\.\d+)?$/.test(unquoted)) ||
		(written === "boolean" && /^(true|false)$/.test(unquoted))
	)
		return `${got} (remove the quotes)`;
	return got;
}

/** Shows a value in a message the way it looked in YAML. */
export function quoteValue(value: unknown): string {
	if (typeof value === "string") return JSON.stringify(value);
	if (value === undefined) return "nothing";
	if (value === null) return "null (empty)";
	if (Array.isArray(value)) return "a list";
	if (typeof value === "object") return "a mapping";
	return String(value);
}
