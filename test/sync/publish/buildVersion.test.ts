// A version's values: order, indexes, content hashes, and per-scope change times that only move on real changes.
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../../src/domain/model.ts";
import { sourceOfRecords } from "../../../src/sync/publish/articleSource.ts";
import { buildVersion, type Snapshot } from "../../../src/sync/publish/buildVersion.ts";
import { article, site } from "../../support/articles.ts";
import { readSnapshot } from "../support/snapshotValues.ts";

const NOW = Date.parse("2026-11-28T00:00:00Z");

/** Builds and reads back a version; `previous` is the version before it, if any. */
async function build(
	settings: typeof site,
	records: ArticleRecord[],
	previous: { snapshot: Snapshot } | null,
	now: number,
) {
	const snapshot = await buildVersion(
		settings,
		await sourceOfRecords(records),
		previous?.snapshot.pointers ?? new Map(),
		now,
	);
	const version = await readSnapshot(snapshot);
	const changed = (key: string) => version.scopes[key]?.pointer.changed;
	return { snapshot, version, changed, manifestHash: snapshot.manifestHash };
}
const XA_HOI = { name: "Xã hội", slug: "xa-hoi" };

/** The shared article, untagged and by the site's editors unless the test says otherwise. */
const sampleRecord = (id: string, published: string, extra: Partial<ArticleRecord> = {}): ArticleRecord =>
	article(id, published, { tags: [], authors: [{ name: "Ban biên tập", slug: "ban-bien-tap" }], ...extra });

