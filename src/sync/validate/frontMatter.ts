// Front-matter rules: every field of an article file, validated field by field so all problems surface at once.
import { z } from "zod";
import type { ImageRef, Person, SiteSettings } from "../../domain/model.ts";
import { resolveUrl } from "../shared/absoluteUrls.ts";
import { idProblem } from "./articleGuid.ts";
import { parseContentDate } from "./contentDate.ts";
import { type ContentError, expected } from "./contentError.ts";
import {
	dropNulls,
	httpUrl,
	issuesToErrors,
	parseField,
	parseHttpUrl,
	person,
	text,
	unknownKeys,
} from "./fieldRules.ts";
import { imageType, KNOWN_IMAGE_EXTENSIONS } from "./imageType.ts";
import { foldName } from "./slugs.ts";

export interface ContentDateValue {
	/** RFC 3339 with an explicit offset. */
	value: string;
	epochMs: number;
	/** Written as a date alone (2023-08-15): `value` is the zone's midnight, which is not a real time. */
	dateOnly: boolean;
}

export interface FrontMatter {
	title: string;
	date: ContentDateValue;
	updated?: ContentDateValue;
	authors?: Person[];
	/** Distinct after case folding, first spelling kept. */
	tags?: string[];
	summary?: string;
	image?: ImageRef;
	id?: string;
	canonical?: string;
	draft?: boolean;
}

const contentDate = (timeZone: string) =>
	z.any().transform((input, ctx): ContentDateValue => {
		if (input === undefined) {
			ctx.addIssue({ code: "custom", message: "is required" });
			return z.NEVER;
		}
		const date = parseContentDate(input, timeZone);
		if (!date.ok) {
			ctx.addIssue({ code: "custom", message: date.problem });
			return z.NEVER;
		}
		return { value: date.value, epochMs: date.epochMs, dateOnly: date.dateOnly };
	});

/** A YAML list; a lone value gets the list form as a hint, since that is the usual slip (`tags: Xã hội`). */
const list = <T extends z.ZodType>(item: T, what: string) =>
	z.array(item, {
		error: (issue) =>
			expected(`a list of ${what}`, issue.input) +
			(typeof issue.input === "string" ? `; write it as [${issue.input}]` : ""),
	});

const positiveInt = () =>
	z
		.number({ error: (issue) => expected("a whole number of pixels", issue.input, "number") })
		.int({ error: "must be a whole number of pixels" })
		.positive({ error: "must be greater than 0" });

const byteCount = () =>
	z
		.number({ error: (issue) => expected("the image's size in bytes", issue.input, "number") })
		.int({ error: "must be a whole number of bytes" })
		.positive({ error: "must be greater than 0" });

/** image.url: absolute http(s), or relative to the site; its extension must say what kind of image it is. */
const imageUrl = (baseUrl: string) =>
	text("a URL or a path on the site", false).transform((value, ctx): { url: string; type: string } => {
		const resolved = resolveUrl(value, baseUrl);
		if (resolved === null || parseHttpUrl(resolved) === null) {
			ctx.addIssue({
				code: "custom",
				message: `${JSON.stringify(value)} is not an http(s) URL or a path on the site`,
			});
			return z.NEVER;
		}
		const type = imageType(resolved);
		if (type === null) {
			ctx.addIssue({
				code: "custom",
				message: `cannot tell the image type of ${JSON.stringify(value)} from its extension (known: ${KNOWN_IMAGE_EXTENSIONS.join(", ")})`,
			});
			return z.NEVER;
		}
		return { url: resolved, type };
	});

const image = (baseUrl: string) =>
	z.preprocess(
		(value) => (typeof value === "string" ? { url: value } : dropNulls(value)),
		z
			.strictObject(
				{
					url: imageUrl(baseUrl),
					alt: text().optional(),
					caption: text().optional(),
					credit: text().optional(),
					width: positiveInt().optional(),
					height: positiveInt().optional(),
					length: byteCount().optional(),
				},
				{
					error: (issue) =>
						expected(
							"a URL or a mapping with url, alt, caption, credit, width, height and length",
							issue.input,
						),
				},
			)
			.transform(({ url, ...rest }): ImageRef => ({ ...url, ...rest })),
	);

export const FRONT_MATTER_KEYS = [
	"title",
	"date",
	"updated",
	"authors",
	"tags",
	"summary",
	"image",
	"id",
	"canonical",
	"draft",
] as const;

type FieldSchemas = Record<(typeof FRONT_MATTER_KEYS)[number], z.ZodType>;

