// The articles' table on disk builds the same version as articles in memory: every key and value byte for byte,
// through scheduled articles, ties in publication time, ids that sort differently as UTF-8 and as UTF-16, slug
// collisions that rewrite records, and duplicate claims; and so does a table kept from an earlier run, whatever
// changed in between (archive pages it keeps from an earlier run, corrected, serve what new ones would).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../../src/domain/model.ts";
import { MAX_CORRECTIONS } from "../../../src/store/kvLayout.ts";
import { type ArticleTable, openArticleTable } from "../../../src/sync/load/articleTable.ts";
import {
	type ArticleSource,
	sourceArticleOf,
	sourceOfRecords,
} from "../../../src/sync/publish/articleSource.ts";
import { buildVersion } from "../../../src/sync/publish/buildVersion.ts";
import { hashJson } from "../../../src/sync/publish/contentHash.ts";
import { versionKeySet } from "../../../src/sync/publish/planSync.ts";
import { assignSlugs } from "../../../src/sync/validate/slugs.ts";
import { article, site } from "../../support/articles.ts";
import type { PublishedVersion } from "../support/readPublished.ts";
import { readSnapshot } from "../support/snapshotValues.ts";

const NOW = Date.parse("2026-11-28T00:00:00Z");
const HOUR = 3_600_000;

/** 900 articles: some share a publication time, some are scheduled, tags and authors overlap. Ids mix ASCII with
 * a character past the surrogates (U+FF21) and one outside the BMP (U+1F600): UTF-8 and UTF-16 order them apart. */
function records(): ArticleRecord[] {
	const idOf = (i: number): string =>
		i % 7 === 0 ? `bai-\u{1F600}-${i}` : i % 5 === 0 ? `bai-\uFF21-${i}` : `bai-${i}`;
	return Array.from({ length: 900 }, (_, i) => {
		const published = new Date(NOW - (600 - Math.floor(i / 3)) * HOUR).toISOString();
		return article(idOf(i), published, {
			slug: `bai-${i}`,
			tags: [
				{ name: `Chủ đề ${i % 11}`, slug: `chu-de-${i % 11}` },
				...(i % 2 === 0 ? [{ name: "Đá", slug: "da" }] : []),
				...(i % 9 === 1 ? [{ name: "Da", slug: "da" }] : []),
			],
			authors: [
				{ name: `Tác giả ${i % 4}`, slug: `tac-gia-${i % 4}`, email: `tg${i % 4}-${i % 3}@example.vn` },
			],
		});
	});
}

/** Every record JSON any table of a test was given, by hash (as the render cache keeps them). */
const jsons = new Map<string, string>();

/** A table given the articles as the loader gives them, in path order (each file named after its slug); on `file`,
 * kept from the run before. */
async function tableOf(list: readonly ArticleRecord[], file?: string): Promise<ArticleTable> {
	const table = await openArticleTable((hash) => jsons.get(hash) ?? "", { file });
	for (const record of list.toSorted((a, b) => (a.slug < b.slug ? -1 : 1))) {
		const { json, hash } = hashJson(record);
		jsons.set(hash, json);
		table.add({ ...sourceArticleOf(record, hash), file: `${record.slug}.md` });
	}
	table.finish();
	return table;
}

/**
 * The version both sources build, compared value by value and record by record; or, when the table's version keeps
 * archive pages of an earlier run and corrects them, compared as readers see it. Returns how many records the
 * table's version corrects.
 */
async function expectSameVersion(
	list: readonly ArticleRecord[],
	table: ArticleTable,
	now: number,
): Promise<number> {
	const inMemory = await sourceOfRecords(list);
	await finalize(inMemory);
	await finalize(table);
	const expected = await buildVersion(site, inMemory, new Map(), now);
	const actual = await buildVersion(site, table, new Map(), now);
	expect(actual.records.map((record) => record.json)).toEqual(expected.records.map((record) => record.json));
	if (actual.manifest.corrections === undefined) {
		expect(actual.manifestHash).toBe(expected.manifestHash);
		expect(new Map(actual.values)).toEqual(new Map(expected.values));
		return 0;
	}
	expect(served(await readSnapshot(actual))).toEqual(served(await readSnapshot(expected)));
	return Object.keys(JSON.parse(actual.values.get(`corrections:${actual.manifest.corrections}`) ?? "{}"))
		.length;
}

