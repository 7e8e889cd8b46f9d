// A private temporary SQLite database for one sync run: what the run would otherwise hold on the heap in proportion
// to the archive (its articles, KV's key listings, the values a version waits to write) goes here instead.
import type { DatabaseSync } from "node:sqlite";
import { loadSqlite } from "./sqlite.ts";

/** SQLite's page cache per database, in KiB: what it may keep in memory before pages go to its file. */
export const CACHE_KIB = 8192;

/** A new, empty database; SQLite deletes its file when it is closed. Nothing in it needs to survive a crash, so it
 * keeps no journal and never syncs. */
export async function openRunDatabase(): Promise<DatabaseSync> {
	const { DatabaseSync } = await loadSqlite();
	// An empty name is SQLite's private on-disk temporary database.
	const db = new DatabaseSync("");
	db.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -${CACHE_KIB};
		PRAGMA temp_store = FILE;`);
	return db;
}

/** A BLOB that SQLite orders as JavaScript orders strings (by UTF-16 code unit): the text as UTF-16BE bytes. */
export function stringOrder(text: string): Uint8Array {
	return Buffer.from(text, "utf16le").swap16();
}
