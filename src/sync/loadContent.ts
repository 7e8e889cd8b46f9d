// Reads content/ (site.yaml + one .md per article), validates everything, renders; all errors or all records.
//
// Each run checks every file, and renders only what changed since an earlier run: a file whose size, mtime, ctime
// and inode are as when its text was hashed is not read, and a text already rendered with the same inputs (see
// load/renderKey.ts) is not rendered. The render cache (load/renderCache.ts) keeps each file's outcome, errors
// included, so a cached file's errors are listed as if it had been checked again; the rules across files (unique ids
// and slugs, one spelling per tag and author) and the rule on `updated` against the sync's time run every time.
// Files are checked in batches whose stamps, text hashes, outcomes and records are looked up a few queries a batch,
// so an unchanged file costs one lstat and its share of those queries.
//
// Two ways in:
// - loadContent(dir, options): every record in memory, as LoadedContent (small collections, tests).
// - loadContentIndex(dir, options): a ContentIndex whose articles sit in the run's temporary database
//   (load/articleTable.ts), one small row per article (no bodies); publishing reads them in the orders it needs
//   and each record's canonical JSON when it writes it, then calls index.close(). The JSON is exactly what
//   publish/contentHash.ts's hashJson gives for the record, and an article's `record` is its hash. Bodies are read
//   from the cache file, so memory holds no article, whatever the archive's size; with no `cache` file given the
//   cache is in memory and holds them all.
import path from "node:path";
import type { ArticleRecord, SiteSettings, TagRef } from "../domain/model.ts";
import { safeText } from "../text/safeText.ts";
import {
	type ArticleFile,
	type ArticleOutcome,
	describeFailure,
	type RenderedRecord,
} from "./load/articleOutcome.ts";
import {
	type ArticleTable,
	type DuplicateClaim,
	type LoadedArticle,
	openArticleTable,
} from "./load/articleTable.ts";
import { fileStamp } from "./load/fileStamp.ts";
import { keptTableBeside } from "./load/keptTable.ts";
import {
	type FileStamp,
	MEMORY_CACHE,
	openRenderCache,
	type RenderCache,
	RenderCacheError,
	removeCacheFile,
} from "./load/renderCache.ts";
import { hashOf, runInputs, runRenderKeys } from "./load/renderKey.ts";
import { renderPool } from "./load/renderPool.ts";
import { rewriteRecord } from "./publish/articleSource.ts";
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

export interface ContentIndex {
	site: SiteSettings;
	productionBaseUrl: string;
	/** Published and future-dated articles (drafts are left out), in the run's temporary database. */
	articles: ArticleTable;
	/** Ids of drafts (valid, not published). */
	drafts: string[];
	skipped: string[];
	stats: LoadStats;
	/** Each article's record JSON, one at a time, in file-path order. */
	recordJsons(): Generator<{ article: LoadedArticle; json: string }>;
	/** Commits and closes the cache, and drops the articles' table; reads fail after it. */
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

/** What the render cache knew of one file before it was checked (see loadWithCache's recall). */
interface Recalled {
	stamp: FileStamp | undefined;
	/** Set when the file is unchanged since a run that hashed its text. */
	textHash: string | undefined;
	/** The JSON of the outcome cached for that text (the cache keeps the record it names). */
	outcomeJson: string | undefined;
	/** Whether the cache's listing already holds this stamp, text hash and outcome for the file. */
	listed: boolean;
}

const NOTHING_RECALLED: Recalled = {
	stamp: undefined,
	textHash: undefined,
	outcomeJson: undefined,
	listed: false,
};

/** Files whose cache entries are looked up together: a few queries per batch, and little held at a time. */
const FILES_PER_RECALL = 250;

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
	return withRenderCache(options.cache, async (cache, where) => {
		const index = await loadWithCache(contentDir, options, cache, where);
		try {
			const records = [...index.recordJsons()].map(({ json }) => JSON.parse(json) as ArticleRecord);
			const { site, productionBaseUrl, drafts, skipped, stats } = index;
			return { site, productionBaseUrl, records, drafts, skipped, stats };
		} finally {
			index.articles.close();
		}
	});
}

/** One small entry per article, records read on demand (see the opening comment). Throws ContentValidationError
 * listing every problem in every file when anything is invalid; the caller closes the index. */
export async function loadContentIndex(contentDir: string, options: LoadOptions): Promise<ContentIndex> {
	return withRenderCache(
		options.cache,
		(cache, where) => loadWithCache(contentDir, options, cache, where),
		false,
	);
}

/**
 * Runs `work` on the cache at `file`; when the cache fails (corrupt, unreadable, deleted mid-run), runs it again on
 * a new one, in memory if the file cannot be made again. Closes the cache after `work` unless `close` is false
 * (then it closes it only on failure).
 */