/** What a version serves, leaving out the hashes of the values that hold it (corrections keep older pages), and
 * each scope's fingerprint. */
function served(version: PublishedVersion): unknown {
	const { manifest, catalog } = version;
	return {
		site: manifest.site,
		totals: manifest.totals,
		count: manifest.articles,
		busiest: catalog.busiest,
		articles: version.articles,
		records: version.records,
		tags: version.tags,
		authors: version.authors,
		scopes: Object.entries(version.scopes).map(([key, { pointer, summary, entries }]) => ({
			key,
			// What the scope shows decides its fingerprint, not which pages a run kept.
			fingerprint: pointer.fingerprint,
			changed: pointer.changed,
			name: summary.name,
			person: summary.person,
			total: summary.total,
			movedPages: summary.movedPages,
			entries,
		})),
	};
}

/** Final slugs as a sync gives them, with "da" already published for "Da", which "Đá" names first. */
async function finalize(source: ArticleSource): Promise<void> {
	const tags = assignSlugs("tag", source.names("tag"), [["da", "Da"]]);
	const authors = assignSlugs("author", source.names("author"), []);
	await source.finalizeSlugs(tags.slugOf, authors.slugOf);
}

describe("the articles' table", () => {
	it("builds every key and value of a version exactly as articles in memory do", async () => {
		// In path order, as the loader gives them: names are first seen in that order by both.
		const list = records().toSorted((a, b) => (a.slug < b.slug ? -1 : 1));
		const inMemory = await sourceOfRecords(list);
		const table = await tableOf(list);
		try {
			expect([...table.names("tag")]).toEqual([...inMemory.names("tag")]);
			await finalize(inMemory);
			await finalize(table);
			const now = NOW - 100 * HOUR; // the newest third is scheduled
			const expected = await buildVersion(site, inMemory, new Map(), now);
			const actual = await buildVersion(site, table, new Map(), now);
			expect(actual.manifestHash).toBe(expected.manifestHash);
			// Scopes may come in another order: the values, not the order they were made in, are the version.
			expect(new Map(actual.values)).toEqual(new Map(expected.values));
			expect(versionKeySet(actual)).toEqual(versionKeySet(expected));
			expect(actual.records.map((record) => record.json)).toEqual(
				expected.records.map((record) => record.json),
			);
			// "Đá" lost "da" to the published "Da": its records were rewritten, and are read back from the table.
			const rewritten = actual.records.find((record) => record.id === "bai-2");
			expect(JSON.parse(rewritten?.json ?? "{}").tags).toContainEqual({ name: "Đá", slug: "da-2" });
			expect(actual.hasKey(`article:${rewritten?.hash}`)).toBe(true);
			expect(actual.hasKey("article:not-a-record")).toBe(false);
		} finally {
			table.close();
		}
	});

	it("names the file that already claimed an id or a slug", async () => {
		const table = await openArticleTable(() => "");
		try {
			table.claim("bai-1", "bai-1", "2024/bai-1.md");
			table.claim("bai-1", "bai-1b", "2025/bai-1.md");
			table.claim("bai-1c", "bai-1", "2026/bai-1.md");
			table.claim("bai-1", "bai-1b", "2027/bai-1.md");
			table.claim("bai-2", "bai-2", "bai-2.md");
			table.finish();
			expect(table.duplicates()).toEqual([
				{ file: "2025/bai-1.md", kind: "id", value: "bai-1", owner: "2024/bai-1.md" },
				{ file: "2027/bai-1.md", kind: "id", value: "bai-1", owner: "2024/bai-1.md" },
				{ file: "2026/bai-1.md", kind: "slug", value: "bai-1", owner: "2024/bai-1.md" },
				{ file: "2027/bai-1.md", kind: "slug", value: "bai-1b", owner: "2025/bai-1.md" },
			]);
		} finally {
			table.close();
		}
	});

	it("kept between runs, builds what a new table builds, whatever changed in between", async () => {
		const dir = await mkdtemp(path.join(tmpdir(), "edgefeed-table-"));
		const file = path.join(dir, "articles.sqlite");
		const now = NOW - 100 * HOUR;
		/** Returns how many records the version corrects. */
		const run = async (list: readonly ArticleRecord[], keep = true, at = now): Promise<number> => {
			const table = await tableOf(list, file);
			try {
				expect(table.duplicates()).toEqual([]);
				const corrected = await expectSameVersion(list, table, at);
				if (keep) table.keep();
				return corrected;
			} finally {
				table.close();
			}
		};
		const edited = (record: ArticleRecord, text: string): ArticleRecord => ({
			...record,
			contentHtml: `<p>${text}</p>`,
		});
		try {
			let list = records();
			await run(list);
			// A few changes (each article's members changed on its own): an edit, a deletion, a new article, tags
			// given and taken, a backdated one, a new id, and one that becomes a tie in publication time.
			list = list.flatMap((record, i) => {
				if (i === 10) return [{ ...record, contentHtml: "<p>Sửa lại.</p>" }];
				if (i === 11) return [];
				if (i === 12) return [record, { ...record, id: "bai-moi", slug: "bai-moi", guid: "urn:x:moi" }];
				if (i === 13) return [{ ...record, tags: [{ name: "Chủ đề mới", slug: "chu-de-moi" }] }];
				if (i === 14) return [{ ...record, published: "2020-01-01T00:00:00+07:00" }];
				if (i === 15) return [{ ...record, id: "bai-15-moi" }];
				if (i === 16) return [{ ...record, published: (list[17] as ArticleRecord).published }];
				return [record];
			});
			await run(list);
			// Old articles edited in place keep their archive pages, corrected; one edited back needs no correction.
			const original = list;
			list = list.map((record, i) => (i === 30 || i === 33 ? edited(record, "Đính chính.") : record));
			const corrected = await run(list);
			expect(corrected).toBeGreaterThanOrEqual(2);
			list = list.map((record, i) =>
				i === 30 ? edited(record, "Đính chính lần hai.") : i === 33 ? (original[i] as ArticleRecord) : record,
			);
			expect(await run(list)).toBe(corrected - 1);
			// More than a version carries: every page that lists one is written again, as a new table would.
			list = list.map((record, i) =>
				i >= 100 && i < 100 + MAX_CORRECTIONS ? edited(record, `Sửa ${i}.`) : record,
			);
			expect(await run(list)).toBe(0);
			// A new file with the id of a file the table kept: the file later in path order is the one named.
			const kept = list[20] as ArticleRecord;
			const clash = await tableOf([...list, { ...kept, slug: "aaa-trung", guid: "urn:x:trung" }], file);
			expect(clash.duplicates()).toEqual([
				{ file: `${kept.slug}.md`, kind: "id", value: kept.id, owner: "aaa-trung.md" },
			]);
			clash.close();
			// A run that is not kept changes nothing the next run starts from.
			await run(list.slice(0, 300), false);
			// Many changes at once (members made again in bulk), and a name whose slug another name now takes.
			list = list.map((record, i) =>
				i % 4 === 0
					? {
							...record,
							contentHtml: `<p>Lần hai ${i}.</p>`,
							tags: [...record.tags, { name: "Da", slug: "da" }],
						}
					: record,
			);
			await run(list);
			await run(list);
			// Nothing changed but the time: scheduled articles are now published, and every scope shows them.
			await run(list, true, NOW);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
