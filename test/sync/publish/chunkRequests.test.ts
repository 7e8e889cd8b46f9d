// Bulk requests stay within Cloudflare's limits: 10,000 pairs and 100 MB per request, 10,000 keys per delete.
import { describe, expect, it } from "vitest";
import { applySync } from "../../../src/sync/publish/applySync.ts";
import { chunkEntries, chunkKeys } from "../../../src/sync/publish/chunkRequests.ts";
import type { KvEntry } from "../../../src/sync/publish/kvTarget.ts";
import type { SyncPlan } from "../../../src/sync/publish/planSync.ts";
import { KV_LIMITS } from "../../../src/sync/shared/kvLimits.ts";
import { miniflareKv } from "../support/miniflareKv.ts";
import { recordingKvTarget } from "../support/recordingKvTarget.ts";

/** What wrangler sends: the JSON array, in UTF-8 bytes. */
const requestBytes = (chunk: KvEntry[]): number => Buffer.byteLength(JSON.stringify(chunk), "utf8");

describe("chunking", () => {
	it("puts at most 10,000 pairs in a request, in order", () => {
		const entries = Array.from({ length: 25_001 }, (_, i) => ({ key: `article:${i}`, value: "{}" }));
		const chunks = chunkEntries(entries);
		expect(chunks.map((c) => c.length)).toEqual([10_000, 10_000, 5_001]);
		expect(chunks.flat()).toEqual(entries);
	});

	it("keeps each request body within the byte limit, counting UTF-8 bytes, not characters", () => {
		// A 1,000-byte limit stands in for Cloudflare's 100 MB: the same arithmetic without building 200 MB strings.
		const limits = { pairsPerRequest: KV_LIMITS.pairsPerRequest, bytesPerRequest: 1000 };
		// 30 values of 100 characters in a 3-byte character: 9,000 bytes in all, but 3,000 characters.
		const value = "ệ".repeat(100);
		const entries = Array.from({ length: 30 }, (_, i) => ({ key: `article:${i}`, value }));
		const chunks = chunkEntries(entries, limits);
		expect(chunks.length).toBeGreaterThan(9);
		for (const chunk of chunks) expect(requestBytes(chunk)).toBeLessThanOrEqual(limits.bytesPerRequest);
		expect(chunks.flat().map((e) => e.key)).toEqual(entries.map((e) => e.key));
	});

	it("refuses an entry no request can carry", () => {
		const limits = { pairsPerRequest: KV_LIMITS.pairsPerRequest, bytesPerRequest: 1000 };
		expect(() => chunkEntries([{ key: "article:big", value: "x".repeat(1000) }], limits)).toThrow(
			/article:big/,
		);
		expect(chunkEntries([{ key: "article:fits", value: "x".repeat(900) }], limits)).toHaveLength(1);
	});

	it("keeps requests near their target size, a value larger than the target going alone", () => {
		const limits = { pairsPerRequest: KV_LIMITS.pairsPerRequest, bytesPerRequest: 1000, targetBytes: 300 };
		const entries = [50, 50, 50, 50, 700, 50, 50].map((length, i) => ({
			key: `k${i}`,
			value: "x".repeat(length),
		}));
		const chunks = chunkEntries(entries, limits);
		expect(chunks.map((chunk) => chunk.map((entry) => entry.key))).toEqual([
			["k0", "k1", "k2", "k3"],
			["k4"],
			["k5", "k6"],
		]);
		for (const chunk of chunks)
			if (chunk.length > 1) expect(requestBytes(chunk)).toBeLessThanOrEqual(limits.targetBytes);
	});

	it("uses Cloudflare's limits by default: 10,000 pairs and 100 MB per request, 10,000 keys per delete", () => {
		expect(KV_LIMITS).toMatchObject({
			pairsPerRequest: 10_000,
			bytesPerRequest: 100_000_000,
			keysPerDelete: 10_000,
		});
	});

	it("deletes at most 10,000 keys per request", () => {
		expect(chunkKeys(Array.from({ length: 20_001 }, (_, i) => `k${i}`)).map((c) => c.length)).toEqual([
			10_000, 10_000, 1,
		]);
	});

	it("applies a plan in chunks, head in a request of its own after every content chunk", async () => {
		const local = await miniflareKv();
		try {
			const recording = recordingKvTarget(local.kv);
			const puts = [
				...Array.from({ length: 7 }, (_, i) => ({ key: `article:r${i}`, value: `"${i}"` })),
				{ key: "manifest:m", value: "{}" },
			];
			const plan: SyncPlan = {
				puts,
				recordsToWrite: 7,
				indexToWrite: 1,
				head: { key: "head", value: JSON.stringify({ manifest: "m", version: 1 }) },
				basedOn: null,
				needed: puts,
				deletes: ["article:old1", "article:old2", "manifest:old"],
				changes: { added: [], updated: [], removed: [] },
				changeCounts: { added: 0, updated: 0, removed: 0 },
			};
			const report = await applySync(recording.kv, plan, {
				limits: { pairsPerRequest: 3, bytesPerRequest: 1_000_000, keysPerDelete: 2 },
			});
			const requests = recording.log.flatMap((e) => ("keys" in e ? [`${e.op}:${e.keys.length}`] : []));
			expect(requests).toEqual([
				"putMany:3",
				"putMany:3",
				"putMany:2",
				"putMany:1",
				"deleteMany:2",
				"deleteMany:1",
			]);
			expect(report).toEqual({
				recordsWritten: 7,
				indexWritten: 1,
				headWritten: true,
				keysDeleted: 3,
				requests: 6,
			});
		} finally {
			await local.dispose();
		}
	});
});
