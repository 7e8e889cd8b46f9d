// What a plan says changed, by article id: whole counts, and lists bounded by CHANGES_LISTED whatever the archive,
// so a fresh sync of a million articles holds a thousand ids, not a million.
import { describe, expect, it } from "vitest";
import { sourceOfRecords } from "../../../src/sync/publish/articleSource.ts";
import { buildVersion } from "../../../src/sync/publish/buildVersion.ts";
import { memoryKeySet } from "../../../src/sync/publish/keySet.ts";
import { CHANGES_LISTED, planSync } from "../../../src/sync/publish/planSync.ts";
import type { KvState } from "../../../src/sync/publish/readKvState.ts";
import { article, site } from "../../support/articles.ts";

const NOW = Date.parse("2026-11-28T00:00:00Z");

async function nothingPublished(): Promise<KvState> {
	return {
		head: null,
		headText: null,
		manifest: null,
		pointers: new Map(),
		names: { tags: [], authors: [] },
		keys: await memoryKeySet((async function* () {})()),
		values: new Map(),
	};
}

describe("a plan's changes", () => {
	it("counts every new article and lists the first CHANGES_LISTED ids in sorted order", async () => {
		const ids = Array.from({ length: CHANGES_LISTED + 234 }, (_, i) => `bai-${(i * 7919) % 100_003}`);
		const records = ids.map((id, i) => article(id, new Date(NOW - (i + 1) * 60_000).toISOString()));
		const snapshot = await buildVersion(site, await sourceOfRecords(records), new Map(), NOW);
		const plan = planSync(await nothingPublished(), snapshot, null, NOW);
		expect(plan.changeCounts).toEqual({ added: ids.length, updated: 0, removed: 0 });
		expect(plan.changes.added).toEqual(ids.toSorted().slice(0, CHANGES_LISTED));
		expect(plan.changes.updated).toEqual([]);
		expect(plan.changes.removed).toEqual([]);
	});
});
