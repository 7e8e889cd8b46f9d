// Compares the desired snapshot with what KV holds and lists the writes and deletes that publish it.
import { articleKey, HEAD_KEY, type Head, manifestKey } from "../store/kvLayout.ts";
import type { Snapshot } from "./buildManifest.ts";
import type { KvEntry } from "./kvTarget.ts";
import type { KvState } from "./readKvState.ts";

export interface SyncPlan {
	/** Records missing from KV, then the manifest if missing: all invisible to readers until head moves. */
	puts: KvEntry[];
	recordsToWrite: number;
	manifestToWrite: boolean;
	/** The commit point; null when head already points at this manifest. */
	head: KvEntry | null;
	/** `article:`/`manifest:` keys the new manifest does not reference, removed only after head moved. */
	deletes: string[];
	/** What changed for people, by article id, compared with the manifest head pointed to. */
	changes: { added: string[]; updated: string[]; removed: string[] };
}

/** `now` (epoch ms) becomes the head's version, kept strictly increasing so a stale head can be told apart. */
export function planSync(state: KvState, snapshot: Snapshot, now: number): SyncPlan {
	const wanted = new Set<string>([manifestKey(snapshot.manifestHash)]);
	const puts: KvEntry[] = [];
	for (const record of snapshot.records) {
		const key = articleKey(record.hash);
		if (wanted.has(key)) continue; // two identical records share one key
		wanted.add(key);
		if (!state.keys.has(key)) puts.push({ key, value: record.json });
	}
	const recordsToWrite = puts.length;
	const manifestToWrite = !state.keys.has(manifestKey(snapshot.manifestHash));
	if (manifestToWrite) puts.push({ key: manifestKey(snapshot.manifestHash), value: snapshot.manifestJson });

	let head: KvEntry | null = null;
	if (state.head?.manifest !== snapshot.manifestHash) {
		const value: Head = {
			manifest: snapshot.manifestHash,
			version: Math.max(now, (state.head?.version ?? 0) + 1),
		};
		head = { key: HEAD_KEY, value: JSON.stringify(value) };
	}
	const deletes = [...state.keys].filter((key) => !wanted.has(key)).sort();
	return { puts, recordsToWrite, manifestToWrite, head, deletes, changes: articleChanges(state, snapshot) };
}

function articleChanges(state: KvState, snapshot: Snapshot): SyncPlan["changes"] {
	const before = new Map((state.manifest?.articles ?? []).map((entry) => [entry.id, entry.record]));
	const added: string[] = [];
	const updated: string[] = [];
	for (const [id, hash] of snapshot.recordHashes) {
		const old = before.get(id);
		if (old === undefined) added.push(id);
		else if (old !== hash) updated.push(id);
	}
	const removed = [...before.keys()].filter((id) => !snapshot.recordHashes.has(id));
	return { added: added.sort(), updated: updated.sort(), removed: removed.sort() };
}
