// Compares the desired snapshot with what KV holds and lists the writes and deletes that publish it.
import type { Head, Manifest } from "../../domain/model.ts";
import { articleKey, HEAD_KEY, manifestKey } from "../../store/kvLayout.ts";
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
	/** head as it was read when planning: if KV holds anything else when the plan commits, another sync moved it. */
	basedOn: string | null;
	/** Every key the new version lists (its records and manifest), with values: confirmed present before head moves. */
	needed: KvEntry[];
	/**
	 * `article:`/`manifest:` keys listed by neither the new manifest nor the previous one, removed only after head
	 * moved. When head stays, the previous one is head.previous: what an interrupted cleanup left (else nothing).
	 */
	deletes: string[];
	/** What changed for people, by article id, compared with the manifest head pointed to. */
	changes: { added: string[]; updated: string[]; removed: string[] };
}

/** `now` (epoch ms) becomes the head's version, kept strictly increasing so a stale head can be told apart. */
export function planSync(state: KvState, snapshot: Snapshot, now: number): SyncPlan {
	const wanted = new Set<string>([manifestKey(snapshot.manifestHash)]);
	const needed: KvEntry[] = [];
	const puts: KvEntry[] = [];
	for (const record of snapshot.records) {
		const key = articleKey(record.hash);
		if (wanted.has(key)) continue; // two identical records share one key
		wanted.add(key);
		needed.push({ key, value: record.json });
		if (!state.keys.has(key)) puts.push({ key, value: record.json });
	}
	const recordsToWrite = puts.length;
	const manifest = { key: manifestKey(snapshot.manifestHash), value: snapshot.manifestJson };
	needed.push(manifest);
	const manifestToWrite = !state.keys.has(manifest.key);
	if (manifestToWrite) puts.push(manifest);

	let head: KvEntry | null = null;
	let previous: { hash: string | undefined; manifest: Manifest | null };
	if (state.head?.manifest !== snapshot.manifestHash) {
		const value: Head = {
			manifest: snapshot.manifestHash,
			version: Math.max(now, (state.head?.version ?? 0) + 1),
			origin: new URL(snapshot.manifest.site.baseUrl).origin,
		};
		if (state.head) value.previous = state.head.manifest;
		head = { key: HEAD_KEY, value: JSON.stringify(value) };
		previous = { hash: state.head?.manifest, manifest: state.manifest };
	} else {
		// Head already names this manifest, and the version before it is still recorded there: a rerun after a
		// failure during deletes finishes them. In a clean steady state this finds nothing to delete.
		previous = { hash: state.head.previous, manifest: state.previousManifest };
	}
	const kept = new Set([...wanted, ...versionKeys(previous.hash, previous.manifest)]);
	const deletes = [...state.keys].filter((key) => !kept.has(key)).sort();
	return {
		puts,
		recordsToWrite,
		manifestToWrite,
		head,
		basedOn: state.headText,
		needed,
		deletes,
		changes: articleChanges(state, snapshot),
	};
}

/**
 * The keys of the version before the published one. KV is eventually consistent: other locations may go on
 * reading the old head for up to a minute after it moves, so its manifest and records outlive it by one generation.
 * No previous version, nothing kept; an unreadable manifest keeps only its own key (its records cannot be known).
 */
function versionKeys(hash: string | undefined, manifest: Manifest | null): string[] {
	if (hash === undefined) return [];
	const records = (manifest?.articles ?? []).map((entry) => articleKey(entry.record));
	return [manifestKey(hash), ...records];
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
