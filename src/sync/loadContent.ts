// Reads content/ (site.yaml + one .md per article), validates everything, renders; all errors or all records.
//
// Each run checks every file, and renders only what changed since an earlier run: a file whose size, mtime, ctime
// and inode are as when its text was hashed is not read, and a text already rendered with the same inputs (see
// load/renderKey.ts) is not rendered. The render cache (load/renderCache.ts) keeps each file's outcome, errors
// included, so a cached file's errors are listed as if it had been checked again; the rules across files (unique ids
// and slugs, one spelling per tag and author) and the rule on `updated` against the sync's time run every time.
//
// Two ways in:
// - loadContent(dir, options): every record in memory, as LoadedContent (small collections, tests).
// - loadContentIndex(dir, options): a ContentIndex holding one small LoadedArticle per article (no bodies); the
//   publish stage reads a record's canonical JSON when it needs it with index.readRecordJson(entry.record) (or
//   index.recordJsons(entries), in the order it gives), then calls index.close(). The JSON is exactly what
//   publish/contentHash.ts's hashJson gives for the record, and entry.record is its hash. Bodies are read from the
//   cache file, so memory holds only the entries, whatever the archive's size; with no `cache` file given the
//   cache is in memory and holds them all.
import path from "node:path";
import type { ArticleRecord, AuthorRef, SiteSettings, TagRef } from "../domain/model.ts";
import { safeText } from "../text/safeText.ts";
import {
	type ArticleFile,
	type ArticleOutcome,
	describeFailure,
	type RenderedRecord,
} from "./load/articleOutcome.ts";
import { fileStamp } from "./load/fileStamp.ts";
import {
	MEMORY_CACHE,
	openRenderCache,
	type RenderCache,
	RenderCacheError,
	removeCacheFile,
} from "./load/renderCache.ts";
import { hashOf, renderKey, runInputs } from "./load/renderKey.ts";
import { renderPool } from "./load/renderPool.ts";
import { hashJson } from "./publish/contentHash.ts";
import { KV_LIMITS } from "./shared/kvLimits.ts";
import { type ContentError, ContentValidationError } from "./validate/contentError.ts";
import {
	type ContentListing,
	DEFAULT_MAX_ARTICLE_BYTES,
	listContent,
	readContentFile,
} from "./validate/contentFiles.ts";
import { updatedTimeErrors } from "./validate/frontMatter.ts";
import { readLocalImages } from "./validate/localImages.ts";
import { createNameRegistry, type NameRegistry } from "./validate/nameRegistry.ts";
import { parseSiteSettings, type SyncTarget } from "./validate/siteSettings.ts";
import { toSlug } from "./validate/slugs.ts";

export interface LoadedContent {
	site: SiteSettings;
	productionBaseUrl: string;
	/** Published and future-dated articles, in file-path order; drafts are left out. */
	records: ArticleRecord[];
	drafts: string[];
	/** Files in content/ that are not articles (dotfiles, editor files, other files), left out. */
	skipped: string[];
	stats: LoadStats;
}

/** One published or future-dated article, without its body: what ordering, scoping and planning need. */
export interface LoadedArticle {
	id: string;
	slug: string;
	/** The file, as messages show it. */
	file: string;
	/** Hash of the record's canonical JSON (publish/contentHash.ts hashJson), its key in the index. */
	record: string;
	/** UTF-8 bytes of that JSON. */
	bytes: number;
	/** Epoch ms of `published`, and of `updated ?? published`. */
	published: number;
	modified: number;
	/** As in the record: one spelling per name across files, natural slugs (publish gives final ones). */
	tags: TagRef[];
	authors: AuthorRef[];
}

