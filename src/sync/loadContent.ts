// Reads content/ (site.yaml + one .md per article), validates everything, renders; all errors or all records.
import path from "node:path";
import type { ArticleRecord, SiteSettings } from "../domain/model.ts";
import { safeText } from "../text/safeText.ts";
import { buildArticleRecord, type RecordContext } from "./render/buildArticleRecord.ts";
import { KV_LIMITS } from "./shared/kvLimits.ts";
import { type ContentError, ContentValidationError } from "./validate/contentError.ts";
import {
	type ContentListing,
	DEFAULT_MAX_ARTICLE_BYTES,
	listContent,
	readContentFile,
} from "./validate/contentFiles.ts";
import { validateFrontMatter } from "./validate/frontMatter.ts";
import { readLocalImages } from "./validate/localImages.ts";
import { createNameRegistry } from "./validate/nameRegistry.ts";
import { parseArticleSource } from "./validate/parseArticleSource.ts";
import { parseSiteSettings, type SyncTarget } from "./validate/siteSettings.ts";
import { toSlug } from "./validate/slugs.ts";

export interface LoadedContent {
	site: SiteSettings;
	productionBaseUrl: string;
	/** Published and future-dated articles, in file-name order; drafts are left out. */
	records: ArticleRecord[];
	drafts: string[];
	/** Files in content/ that are not articles (dotfiles, editor files, other files), left out. */
	skipped: string[];
}

export interface LoadOptions {
	target: SyncTarget;
	onProgress?: (done: number, total: number) => void;
	/** Epoch ms the sync runs at: no `updated` may be later. Defaults to the clock. */
	now?: number;
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

	let listing: ContentListing;
	try {
		listing = await listContent(contentDir);
	} catch (error) {
		throw new ContentValidationError([
			{ file: shown(""), field: "directory", problem: `cannot be read: ${(error as Error).message}` },
		]);
	}
	const names = listing.articles;
	for (const [name, problem] of listing.refused) errors.push({ file: shown(name), field: "file", problem });

	const siteFile = shown("site.yaml");
	const siteText = await readContentFile(contentDir, "site.yaml", DEFAULT_MAX_ARTICLE_BYTES);
	if (!siteText.ok) {
		errors.push({
			file: siteFile,
			field: "file",
			problem: /ENOENT/.test(siteText.problem)
				? "is missing; it holds the site's title, base URL and author"
				: siteText.problem,
		});
	}
	const resolved = siteText.ok ? parseSiteSettings(siteFile, siteText.text, options.target) : null;
	if (resolved) errors.push(...resolved.errors);
	const site = resolved?.value?.site ?? FALLBACK_SITE;
	const productionBaseUrl = resolved?.value?.productionBaseUrl ?? FALLBACK_SITE.baseUrl;
	const maxBytes = resolved?.value?.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
	const now = options.now ?? Date.now();

	const context: RecordContext = {
		site,
		productionBaseUrl,
		tags: createNameRegistry(),
		authors: createNameRegistry(),
		images: await readLocalImages(contentDir, shown("")),
	};
	const records: ArticleRecord[] = [];
	const drafts: string[] = [];
	const idOwners = new Map<string, string>();
	const slugOwners = new Map<string, string>();
	const loadArticle = async (name: string): Promise<void> => {
		const file = shown(name);
		// The file name, never its folder: moving a file between folders changes nothing readers see.
		const stem = safeText(path.basename(name).slice(0, -".md".length));
		const slug = toSlug(stem);
		if (slug === "") {
			errors.push({
				file,
				field: "file name",
				problem: "gives an empty URL slug; name the file after the article",
			});
			return;
		}
		const text = await readContentFile(contentDir, name, maxBytes);
		if (!text.ok) {
			errors.push({ file, field: "file", problem: text.problem });
			return;
		}
		const source = parseArticleSource(file, text.text);
		if (!source.ok) {
			errors.push(source.error);
			return;
		}
		const matter = validateFrontMatter(file, source.data, site, now);
		errors.push(...matter.errors);

		// Checked even when other fields are invalid, so a clash shows up in the same run.
		const givenId = source.data.id;
		const id = matter.value?.id ?? (typeof givenId === "string" ? safeText(givenId).trim() || stem : stem);
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
			draft ? { ...context, tags: createNameRegistry(), authors: createNameRegistry() } : context,
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
		// One file's failure is that file's error: every other file is still checked.
		try {
			await loadArticle(name);
		} catch (error) {
			errors.push({ file: shown(name), field: "file", problem: describeFailure(error) });
		}
		options.onProgress?.(index + 1, names.length);
	}
	if (errors.length > 0) throw new ContentValidationError(errors);
	return { site, productionBaseUrl, records, drafts, skipped: listing.skipped };
}

/** What went wrong reading or rendering one file, in a sentence. */
function describeFailure(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof RangeError || /Maximum call stack size exceeded/.test(message)) {
		return "nests too deeply to render (Maximum call stack size exceeded); flatten its lists, quotes or emphasis";
	}
	return `cannot be processed: ${message.split("\n")[0]}`;
}
