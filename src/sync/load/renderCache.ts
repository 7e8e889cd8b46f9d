// The local render cache: what sync learnt about each file on earlier runs, so a run costs what changed.
//
// One SQLite file (default .wrangler/edgefeed/render-cache.sqlite) through node:sqlite, built into the Node that
// runs sync: no dependency to install or compile, one file to delete to clear it, transactions so an interrupted
// run leaves it whole, and readers and writers of several syncs at once (WAL, busy timeout). Its tables:
// - stamps:   (content dir, path) -> the file's size, mtime, ctime and inode when its text had hash `text_hash`;
// - outcomes: render key -> an ArticleOutcome as JSON (errors, id, the small facts of its record; see renderKey.ts);
// - records:  record hash -> the record's canonical JSON, read back on demand so nobody holds every body;
// - files:    per listing (one content folder read with the same run inputs), each file's stamp, text hash and
//             outcome JSON in path order, so a run reads them in one pass beside its own listing of the folder
//             instead of looking up each file's stamp and then its outcome (listings: when each was last used).
// Rows unused for a week are dropped (checked once a day), but never a record that a kept outcome names: a cached
// outcome's record is always there, so a run never asks. Every failure surfaces as RenderCacheError, and the loader
// then starts over on a fresh cache: a broken cache costs a full render, never a failed sync.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { DatabaseSync } from "node:sqlite";
import { stringOrder } from "../shared/runDatabase.ts";
import { loadSqlite, statementCache } from "../shared/sqlite.ts";

/** The file's state when its text was hashed: any change to any of them and the file is read again. */
export interface FileStamp {
	size: number;
	mtimeNs: bigint;
	ctimeNs: bigint;
	ino: bigint;
}

/** What a listing's last runs found for one file: valid while the file's stamp is the same. */
export interface ListedFile {
	textHash: string;
	/** The outcome's JSON, as `outcomes` holds it. */
	outcome: string;
}

/**
 * The files of one listing, asked in ascending order (as JavaScript compares strings): what the cache holds between
 * two names asked is of files that are gone, and is dropped.
 */
export interface ListingFiles {
	/** What was found for `name` when its stamp was `stamp`; undefined when the stamp differs (or is unknown) or
	 * nothing was. */
	find(name: string, stamp: FileStamp | undefined): ListedFile | undefined;
	remember(name: string, stamp: FileStamp, file: ListedFile): void;
	/** Drops what follows the last name asked: every name was asked. */
	finish(): void;
}

export interface RenderCache {
	textHash(dir: string, name: string, stamp: FileStamp): string | undefined;
	/** textHash for several files of `dir` at once: the text hash of each whose stamp matches, by name. */
	textHashes(dir: string, files: readonly (readonly [string, FileStamp])[]): Map<string, string>;
	rememberTextHash(dir: string, name: string, stamp: FileStamp, hash: string): void;
	outcome(key: string): string | undefined;
	/** outcome for several keys at once: the JSON of each one cached, by key. */
	outcomes(keys: readonly string[]): Map<string, string>;
	/** Save the record an outcome names first: the cache keeps it while it keeps the outcome. */
	saveOutcome(key: string, json: string): void;
	recordJson(hash: string): string | undefined;
	saveRecord(hash: string, json: string): void;
	/** The files of `listing` (a key naming the content folder and the run's inputs). */
	listing(listing: string): ListingFiles;
	/** Commits what is pending; the cache stays open. */
	flush(): void;
	close(): void;
}

