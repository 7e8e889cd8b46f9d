// The local render cache: what sync learnt about each file on earlier runs, so a run costs what changed.
//
// One SQLite file (default .wrangler/edgefeed/render-cache.sqlite) through node:sqlite, built into the Node that
// runs sync: no dependency to install or compile, one file to delete to clear it, transactions so an interrupted
// run leaves it whole, and readers and writers of several syncs at once (WAL, busy timeout). Three tables:
// - stamps:   (content dir, path) -> the file's size, mtime, ctime and inode when its text had hash `text_hash`;
// - outcomes: render key -> an ArticleOutcome as JSON (errors, id, the small facts of its record; see renderKey.ts);
// - records:  record hash -> the record's canonical JSON, read back on demand so nobody holds every body.
// Rows unused for a week are dropped (checked once a day). Every failure surfaces as RenderCacheError, and the loader
// then starts over on a fresh cache: a broken cache costs a full render, never a failed sync.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { DatabaseSync } from "node:sqlite";
import { loadSqlite, statementCache } from "../shared/sqlite.ts";

/** The file's state when its text was hashed: any change to any of them and the file is read again. */
export interface FileStamp {
	size: number;
	mtimeNs: bigint;
	ctimeNs: bigint;
	ino: bigint;
}

export interface RenderCache {
	textHash(dir: string, name: string, stamp: FileStamp): string | undefined;
	/** textHash for several files of `dir` at once: the text hash of each whose stamp matches, by name. */
	textHashes(dir: string, files: readonly (readonly [string, FileStamp])[]): Map<string, string>;
	rememberTextHash(dir: string, name: string, stamp: FileStamp, hash: string): void;
	outcome(key: string): string | undefined;
	/** outcome for several keys at once: the JSON of each one cached, by key. */
	outcomes(keys: readonly string[]): Map<string, string>;
	saveOutcome(key: string, json: string): void;
	recordJson(hash: string): string | undefined;
	/** Whether the record is kept (and keeps it another week). */
	hasRecord(hash: string): boolean;
	/** hasRecord for several hashes at once: those kept. */
	keptRecords(hashes: readonly string[]): Set<string>;
	/**
	 * Tells the cache that every file was checked, so every record in use has been marked used today: later runs
	 * today then ask only whether a record is kept, without reading its day (stored after its JSON, reading it costs
	 * reading the whole record).
	 */
	checkedAll(): void;
	saveRecord(hash: string, json: string): void;
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

/** Bump when the tables change: an older file is then dropped and rebuilt. */
const SCHEMA_VERSION = 1;
const WRITES_PER_TRANSACTION = 1000;
/** Keys per batched lookup: one query for this many rows costs about what one query for a single row does. */
const KEYS_PER_QUERY = 500;
const KEEP_DAYS = 7;
const DAY_MS = 86_400_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS stamps (
	dir TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns TEXT NOT NULL, ctime_ns TEXT NOT NULL,
	ino TEXT NOT NULL, text_hash TEXT NOT NULL, used_day INTEGER NOT NULL, PRIMARY KEY (dir, name)) STRICT;
CREATE TABLE IF NOT EXISTS outcomes (key TEXT PRIMARY KEY, json TEXT NOT NULL, used_day INTEGER NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS records (hash TEXT PRIMARY KEY, json TEXT NOT NULL, used_day INTEGER NOT NULL) STRICT;
`;

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
			db.exec(SCHEMA);
			const version = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get()?.value;
			if (version === undefined)
				db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)").run(
					String(SCHEMA_VERSION),
				);
			else if (version !== String(SCHEMA_VERSION))
				throw new Error(`schema ${version}, expected ${SCHEMA_VERSION}`);
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
function stampMatches(row: Record<string, unknown>, stamp: FileStamp): boolean {
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
	/** Whether a run today checked every file (see checkedAll); read once, when first needed. */
	let recordsMarked: boolean | undefined;
	const write = (text: string, ...values: (string | number)[]): void => {
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
	const prune = (): void => {
		const last = Number(sql("SELECT value FROM meta WHERE key = 'pruned'").get()?.value ?? 0);
		if (last >= today) return;
		const cutoff = today - KEEP_DAYS;
		db.exec("BEGIN IMMEDIATE");
		for (const table of ["stamps", "outcomes", "records"])
			db.prepare(`DELETE FROM ${table} WHERE used_day < ?`).run(cutoff);
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
		hasRecord: guarded((hash) => {
			const row = sql("SELECT used_day FROM records WHERE hash = ?").get(hash);
			if (!row) return false;
			touch("records", "hash = ?", Number(row.used_day), hash);
			return true;
		}),
		keptRecords: guarded((hashes) => {
			const kept = new Set<string>();
			recordsMarked ??=
				Number(sql("SELECT value FROM meta WHERE key = 'records-used'").get()?.value ?? 0) >= today;
			const columns = recordsMarked ? "hash" : "hash, used_day";
			for (const row of rowsWhereIn("records", columns, "hash", [...new Set(hashes)])) {
				if (!recordsMarked) touch("records", "hash = ?", Number(row.used_day), String(row.hash));
				kept.add(String(row.hash));
			}
			return kept;
		}),
		checkedAll: guarded(() => {
			if (recordsMarked) return;
			write("INSERT OR REPLACE INTO meta (key, value) VALUES ('records-used', ?)", String(today));
			recordsMarked = true;
		}),
		saveRecord: guarded((hash, json) => {
			write("INSERT OR REPLACE INTO records (hash, json, used_day) VALUES (?, ?, ?)", hash, json, today);
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