export interface ContentIndex {
	site: SiteSettings;
	productionBaseUrl: string;
	/** Published and future-dated articles, in file-path order; drafts are left out. */
	articles: LoadedArticle[];
	/** Ids of drafts (valid, not published). */
	drafts: string[];
	skipped: string[];
	stats: LoadStats;
	/** The canonical JSON of the record with this hash; throws when it is not one of this index's. */
	readRecordJson(hash: string): string;
	/** Each article's record JSON, one at a time, in the order given (default: file-path order). */
	recordJsons(articles?: Iterable<LoadedArticle>): Generator<{ article: LoadedArticle; json: string }>;
	/** Commits and closes the cache; reads fail after it. */
	close(): void;
}

export interface LoadStats {
	/** Article files checked. */
	files: number;
	/** Files read (the rest were unchanged since a run that read them). */
	read: number;
	/** Files rendered (the rest had an outcome cached for the same inputs). */
	rendered: number;
}

export interface LoadOptions {
	target: SyncTarget;
	onProgress?: (done: number, total: number) => void;
	/** Epoch ms the sync runs at: no `updated` may be later. Defaults to the clock. */
	now?: number;
	/** The render cache's file (the CLI's: DEFAULT_RENDER_CACHE); none given, the cache lives in memory for this run. */
	cache?: string;
}

/** Where `npm run sync` keeps the render cache, relative to the project (gitignored with the rest of .wrangler/). */
export const DEFAULT_RENDER_CACHE = ".wrangler/edgefeed/render-cache.sqlite";

/** Files read, looked up and rendered ahead of the one the rules across files are at: enough to keep every render
 * thread busy, few enough that their texts take little memory. */
const FILES_AHEAD = 64;

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

/** Every record in memory. Throws ContentValidationError listing every problem in every file when anything is
 * invalid. */
export async function loadContent(contentDir: string, options: LoadOptions): Promise<LoadedContent> {
	return withRenderCache(options.cache, async (cache) => {
		const index = await loadWithCache(contentDir, options, cache);
		const records = index.articles.map((article) => JSON.parse(index.readRecordJson(article.record)));
		const { site, productionBaseUrl, drafts, skipped, stats } = index;
		return { site, productionBaseUrl, records, drafts, skipped, stats };
	});
}

/** One small entry per article, records read on demand (see the opening comment). Throws ContentValidationError
 * listing every problem in every file when anything is invalid; the caller closes the index. */
export async function loadContentIndex(contentDir: string, options: LoadOptions): Promise<ContentIndex> {
	return withRenderCache(options.cache, (cache) => loadWithCache(contentDir, options, cache), false);
}

/**
 * Runs `work` on the cache at `file`; when the cache fails (corrupt, unreadable, deleted mid-run), runs it again on
 * a new one, in memory if the file cannot be made again. Closes the cache after `work` unless `close` is false
 * (then it closes it only on failure).
 */
async function withRenderCache<T>(
	file: string | undefined,
	work: (cache: RenderCache) => Promise<T>,
	close = true,
): Promise<T> {
	const attempts = file === undefined || file === MEMORY_CACHE ? [MEMORY_CACHE] : [file, file, MEMORY_CACHE];
	for (const [attempt, where] of attempts.entries()) {
		let cache: RenderCache | undefined;
		try {
			cache = await openRenderCache(where);
			const result = await work(cache);
			if (close) cache.close();
			return result;
		} catch (error) {
			try {
				cache?.close();
			} catch {
				// Already failing: the cache is rebuilt below.
			}
			if (!(error instanceof RenderCacheError) || attempt === attempts.length - 1) throw error;
			// A cache another sync holds is left to it; one that failed otherwise is rebuilt.
			if (!/SQLITE_BUSY|database is locked/i.test(error.message)) removeCacheFile(where);
			else attempts[attempt + 1] = MEMORY_CACHE;
		}
	}
	throw new Error("unreachable");
}

