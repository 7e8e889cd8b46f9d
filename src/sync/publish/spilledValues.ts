// The values of a version being built (summaries, archive pages, shards, directory, manifest), kept in a private
// temporary SQLite database instead of the heap (Node only). The sync holds their keys and reads each value again
// when a write request carries it, so the JSON of an archive's pages never sits in memory at once.
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { openRunDatabase } from "../shared/runDatabase.ts";
import type { ValueStore } from "./buildVersion.ts";

export interface SpilledValues extends ValueStore {
	/** Drops the database (SQLite deletes its file); reads fail after it. */
	close(): void;
}

export async function spilledValues(): Promise<SpilledValues> {
	const db: DatabaseSync = await openRunDatabase();
	db.exec("CREATE TABLE value (key TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID");
	// One transaction for the run, never committed: nothing here outlives it, and a statement per value would
	// otherwise be a transaction per value.
	db.exec("BEGIN");
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
		clear() {
			db.exec("DELETE FROM value");
			keys.clear();
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
