// The manifest: order, indexes, content hashes, and per-scope change times that only move on real changes.
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../../src/domain/model.ts";
import { buildManifest } from "../../../src/sync/publish/buildManifest.ts";
import { article, site } from "../../support/articles.ts";

const NOW = Date.parse("2026-11-28T00:00:00Z");
const XA_HOI = { name: "Xã hội", slug: "xa-hoi" };

/** The shared article, untagged and by the site's editors unless the test says otherwise. */
const sampleRecord = (id: string, published: string, extra: Partial<ArticleRecord> = {}): ArticleRecord =>
	article(id, published, { tags: [], authors: [{ name: "Ban biên tập", slug: "ban-bien-tap" }], ...extra });

describe("buildManifest", () => {
	it("orders articles newest published first, ties by id, with epoch times", async () => {
		const { manifest } = await buildManifest(
			site,
			[
				sampleRecord("b", "2023-08-15T09:00:00+07:00"),
				sampleRecord("c", "2023-09-01T00:00:00Z", { updated: "2023-09-02T00:00:00Z" }),
				sampleRecord("a", "2023-08-15T02:00:00Z"),
			],
			null,
			NOW,
		);
		expect(manifest.articles.map((e) => e.id)).toEqual(["c", "a", "b"]);
		expect(manifest.articles[0]).toMatchObject({
			published: Date.UTC(2023, 8, 1),
			modified: Date.UTC(2023, 8, 2),
		});
		expect(manifest.articles[1]?.modified).toBe(Date.UTC(2023, 7, 15, 2));
	});

	it("names records and the manifest by content: same content in any order, same hashes", async () => {
		const a = sampleRecord("a", "2023-08-15T00:00:00Z");
		const b = sampleRecord("b", "2023-08-16T00:00:00Z");
		const records = [a, b];
		const one = await buildManifest(site, records, null, NOW);
		const two = await buildManifest(site, [...records].reverse(), null, NOW);
		expect(two.manifestHash).toBe(one.manifestHash);
		expect(one.manifestHash).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(one.manifest.articles.map((e) => e.record)).toEqual(one.records.map((r) => r.hash));
		expect(JSON.parse(one.records[0]?.json ?? "")).toEqual(b);
		const edited = await buildManifest(site, [a, { ...b, title: "Khác" }], null, NOW);
		expect(edited.recordHashes.get("a")).toBe(one.recordHashes.get("a"));
		expect(edited.recordHashes.get("b")).not.toBe(one.recordHashes.get("b"));
	});

	it("indexes tags and authors, with one scope each plus the whole collection", async () => {
		const { manifest } = await buildManifest(
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
		expect(manifest.tags).toEqual({ "xa-hoi": "Xã hội", "doi-song": "Đời sống" });
		expect(manifest.authors).toEqual({
			"ban-bien-tap": { name: "Ban biên tập" },
			"kim-dung": { name: "Kim Dung", email: "kd@example.org" },
		});
		expect(Object.keys(manifest.scopes).sort()).toEqual(
			["", "authors/ban-bien-tap", "authors/kim-dung", "tags/doi-song", "tags/xa-hoi"].sort(),
		);
		expect(manifest.articles.map((e) => [e.id, e.tags, e.authors])).toEqual([
			["b", ["xa-hoi", "doi-song"], ["kim-dung"]],
			["a", ["xa-hoi"], ["ban-bien-tap"]],
		]);
	});

	it("starts each scope's change time at its newest visible modification, ignoring future articles", async () => {
		const { manifest } = await buildManifest(
			site,
			[
				sampleRecord("old", "2023-01-01T00:00:00Z", { updated: "2023-02-01T00:00:00Z", tags: [XA_HOI] }),
				sampleRecord("new", "2023-03-01T00:00:00Z"),
				sampleRecord("future", "2027-01-01T00:00:00Z", { tags: [{ name: "Sắp tới", slug: "sap-toi" }] }),
			],
			null,
			NOW,
		);
		expect(manifest.articles.map((e) => e.id)).toEqual(["future", "new", "old"]);
		expect(manifest.scopes[""]?.changed).toBe(Date.UTC(2023, 2, 1));
		expect(manifest.scopes["tags/xa-hoi"]?.changed).toBe(Date.UTC(2023, 1, 1));
		// Nothing visible yet: the scope changed "now".
		expect(manifest.scopes["tags/sap-toi"]?.changed).toBe(NOW);
	});

	it("rebuilds unchanged content byte for byte, however much later", async () => {
		const records = [sampleRecord("a", "2023-08-15T00:00:00Z", { tags: [XA_HOI] })];
		const first = await buildManifest(site, records, null, NOW);
		const again = await buildManifest(site, records, first.manifest, NOW + 86_400_000);
		expect(again.manifestJson).toBe(first.manifestJson);
		expect(again.manifestHash).toBe(first.manifestHash);
	});

	it("moves a scope's change time to the new `updated`, or to now when the edit did not bump it", async () => {
		const base = sampleRecord("a", "2023-08-15T00:00:00Z");
		const first = await buildManifest(site, [base], null, NOW);
		expect(first.manifest.scopes[""]?.changed).toBe(Date.UTC(2023, 7, 15));

		const later = NOW + 1000;
		const bumped = await buildManifest(
			site,
			[{ ...base, title: "Sửa", updated: "2026-11-28T00:00:00.500Z" }],
			first.manifest,
			later,
		);
		expect(bumped.manifest.scopes[""]?.changed).toBe(NOW + 500);

		const silent = await buildManifest(site, [{ ...base, title: "Sửa lặng lẽ" }], first.manifest, later);
		expect(silent.manifest.scopes[""]?.changed).toBe(later);
	});

	it("moves the change time to now when an article is deleted, and drops scopes nothing uses", async () => {
		const a = sampleRecord("a", "2023-08-15T00:00:00Z", { tags: [XA_HOI] });
		const b = sampleRecord("b", "2023-08-16T00:00:00Z");
		const first = await buildManifest(site, [a, b], null, NOW);
		const after = await buildManifest(site, [b], first.manifest, NOW + 5000);
		expect(after.manifest.scopes[""]?.changed).toBe(NOW + 5000);
		expect(after.manifest.scopes["tags/xa-hoi"]).toBeUndefined();
		expect(after.manifest.tags).toEqual({});
	});

	it("moves every scope's change time when the site settings change", async () => {
		const records = [sampleRecord("a", "2023-08-15T00:00:00Z")];
		const first = await buildManifest(site, records, null, NOW);
		const retitled = await buildManifest({ ...site, title: "Tên mới" }, records, first.manifest, NOW + 7);
		expect(retitled.manifest.siteHash).not.toBe(first.manifest.siteHash);
		for (const scope of Object.values(retitled.manifest.scopes)) expect(scope.changed).toBe(NOW + 7);
	});

	it("moves the change time to a scheduled article's publication once it is visible", async () => {
		const scheduled = sampleRecord("s", "2026-12-01T00:00:00Z");
		const records = [sampleRecord("a", "2023-08-15T00:00:00Z"), scheduled];
		const before = await buildManifest(site, records, null, NOW);
		expect(before.manifest.scopes[""]?.changed).toBe(Date.UTC(2023, 7, 15));
		const after = await buildManifest(site, records, before.manifest, Date.UTC(2026, 11, 2));
		expect(after.manifest.scopes[""]?.changed).toBe(Date.UTC(2026, 11, 1));
	});
});
