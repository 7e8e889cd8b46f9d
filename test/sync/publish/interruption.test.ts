// Fail the k-th KV write for every k in turn: readers always see the old or the new version whole, and rerunning converges.
import { describe, expect, it } from "vitest";
import type { Head } from "../../../src/domain/model.ts";
import {
	ARTICLE_PREFIX,
	articleKey,
	HEAD_KEY,
	MANIFEST_PREFIX,
	manifestKey,
} from "../../../src/store/kvLayout.ts";
import type { Snapshot } from "../../../src/sync/publish/buildVersion.ts";
import { miniflareKv } from "../support/miniflareKv.ts";
import { readPublished, readVersion } from "../support/readPublished.ts";
import { failingKvTarget, InjectedFailure } from "../support/recordingKvTarget.ts";
import { manyArticles, NOW, syncFixture } from "../support/syncFixture.ts";

const OLD = manyArticles(4);
/** The version before OLD: what a sync from OLD to NEW may delete. */
const ANCIENT: Record<string, string> = {
	...OLD,
	"a02.md": (OLD["a02.md"] ?? "").replace("Bài 2", "Bài hai xưa"),
	"cu.md": "---\ntitle: Bài cũ\ndate: 2022-12-01\n---\n\nBài cũ đã gỡ.\n",
};
const NEW: Record<string, string> = {
	...OLD,
	"a01.md": (OLD["a01.md"] ?? "").replace("Đoạn văn", "Đoạn văn đã sửa"),
	"moi.md": "---\ntitle: Bài mới\ndate: 2023-02-01\ntags: [Mới]\n---\n\nBài hoàn toàn mới.\n",
};
delete NEW["a03.md"];
/** The version after NEW, which moves head again. */
const NEXT: Record<string, string> = {
	...NEW,
	"a02.md": (NEW["a02.md"] ?? "").replace("Đoạn văn", "Đoạn văn mới"),
};
const T_ANCIENT = NOW - 60_000;
const T_OLD = NOW;
const T_NEW = NOW + 60_000;
const T_NEXT = NOW + 120_000;
/** A rerun happens after the failed run, at a later clock. */
const T_RERUN = T_NEW + 5_000;

const shown = (snapshot: Snapshot) => snapshot.records.map((r) => JSON.stringify(JSON.parse(r.json)));

const headOf = (state: Map<string, string>): Head => JSON.parse(state.get(HEAD_KEY) ?? "null") as Head;

/** The reader's view must be exactly one snapshot: its manifest and every one of its records. */
async function expectWholeVersion(kv: Parameters<typeof readPublished>[0], allowed: (Snapshot | null)[]) {
	const published = await readPublished(kv); // throws when head or a listed record is missing
	if (published === null) {
		expect(allowed).toContain(null);
		return;
	}
	const snapshot = allowed.find((s) => s?.manifestHash === published.head.manifest);
	expect(snapshot, `head points at an unexpected manifest ${published.head.manifest}`).toBeTruthy();
	expect(published.records.map((r) => JSON.stringify(r))).toEqual(snapshot && shown(snapshot));
}