async function loadWithCache(
	contentDir: string,
	options: LoadOptions,
	cache: RenderCache,
): Promise<ContentIndex> {
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
	// The file system's clock, not the sync's (which tests set): how recent a file is decides whether to trust it.
	const clock = Date.now();

	const images = await readLocalImages(contentDir, shown(""));
	const renderer = renderPool({ site, productionBaseUrl, images });
	const run = runInputs(site, productionBaseUrl, shown(""));
	const dirKey = path.resolve(contentDir);
	const stats: LoadStats = { files: names.length, read: 0, rendered: 0 };

	/** The file's outcome, from the cache when its inputs are unchanged; a ContentError when it cannot be read. */
	const outcomeOf = async (
		name: string,
		article: Omit<ArticleFile, "text">,
	): Promise<ArticleOutcome | ContentError> => {
		const stamp = await fileStamp(path.join(contentDir, name), clock);
		let textHash = stamp && stamp.size <= maxBytes ? cache.textHash(dirKey, name, stamp) : undefined;
		let text: string | undefined;
		const read = async (): Promise<ContentError | undefined> => {
			stats.read++;
			const got = await readContentFile(contentDir, name, maxBytes);
			if (!got.ok) return { file: article.file, field: "file", problem: got.problem };
			text = got.text;
			const hash = hashOf(text);
			// Remembered only when the text is the one hashed right after the stamp was taken.
			if (stamp && textHash === undefined) cache.rememberTextHash(dirKey, name, stamp, hash);
			textHash = hash;
			return undefined;
		};
		if (textHash === undefined) {
			const problem = await read();
			if (problem) return problem;
		}
		const cached = cache.outcome(renderKey(run, name, article.file, textHash as string));
		if (cached !== undefined) {
			const outcome = JSON.parse(cached) as ArticleOutcome;
			const sameImages = outcome.images.every(([where, size]) => (images.size(where) ?? null) === size);
			if (sameImages && (!outcome.record || cache.hasRecord(outcome.record.hash))) return outcome;
		}
		if (text === undefined) {
			const problem = await read();
			if (problem) return problem;
		}
		stats.rendered++;
		const rendered = await renderer.render({ ...article, text: text as string });
		if (rendered.outcome.record && rendered.recordJson !== undefined)
			cache.saveRecord(rendered.outcome.record.hash, rendered.recordJson);
		if (!rendered.outcome.threw)
			cache.saveOutcome(
				renderKey(run, name, article.file, textHash as string),
				JSON.stringify(rendered.outcome),
			);
		return rendered.outcome;
	};

	const tags = createNameRegistry();
	const authors = createNameRegistry();
	const articles: LoadedArticle[] = [];
	const drafts: string[] = [];
	// Every article holds its tags and authors: one object per distinct tag or author, not one per mention.
	const sharedRefs = new Map<string, TagRef | AuthorRef>();
	const shared = <T extends TagRef | AuthorRef>(ref: T): T => {
		const key = JSON.stringify(ref);
		const known = sharedRefs.get(key);
		if (known) return known as T;
		sharedRefs.set(key, ref);
		return ref;
	};
	const idOwners = new Map<string, string>();
	const slugOwners = new Map<string, string>();
	/** What a file gives on its own (its slug, its outcome), found ahead of the rules across files: files render in
	 * parallel, and the rules then take them in path order. */
	const prepare = async (name: string): Promise<{ slug: string; outcome: ArticleOutcome | ContentError }> => {
		const file = shown(name);
		// The file name, never its folder: moving a file between folders changes nothing readers see.
		const stem = safeText(path.basename(name).slice(0, -".md".length));
		const slug = toSlug(stem);
		if (slug === "")
			return {
				slug,
				outcome: {
					file,
					field: "file name",
					problem: "gives an empty URL slug; name the file after the article",
				},
			};
		return { slug, outcome: await outcomeOf(name, { file, stem, slug }) };
	};
	const loadArticle = async (name: string, prepared: Awaited<ReturnType<typeof prepare>>): Promise<void> => {
		const file = shown(name);
		const { slug, outcome } = prepared;
		if (!("matterErrors" in outcome)) {
			errors.push(outcome);
			return;
		}
		errors.push(...outcome.matterErrors);
		if (outcome.halted) return;
		const late = updatedTimeErrors(file, outcome.timing, now);
		errors.push(...late);
		const valid = outcome.matterErrors.length === 0 && late.length === 0;

		// Checked even when other fields are invalid, so a clash shows up in the same run.
		const id = (valid ? outcome.id : undefined) ?? outcome.fallbackId;
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
		if (!valid) return;

		errors.push(...outcome.renderErrors);
		const record = outcome.record;
		if (!record) return;
		// A draft's tags must not decide how published tags are spelled, so drafts keep their own spellings.
		const spelled = outcome.draft ? record : await withSpellings(record, tags, authors, cache);
		if (spelled.bytes > KV_LIMITS.valueBytes) {
			errors.push({
				file,
				field: "body",
				problem: `renders to ${spelled.bytes} bytes; one KV value may hold at most 25 MiB`,
			});
		} else if (outcome.draft) drafts.push(id);
		else
			articles.push({
				id,
				slug,
				file,
				record: spelled.hash,
				bytes: spelled.bytes,
				published: spelled.published,
				modified: spelled.modified,
				tags: spelled.tags.map(shared),
				authors: spelled.authors.map(shared),
			});
	};
	const ahead: Promise<Awaited<ReturnType<typeof prepare>>>[] = [];
	const prepareAhead = (index: number): void => {
		const name = names[index];
		if (name === undefined) return;
		const prepared = prepare(name);
		prepared.catch(() => undefined); // handled when its turn comes
		ahead.push(prepared);
	};
	try {
		for (let index = 0; index < Math.min(FILES_AHEAD, names.length); index++) prepareAhead(index);
		for (const [index, name] of names.entries()) {
			const prepared = ahead.shift() as Promise<Awaited<ReturnType<typeof prepare>>>;
			prepareAhead(index + FILES_AHEAD);
			// One file's failure is that file's error: every other file is still checked.
			try {
				await loadArticle(name, await prepared);
			} catch (error) {
				if (error instanceof RenderCacheError) throw error;
				errors.push({ file: shown(name), field: "file", problem: describeFailure(error) });
			}
			options.onProgress?.(index + 1, names.length);
		}
	} finally {
		await Promise.allSettled(ahead);
		await renderer.close();
	}
	cache.flush();
	if (errors.length > 0) throw new ContentValidationError(errors);
	const readRecordJson = (hash: string): string => {
		const json = cache.recordJson(hash);
		if (json === undefined) throw new RenderCacheError(`record ${hash} is not in the render cache`);
		return json;
	};
	return {
		site,
		productionBaseUrl,
		articles,
		drafts,
		skipped: listing.skipped,
		stats,
		readRecordJson,
		*recordJsons(order = articles) {
			for (const article of order) yield { article, json: readRecordJson(article.record) };
		},
		close: () => cache.close(),
	};
}

/**
 * The record with the collection's spellings of its tags and authors (the first file's, in path order). Most
 * records already have them and are returned as they are; the others are rewritten, hashed and cached.
 */
async function withSpellings(
	record: RenderedRecord,
	tagNames: NameRegistry,
	authorNames: NameRegistry,
	cache: RenderCache,
): Promise<RenderedRecord> {
	const tags = record.tags.map((tag) => tagNames.resolve(tag.name));
	const authors = record.authors.map((author) => ({ ...author, ...authorNames.resolve(author.name) }));
	if (
		JSON.stringify(tags) === JSON.stringify(record.tags) &&
		JSON.stringify(authors) === JSON.stringify(record.authors)
	)
		return record;
	const json = cache.recordJson(record.hash);
	if (json === undefined) throw new RenderCacheError(`record ${record.hash} is not in the render cache`);
	const stored = await hashJson({ ...(JSON.parse(json) as ArticleRecord), tags, authors });
	cache.saveRecord(stored.hash, stored.json);
	return { ...record, hash: stored.hash, bytes: Buffer.byteLength(stored.json), tags, authors };
}
