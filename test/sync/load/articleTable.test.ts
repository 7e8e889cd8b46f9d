// The articles' table on disk builds the same version as articles in memory: every key and value byte for byte,
// through scheduled articles, ties in publication time, ids that sort differently as UTF-8 and as UTF-16, slug
// collisions that rewrite records, and duplicate claims.
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../../src/domain/model.ts";
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

async function tableOf(list: readonly ArticleRecord[]): Promise<ArticleTable> {
	const jsons = new Map<string, string>();
	const table = await openArticleTable((hash) => jsons.get(hash) ?? "");
	for (const record of list) {
		const { json, hash } = hashJson(record);
		jsons.set(hash, json);
		table.add({ ...sourceArticleOf(record, hash), file: `${record.slug}.md` });
	}
	return table;
}

/** Final slugs as a sync gives them, with "da" already published for "Da", which "Đá" names first. */
async function finalize(source: ArticleSource): Promise<void> {
	const tags = assignSlugs("tag", source.names("tag"), [["da", "Da"]]);
	const authors = assignSlugs("author", source.names("author"), []);
	await source.finalizeSlugs(tags.slugOf, authors.slugOf);
}

describe("the articles' table", () => {
	it("builds every key and value of a version exactly as articles in memory do", async () => {
		const list = records();
		const inMemory = await sourceOfRecords(list);
		const table = await tableOf(list);
		try {
			expect([...table.names("tag")]).toEqual([...inMemory.names("tag")]);
			await finalize(inMemory);
			await finalize(table);
			const now = NOW - 100 * HOUR; // the newest third is scheduled
			const expected = buildVersion(site, inMemory, new Map(), now);
			const actual = buildVersion(site, table, new Map(), now);
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
			expect(table.claim("bai-1", "bai-1", "2024/bai-1.md")).toEqual({});
			expect(table.claim("bai-1", "bai-1b", "2025/bai-1.md")).toEqual({ id: "2024/bai-1.md" });
			expect(table.claim("bai-1c", "bai-1", "2026/bai-1.md")).toEqual({ slug: "2024/bai-1.md" });
			expect(table.claim("bai-1", "bai-1b", "2027/bai-1.md")).toEqual({
				id: "2024/bai-1.md",
				slug: "2025/bai-1.md",
			});
			expect(table.claim("bai-2", "bai-2", "bai-2.md")).toEqual({});
		} finally {
			table.close();
		}
	});
});
