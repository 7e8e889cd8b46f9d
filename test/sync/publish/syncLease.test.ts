// The sync lease on a signal: Ctrl-C while a sync holds it removes it (endOnSignals runs the registered cleanups
// before exiting), so the next sync takes it at once instead of waiting for it to expire.
import { describe, expect, it } from "vitest";
import { LEASE_KEY } from "../../../src/store/kvLayout.ts";
import { acquireLease } from "../../../src/sync/publish/syncLease.ts";
import { runSignalCleanups } from "../../../src/sync/shared/signalCleanups.ts";
import { miniflareKv } from "../support/miniflareKv.ts";

describe("the sync lease on a signal", () => {
	it("is released by the signal's cleanups while held, and not touched once released", async () => {
		const local = await miniflareKv();
		try {
			await acquireLease(local.kv, { settleMs: 0 });
			expect(await local.kv.get(LEASE_KEY)).not.toBeNull();
			await runSignalCleanups(5_000);
			expect(await local.kv.get(LEASE_KEY)).toBeNull();

			// A lease released normally leaves nothing registered: another sync's lease is not removed.
			const released = await acquireLease(local.kv, { settleMs: 0 });
			await released.release();
			await local.kv.putMany([{ key: LEASE_KEY, value: "another sync's" }]);
			await runSignalCleanups(5_000);
			expect(await local.kv.get(LEASE_KEY)).toBe("another sync's");
		} finally {
			await local.dispose();
		}
	});
});
