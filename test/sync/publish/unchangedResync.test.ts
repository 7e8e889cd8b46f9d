// Syncing unchanged content again writes nothing: no record, no index value, no head, no delete.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { versionKeySet } from "../../../src/sync/publish/planSync.ts";
import { type MiniflareKv, miniflareKv } from "../support/miniflareKv.ts";
import { recordingKvTarget } from "../support/recordingKvTarget.ts";
import { manyArticles, NOW, syncFixture } from "../support/syncFixture.ts";

let local: MiniflareKv;
beforeEach(async () => {
	local = await miniflareKv();
});
afterEach(async () => {
	await local.dispose();
});

const NOTHING = {
	recordsWritten: 0,
	indexWritten: 0,
	headWritten: false,
	keysDeleted: 0,
	requests: 0,
};

describe("re-sync of unchanged content", () => {
	it("makes no write or delete request, even a day later", async () => {
		const files = manyArticles(5);
		const first = await syncFixture(local.kv, files);
		expect(first.report).toMatchObject({
			recordsWritten: 5,
			headWritten: true,
			keysDeleted: 0,
		});
		const before = await local.dump();
		// The first version: head names no previous one, so everything it does not list would be garbage (there is none).
		expect(JSON.parse(before.get("head") ?? "")).not.toHaveProperty("previous");

		const recording = recordingKvTarget(local.kv);
		const again = await syncFixture(recording.kv, files, { now: NOW + 86_400_000 });
		expect(recording.log.filter((entry) => entry.op === "putMany" || entry.op === "deleteMany")).toEqual([]);
		expect(again.report).toEqual(NOTHING);
		expect(again.snapshot.manifestHash).toBe(first.snapshot.manifestHash);
		expect(await local.dump()).toEqual(before);
	});

	it("leaves the previous version it keeps for lagging readers alone: head does not move, nothing is deleted", async () => {
		const files = manyArticles(5);
		const first = await syncFixture(local.kv, files);
		const edited: Record<string, string> = {
			...files,
			"a03.md": (files["a03.md"] ?? "").replace("Bài 3", "Bài ba"),
		};
		delete edited["a05.md"];
		const second = await syncFixture(local.kv, edited, { now: NOW + 1000 });
		const before = await local.dump();
		// Both versions' values are held back from cleanup: the first version's for readers still on its head.
		const kept = new Set([...versionKeySet(first.snapshot), ...versionKeySet(second.snapshot)]);
		expect(new Set([...before.keys()].filter((key) => key !== "head"))).toEqual(kept);
		// Head names that version, so the re-sync checks for garbage against it (and finds none).
		expect(JSON.parse(before.get("head") ?? "").previous).toBe(first.snapshot.manifestHash);

		const recording = recordingKvTarget(local.kv);
		const again = await syncFixture(recording.kv, edited, { now: NOW + 86_400_000 });
		expect(recording.log.filter((entry) => entry.op === "putMany" || entry.op === "deleteMany")).toEqual([]);
		expect(again.report).toEqual(NOTHING);
		expect(await local.dump()).toEqual(before);
	});
});
