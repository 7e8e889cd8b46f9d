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
	/** What changed for people, by article id, compared with the version head pointed to: at most CHANGES_LISTED
	 * ids per list, the first in sorted order. */
	changes: { added: string[]; updated: string[]; removed: string[] };
	/** How many articles each list of changes has. */
	changeCounts: { added: number; updated: number; removed: number };
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
		...(head ? articleChanges(snapshot, previous) : noChanges()),
	};
}

/** Ids each list of changes names: the first in sorted order (the counts are whole). */
export const CHANGES_LISTED = 1000;

type ChangeLists = SyncPlan["changes"];

const noChanges = (): { changes: ChangeLists; changeCounts: SyncPlan["changeCounts"] } => ({
	changes: { added: [], updated: [], removed: [] },
	changeCounts: { added: 0, updated: 0, removed: 0 },
});

/** The first `limit` of the strings added, in sorted order, held `limit` at a time. */
function firstSorted(limit: number): { add(id: string): void; list: string[] } {
	const list: string[] = [];
	return {
		list,
		add(id) {
			if (list.length === limit && id >= (list.at(-1) as string)) return;
			let low = 0;
			let high = list.length;
			while (low < high) {
				const middle = (low + high) >> 1;
				if ((list[middle] as string) < id) low = middle + 1;
				else high = middle;
			}
			list.splice(low, 0, id);
			if (list.length > limit) list.pop();
		},
	};
}

/**
 * Articles of the slug shards that differ between the two versions, compared by id. With no previous version every
 * article is new: they are counted shard by shard, and only the listed ones are held.
 */
function articleChanges(
	snapshot: Snapshot,
	previous: VersionWalk | null,
): { changes: ChangeLists; changeCounts: SyncPlan["changeCounts"] } {
	const shardOf = (hash: string): Record<string, ArticleEntry> =>
		JSON.parse(snapshot.values.get(keyOf("slugs", hash)) ?? "{}");
	const old = previous?.catalog?.slugShards;
	if (!old) {
		const added = firstSorted(CHANGES_LISTED);
		let count = 0;
		for (const hash of snapshot.catalog.slugShards)
			for (const entry of Object.values(shardOf(hash))) {
				added.add(entry.id);
				count++;
			}
		return {
			changes: { added: added.list, updated: [], removed: [] },
			changeCounts: { added: count, updated: 0, removed: 0 },
		};
	}
	const before = new Map<string, string>();
	const after = new Map<string, string>();
	const add = (into: Map<string, string>, shard: Record<string, ArticleEntry>) => {
		for (const entry of Object.values(shard)) into.set(entry.id, entry.record);
	};
	snapshot.catalog.slugShards.forEach((hash, index) => {
		if (old[index] === hash) return;
		add(after, shardOf(hash));
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
	const listed = (ids: string[]): string[] => ids.sort().slice(0, CHANGES_LISTED);
	return {
		changes: { added: listed(added), updated: listed(updated), removed: listed(removed) },
		changeCounts: { added: added.length, updated: updated.length, removed: removed.length },
	};
}
