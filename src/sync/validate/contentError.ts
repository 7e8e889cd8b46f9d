// Content problems as data: which file, which field, what is wrong. Collected, never thrown one at a time.

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

/** Shows a value in a message the way it looked in YAML. */
export function quoteValue(value: unknown): string {
	if (typeof value === "string") return JSON.stringify(value);
	if (value === undefined) return "nothing";
	if (value === null) return "null (empty)";
	if (Array.isArray(value)) return "a list";
	if (typeof value === "object") return "a mapping";
	return String(value);
}
