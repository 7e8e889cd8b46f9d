// The values of a version being built (summaries, archive pages, shards, directory, manifest), kept in a private
// temporary SQLite database instead of the heap (Node only). The sync holds their keys and reads each value again
// when a write request carries it, so the JSON of an archive's pages never sits in memory at once.
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { loadSqlite } from "../shared/sqlite.ts";
import type { ValueStore } from "./buildVersion.ts";

export interface SpilledValues extends ValueStore {
	/** Drops the database (SQLite deletes its file); reads fail after it. */
	close(): void;
}

/** SQLite's page cache for the database, in KiB: what it may keep in memory before pages go to its file. */
const CACHE_KIB = 8192;

export async function spilledValues(): Promise<SpilledValues> {
	const { DatabaseSync } = await loadSqlite();
	// An empty name is SQLite's private on-disk temporary database, deleted when the connection closes.
	const db: DatabaseSync = new DatabaseSync("");
	db.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -${CACHE_KIB};
		CREATE TABLE value (key TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;`);
	const insert: StatementSync = db.prepare("INSERT OR IGNORE INTO value (key, json) VALUES (?, ?)");
	const select: StatementSync = db.prepare("SELECT json FROM value WHERE key = ?");
	// Keys in insertion order, as a Map iterates: a few per thousand articles, so they stay in memory.
	const keys = new Set<string>();
	const get = (key: string): string | undefined =>
		keys.has(key) ? (select.get(key)?.json as string | undefined) : undefined;
	const entries = function* (): Generator<[string, string]> {
		for (const key of keys) yield [key, get(key) as string];
	};
	const store: SpilledValues = {
		get size() {
			return keys.size;
		},
		get,
		has: (key) => keys.has(key),
		set(key, json) {
			if (keys.has(key)) return store;
			insert.run(key, json);
			keys.add(key);
			return store;
		},
		keys: () => keys.values(),
		*values() {
			for (const [, json] of entries()) yield json;
		},
		[Symbol.iterator]: entries,
		close: () => db.close(),
	};
	return store;
}