export class RenderCacheError extends Error {
	constructor(cause: unknown) {
		super(`render cache: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
		this.name = "RenderCacheError";
	}
}

/** In-memory, for callers that name no file: nothing is kept after the run. */
export const MEMORY_CACHE = ":memory:";

/** Bump when the tables change: an older file is then migrated (see MIGRATIONS) or dropped and rebuilt. */
const SCHEMA_VERSION = 2;
const WRITES_PER_TRANSACTION = 1000;
/** Keys per batched lookup: one query for this many rows costs about what one query for a single row does. */
const KEYS_PER_QUERY = 500;
/** A listing's files read per query: rows are dropped or written between pages, never under an open query. */
const FILES_PER_PAGE = 1000;
const KEEP_DAYS = 7;
const DAY_MS = 86_400_000;

/** The record an outcome names, which pruning keeps as long as the outcome (computed when read: pruning reads it
 * once a day, and an index on it would cost every write a random page). */
const OUTCOME_RECORD = "record TEXT GENERATED ALWAYS AS (json_extract(json, '$.record.hash')) VIRTUAL";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS stamps (
	dir TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns TEXT NOT NULL, ctime_ns TEXT NOT NULL,
	ino TEXT NOT NULL, text_hash TEXT NOT NULL, used_day INTEGER NOT NULL, PRIMARY KEY (dir, name)) STRICT;
CREATE TABLE IF NOT EXISTS outcomes (key TEXT PRIMARY KEY, json TEXT NOT NULL, used_day INTEGER NOT NULL,
	${OUTCOME_RECORD}) STRICT;
CREATE TABLE IF NOT EXISTS records (hash TEXT PRIMARY KEY, json TEXT NOT NULL, used_day INTEGER NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS listings (listing TEXT PRIMARY KEY, used_day INTEGER NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS files (listing TEXT NOT NULL, sort_key BLOB NOT NULL, name TEXT NOT NULL,
	size INTEGER NOT NULL, mtime_ns TEXT NOT NULL, ctime_ns TEXT NOT NULL, ino TEXT NOT NULL, text_hash TEXT NOT NULL,
	outcome TEXT NOT NULL, record TEXT GENERATED ALWAYS AS (json_extract(outcome, '$.record.hash')) VIRTUAL,
	PRIMARY KEY (listing, sort_key)) STRICT, WITHOUT ROWID;
`;

/** Schema version -> what brings a file of it to the next version. */
const MIGRATIONS: Record<string, string> = {
	"1": `ALTER TABLE outcomes ADD COLUMN ${OUTCOME_RECORD};`,
};

/**
 * Opens (creating it if need be) the cache at `file`, or an in-memory one for MEMORY_CACHE. A file that cannot be
 * opened as this cache (corrupt, another schema, not SQLite) is deleted and created again.
 */
export async function openRenderCache(file: string): Promise<RenderCache> {
	const { DatabaseSync } = await loadSqlite();
	const open = (): DatabaseSync => {
		if (file !== MEMORY_CACHE) mkdirSync(path.dirname(file), { recursive: true });
		const db = new DatabaseSync(file, { timeout: 10_000 });
		try {
			db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
			db.exec("BEGIN IMMEDIATE");
			try {
				migrate(db);
				db.exec("COMMIT");
			} catch (error) {
				db.exec("ROLLBACK");
				throw error;
			}
			db.prepare("SELECT count(*) FROM records LIMIT 1").get();
			return db;
		} catch (error) {
			db.close();
			throw error;
		}
	};
	let db: DatabaseSync;
	try {
		db = open();
	} catch (error) {
		if (file === MEMORY_CACHE || isBusy(error)) throw new RenderCacheError(error);
		removeCacheFile(file);
		try {
			db = open();
		} catch (again) {
			throw new RenderCacheError(again);
		}
	}
	return sqliteCache(db, file);
}

/** Creates the tables, or brings an older file's up to SCHEMA_VERSION; throws for a schema it does not know. */
function migrate(db: DatabaseSync): void {
	const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get() !== undefined;
	let version = exists
		? (db.prepare("SELECT value FROM meta WHERE key = 'schema'").get()?.value as string | undefined)
		: undefined;
	for (let step = MIGRATIONS[version ?? ""]; step !== undefined; step = MIGRATIONS[version ?? ""]) {
		db.exec(step);
		version = String(Number(version) + 1);
	}
	db.exec(SCHEMA);
	if (version === undefined) version = String(SCHEMA_VERSION);
	if (version !== String(SCHEMA_VERSION)) throw new Error(`schema ${version}, expected ${SCHEMA_VERSION}`);
	db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(version);
}

/** Deletes the cache file and its WAL files (a rebuild starts from nothing). What cannot be deleted stays: opening
 * it then fails again, and the run falls back to a cache in memory. */
export function removeCacheFile(file: string): void {
	if (file === MEMORY_CACHE) return;
	for (const suffix of ["", "-wal", "-shm"]) {
		try {
			rmSync(`${file}${suffix}`, { force: true });
		} catch {
			// A directory or a file we may not delete: see above.
		}
	}
}

/** Whether a `stamps` row was taken of the file as it is now (its nanosecond times and inode are kept as text). */
function stampMatches(row: Readonly<Record<string, unknown>>, stamp: FileStamp): boolean {
	return (
		row.size === stamp.size &&
		row.mtime_ns === String(stamp.mtimeNs) &&
		row.ctime_ns === String(stamp.ctimeNs) &&
		row.ino === String(stamp.ino)
	);
}

function isBusy(error: unknown): boolean {
	return /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message ?? error));
}

function sqliteCache(db: DatabaseSync, file: string): RenderCache {
	const today = Math.floor(Date.now() / DAY_MS);
	const sql = statementCache(db);
	let pending = 0;
	let closed = false;
	const write = (text: string, ...values: (string | number | Uint8Array)[]): void => {
		if (pending === 0) db.exec("BEGIN IMMEDIATE");
		sql(text).run(...values);
		if (++pending >= WRITES_PER_TRANSACTION) commit();
	};
	const commit = (): void => {
		if (pending === 0) return;
		pending = 0;
		db.exec("COMMIT");
	};
	/** Rows read today are marked so (once a day), so pruning keeps what any recent run used. */
	const touch = (table: string, where: string, usedDay: number, ...key: string[]): void => {
		if (usedDay < today) write(`UPDATE ${table} SET used_day = ? WHERE ${where}`, today, ...key);
	};
	/** Rows of `table` whose `column` is one of `keys`, a query per KEYS_PER_QUERY keys (`fixed` binds first). */
	const rowsWhereIn = (
		table: string,
		columns: string,
		column: string,
		keys: readonly string[],
		fixed: { where: string; value: string } | null = null,
	): Record<string, unknown>[] => {
		const rows: Record<string, unknown>[] = [];
		for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
			const chunk = keys.slice(start, start + KEYS_PER_QUERY);
			const where = `${fixed ? `${fixed.where} AND ` : ""}${column} IN (${chunk.map(() => "?").join(", ")})`;
			const values = fixed ? [fixed.value, ...chunk] : chunk;
			rows.push(
				...(sql(`SELECT ${columns} FROM ${table} WHERE ${where}`).all(...values) as Record<
					string,
					unknown
				>[]),
			);
		}
		return rows;
	};
	const guarded =
		<A extends unknown[], R>(run: (...args: A) => R) =>
		(...args: A): R => {
			try {
				return run(...args);
			} catch (error) {
				throw error instanceof RenderCacheError ? error : new RenderCacheError(error);
			}
		};
	/** A listing's files, read a page at a time in path order beside the names asked (a merge, no lookup per name). */
	const listingFiles = (listing: string): ListingFiles => {
		let page: Record<string, unknown>[] = [];
		let at = 0;
		let done = false;
		/** The last name asked, and the last row read (where the next page starts). */
		let asked: string | undefined;
		let lastRead: string | undefined;
		const nextPage = (): void => {
			page = sql(
				`SELECT name, size, mtime_ns, ctime_ns, ino, text_hash, outcome FROM files
				WHERE listing = ? AND sort_key > ? ORDER BY sort_key LIMIT ${FILES_PER_PAGE}`,
			).all(listing, lastRead === undefined ? new Uint8Array() : stringOrder(lastRead));
			at = 0;
			done = page.length < FILES_PER_PAGE;
			lastRead = page.length > 0 ? String(page[page.length - 1]?.name) : lastRead;
		};
		const drop = (name: string): void => {
			write("DELETE FROM files WHERE listing = ? AND sort_key = ?", listing, stringOrder(name));
		};
		/** The next row not before `name`, dropping the rows of names never asked on the way. */
		const rowAt = (name: string): Record<string, unknown> | undefined => {
			for (;;) {
				if (at === page.length) {
					if (done) return undefined;
					nextPage();
					if (page.length === 0) return undefined;
				}
				const row = page[at] as Record<string, unknown>;
				const rowName = String(row.name);
				if (rowName >= name) return row;
				// Rows written this run for names already asked may come round again: kept.
				if (asked === undefined || rowName > asked) drop(rowName);
				at++;
			}
		};
		return {
			find: guarded((name: string, stamp: FileStamp | undefined) => {
				const row = rowAt(name);
				asked = name;
				if (row === undefined || row.name !== name || !stamp || !stampMatches(row, stamp)) return undefined;
				return { textHash: String(row.text_hash), outcome: String(row.outcome) };
			}),
			remember: guarded((name: string, stamp: FileStamp, file: ListedFile) => {
				write(
					`INSERT OR REPLACE INTO files (listing, sort_key, name, size, mtime_ns, ctime_ns, ino, text_hash, outcome)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					listing,
					stringOrder(name),
					name,
					stamp.size,
					String(stamp.mtimeNs),
					String(stamp.ctimeNs),
					String(stamp.ino),
					file.textHash,
					file.outcome,
				);
			}),
			finish: guarded(() => {
				if (asked === undefined) write("DELETE FROM files WHERE listing = ?", listing);
				else write("DELETE FROM files WHERE listing = ? AND sort_key > ?", listing, stringOrder(asked));
			}),
		};
	};
	const prune = (): void => {
		const last = Number(sql("SELECT value FROM meta WHERE key = 'pruned'").get()?.value ?? 0);
		if (last >= today) return;
		const cutoff = today - KEEP_DAYS;
		db.exec("BEGIN IMMEDIATE");
		for (const table of ["stamps", "outcomes", "listings"])
			db.prepare(`DELETE FROM ${table} WHERE used_day < ?`).run(cutoff);
		db.exec(`DELETE FROM files WHERE listing NOT IN (SELECT listing FROM listings);
			CREATE TEMP TABLE named (hash TEXT PRIMARY KEY) WITHOUT ROWID;
			INSERT OR IGNORE INTO named SELECT record FROM outcomes WHERE record IS NOT NULL
				UNION ALL SELECT record FROM files WHERE record IS NOT NULL;`);
		db.prepare("DELETE FROM records WHERE used_day < ? AND hash NOT IN (SELECT hash FROM named)").run(cutoff);
		db.exec("DROP TABLE named");
		db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('pruned', ?)").run(String(today));
		db.exec("COMMIT");
	};
	return {
		textHash: guarded((dir, name, stamp) => {
			const row = sql("SELECT * FROM stamps WHERE dir = ? AND name = ?").get(dir, name);
			if (!row || !stampMatches(row, stamp)) return undefined;
			touch("stamps", "dir = ? AND name = ?", Number(row.used_day), dir, name);
			return String(row.text_hash);
		}),
		textHashes: guarded((dir, files) => {
			const stamps = new Map(files);
			const found = new Map<string, string>();
			const rows = rowsWhereIn("stamps", "*", "name", [...stamps.keys()], { where: "dir = ?", value: dir });
			for (const row of rows) {
				const name = String(row.name);
				const stamp = stamps.get(name);
				if (!stamp || !stampMatches(row, stamp)) continue;
				touch("stamps", "dir = ? AND name = ?", Number(row.used_day), dir, name);
				found.set(name, String(row.text_hash));
			}
			return found;
		}),
		rememberTextHash: guarded((dir, name, stamp, hash) => {
			write(
				"INSERT OR REPLACE INTO stamps (dir, name, size, mtime_ns, ctime_ns, ino, text_hash, used_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				dir,
				name,
				stamp.size,
				String(stamp.mtimeNs),
				String(stamp.ctimeNs),
				String(stamp.ino),
				hash,
				today,
			);
		}),
		outcome: guarded((key) => {
			const row = sql("SELECT json, used_day FROM outcomes WHERE key = ?").get(key);
			if (!row) return undefined;
			touch("outcomes", "key = ?", Number(row.used_day), key);
			return String(row.json);
		}),
		outcomes: guarded((keys) => {
			const found = new Map<string, string>();
			for (const row of rowsWhereIn("outcomes", "key, json, used_day", "key", [...new Set(keys)])) {
				touch("outcomes", "key = ?", Number(row.used_day), String(row.key));
				found.set(String(row.key), String(row.json));
			}
			return found;
		}),
		saveOutcome: guarded((key, json) => {
			write("INSERT OR REPLACE INTO outcomes (key, json, used_day) VALUES (?, ?, ?)", key, json, today);
		}),
		recordJson: guarded((hash) => {
			const row = sql("SELECT json, used_day FROM records WHERE hash = ?").get(hash);
			if (!row) return undefined;
			touch("records", "hash = ?", Number(row.used_day), hash);
			return String(row.json);
		}),
		saveRecord: guarded((hash, json) => {
			write("INSERT OR REPLACE INTO records (hash, json, used_day) VALUES (?, ?, ?)", hash, json, today);
		}),
		listing: guarded((listing) => {
			write("INSERT OR REPLACE INTO listings (listing, used_day) VALUES (?, ?)", listing, today);
			return listingFiles(listing);
		}),
		flush: guarded(commit),
		close: guarded(() => {
			if (closed) return;
			closed = true;
			try {
				commit();
				if (file !== MEMORY_CACHE) prune();
			} finally {
				db.close();
			}
		}),
	};
}
