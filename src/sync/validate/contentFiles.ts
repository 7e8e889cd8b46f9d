// Which files in content/ are read, and how: *.md at any depth, regular files only, size checked before reading,
// strict UTF-8.
import { constants } from "node:fs";
import { open, opendir } from "node:fs/promises";
import path from "node:path";
import type { DatabaseSync } from "node:sqlite";
import { openRunDatabase, stringOrder } from "../shared/runDatabase.ts";

/** Default for site.yaml's maxArticleBytes: far above any article, far below what would stall a sync. */
export const DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024;

/** The article files found, in a temporary database: an archive's million names are never all in memory. */
export interface ArticleFiles {
	readonly count: number;
	/** Paths relative to content/ ("2024/05/x.md"), sorted as JavaScript sorts strings. */
	names(): Iterable<string>;
	/** Drops the database; names() fails after it. */
	close(): void;
}

export interface ContentListing {
	/** Article files (`*.md`). */
	articles: ArticleFiles;
	/** Everything else found (dotfiles and hidden folders, editor backups and locks, other files): left alone, and
	 * listed so nobody wonders where they went. */
	skipped: string[];
	/** Path -> why it cannot be an article (symlink, directory, ...). */
	refused: Map<string, string>;
}

/** Dotfiles (`.x.md.swp`, `.#x.md` lock links) and editor backups (`x.md~`, `#x.md#`). `.md` alone is an article with no name. */
export function isEditorOrHidden(name: string): boolean {
	return (name.startsWith(".") && name !== ".md") || name.startsWith("#") || name.endsWith("~");
}

/** Files at the top of content/ that are not articles by design: never listed as skipped. content/images/ is the
 * site's image folder (served as static assets), never scanned for articles. */
const TOP_LEVEL_KNOWN = new Set(["site.yaml", ".assetsignore"]);
const IMAGES_DIR = "images";

/** Walks content/ at any depth. Hidden folders are listed, not entered; symlinked folders are never followed. */
export async function listContent(dir: string): Promise<ContentListing> {
	const articles = await articleFiles();
	const listing: ContentListing = { articles, skipped: [], refused: new Map() };
	const walk = async (folder: string): Promise<void> => {
		// A folder's entries a buffer of 1,024 at a time: a flat folder of a million files is never one array.
		for await (const entry of await opendir(path.join(dir, folder), { bufferSize: 1024 })) {
			const name = folder === "" ? entry.name : `${folder}/${entry.name}`;
			if (folder === "" && TOP_LEVEL_KNOWN.has(entry.name)) continue;
			if (folder === "" && entry.name === IMAGES_DIR && entry.isDirectory()) continue;
			if (isEditorOrHidden(entry.name)) listing.skipped.push(name);
			else if (entry.name.endsWith(".md")) {
				if (entry.isSymbolicLink()) {
					listing.refused.set(name, "is a symbolic link; only regular files inside content/ are published");
				} else if (entry.isDirectory()) {
					listing.refused.set(name, "is a directory, not an article file");
				} else if (!entry.isFile()) {
					listing.refused.set(name, "is not a regular file");
				} else articles.add(name);
			} else if (entry.isDirectory()) await walk(name);
			else listing.skipped.push(name);
		}
	};
	try {
		await walk("");
	} catch (error) {
		articles.close();
		throw error;
	}
	listing.skipped.sort();
	return listing;
}

async function articleFiles(): Promise<ArticleFiles & { add(name: string): void }> {
	const db: DatabaseSync = await openRunDatabase();
	db.exec("CREATE TABLE file (sort_key BLOB PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID; BEGIN");
	const insert = db.prepare("INSERT INTO file (sort_key, name) VALUES (?, ?)");
	let count = 0;
	let closed = false;
	return {
		get count() {
			return count;
		},
		add(name) {
			insert.run(stringOrder(name), name);
			count++;
		},
		*names() {
			const all = db.prepare("SELECT name FROM file ORDER BY sort_key");
			all.setReturnArrays(true);
			for (const [name] of all.iterate() as Iterable<unknown[]>) yield name as string;
		},
		close() {
			if (!closed) db.close();
			closed = true;
		},
	};
}

export type FileText = { ok: true; text: string } | { ok: false; problem: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Reads one file as UTF-8 text, refusing (without reading it) a symlink, a non-regular file or one over
 * `maxBytes`, and refusing text that is not valid UTF-8 rather than guessing at it.
 */
export async function readContentFile(dir: string, name: string, maxBytes: number): Promise<FileText> {
	let handle: Awaited<ReturnType<typeof open>>;
	try {
		// O_NOFOLLOW: a file swapped for a symlink after the listing is still refused.
		handle = await open(path.join(dir, name), constants.O_RDONLY | constants.O_NOFOLLOW);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === "ELOOP")
			return { ok: false, problem: "is a symbolic link; only regular files are published" };
		return { ok: false, problem: `cannot be read: ${(error as Error).message}` };
	}
	try {
		const stat = await handle.stat();
		if (!stat.isFile()) return { ok: false, problem: "is not a regular file" };
		if (stat.size > maxBytes) {
			return {
				ok: false,
				problem: `is ${stat.size} bytes, more than the limit of ${maxBytes} (maxArticleBytes in site.yaml)`,
			};
		}
		const bytes = await handle.readFile();
		try {
			return { ok: true, text: utf8.decode(bytes) };
		} catch {
			return { ok: false, problem: `is not valid UTF-8 text (${invalidUtf8At(bytes)}); save it as UTF-8` };
		}
	} catch (error) {
		return { ok: false, problem: `cannot be read: ${(error as Error).message}` };
	} finally {
		await handle.close();
	}
}

/** "line N" of the first byte sequence that is not UTF-8. */
function invalidUtf8At(bytes: Uint8Array): string {
	let line = 1;
	let start = 0;
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] !== 0x0a) continue;
		try {
			utf8.decode(bytes.subarray(start, i));
		} catch {
			return `line ${line}`;
		}
		line++;
		start = i + 1;
	}
	return `line ${line}`;
}
