// Fail the k-th KV write for every k in turn: readers always see the old or the new version whole, and rerunning converges.
import { describe, expect, it } from "vitest";
import { ARTICLE_PREFIX, articleKey, MANIFEST_PREFIX, manifestKey } from "../../src/store/kvLayout.ts";
import type { Snapshot } from "../../src/sync/buildManifest.ts";
import { miniflareKv } from "./support/miniflareKv.ts";
import { readPublished } from "./support/readPublished.ts";
import { failingKvTarget, InjectedFailure } from "./support/recordingKvTarget.ts";
import { manyArticles, NOW, syncFixture } from "./support/syncFixture.ts";

const OLD = manyArticles(4);
const NEW: Record<string, string> = {
	...OLD,
	"a01.md": (OLD["a01.md"] ?? "").replace("Đoạn văn", "Đoạn văn đã sửa"),
	"moi.md": "---\ntitle: Bài mới\ndate: 2023-02-01\ntags: [Mới]\n---\n\nBài hoàn toàn mới.\n",
};
delete NEW["a03.md"];
const T_OLD = NOW;
const T_NEW = NOW + 60_000;

/** The reader's view must be exactly one snapshot: its manifest and every one of its records. */
async function expectWholeVersion(kv: Parameters<typeof readPublished>[0], allowed: (Snapshot | null)[]) {
	const published = await readPublished(kv); // throws when head or a listed record is missing
	if (published === null) {
		expect(allowed).toContain(null);
		return;
	}
	const snapshot = allowed.find((s) => s?.manifestHash === published.head.manifest);
	expect(snapshot, `head points at an unexpected manifest ${published.head.manifest}`).toBeTruthy();
	expect(published.records.map((r) => JSON.stringify(r))).toEqual(
		snapshot?.records.map((r) => JSON.stringify(JSON.parse(r.json))),
	);
}

describe("interrupted sync", () => {
	it("keeps every reader on one whole version and converges on rerun, for a failure at every write", async () => {
		const reference = await miniflareKv();
		const old = await syncFixture(reference.kv, OLD, { now: T_OLD });
		const fresh = await syncFixture(reference.kv, NEW, { now: T_NEW });
		const expectedState = await reference.dump();
		await reference.dispose();
		const writes = fresh.plan.puts.length + (fresh.plan.head ? 1 : 0) + fresh.plan.deletes.length;
		// 2 records + manifest + head + 3 deletes (a01's old record, a03, the old manifest).
		expect(writes).toBe(7);

		for (let k = 1; k <= writes + 1; k++) {
			const local = await miniflareKv();
			try {
				await syncFixture(local.kv, OLD, { now: T_OLD });
				const failing = failingKvTarget(local.kv, k);
				const run = syncFixture(failing.kv, NEW, { now: T_NEW });
				if (k <= writes) await expect(run, `failure at write ${k}`).rejects.toThrow(InjectedFailure);
				else await run;
				await expectWholeVersion(local.kv, [old.snapshot, fresh.snapshot]);
				// Until the head write has happened (it is write puts+1), readers stay on the old version.
				const published = await readPublished(local.kv);
				const headWrite = fresh.plan.puts.length + 1;
				expect(published?.head.manifest).toBe(
					k <= headWrite ? old.snapshot.manifestHash : fresh.snapshot.manifestHash,
				);

				await syncFixture(local.kv, NEW, { now: T_NEW });
				expect(await local.dump(), `state after rerunning from failure at write ${k}`).toEqual(expectedState);
			} finally {
				await local.dispose();
			}
		}
	});

	it("shows nothing or the whole first version when the very first sync is interrupted", async () => {
		const reference = await miniflareKv();
		const first = await syncFixture(reference.kv, OLD);
		await reference.dispose();
		const writes = first.plan.puts.length + 1;
		for (let k = 1; k <= writes; k++) {
			const local = await miniflareKv();
			try {
				await expect(syncFixture(failingKvTarget(local.kv, k).kv, OLD)).rejects.toThrow(InjectedFailure);
				await expectWholeVersion(local.kv, [null]);
			} finally {
				await local.dispose();
			}
		}
	});

	it("cleans up what an interrupted run left behind, even when the next run publishes something else", async () => {
		const local = await miniflareKv();
		try {
			await syncFixture(local.kv, OLD, { now: T_OLD });
			const plan = (await syncFixture(local.kv, NEW, { now: T_NEW, dryRun: true })).plan;
			// Fail at the manifest: NEW's records are in KV, referenced by nothing.
			await expect(
				syncFixture(failingKvTarget(local.kv, plan.recordsToWrite + 1).kv, NEW, { now: T_NEW }),
			).rejects.toThrow(InjectedFailure);
			const other = { ...OLD, "a02.md": (OLD["a02.md"] ?? "").replace("Bài 2", "Bài hai") };
			const final = await syncFixture(local.kv, other, { now: T_NEW + 1 });
			const referenced = new Set([
				manifestKey(final.snapshot.manifestHash),
				...final.snapshot.records.map((r) => articleKey(r.hash)),
			]);
			const stored = [
				...(await local.kv.listKeys(ARTICLE_PREFIX)),
				...(await local.kv.listKeys(MANIFEST_PREFIX)),
			];
			expect(new Set(stored)).toEqual(referenced);
		} finally {
			await local.dispose();
		}
	});
});
