// Key sets in a temporary SQLite database (Node only): a listing of a million keys costs the heap one page at a time.
import type { DatabaseSync } from "node:sqlite";
import { openRunDatabase, stringOrder } from "../shared/runDatabase.ts";
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
		// Keyed by stringOrder, so the set iterates in JavaScript's order (KeySet's), not UTF-8's.
		db.exec(`CREATE TABLE ${table} (sort_key BLOB PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID`);
		const insert = db.prepare(`INSERT OR IGNORE INTO ${table} (sort_key, key) VALUES (?, ?)`);
		let size = 0;
		for await (const page of pages) {
			db.exec("BEGIN");
			for (const key of page) size += Number(insert.run(stringOrder(key), key).changes);
			db.exec("COMMIT");
		}
		const has = db.prepare(`SELECT 1 FROM ${table} WHERE sort_key = ?`);
		const set: KeySet = {
			size,
			has: (key) => has.get(stringOrder(key)) !== undefined,
			*[Symbol.iterator]() {
				const all = db.prepare(`SELECT key FROM ${table} ORDER BY sort_key`);
				all.setReturnArrays(true);
				for (const [key] of all.iterate() as Iterable<unknown[]>) yield key as string;
			},
		};
		return set;
	};
	return { make, close: () => db.close() };
}