describe("buildVersion", () => {
	it("orders articles newest published first, ties by id, with epoch times", async () => {
		const { version } = await build(
			site,
			[
				sampleRecord("b", "2023-08-15T09:00:00+07:00"),
				sampleRecord("c", "2023-09-01T00:00:00Z", { updated: "2023-09-02T00:00:00Z" }),
				sampleRecord("a", "2023-08-15T02:00:00Z"),
			],
			null,
			NOW,
		);
		expect(version.articles.map((e) => e.id)).toEqual(["c", "a", "b"]);
		expect(version.articles[0]).toMatchObject({
			published: Date.UTC(2023, 8, 1),
			modified: Date.UTC(2023, 8, 2),
		});
		expect(version.articles[1]?.modified).toBe(Date.UTC(2023, 7, 15, 2));
	});

	it("names records and the manifest by content: same content in any order, same hashes", async () => {
		const a = sampleRecord("a", "2023-08-15T00:00:00Z");
		const b = sampleRecord("b", "2023-08-16T00:00:00Z");
		const records = [a, b];
		const one = await build(site, records, null, NOW);
		const two = await build(site, [...records].reverse(), null, NOW);
		expect(two.manifestHash).toBe(one.manifestHash);
		expect(one.manifestHash).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(one.version.articles.map((e) => e.record)).toEqual(one.snapshot.records.map((r) => r.hash));
		expect(JSON.parse(one.snapshot.records[0]?.json ?? "")).toEqual(b);
		const edited = await build(site, [a, { ...b, title: "Khác" }], null, NOW);
		const hashOf = (built: typeof one, id: string) => built.version.articles.find((e) => e.id === id)?.record;
		expect(hashOf(edited, "a")).toBe(hashOf(one, "a"));
		expect(hashOf(edited, "b")).not.toBe(hashOf(one, "b"));
	});

	it("indexes tags and authors, with one scope each plus the whole collection", async () => {
		const { version } = await build(
			site,
			[
				sampleRecord("a", "2023-08-15T00:00:00Z", { tags: [XA_HOI] }),
				sampleRecord("b", "2023-08-16T00:00:00Z", {
					tags: [XA_HOI, { name: "Đời sống", slug: "doi-song" }],
					authors: [{ name: "Kim Dung", email: "kd@example.org", slug: "kim-dung" }],
				}),
			],
			null,
			NOW,
		);
		expect({ ...version.tags }).toEqual({ "xa-hoi": "Xã hội", "doi-song": "Đời sống" });
		expect({ ...version.authors }).toEqual({
			"ban-bien-tap": { name: "Ban biên tập" },
			"kim-dung": { name: "Kim Dung", email: "kd@example.org" },
		});
		expect(Object.keys(version.scopes).sort()).toEqual(
			["", "authors/ban-bien-tap", "authors/kim-dung", "tags/doi-song", "tags/xa-hoi"].sort(),
		);
		const ids = (key: string) => version.scopes[key]?.entries.map((e) => e.id);
		expect([
			ids("tags/xa-hoi"),
			ids("tags/doi-song"),
			ids("authors/kim-dung"),
			ids("authors/ban-bien-tap"),
		]).toEqual([["b", "a"], ["b"], ["b"], ["a"]]);
	});

	it("starts each scope's change time at its newest visible modification, ignoring future articles", async () => {
		const { version, changed } = await build(
			site,
			[
				sampleRecord("old", "2023-01-01T00:00:00Z", { updated: "2023-02-01T00:00:00Z", tags: [XA_HOI] }),
				sampleRecord("new", "2023-03-01T00:00:00Z"),
				sampleRecord("future", "2027-01-01T00:00:00Z", { tags: [{ name: "Sắp tới", slug: "sap-toi" }] }),
			],
			null,
			NOW,
		);
		expect(version.articles.map((e) => e.id)).toEqual(["future", "new", "old"]);
		expect(changed("")).toBe(Date.UTC(2023, 2, 1));
		expect(changed("tags/xa-hoi")).toBe(Date.UTC(2023, 1, 1));
		// Nothing visible yet: the scope changed "now".
		expect(changed("tags/sap-toi")).toBe(NOW);
	});

	it("rebuilds unchanged content byte for byte, however much later", async () => {
		const records = [sampleRecord("a", "2023-08-15T00:00:00Z", { tags: [XA_HOI] })];
		const first = await build(site, records, null, NOW);
		const again = await build(site, records, first, NOW + 86_400_000);
		expect(again.snapshot.values).toEqual(first.snapshot.values);
		expect(again.manifestHash).toBe(first.manifestHash);
	});

	it("moves a scope's change time to the new `updated`, or to now when the edit did not bump it", async () => {
		const base = sampleRecord("a", "2023-08-15T00:00:00Z");
		const first = await build(site, [base], null, NOW);
		expect(first.changed("")).toBe(Date.UTC(2023, 7, 15));

		const later = NOW + 1000;
		const bumped = await build(
			site,
			[{ ...base, title: "Sửa", updated: "2026-11-28T00:00:00.500Z" }],
			first,
			later,
		);
		expect(bumped.changed("")).toBe(NOW + 500);

		const silent = await build(site, [{ ...base, title: "Sửa lặng lẽ" }], first, later);
		expect(silent.changed("")).toBe(later);
	});

	it("moves the change time to now when an article is deleted, and drops scopes nothing uses", async () => {
		const a = sampleRecord("a", "2023-08-15T00:00:00Z", { tags: [XA_HOI] });
		const b = sampleRecord("b", "2023-08-16T00:00:00Z");
		const first = await build(site, [a, b], null, NOW);
		const after = await build(site, [b], first, NOW + 5000);
		expect(after.changed("")).toBe(NOW + 5000);
		expect(after.version.scopes["tags/xa-hoi"]).toBeUndefined();
		expect({ ...after.version.tags }).toEqual({});
	});

	it("moves every scope's change time when the site settings change", async () => {
		const records = [sampleRecord("a", "2023-08-15T00:00:00Z")];
		const first = await build(site, records, null, NOW);
		const retitled = await build({ ...site, title: "Tên mới" }, records, first, NOW + 7);
		expect(retitled.version.manifest.siteHash).not.toBe(first.version.manifest.siteHash);
		for (const scope of Object.values(retitled.version.scopes)) expect(scope.pointer.changed).toBe(NOW + 7);
	});

	it("moves the change time to a scheduled article's publication once it is visible", async () => {
		const scheduled = sampleRecord("s", "2026-12-01T00:00:00Z");
		const records = [sampleRecord("a", "2023-08-15T00:00:00Z"), scheduled];
		const before = await build(site, records, null, NOW);
		expect(before.changed("")).toBe(Date.UTC(2023, 7, 15));
		const after = await build(site, records, before, Date.UTC(2026, 11, 2));
		expect(after.changed("")).toBe(Date.UTC(2026, 11, 1));
	});
});
