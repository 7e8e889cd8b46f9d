// The layout stays bounded as the archive grows: no value holds more than a page's worth, a scope's summary keeps
// only its newest items, and a one-article edit in a few thousand writes a dozen small values at most.
import { describe, expect, it } from "vitest";
import { ARCHIVE_PAGE_SIZE } from "../../../src/domain/archivePages.ts";
import type { ArticleRecord, ScopeSummary } from "../../../src/domain/model.ts";
import { RECENT_VISIBLE } from "../../../src/store/kvLayout.ts";
import { sourceOfRecords } from "../../../src/sync/publish/articleSource.ts";
import { buildVersion } from "../../../src/sync/publish/buildVersion.ts";
import { syncRecords } from "../../../src/sync/publish/syncRecords.ts";
import { article, authors, hanoiTime, site, tags } from "../../support/articles.ts";
import { miniflareKv } from "../support/miniflareKv.ts";
import { recordingKvTarget } from "../support/recordingKvTarget.ts";
import { readSnapshot } from "../support/snapshotValues.ts";

const NOW = Date.parse("2026-12-01T00:00:00Z");
const HOUR = 3_600_000;

/** `n` articles an hour apart, the newest first; every other one tagged, one of two authors; `scheduled` in the future. */
function archive(n: number, scheduled = 0, edit?: number): ArticleRecord[] {
	return Array.from({ length: n }, (_, i) =>
		article(`bai-${i}`, hanoiTime(NOW + (scheduled - i) * HOUR), {
			contentHtml: `<p>Bài ${i}${i === edit ? ", đã sửa" : ""}.</p>`,
			tags: i % 2 === 0 ? [tags.xaHoi] : [tags.doiSong],
			authors: [i % 3 === 0 ? authors.minh : authors.lan],
		}),
	);
}

describe("bounded values", () => {
	it("moves complete archive pages out of each summary; the largest value does not grow from 1,000 to 4,000", async () => {
		const largest = async (n: number) => {
			const snapshot = await buildVersion(site, await sourceOfRecords(archive(n, 5)), new Map(), NOW);
			return Math.max(...[...snapshot.values.values()].map((json) => json.length));
		};
		const [small, large] = [await largest(1_000), await largest(4_000)];
		// The largest is a slug shard: they split in two as the archive doubles, about 1,000 entries each.
		expect(large).toBeLessThan(256 * 1024);
		expect(large).toBeLessThan(small * 1.5);
	});

	it("keeps in `recent` every scheduled item and at least the newest 100 visible, and pages only complete ones", async () => {
		const snapshot = await buildVersion(site, await sourceOfRecords(archive(3_000, 7)), new Map(), NOW);
		const version = await readSnapshot(snapshot);
		for (const { summary, entries } of Object.values(version.scopes)) {
			const s: ScopeSummary = summary;
			const visibleRecent = s.recent.filter((entry) => entry.published <= NOW).length;
			expect(visibleRecent).toBeGreaterThanOrEqual(Math.min(RECENT_VISIBLE, entries.length - 7));
			expect(s.recent.length).toBeLessThan(RECENT_VISIBLE + ARCHIVE_PAGE_SIZE + 7);
			expect(s.movedPages * ARCHIVE_PAGE_SIZE + s.recent.length).toBe(s.total);
		}
		// readSnapshot walked every page: each scope's entries are all its articles, newest first, once each.
		expect(version.scopes[""]?.entries.map((entry) => entry.id)).toEqual(archive(3_000, 7).map((r) => r.id));
		expect(version.scopes["tags/xa-hoi"]?.entries).toHaveLength(1_500);
	});

	it("re-syncs one edited article of 2,000 with at most 12 writes, the record among them", async () => {
		const local = await miniflareKv();
		try {
			await syncRecords(local.kv, site, archive(2_000), { now: NOW });
			const recording = recordingKvTarget(local.kv);
			const edited = await syncRecords(recording.kv, site, archive(2_000, 0, 1_234), { now: NOW + 1000 });
			const written = recording.log.flatMap((entry) => (entry.op === "putMany" ? entry.keys : []));
			expect(written.length).toBeLessThanOrEqual(12);
			expect(written.filter((key) => key.startsWith("article:"))).toHaveLength(1);
			expect(edited.plan.changes).toEqual({ added: [], updated: ["bai-1234"], removed: [] });
		} finally {
			await local.dispose();
		}
	}, 120_000);
});
