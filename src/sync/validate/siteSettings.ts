// content/site.yaml: validated, then resolved for one target (local or production base URL).
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { SiteSettings } from "../../domain/model.ts";
import { resolveUrl } from "../shared/absoluteUrls.ts";
import { KV_LIMITS } from "../shared/kvLimits.ts";
import { isTimeZone } from "./contentDate.ts";
import { type ContentError, expected, quoteValue } from "./contentError.ts";
import { DEFAULT_MAX_ARTICLE_BYTES } from "./contentFiles.ts";
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

export type SyncTarget = "local" | "production";

export interface ResolvedSite {
	site: SiteSettings;
	/** Guids hash the production base URL so an article's id is the same locally and in production. */
	productionBaseUrl: string;
	/** Largest article file sync reads; a sync setting, not part of what is published. */
	maxArticleBytes: number;
}

/** A base URL: absolute http(s), no query or fragment, no trailing slash. */
const baseUrl = () =>
	httpUrl().transform((href, ctx) => {
		const url = new URL(href);
		if (url.search !== "" || url.hash !== "") {
			ctx.addIssue({ code: "custom", message: `${JSON.stringify(href)} must not have a query or fragment` });
			return z.NEVER;
		}
		return href.replace(/\/+$/, "");
	});

const FIELDS = {
	title: text(),
	description: text(),
	language: text("a language tag such as vi", false).refine((tag) => isLanguageTag(tag), {
		error: "must be a BCP 47 language tag such as vi or en-US",
	}),
	baseUrl: z.strictObject(
		{ local: baseUrl(), production: baseUrl() },
		{ error: (issue) => expected("a mapping with local and production URLs", issue.input) },
	),
	author: person(),
	copyright: text(),
	icon: text("a URL or a path on the site", false).optional(),
	itemsPerFeed: z
		.number({ error: (issue) => expected("a whole number from 1 to 1000", issue.input, "number") })
		.int({ error: "must be a whole number" })
		.min(1, { error: "must be at least 1" })
		.max(1000, { error: "must be at most 1000" })
		.default(20),
	hub: httpUrl().optional(),
	maxArticleBytes: z
		.number({ error: (issue) => expected("a whole number of bytes", issue.input, "number") })
		.int({ error: "must be a whole number of bytes" })
		.min(1024, { error: "must be at least 1024" })
		.max(KV_LIMITS.valueBytes, { error: `must be at most ${KV_LIMITS.valueBytes} (one KV value)` })
		.default(DEFAULT_MAX_ARTICLE_BYTES),
	timeZone: text("an IANA time zone such as Asia/Ho_Chi_Minh", false).refine(isTimeZone, {
		error: (issue) => `${quoteValue(issue.input)} is not an IANA time zone such as Asia/Ho_Chi_Minh`,
	}),
} as const;

function isLanguageTag(tag: string): boolean {
	try {
		return Intl.getCanonicalLocales(tag).length === 1;
	} catch {
		return false;
	}
}

/** Parses and validates site.yaml's text; `file` names it in errors. */
export function parseSiteSettings(
	file: string,
	source: string,
	target: SyncTarget,
): { value: ResolvedSite | null; errors: ContentError[] } {
	let data: unknown;
	try {
		data = parseYaml(source);
	} catch (error) {
		return {
			value: null,
			errors: [{ file, field: "file", problem: `invalid YAML: ${(error as Error).message}` }],
		};
	}
	if (data === null || typeof data !== "object" || Array.isArray(data)) {
		return { value: null, errors: [{ file, field: "file", problem: "must be a YAML mapping of settings" }] };
	}
	const fields = dropNulls(data) as Record<string, unknown>;
	const errors = unknownKeys(file, fields, Object.keys(FIELDS));
	const parsed: Record<string, unknown> = {};
	for (const [key, schema] of Object.entries(FIELDS)) {
		const result = parseField(schema as z.ZodType, fields[key]);
		if (result.success) parsed[key] = result.data;
		else errors.push(...issuesToErrors(file, key, result.error.issues));
	}
	if (errors.length > 0) return { value: null, errors };

	const settings = parsed as z.output<z.ZodObject<typeof FIELDS>>;
	const base = settings.baseUrl[target];
	let icon: string | undefined;
	if (settings.icon !== undefined) {
		const resolvedIcon = resolveUrl(settings.icon, base);
		icon = resolvedIcon !== null && parseHttpUrl(resolvedIcon) !== null ? resolvedIcon : undefined;
		if (icon === undefined) {
			return {
				value: null,
				errors: [
					{
						file,
						field: "icon",
						problem: `${JSON.stringify(settings.icon)} is not an http(s) URL or a path on the site`,
					},
				],
			};
		}
	}
	const site: SiteSettings = {
		title: settings.title,
		description: settings.description,
		language: Intl.getCanonicalLocales(settings.language)[0] ?? settings.language,
		baseUrl: base,
		author: settings.author,
		copyright: settings.copyright,
		...(icon === undefined ? {} : { icon }),
		itemsPerFeed: settings.itemsPerFeed,
		...(settings.hub === undefined ? {} : { hub: settings.hub }),
		timeZone: settings.timeZone,
	};
	return {
		value: {
			site,
			productionBaseUrl: settings.baseUrl.production,
			maxArticleBytes: settings.maxArticleBytes,
		},
		errors: [],
	};
}
