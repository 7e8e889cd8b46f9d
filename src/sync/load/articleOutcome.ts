// What one article file gives on its own: its errors, its id, and its rendered record. Everything here depends only
// on the file's text, its path, the resolved site settings and the local images it looked up, so the render cache can
// keep it; the rules across files (ids, slugs, name spellings) and the sync-time rule are applied after, per run.
import type { AuthorRef, TagRef } from "../../domain/model.ts";
import { safeText } from "../../text/safeText.ts";
import { hashJson } from "../publish/contentHash.ts";
import { buildArticleRecord, type RecordContext } from "../render/buildArticleRecord.ts";
import type { ContentError } from "../validate/contentError.ts";
import { checkFrontMatter, type UpdatedTiming } from "../validate/frontMatter.ts";
import type { LocalImages } from "../validate/localImages.ts";
import { createNameRegistry } from "../validate/nameRegistry.ts";
import { parseArticleSource } from "../validate/parseArticleSource.ts";

/** The record as this file alone renders it, without its body: what the rules across files need. */
export interface RenderedRecord {
	/** Hash of the record's canonical JSON (see publish/contentHash.ts), with the file's own name spellings. */
	hash: string;
	/** UTF-8 bytes of that JSON. */
	bytes: number;
	/** Epoch ms of `published`, and of `updated ?? published`. */
	published: number;
	modified: number;
	/** The file's own spellings, each with its natural slug. */
	tags: TagRef[];
	authors: AuthorRef[];
}

/** Plain JSON: stored as is in the render cache. */
export interface ArticleOutcome {
	/** Front matter unreadable or invalid (the sync-time rule aside): the file has no record. */
	matterErrors: ContentError[];
	/** For the sync-time rule on `updated`, applied per run. */
	timing?: UpdatedTiming;
	/** The id when the front matter is valid, and the one clashes are checked with when it is not. */
	id?: string;
	fallbackId: string;
	draft?: boolean;
	renderErrors: ContentError[];
	record?: RenderedRecord;
	/** Site paths of content/images/ looked up while rendering, with the size found (null: no such file). */
	images: [string, number | null][];
	/** Processing threw: the outcome is this run's only, never cached. `halted` also skips the rules across files. */
	threw?: boolean;
	halted?: boolean;
}

export interface ArticleFile {
	/** As messages show it. */
	file: string;
	/** File name without .md, made safe (NFC). */
	stem: string;
	slug: string;
	text: string;
}

/** The outcome and, when it rendered, the record's canonical JSON. Never throws. */
export async function articleOutcome(
	input: ArticleFile,
	context: Omit<RecordContext, "tags" | "authors">,
): Promise<{ outcome: ArticleOutcome; recordJson?: string }> {
	const { file, stem } = input;
	const lookups = new Map<string, number | null>();
	const images: LocalImages = {
		size(sitePath) {
			const size = context.images.size(sitePath);
			lookups.set(sitePath, size ?? null);
			return size;
		},
		fileFor: (sitePath) => context.images.fileFor(sitePath),
		found: context.images.found,
	};
	const outcome: ArticleOutcome = { matterErrors: [], fallbackId: stem, renderErrors: [], images: [] };
	let matter: ReturnType<typeof checkFrontMatter>;
	let body: string;
	try {
		const source = parseArticleSource(file, input.text);
		if (!source.ok) {
			outcome.matterErrors.push(source.error);
			return { outcome };
		}
		body = source.body;
		matter = checkFrontMatter(file, source.data, context.site);
		outcome.matterErrors.push(...matter.errors);
		if (matter.timing) outcome.timing = matter.timing;
		const givenId = source.data.id;
		outcome.fallbackId = typeof givenId === "string" ? safeText(givenId).trim() || stem : stem;
		if (!matter.value) return { outcome };
		outcome.id = matter.value.id ?? outcome.fallbackId;
		if (matter.value.draft === true) outcome.draft = true;
	} catch (error) {
		outcome.matterErrors.push({ file, field: "file", problem: describeFailure(error) });
		return { outcome: { ...outcome, threw: true, halted: true } };
	}
	try {
		// Registries of its own: spellings across files are settled per run, from each record's own spellings.
		const built = buildArticleRecord(
			{ file, stem, slug: input.slug, matter: matter.value, body },
			{ ...context, images, tags: createNameRegistry(), authors: createNameRegistry() },
		);
		outcome.images = [...lookups];
		outcome.renderErrors.push(...built.errors);
		const record = built.value;
		if (!record) return { outcome };
		const { json, hash } = hashJson(record);
		const published = Date.parse(record.published);
		outcome.record = {
			hash,
			bytes: Buffer.byteLength(json),
			published,
			modified: record.updated === undefined ? published : Date.parse(record.updated),
			tags: record.tags,
			authors: record.authors,
		};
		return { outcome, recordJson: json };
	} catch (error) {
		outcome.renderErrors.push({ file, field: "file", problem: describeFailure(error) });
		return { outcome: { ...outcome, threw: true } };
	}
}

/** What went wrong reading or rendering one file, in a sentence. */
export function describeFailure(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof RangeError || /Maximum call stack size exceeded/.test(message)) {
		return "nests too deeply to render (Maximum call stack size exceeded); flatten its lists, quotes or emphasis";
	}
	return `cannot be processed: ${message.split("\n")[0]}`;
}
