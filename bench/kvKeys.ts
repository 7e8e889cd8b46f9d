// Counts what a sync wrote, independently of the sync's own report and of the KV layout: the local KV state's own
// entries (key -> blob) before and after, read from the SQLite file and blob folder Miniflare keeps them in.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

export interface KeySnapshot {
	/** Key -> the blob holding its value. Miniflare writes every put to a new blob, so a changed id is one write,
	 * even of an identical value. */
	blobs: Map<string, string>;
	/** The largest value, in bytes, and its key. */
	largest: { key: string; bytes: number };
	/** Bytes of all values together. */
	totalBytes: number;
}

export interface KeyDiff {
	total: number;
	added: number;
	removed: number;
	/** Keys present before and after whose value was written again. */
	rewritten: number;
	/** added + rewritten: every put the state shows. */
	writes: number;
	/** Writes by key prefix (up to the first ":"). */
	byPrefix: Record<string, number>;
}

/** Where one namespace's entries live: `<state>/v3/kv/miniflare-KVNamespaceObject/<hash>.sqlite` and its blobs in
 * `<state>/v3/kv/<namespace id>/blobs/`. The SQLite file whose first blob is in that folder is the namespace's. */
function namespaceFiles(stateDir: string, namespaceId: string): { sqlite?: string; blobs: string } {
	const kv = join(stateDir, "v3", "kv");
	const blobs = join(kv, namespaceId, "blobs");
	const objects = join(kv, "miniflare-KVNamespaceObject");
	if (!existsSync(objects)) return { blobs };
	for (const name of readdirSync(objects)) {
		if (!name.endsWith(".sqlite") || name === "metadata.sqlite") continue;
		const sqlite = join(objects, name);
		const db = new DatabaseSync(sqlite, { readOnly: true });
		try {
			const first = db.prepare("SELECT blob_id FROM _mf_entries LIMIT 1").get() as
				| { blob_id: string }
				| undefined;
			if (first && existsSync(join(blobs, first.blob_id))) return { sqlite, blobs };
		} finally {
			db.close();
		}
	}
	return { blobs };
}

/** Reads every entry of the namespace `namespaceId` in a persisted state (an empty snapshot if there is none). */
export function snapshotKeys(stateDir: string, namespaceId: string): KeySnapshot {
	const snapshot: KeySnapshot = { blobs: new Map(), largest: { key: "", bytes: 0 }, totalBytes: 0 };
	const files = namespaceFiles(stateDir, namespaceId);
	if (!files.sqlite) return snapshot;
	const db = new DatabaseSync(files.sqlite, { readOnly: true });
	try {
		for (const row of db.prepare("SELECT key, blob_id FROM _mf_entries").iterate()) {
			const { key, blob_id: blob } = row as { key: string; blob_id: string };
			snapshot.blobs.set(key, blob);
			const bytes = statSync(join(files.blobs, blob)).size;
			snapshot.totalBytes += bytes;
			if (bytes > snapshot.largest.bytes) snapshot.largest = { key, bytes };
		}
	} finally {
		db.close();
	}
	return snapshot;
}

function prefixOf(key: string): string {
	const colon = key.indexOf(":");
	return colon < 0 ? key : key.slice(0, colon + 1);
}

export function diffKeys(before: KeySnapshot, after: KeySnapshot): KeyDiff {
	const byPrefix: Record<string, number> = {};
	let added = 0;
	let rewritten = 0;
	for (const [key, blob] of after.blobs) {
		const previous = before.blobs.get(key);
		if (previous === blob) continue;
		if (previous === undefined) added++;
		else rewritten++;
		byPrefix[prefixOf(key)] = (byPrefix[prefixOf(key)] ?? 0) + 1;
	}
	let removed = 0;
	for (const key of before.blobs.keys()) if (!after.blobs.has(key)) removed++;
	return { total: after.blobs.size, added, removed, rewritten, writes: added + rewritten, byPrefix };
}

export const EMPTY_SNAPSHOT: KeySnapshot = {
	blobs: new Map(),
	largest: { key: "", bytes: 0 },
	totalBytes: 0,
};