describe("interrupted sync", () => {
	it("keeps every reader on one whole version and converges on rerun, for a failure at each step", async () => {
		const reference = await miniflareKv();
		await syncFixture(reference.kv, ANCIENT, { now: T_ANCIENT });
		const old = await syncFixture(reference.kv, OLD, { now: T_OLD });
		// Every run below starts from this state: KV after syncing ANCIENT, then OLD.
		const startState = await reference.dump();
		const fresh = await syncFixture(reference.kv, NEW, { now: T_NEW });
		const expectedState = await reference.dump();
		expect(headOf(expectedState)).toEqual({
			manifest: fresh.snapshot.manifestHash,
			version: T_NEW,
			previous: old.snapshot.manifestHash,
			origin: new URL(fresh.snapshot.manifest.site.baseUrl).origin,
		});
		await syncFixture(reference.kv, NEXT, { now: T_NEXT });
		const expectedAfterNext = await reference.dump();
		await reference.dispose();
		const headWrite = fresh.plan.puts.length + 1;
		const writes = headWrite + fresh.plan.deletes.length;
		// 2 records, the index values that changed, head, then the deletes of what only ANCIENT reached (its a02 and
		// cu among them); OLD's keys are kept.
		expect(fresh.plan.recordsToWrite).toBe(2);
		expect(fresh.plan.deletes.length).toBeGreaterThanOrEqual(3);

		// A failure at each kind of step: the first record, the first and last index value (the manifest is written
		// last), head, the first and last delete, and none at all.
		const records = fresh.plan.recordsToWrite;
		const steps = [...new Set([1, records + 1, headWrite - 1, headWrite, headWrite + 1, writes, writes + 1])];
		for (const k of steps.sort((a, b) => a - b)) {
			const local = await miniflareKv();
			try {
				await local.kv.putMany([...startState].map(([key, value]) => ({ key, value })));
				const failing = failingKvTarget(local.kv, k);
				const run = syncFixture(failing.kv, NEW, { now: T_NEW });
				if (k <= writes) await expect(run, `failure at write ${k}`).rejects.toThrow(InjectedFailure);
				else await run;
				await expectWholeVersion(local.kv, [old.snapshot, fresh.snapshot]);
				// Until the head write has happened, readers stay on the old version.
				const published = await readPublished(local.kv);
				expect(published?.head.manifest).toBe(
					k <= headWrite ? old.snapshot.manifestHash : fresh.snapshot.manifestHash,
				);
				// Wherever it failed, a location still on the old head finds the old version whole.
				const oldVersion = await readVersion(local.kv, old.snapshot.manifestHash);
				expect(oldVersion.records.map((r) => JSON.stringify(r))).toEqual(shown(old.snapshot));

				// Before the head write the rerun is what publishes NEW, and a manifest records when its scopes changed
				// (the sync's clock), so it runs at the reference's clock. After it, head already names NEW and no clock
				// may change anything: that rerun runs later.
				const rerunAt = k <= headWrite ? T_NEW : T_RERUN;
				const rerun = await syncFixture(local.kv, NEW, { now: rerunAt });
				// Every key and value as after the uninterrupted run, head (naming OLD as previous) included.
				expect(await local.dump(), `state after rerunning from failure at write ${k}`).toEqual(expectedState);
				if (k > headWrite) {
					// Head was already on NEW: the rerun leaves it alone, learns from head.previous which version came
					// before, and deletes exactly what the failed cleanup had not reached.
					const notReached = fresh.plan.deletes.slice(k - headWrite - 1);
					expect(rerun.plan.deletes, `rerun's deletes after failure at write ${k}`).toEqual(notReached);
					expect(rerun.report).toEqual({
						recordsWritten: 0,
						indexWritten: 0,
						headWritten: false,
						keysDeleted: notReached.length,
						// No failure (k = writes + 1) leaves nothing: the rerun is an unchanged re-sync, zero requests.
						requests: notReached.length > 0 ? 1 : 0,
					});
				}
				// The next sync that moves head cleans up either way.
				await syncFixture(local.kv, NEXT, { now: T_NEXT });
				expect(await local.dump(), `state after the next sync, failure at write ${k}`).toEqual(
					expectedAfterNext,
				);
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

	it("finishes the cleanup of an interrupted first publish on rerun: nothing came before, so nothing else is kept", async () => {
		/** KV after a very first sync of NEW failed at its manifest: NEW's records, listed by nothing, and no head. */
		const orphaned = async () => {
			const local = await miniflareKv();
			const plan = (await syncFixture(local.kv, NEW, { now: T_OLD, dryRun: true })).plan;
			const failing = failingKvTarget(local.kv, plan.recordsToWrite + 1).kv;
			await expect(syncFixture(failing, NEW, { now: T_OLD })).rejects.toThrow(InjectedFailure);
			return local;
		};
		const reference = await orphaned();
		const first = await syncFixture(reference.kv, OLD, { now: T_NEW });
		const expectedState = await reference.dump();
		await reference.dispose();
		const clean = await miniflareKv();
		await syncFixture(clean.kv, OLD, { now: T_NEW });
		// The orphans are gone: the same state as publishing OLD into empty KV, and head names no previous version.
		expect(expectedState).toEqual(await clean.dump());
		await clean.dispose();
		expect(headOf(expectedState)).toEqual({
			manifest: first.snapshot.manifestHash,
			version: T_NEW,
			origin: "http://localhost:8787",
		});
		// NEW's edited a01 and moi, listed by OLD and by nothing before it.
		expect(first.plan.deletes.length).toBe(2);

		const headWrite = first.plan.puts.length + 1;
		for (let k = headWrite + 1; k <= headWrite + first.plan.deletes.length; k++) {
			const local = await orphaned();
			try {
				const failing = failingKvTarget(local.kv, k).kv;
				await expect(syncFixture(failing, OLD, { now: T_NEW }), `failure at write ${k}`).rejects.toThrow(
					InjectedFailure,
				);
				const rerun = await syncFixture(local.kv, OLD, { now: T_RERUN });
				expect(rerun.plan.deletes).toEqual(first.plan.deletes.slice(k - headWrite - 1));
				expect(rerun.report?.headWritten).toBe(false);
				expect(await local.dump(), `state after rerunning from failure at write ${k}`).toEqual(expectedState);
			} finally {
				await local.dispose();
			}
		}
	});

	it("cleans up what an interrupted run left behind, even when the next run publishes something else", async () => {
		const local = await miniflareKv();
		try {
			const old = await syncFixture(local.kv, OLD, { now: T_OLD });
			const plan = (await syncFixture(local.kv, NEW, { now: T_NEW, dryRun: true })).plan;
			// Fail at the manifest: NEW's records are in KV, referenced by nothing, and head is still on OLD.
			await expect(
				syncFixture(failingKvTarget(local.kv, plan.recordsToWrite + 1).kv, NEW, { now: T_NEW }),
			).rejects.toThrow(InjectedFailure);
			const other = { ...OLD, "a02.md": (OLD["a02.md"] ?? "").replace("Bài 2", "Bài hai") };
			const final = await syncFixture(local.kv, other, { now: T_NEW + 1 });
			// OLD is what head pointed to before, so it stays whole; NEW's orphans are listed by neither and go.
			const referenced = new Set(
				[final.snapshot, old.snapshot].flatMap((snapshot) => [
					manifestKey(snapshot.manifestHash),
					...snapshot.records.map((r) => articleKey(r.hash)),
				]),
			);
			const stored = [
				...(await local.kv.listKeys(ARTICLE_PREFIX)),
				...(await local.kv.listKeys(MANIFEST_PREFIX)),
			];
			expect(new Set(stored)).toEqual(referenced);
			expect(final.report?.keysDeleted).toBe(plan.recordsToWrite);
		} finally {
			await local.dispose();
		}
	});
});
