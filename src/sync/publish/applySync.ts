// Carries out a sync plan in the order that keeps every reader on one whole version: content, head, cleanup.
import { type ChunkLimits, chunkEntries, chunkKeys, KV_LIMITS } from "./chunkRequests.ts";
import type { KvTarget } from "./kvTarget.ts";
import type { SyncPlan } from "./planSync.ts";

export interface SyncProgress {
	phase: "write" | "delete";
	done: number;
	total: number;
}

export interface ApplyOptions {
	limits?: ChunkLimits & { keysPerDelete: number };
	onProgress?: (progress: SyncProgress) => void;
}

export interface SyncReport {
	recordsWritten: number;
	manifestWritten: boolean;
	headWritten: boolean;
	keysDeleted: number;
	/** Bulk write and delete requests made. */
	requests: number;
}

/**
 * 1. records and manifest (new keys nobody reads yet, so they may share requests);
 * 2. head, alone: the commit point;
 * 3. deletes of what neither the new manifest nor the previous one (still read where KV lags) lists.
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
		manifestWritten: false,
		headWritten: false,
		keysDeleted: 0,
		requests: 0,
	};
	const writes = plan.puts.length + (plan.head ? 1 : 0);
	let written = 0;
	if (writes > 0) options.onProgress?.({ phase: "write", done: 0, total: writes });
	for (const chunk of chunkEntries(plan.puts, limits)) {
		await kv.putMany(chunk);
		report.requests++;
		written += chunk.length;
		options.onProgress?.({ phase: "write", done: written, total: writes });
	}
	report.recordsWritten = plan.recordsToWrite;
	report.manifestWritten = plan.manifestToWrite;
	if (plan.head) {
		await kv.putMany([plan.head]);
		report.requests++;
		report.headWritten = true;
		options.onProgress?.({ phase: "write", done: writes, total: writes });
	}
	for (const chunk of chunkKeys(plan.deletes, limits.keysPerDelete)) {
		await kv.deleteMany(chunk);
		report.requests++;
		report.keysDeleted += chunk.length;
		options.onProgress?.({ phase: "delete", done: report.keysDeleted, total: plan.deletes.length });
	}
	return report;
}
