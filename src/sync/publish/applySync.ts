// Carries out a sync plan in the order that keeps every reader on one whole version: content, head, cleanup.
import { HEAD_KEY } from "../../store/kvLayout.ts";
import { KV_LIMITS } from "../shared/kvLimits.ts";
import { type ChunkLimits, chunkEntries, chunkKeys, entryChunks } from "./chunkRequests.ts";
import { type KeySetMaker, lookupInOrder, memoryKeySet } from "./keySet.ts";
import { type KvEntry, type KvTarget, keyPages } from "./kvTarget.ts";
import type { SyncPlan } from "./planSync.ts";
import { SyncConflictError } from "./syncConflict.ts";

export interface SyncProgress {
	phase: "write" | "delete";
	done: number;
	total: number;
}

export interface ApplyOptions {
	limits?: ChunkLimits & { keysPerDelete: number };
	onProgress?: (progress: SyncProgress) => void;
	/** Runs right before head moves and throws to stop the sync there (the sync lease's confirm). */
	beforeCommit?: () => Promise<void>;
	/** Makes the set of keys listed before head moves (in memory unless given). */
	keySets?: KeySetMaker;
}

export interface SyncReport {
	recordsWritten: number;
	/** Values other than records written (manifest, catalog, shards, summaries, pages, directory). */
	indexWritten: number;
	headWritten: boolean;
	keysDeleted: number;
	/** Set when another sync moved head after this one did: the cleanup is left to that sync. */
	deletesSkipped?: true;
	/** Bulk write and delete requests made. */
	requests: number;
}

/**
 * 1. records and the version's other values (new keys nobody reads yet, so they may share requests), in the plan's
 *    order: each after the values it names, the catalog before the manifest and the manifest last;
 * 2. head, alone: the commit point, only once every key the new version lists is confirmed present and head is
 *    still what the plan was made from (else another sync published meanwhile, and this one stops);
 * 3. deletes of what neither the new version nor the previous one (still read where KV lags) reaches, only while
 *    head is still the one this sync left: a newer head is another sync's, and so is its cleanup.
 * Failing anywhere leaves head on the old version (before 2) or the new one (after), each complete; rerunning
 * the same sync skips what exists and finishes the rest. After a failure in 3 head has already moved, but it
 * names the version before it (head.previous), so the rerun finishes the same deletes (see planSync).
 */
export async function applySync(
	kv: KvTarget,
	plan: SyncPlan,
	options: ApplyOptions = {},
): Promise<SyncReport> {
	const limits = options.limits ?? KV_LIMITS;
	const report: SyncReport = {
		recordsWritten: 0,
		indexWritten: 0,
		headWritten: false,
		keysDeleted: 0,
		requests: 0,
	};
	const writes = plan.puts.length + (plan.head ? 1 : 0);
	let written = 0;
	if (writes > 0) options.onProgress?.({ phase: "write", done: 0, total: writes });
	for (const chunk of entryChunks(plan.puts, limits)) {
		await kv.putMany(chunk);
		report.requests++;
		written += chunk.length;
		options.onProgress?.({ phase: "write", done: written, total: writes });
	}
	report.recordsWritten = plan.recordsToWrite;
	report.indexWritten = plan.indexToWrite;
	if (plan.head) {
		report.requests += await confirmPresent(kv, plan.needed, limits, options.keySets ?? memoryKeySet);
		await options.beforeCommit?.();
		if ((await kv.get(HEAD_KEY)) !== plan.basedOn) {
			throw new SyncConflictError("Another sync published while this one was writing: head moved.");
		}
		await kv.putMany([plan.head]);
		report.requests++;
		report.headWritten = true;
		options.onProgress?.({ phase: "write", done: writes, total: writes });
	}
	if (plan.deletes.length > 0 && (await kv.get(HEAD_KEY)) !== (plan.head?.value ?? plan.basedOn)) {
		report.deletesSkipped = true;
		return report;
	}
	for (const chunk of chunkKeys(plan.deletes, limits.keysPerDelete)) {
		await kv.deleteMany(chunk);
		report.requests++;
		report.keysDeleted += chunk.length;
		options.onProgress?.({ phase: "delete", done: report.keysDeleted, total: plan.deletes.length });
	}
	return report;
}

/**
 * Makes sure every key of the new version is in KV before head names it: a concurrent sync's cleanup may have
 * removed a record this plan found present. A key missing from the listing is asked for by name (a listing may
 * lag behind writes), written again when really gone, and then must be readable. Returns the requests made.
 */
async function confirmPresent(
	kv: KvTarget,
	needed: Iterable<KvEntry>,
	limits: ChunkLimits,
	keySets: KeySetMaker,
): Promise<number> {
	const listed = await keySets(keyPages(kv, ""));
	const absent = async (entries: KvEntry[]): Promise<KvEntry[]> => {
		const found = await Promise.all(entries.map((entry) => kv.get(entry.key)));
		return entries.filter((_, index) => found[index] === null);
	};
	// The plan gives records in ascending key order, as the listing iterates: walked side by side.
	const isListed = lookupInOrder(listed, (key) => listed.has(key));
	const unlisted: KvEntry[] = [];
	for (const entry of needed) if (!isListed(entry.key)) unlisted.push(entry);
	const missing = await absent(unlisted);
	if (missing.length === 0) return 0;
	const chunks = chunkEntries(missing, limits);
	for (const chunk of chunks) await kv.putMany(chunk);
	const gone = await absent(missing);
	if (gone.length > 0) {
		throw new SyncConflictError(
			`${gone.length} key(s) of the new version vanished while it was written (${gone[0]?.key}, ...): ` +
				"another sync is deleting.",
		);
	}
	return chunks.length;
}
