// Key sets in a temporary SQLite database (Node only): a listing of a million keys costs the heap one page at a time.
import type { DatabaseSync } from "node:sqlite";
import { openRunDatabase } from "../shared/runDatabase.ts";
import type { KeySet, KeySetMaker } from "./keySet.ts";

export interface StoredKeySets {
	make: KeySetMaker;
	/** Drops every set made; they fail after it. */
	close(): void;
}

export async function storedKeySets(): Promise<StoredKeySets> {
	const db: DatabaseSync = await openRunDatabase();
	let made = 0;
	const make: KeySetMaker = async (pages) => {
		const table = `keys_${++made}`;
		db.exec(`CREATE TABLE ${table} (key TEXT PRIMARY KEY) WITHOUT ROWID`);
		const insert = db.prepare(`INSERT OR IGNORE INTO ${table} (key) VALUES (?)`);
		let size = 0;
		for await (const page of pages) {
			db.exec("BEGIN");
			for (const key of page) size += Number(insert.run(key).changes);
			db.exec("COMMIT");
		}
		const has = db.prepare(`SELECT 1 FROM ${table} WHERE key = ?`);
		const set: KeySet = {
			size,
			has: (key) => has.get(key) !== undefined,
			*[Symbol.iterator]() {
				for (const row of db.prepare(`SELECT key FROM ${table}`).iterate()) yield row.key as string;
			},
		};
		return set;
	};
	return { make, close: () => db.close() };
}