async function withRenderCache<T>(
	file: string | undefined,
	work: (cache: RenderCache, where: string) => Promise<T>,
	close = true,
): Promise<T> {
	const attempts = file === undefined || file === MEMORY_CACHE ? [MEMORY_CACHE] : [file, file, MEMORY_CACHE];
	for (const [attempt, where] of attempts.entries()) {
		let cache: RenderCache | undefined;
		try {
			cache = await openRenderCache(where);
			const result = await work(cache, where);
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
	where: string,
): Promise<ContentIndex> {
	// Relative to the working directory, resolved once: names are plain paths under contentDir, so joining them
	// gives what path.relative would for each file, at a fraction of its cost (every file's name is shown).
	const shownDir = path.relative(process.cwd(), path.resolve(contentDir));
	const shown = (name: string): string => (shownDir === "" ? name : path.join(shownDir, name));
	const errors: ContentError[] = [];

	let listing: ContentListing;
	try {
		listing = await listContent(contentDir);
	} catch (error) {
		throw new ContentValidationError([
			{ file: shown(""), field: "directory", problem: `cannot be read: ${(error as Error).message}` },
		]);
	}
	const files = listing.articles;
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
	const renderKey = runRenderKeys(run);
	const dirKey = path.resolve(contentDir);
	const listingKey = hashOf(JSON.stringify([dirKey, run]));
	const listed = cache.listing(listingKey);
	const stats: LoadStats = { files: files.count, read: 0, rendered: 0 };

	/**
	 * What the cache knows of a batch of files: each file's stamp and, when unchanged since a run that hashed it, its
	 * text hash and its cached outcome. Most come from the listing, read beside the batch; the rest are looked up a
	 * few queries per batch rather than a few per file.
	 */
	const recall = (batch: readonly string[]): Map<string, Recalled> => {
		const recalled = new Map<string, Recalled>();
		const unlisted: (readonly [string, FileStamp])[] = [];
		for (const name of batch) {
			const found = fileStamp(path.join(contentDir, name), clock);
			const stamp = found && found.size <= maxBytes ? found : undefined;
			const file = listed.find(name, stamp);
			if (stamp && file)
				recalled.set(name, { stamp, textHash: file.textHash, outcomeJson: file.outcome, listed: true });
			else {
				recalled.set(name, { ...NOTHING_RECALLED, stamp: found });
				if (stamp) unlisted.push([name, stamp]);
			}
		}
		const hashes = cache.textHashes(dirKey, unlisted);
		const keys = new Map([...hashes].map(([name, hash]) => [name, renderKey(name, shown(name), hash)]));
		const jsons = cache.outcomes([...keys.values()]);
		for (const [name, hash] of hashes) {
			const outcomeJson = jsons.get(keys.get(name) as string);
			recalled.set(name, { stamp: recalled.get(name)?.stamp, textHash: hash, outcomeJson, listed: false });
		}
		return recalled;
	};

	/** The file's outcome, from the cache when its inputs are unchanged; a ContentError when it cannot be read. */
	const outcomeOf = async (
		name: string,
		article: Omit<ArticleFile, "text">,
		recalled: Recalled,
	): Promise<ArticleOutcome | ContentError> => {
		const { stamp } = recalled;
		let textHash = recalled.textHash;
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
		/** The listing keeps what this run found for the file as its stamp shows it (see fileStamp). */
		const list = (json: string): void => {
			if (stamp) listed.remember(name, stamp, { textHash: textHash as string, outcome: json });
		};
		// Unread, the file is as the batch found it, and so is the batch's answer.
		const cachedJson =
			textHash === recalled.textHash
				? recalled.outcomeJson
				: cache.outcome(renderKey(name, article.file, textHash as string));
		if (cachedJson !== undefined) {
			const cached = JSON.parse(cachedJson) as ArticleOutcome;
			const sameImages = cached.images.every(([where, size]) => (images.size(where) ?? null) === size);
			if (sameImages) {
				if (!recalled.listed || textHash !== recalled.textHash) list(cachedJson);
				return cached;
			}
		}
		if (text === undefined) {
			const problem = await read();
			if (problem) return problem;
		}
		stats.rendered++;
		const rendered = await renderer.render({ ...article, text: text as string });
		if (rendered.outcome.record && rendered.recordJson !== undefined)
			cache.saveRecord(rendered.outcome.record.hash, rendered.recordJson);
		if (!rendered.outcome.threw) {
			const json = JSON.stringify(rendered.outcome);
			cache.saveOutcome(renderKey(name, article.file, textHash as string), json);
			list(json);
		}
		return rendered.outcome;
	};

	const tags = createNameRegistry();
	const authors = createNameRegistry();
	const readRecordJson = (hash: string): string => {
		const json = cache.recordJson(hash);
		if (json === undefined) throw new RenderCacheError(`record ${hash} is not in the render cache`);
		return json;
	};
	// Ids and slugs are claimed there too: duplicates across the archive are found by key, not held in maps.
	const articles = await openArticleTable(readRecordJson, {
		file: where === MEMORY_CACHE ? undefined : keptTableBeside(where, listingKey),
	});
	const drafts: string[] = [];
	/** What a file gives on its own (its slug, its outcome), found ahead of the rules across files: files render in
	 * parallel, and the rules then take them in path order. */
	const prepare = async (
		name: string,
		recalled: Recalled,
	): Promise<{ slug: string; outcome: ArticleOutcome | ContentError }> => {
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
		return { slug, outcome: await outcomeOf(name, { file, stem, slug }, recalled) };
	};
	const loadArticle = async (name: string, prepared: Awaited<ReturnType<typeof prepare>>): Promise<void> => {
		const file = shown(name);
		articles.visit(file);
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
		articles.claim(id, slug, file);
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
			articles.add({
				id,
				slug,
				file,
				record: spelled.hash,
				published: spelled.published,
				modified: spelled.modified,
				tags: spelled.tags,
				authors: spelled.authors,
			});
	};
	const ahead: { name: string; prepared: Promise<Awaited<ReturnType<typeof prepare>>> }[] = [];
	/** Where the errors of article files begin (those before are of the folder and site.yaml). */
	const checkedFrom = errors.length;
	// Files are prepared in path order, a batch at a time: each batch's cache entries are looked up when its first
	// file is due, and only the batch's names are held.
	const upcoming = files.names()[Symbol.iterator]();
	const batch: string[] = [];
	let recalled = new Map<string, Recalled>();
	const prepareNext = (): void => {
		if (batch.length === 0) {
			for (let next = upcoming.next(); !next.done; next = upcoming.next())
				if (batch.push(next.value) === FILES_PER_RECALL) break;
			if (batch.length === 0) return;
			recalled = recall(batch);
			batch.reverse(); // taken from the end
		}
		const name = batch.pop() as string;
		const prepared = prepare(name, recalled.get(name) ?? NOTHING_RECALLED);
		prepared.catch(() => undefined); // handled when its turn comes
		ahead.push({ name, prepared });
	};
	try {
		for (let index = 0; index < FILES_AHEAD; index++) prepareNext();
		for (let index = 0; ahead.length > 0; index++) {
			// Unchanged files never wait on I/O: yielding to the event loop once a batch lets work that does (KV's
			// state, read meanwhile by syncContent) move on.
			if (index % FILES_PER_RECALL === 0) await new Promise((resolve) => setImmediate(resolve));
			const { name, prepared } = ahead.shift() as (typeof ahead)[number];
			prepareNext();
			// One file's failure is that file's error: every other file is still checked.
			try {
				await loadArticle(name, await prepared);
			} catch (error) {
				if (error instanceof RenderCacheError) throw error;
				errors.push({ file: shown(name), field: "file", problem: describeFailure(error) });
			}
			options.onProgress?.(index + 1, files.count);
		}
	} catch (error) {
		articles.close();
		throw error;
	} finally {
		await Promise.allSettled(ahead.map((file) => file.prepared));
		await renderer.close();
		files.close();
	}
	try {
		listed.finish();
		articles.finish();
		// Duplicates are found once every file has claimed, and listed with the later file's other errors.
		for (const duplicate of articles.duplicates()) errors.push(duplicateError(duplicate));
		errors.splice(checkedFrom, Infinity, ...inFileOrder(errors.slice(checkedFrom)));
		cache.flush();
		if (errors.length > 0) throw new ContentValidationError(errors);
		articles.keep();
	} catch (error) {
		articles.close();
		throw error;
	}
	return {
		site,
		productionBaseUrl,
		articles,
		drafts,
		skipped: listing.skipped,
		stats,
		*recordJsons() {
			for (const article of articles.loaded()) yield { article, json: readRecordJson(article.record) };
		},
		close: () => {
			articles.close();
			cache.close();
		},
	};
}

/** The error of a file claiming an id or a slug that an earlier file has. */
function duplicateError({ file, kind, value, owner }: DuplicateClaim): ContentError {
	return kind === "id"
		? { file, field: "id", problem: `${JSON.stringify(value)} is already the id of ${owner}` }
		: { file, field: "file name", problem: `gives the URL slug "${value}", which ${owner} already has` };
}

/** Errors by file in path order (as JavaScript compares the names), each file's in the order they were found. */
function inFileOrder(errors: readonly ContentError[]): ContentError[] {
	return errors.toSorted((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
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
	// Only names and slugs can differ: the rest of each author is copied.
	const same = (now: readonly TagRef[], before: readonly TagRef[]): boolean =>
		now.every((ref, i) => ref.name === before[i]?.name && ref.slug === before[i]?.slug);
	if (same(tags, record.tags) && same(authors, record.authors)) return record;
	const json = cache.recordJson(record.hash);
	if (json === undefined) throw new RenderCacheError(`record ${record.hash} is not in the render cache`);
	const stored = await rewriteRecord(json, tags, authors);
	cache.saveRecord(stored.hash, stored.json);
	return { ...record, hash: stored.hash, bytes: Buffer.byteLength(stored.json), tags, authors };
}
