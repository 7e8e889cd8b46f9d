// Where an articles' table is kept between runs (load/articleTable.ts), and how one run takes it: a SQLite file
// beside the render cache per listing, held by one run at a time, in one transaction, dropped after a week unused.
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { DatabaseSync } from "node:sqlite";
import { CACHE_KIB } from "../shared/runDatabase.ts";
import { loadSqlite } from "../shared/sqlite.ts";

/** Kept tables no run has used for this long are deleted. */
const KEEP_MS = 7 * 86_400_000;

/**
 * Where the table of one listing is kept, beside the render cache `cacheFile`. Kept tables beside it that no run
 * has used for a week (their listing's folder or inputs changed) are deleted on the way.
 */
export function keptTableBeside(cacheFile: string, listing: string): string {
	const dir = path.dirname(cacheFile);
	const cutoff = Date.now() - KEEP_MS;
	try {
		for (const name of readdirSync(dir))
			if (/^articles-[\w-]+\.sqlite$/.test(name) && statSync(path.join(dir, name)).mtimeMs < cutoff)
				rmSync(path.join(dir, name), { force: true });
	} catch {
		// Nothing to clear, or nothing it may clear: the table still opens (or the run works without it).
	}
	return path.join(dir, `articles-${listing.slice(0, 16)}.sqlite`);
}

/**
 * The kept table at `file`, in a transaction that holds it for the run, or null when another run holds it (then
 * this run works from nothing). A file that is not such a table (corrupt, another `schemaVersion`) is deleted and
 * made again.
 */
export async function openKept(file: string, schemaVersion: string): Promise<DatabaseSync | null> {
	const { DatabaseSync } = await loadSqlite();
	const open = (): DatabaseSync => {
		const db = new DatabaseSync(file, { timeout: 0 });
		try {
			// As the run's own databases: a bounded page cache, and sorts (a first run's members) on disk.
			db.exec(`PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -${CACHE_KIB};
				PRAGMA temp_store = FILE; BEGIN IMMEDIATE`);
			const meta = db.prepare("SELECT name FROM sqlite_master WHERE name = 'meta'").get();
			const version = meta
				? db.prepare("SELECT value FROM meta WHERE key = 'schema'").get()?.value
				: schemaVersion;
			if (version !== schemaVersion) throw new Error(`schema ${String(version)}, expected ${schemaVersion}`);
			return db;
		} catch (error) {
			if (db.isTransaction) db.exec("ROLLBACK");
			db.close();
			throw error;
		}
	};
	try {
		return open();
	} catch (error) {
		if (/SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message))) return null;
		for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
		try {
			return open();
		} catch {
			return null;
		}
	}
}
