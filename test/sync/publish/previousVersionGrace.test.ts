// One-generation grace: after a sync moves head, a location still reading the previous head finds that version whole.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Head } from "../../../src/domain/model.ts";
import { HEAD_KEY, keyOf, manifestKey, PREFIXES } from "../../../src/store/kvLayout.ts";
import type { Snapshot } from "../../../src/sync/publish/buildVersion.ts";
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";
import { versionKeySet } from "../../../src/sync/publish/planSync.ts";
import { type MiniflareKv, miniflareKv } from "../support/miniflareKv.ts";
import { observingKvTarget } from "../support/observingKvTarget.ts";
import { type PublishedVersion, readPublished, readVersion } from "../support/readPublished.ts";
import { manyArticles, NOW, syncFixture } from "../support/syncFixture.ts";
import { SITE_YAML } from "../support/tempContent.ts";

let local: MiniflareKv;
beforeEach(async () => {
	local = await miniflareKv();
});
afterEach(async () => {
	await local.dispose();
});

const G1 = manyArticles(4);
const G2: Record<string, string> = {
	...G1,
	"a02.md": (G1["a02.md"] ?? "").replace("Đoạn văn", "Đoạn văn đã sửa"),
	"moi.md": "---\ntitle: Bài mới\ndate: 2023-02-01\ntags: [Mới]\n---\n\nBài hoàn toàn mới.\n",
};
delete G2["a04.md"];
const G3: Record<string, string> = { ...G2, "a03.md": (G2["a03.md"] ?? "").replace("Bài 3", "Bài ba") };
delete G3["a01.md"];
/** Same articles as G3, new site title: only the manifest changes. */
const G4_SITE = SITE_YAML.replace("title: Tin tức thử", "title: Tin tức thử mới");

const recordsOf = (snapshot: Snapshot) => snapshot.records.map((r) => JSON.stringify(JSON.parse(r.json)));
const keysOf = (snapshot: Snapshot) => [...versionKeySet(snapshot)];
const shown = (version: PublishedVersion) => version.records.map((r) => JSON.stringify(r));

/** Reads the version `manifestHash` names after every write and delete request, keeping what each read threw. */
function laggingReader(inner: KvTarget, manifestHash: string, failures: unknown[]): KvTarget {
	return observingKvTarget(inner, async () => {
		await readVersion(inner, manifestHash).catch((error: unknown) => failures.push(error));
	});
}

describe("previous version grace", () => {
	it("keeps the version head pointed to before each sync whole, and nothing older", async () => {
		let previous = (await syncFixture(local.kv, G1, { now: NOW })).snapshot;
		let twoBack: Snapshot | null = null;
		const generations = [
			{ files: G2, siteYaml: SITE_YAML },
			{ files: G3, siteYaml: SITE_YAML },
			{ files: G3, siteYaml: G4_SITE },
		];
		for (const [i, { files, siteYaml }] of generations.entries()) {
			// The head value a lagging location still holds when this sync moves head.
			const oldHead = JSON.parse((await local.kv.get(HEAD_KEY)) ?? "") as Head;
			expect(oldHead.manifest).toBe(previous.manifestHash);

			const failures: unknown[] = [];
			const reader = laggingReader(local.kv, oldHead.manifest, failures);
			const next = await syncFixture(reader, files, { now: NOW + (i + 1) * 60_000, siteYaml });
			expect(next.report?.headWritten, `sync ${i + 2} moves head`).toBe(true);
			expect(failures, `reading the previous head during sync ${i + 2}`).toEqual([]);

			// A location still on the old head value: its manifest and every record it lists are there.
			expect(shown(await readVersion(local.kv, oldHead.manifest))).toEqual(recordsOf(previous));
			// Everyone else: the new version, whole.
			const published = await readPublished(local.kv);
			expect(published?.head.manifest).toBe(next.snapshot.manifestHash);
			expect(published && shown(published)).toEqual(recordsOf(next.snapshot));
			// Exactly one generation: what only the version before the previous one listed is gone.
			const stored = (
				await Promise.all(Object.values(PREFIXES).map((prefix) => local.kv.listKeys(prefix)))
			).flat();
			expect(new Set(stored)).toEqual(new Set([...keysOf(next.snapshot), ...keysOf(previous)]));
			// Head names the version it replaced, so a sync that does not move head still knows what to keep.
			const newHead = JSON.parse((await local.kv.get(HEAD_KEY)) ?? "") as Head;
			expect(newHead.previous).toBe(oldHead.manifest);
			const kept = new Set([...keysOf(next.snapshot), ...keysOf(previous)]);
			expect(next.report?.keysDeleted).toBe(
				twoBack ? keysOf(twoBack).filter((key) => !kept.has(key)).length : 0,
			);

			// Syncing the same content again (head stays) keeps the previous version whole: no request at all.
			const again = await syncFixture(local.kv, files, { now: NOW + (i + 1) * 60_000 + 30_000, siteYaml });
			expect(again.report?.requests, `unchanged re-sync after sync ${i + 2}`).toBe(0);
			expect(shown(await readVersion(local.kv, oldHead.manifest))).toEqual(recordsOf(previous));
			twoBack = previous;
			previous = next.snapshot;
		}
	});

	it("keeps a version written before catalogs (their fields in its manifest) whole through the sync that adds one", async () => {
		const first = (await syncFixture(local.kv, G1, { now: NOW })).snapshot;
		const { catalog, ...fields } = first.manifest;
		const before = "manifest-before-catalogs";
		await local.kv.putMany([
			{ key: manifestKey(before), value: JSON.stringify({ ...fields, ...first.catalog }) },
		]);
		await local.kv.deleteMany([manifestKey(first.manifestHash), keyOf("catalog", catalog)]);
		await local.kv.putMany([{ key: HEAD_KEY, value: JSON.stringify({ manifest: before, version: NOW }) }]);

		const failures: unknown[] = [];
		const next = await syncFixture(laggingReader(local.kv, before, failures), G2, { now: NOW + 60_000 });
		expect(next.report?.headWritten).toBe(true);
		// Its slug shards were read: the changes are the articles', not the whole collection.
		expect(next.plan.changes).toEqual({ added: ["moi"], updated: ["a02"], removed: ["a04"] });
		expect(failures).toEqual([]);
		expect(shown(await readVersion(local.kv, before))).toEqual(recordsOf(first));
		expect(shown((await readPublished(local.kv)) as PublishedVersion)).toEqual(recordsOf(next.snapshot));
	});
});