/** Built once per site settings: building them took about as long as checking a file with them. */
const schemasBySite = new WeakMap<SiteSettings, FieldSchemas>();

function fieldSchemas(site: SiteSettings): FieldSchemas {
	let schemas = schemasBySite.get(site);
	if (!schemas) {
		schemas = buildFieldSchemas(site);
		schemasBySite.set(site, schemas);
	}
	return schemas;
}

function buildFieldSchemas(site: SiteSettings): FieldSchemas {
	return {
		title: text(),
		date: contentDate(site.timeZone),
		updated: contentDate(site.timeZone).optional(),
		authors: list(person(), "authors")
			.min(1, { error: "must list at least one author (or be left out)" })
			.optional(),
		tags: list(text("a name"), "names").optional(),
		summary: text().optional(),
		image: image(site.baseUrl).optional(),
		id: text()
			.superRefine((id, ctx) => {
				const problem = idProblem(id);
				if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
			})
			.optional(),
		canonical: httpUrl().optional(),
		draft: z.boolean({ error: (issue) => expected("true or false", issue.input, "boolean") }).optional(),
	};
}

/** What the one rule that depends on the sync's time needs: kept apart so every other check of a file depends on
 * its text and the site settings alone (and can be cached by them). */
export interface UpdatedTiming {
	/** Epoch ms of `date`, when it is valid. */
	date?: number;
	/** Epoch ms of `updated`. */
	updated: number;
	/** `date` and `updated` as written, for messages. */
	dateText?: string;
	updatedText: string;
}

/** Validates parsed front matter as of `now` (epoch ms, the sync's time); `value` is null when there is any error. */
export function validateFrontMatter(
	file: string,
	data: Record<string, unknown>,
	site: SiteSettings,
	now: number = Date.now(),
): { value: FrontMatter | null; errors: ContentError[] } {
	const checked = checkFrontMatter(file, data, site);
	const errors = [...checked.errors, ...updatedTimeErrors(file, checked.timing, now)];
	return errors.length > 0 ? { value: null, errors } : { value: checked.value, errors };
}

/** Every front-matter rule except the sync-time one (see updatedTimeErrors); `value` is null when there is any
 * error, and `timing` is set whenever `updated` is valid. */
export function checkFrontMatter(
	file: string,
	data: Record<string, unknown>,
	site: SiteSettings,
): { value: FrontMatter | null; errors: ContentError[]; timing?: UpdatedTiming } {
	const fields = dropNulls(data) as Record<string, unknown>;
	const errors = unknownKeys(file, fields, FRONT_MATTER_KEYS);
	const parsed: Record<string, unknown> = {};
	for (const [key, schema] of Object.entries(fieldSchemas(site))) {
		const result = parseField(schema, fields[key]);
		if (result.success) {
			if (result.data !== undefined) parsed[key] = result.data;
		} else errors.push(...issuesToErrors(file, key, result.error.issues));
	}
	const matter = parsed as unknown as FrontMatter;
	if (matter.date && matter.updated && matter.updated.epochMs < matter.date.epochMs) {
		errors.push({
			file,
			field: "updated",
			problem: `${JSON.stringify(fields.updated)} is before date ${JSON.stringify(fields.date)}`,
		});
	}
	const timing: UpdatedTiming | undefined = matter.updated && {
		...(matter.date ? { date: matter.date.epochMs, dateText: JSON.stringify(fields.date) } : {}),
		updated: matter.updated.epochMs,
		updatedText: JSON.stringify(fields.updated),
	};
	if (matter.tags) matter.tags = distinctNames(matter.tags);
	return { value: errors.length > 0 ? null : matter, errors, ...(timing ? { timing } : {}) };
}

/**
 * The sync-time rule: a future `updated` would make Last-Modified move on every request, and a scheduled article
 * is updated no later than it appears.
 */
export function updatedTimeErrors(
	file: string,
	timing: UpdatedTiming | undefined,
	now: number,
): ContentError[] {
	if (!timing) return [];
	const latest = timing.date === undefined ? now : Math.max(now, timing.date);
	if (timing.updated <= latest) return [];
	return [
		{
			file,
			field: "updated",
			problem:
				timing.date !== undefined && timing.date > now
					? `${timing.updatedText} is after date ${timing.dateText} of this scheduled article`
					: `${timing.updatedText} is in the future (the sync runs at ${new Date(now).toISOString()})`,
		},
	];
}

function distinctNames(names: string[]): string[] {
	const seen = new Set<string>();
	return names.filter((name) => {
		const folded = foldName(name);
		if (seen.has(folded)) return false;
		seen.add(folded);
		return true;
	});
}
