// Syncing unchanged content again writes nothing: no record, no manifest, no head, no delete.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MiniflareKv, miniflareKv } from "./support/miniflareKv.ts";
import { recordingKvTarget } from "./support/recordingKvTarget.ts";
import { manyArticles, NOW, syncFixture } from "./support/syncFixture.ts";

let local: MiniflareKv;
beforeEach(async () => {
	local = await miniflareKv();
});
afterEach(async () => {
	await local.dispose();
});

describe("re-sync of unchanged content", () => {
	it("makes no write or delete request, even a day later", async () => {
		const files = manyArticles(5);
		const first = await syncFixture(local.kv, files);
		expect(first.report).toMatchObject({
			recordsWritten: 5,
			manifestWritten: true,
			headWritten: true,
			keysDeleted: 0,
		});
		const before = await local.dump();

		const recording = recordingKvTarget(local.kv);
		const again = await syncFixture(recording.kv, files, { now: NOW + 86_400_000 });
		expect(recording.log.filter((entry) => entry.op === "putMany" || entry.op === "deleteMany")).toEqual([]);
		expect(again.report).toEqual({
			recordsWritten: 0,
			manifestWritten: false,
			headWritten: false,
			keysDeleted: 0,
			requests: 0,
		});
		expect(again.snapshot.manifestHash).toBe(first.snapshot.manifestHash);
		expect(await local.dump()).toEqual(before);
	});
});
