// Reads content/ (site.yaml + one .md per article), validates everything, renders; all errors or all records.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord, SiteSettings } from "../../store/kvLayout.ts";
import { safeText } from "../../text/safeText.ts";
import { KV_LIMITS } from "../publish/chunkRequests.ts";
import { buildArticleRecord, type RecordContext } from "../render/buildArticleRecord.ts";
import { type ContentError, ContentValidationError } from "./contentError.ts";
import { validateFrontMatter } from "./frontMatter.ts";
import { readLocalImages } from "./localImages.ts";
import { createNameRegistry } from "./nameRegistry.ts";
import { parseArticleSource } from "./parseArticleSource.ts";
import { parseSiteSettings, type SyncTarget } from "./siteSettings.ts";
import { toSlug } from "./slugs.ts";

export interface LoadedContent {
	site: SiteSettings;
	productionBaseUrl: string;
	/** Published and future-dated articles, in file-name order; drafts are left out. */
	records: ArticleRecord[];
	drafts: string[];
}

export interface LoadOptions {
	target: SyncTarget;
	onProgress?: (done: number, total: number) => void;
}

/** Used only to keep checking articles when site.yaml itself is broken, so every error is listed in one run. */
const FALLBACK_SITE: SiteSettings = {
	title: "-",
	description: "-",
	language: "en",
	baseUrl: "http://localhost",
	author: { name: "-" },
	copyright: "-",
	itemsPerFeed: 20,
	timeZone: "UTC",
};

/** Throws ContentValidationError listing every problem in every file when anything is invalid. */
export async function loadContent(contentDir: string, options: LoadOptions): Promise<LoadedContent> {
	const shown = (name: string): string => path.relative(process.cwd(), path.join(contentDir, name)) || name;
	const errors: ContentError[] = [];

	let names: string[];
	try {
		names = (await readdir(contentDir)).filter((name) => name.endsWith(".md")).sort();
	} catch (error) {
		throw new ContentValidationError([
			{ file: shown(""), field: "directory", problem: `cannot be read: ${(error as Error).message}` },
		]);
	}

	const siteFile = shown("site.yaml");
	let siteSource: string | null = null;
	try {
		siteSource = await readFile(path.join(contentDir, "site.yaml"), "utf8");
	} catch {
		errors.push({
			file: siteFile,
			field: "file",
			problem: "is missing; it holds the site's title, base URL and author",
		});
	}
	const resolved = siteSource === null ? null : parseSiteSettings(siteFile, siteSource, options.target);
	if (resolved) errors.push(...resolved.errors);
	const site = resolved?.value?.site ?? FALLBACK_SITE;
	const productionBaseUrl = resolved?.value?.productionBaseUrl ?? FALLBACK_SITE.baseUrl;

	const context: RecordContext = {
		site,
		productionBaseUrl,
		tags: createNameRegistry("tag"),
		authors: createNameRegistry("author"),
		images: await readLocalImages(contentDir, shown("")),
	};
	const records: ArticleRecord[] = [];
	const drafts: string[] = [];
	const idOwners = new Map<string, string>();
	const slugOwners = new Map<string, string>();
	const loadArticle = async (name: string): Promise<void> => {
		const file = shown(name);
		const stem = safeText(name.slice(0, -".md".length));
		const source = parseArticleSource(file, await readFile(path.join(contentDir, name), "utf8"));
		if (!source.ok) {
			errors.push(source.error);
			return;
		}
		const matter = validateFrontMatter(file, source.data, site);
		errors.push(...matter.errors);

		// Checked even when other fields are invalid, so a clash shows up in the same run.
		const givenId = source.data.id;
		const id = matter.value?.id ?? (typeof givenId === "string" ? safeText(givenId).trim() || stem : stem);
		const slug = toSlug(stem);
		const idOwner = idOwners.get(id);
		if (idOwner)
			errors.push({ file, field: "id", problem: `${JSON.stringify(id)} is already the id of ${idOwner}` });
		else idOwners.set(id, file);
		const slugOwner = slugOwners.get(slug);
		if (slugOwner) {
			errors.push({
				file,
				field: "file name",
				problem: `gives the URL slug "${slug}", which ${slugOwner} already has`,
			});
		} else slugOwners.set(slug, file);
		if (!matter.value) return;

		// A draft's tags must not decide how published tags are spelled, so drafts get registries of their own.
		const draft = matter.value.draft === true;
		const built = buildArticleRecord(
			{ file, stem, slug, matter: matter.value, body: source.body },
			draft
				? { ...context, tags: createNameRegistry("tag"), authors: createNameRegistry("author") }
				: context,
		);
		errors.push(...built.errors);
		if (!built.record) return;
		const bytes = new TextEncoder().encode(JSON.stringify(built.record)).length;
		if (bytes > KV_LIMITS.valueBytes) {
			errors.push({
				file,
				field: "body",
				problem: `renders to ${bytes} bytes; one KV value may hold at most 25 MiB`,
			});
		} else if (draft) drafts.push(id);
		else records.push(built.record);
	};
	for (const [index, name] of names.entries()) {
		await loadArticle(name);
		options.onProgress?.(index + 1, names.length);
	}
	if (errors.length > 0) throw new ContentValidationError(errors);
	return { site, productionBaseUrl, records, drafts };
}
