// Compares the desired version with what KV holds and lists the writes and deletes that publish it.
import type { ArticleEntry, Head } from "../../domain/model.ts";
import { ARTICLE_PREFIX, articleKey, HEAD_KEY, keyOf } from "../../store/kvLayout.ts";
import type { ArticleSource } from "./articleSource.ts";
import type { Snapshot, ValueStore } from "./buildVersion.ts";
import { lookupInOrder } from "./keySet.ts";
import type { KvEntry } from "./kvTarget.ts";
import type { KvState } from "./readKvState.ts";
import type { VersionWalk } from "./versionKeys.ts";

/** Entries made when iterated, so a million records to write are never all in memory; iterable more than once. */
export interface KvEntries extends Iterable<KvEntry> {
	readonly length: number;
}

export interface SyncPlan {
	/** Values missing from KV, records first: all invisible to readers until head moves. */
	puts: KvEntries;
	recordsToWrite: number;
	/** Values other than records to write (manifest, catalog, shards, summaries, pages, directory). */
	indexToWrite: number;
	/** The commit point; null when head already points at this manifest. */
	head: KvEntry | null;
	/** head as it was read when planning: if KV holds anything else when the plan commits, another sync moved it. */
	basedOn: string | null;
	/** Every key the new version reaches, with its value: confirmed present before head moves. */
	needed: Iterable<KvEntry>;
	/**
	 * Content-addressed keys reached by neither the new version nor the previous one, removed only after head
	 * moved. When head stays, the previous one is head.previous: what an interrupted cleanup left (else nothing).
	 */
	deletes: string[];
	/** What changed for people, by article id, compared with the version head pointed to. */
	changes: { added: string[]; updated: string[]; removed: string[] };
}

/** A record's KV entry, its value read from the articles' source when a request carries it, so records are never
 * all in memory at once (a class: one getter for all of them). */
class RecordEntry implements KvEntry {
	readonly key: string;
	readonly #hash: string;
	readonly #source: ArticleSource;
	constructor(hash: string, source: ArticleSource) {
		this.key = articleKey(hash);
		this.#hash = hash;
		this.#source = source;
	}
	get value(): string {
		return this.#source.recordJson(this.#hash);
	}
}

/** A version's value, read from its store when a request carries it (see RecordEntry). */
class StoredValueEntry implements KvEntry {
	readonly key: string;
	readonly #values: ValueStore;
	constructor(key: string, values: ValueStore) {
		this.key = key;
		this.#values = values;
	}
	get value(): string {
		const json = this.#values.get(this.key);
		if (json === undefined) throw new Error(`no value ${this.key} in this version`);
		return json;
	}
}

/** The keys of the new version, in a Set (tests; sync asks `snapshot.hasKey`). */
export function versionKeySet(snapshot: Snapshot): Set<string> {
	const keys = new Set(snapshot.values.keys());
	for (const hash of snapshot.source.recordHashes()) keys.add(articleKey(hash));
	return keys;
}

/**
 * `previous` is the walk of the version kept one generation (KV is eventually consistent: other locations may go
 * on reading the old head for up to a minute after it moves, so its values outlive it by one sync).
 * `now` (epoch ms) becomes the head's version, kept strictly increasing so a stale head can be told apart.
 * Records are read from the snapshot's source each time the plan's entries are iterated, never held.
 */
export function planSync(
	state: KvState,
	snapshot: Snapshot,
	previous: VersionWalk | null,
	now: number,
): SyncPlan {
	const { source, values } = snapshot;
	// Records and listed keys both come in ascending order: they are compared by walking them side by side.
	const records = function* (missing: boolean): Generator<KvEntry> {
		const listed = lookupInOrder(state.keys, (key) => state.keys.has(key));
		for (const hash of source.recordHashes()) {
			const entry = new RecordEntry(hash, source);
			if (!missing || !listed(entry.key)) yield entry;
		}
	};
	const valueEntries = (keys: Iterable<string>): KvEntry[] =>
		[...keys].map((key) => new StoredValueEntry(key, values));
	let recordsToWrite = 0;
	for (const _ of records(true)) recordsToWrite++;
	const valuePuts = valueEntries([...values.keys()].filter((key) => !state.keys.has(key)));
	const puts: KvEntries = {
		length: recordsToWrite + valuePuts.length,
		*[Symbol.iterator]() {
			yield* records(true);
			yield* valuePuts;
		},
	};
	const needed: Iterable<KvEntry> = {
		*[Symbol.iterator]() {
			yield* records(false);
			yield* valueEntries(values.keys());
		},
	};

	let head: KvEntry | null = null;
	if (state.head?.manifest !== snapshot.manifestHash) {
		const value: Head = {
			manifest: snapshot.manifestHash,
			version: Math.max(now, (state.head?.version ?? 0) + 1),
			origin: new URL(snapshot.manifest.site.baseUrl).origin,
		};
		if (state.head) value.previous = state.head.manifest;
		head = { key: HEAD_KEY, value: JSON.stringify(value) };
	}
	const deletes: string[] = [];
	const recordKeys = function* (): Generator<string> {
		for (const hash of source.recordHashes()) yield articleKey(hash);
	};
	const reached = lookupInOrder(recordKeys(), snapshot.hasKey);
	for (const key of state.keys)
		if (!(key.startsWith(ARTICLE_PREFIX) ? reached(key) : values.has(key)) && !previous?.keys.has(key))
			deletes.push(key);
	return {
		puts,
		recordsToWrite,
		indexToWrite: valuePuts.length,
		head,
		basedOn: state.headText,
		needed,
		deletes: deletes.sort(),
		changes: head ? articleChanges(snapshot, previous) : { added: [], updated: [], removed: [] },
	};
}

/** Articles of the slug shards that differ between the two versions, compared by id. */
function articleChanges(snapshot: Snapshot, previous: VersionWalk | null): SyncPlan["changes"] {
	const before = new Map<string, string>();
	const after = new Map<string, string>();
	const add = (into: Map<string, string>, shard: Record<string, ArticleEntry>) => {
		for (const entry of Object.values(shard)) into.set(entry.id, entry.record);
	};
	const old = previous?.catalog?.slugShards;
	snapshot.catalog.slugShards.forEach((hash, index) => {
		if (old?.[index] === hash) return;
		add(after, JSON.parse(snapshot.values.get(keyOf("slugs", hash)) ?? "{}"));
		const shard = previous?.slugShards.get(index);
		if (shard) add(before, shard);
	});
	const added: string[] = [];
	const updated: string[] = [];
	for (const [id, hash] of after) {
		const was = before.get(id);
		if (was === undefined) added.push(id);
		else if (was !== hash) updated.push(id);
	}
	const removed = [...before.keys()].filter((id) => !after.has(id));
	return { added: added.sort(), updated: updated.sort(), removed: removed.sort() };
}
