// Feed test data: site settings, manifests and article records, including the seed article built from its
// source text. Plain values, so each test can spread in the fields it is about.
import { readFileSync } from "node:fs";
import type { ArticleEntry, ArticleRecord, Manifest, SiteSettings } from "../../src/domain/model.ts";
import { buildFeedModel } from "../../src/feed/buildFeedModel.ts";
import type { FeedModel, FeedScope } from "../../src/feed/feedModel.ts";
import { articleUrl } from "../../src/urls/urlScheme.ts";
import { article, BASE_URL, site } from "./articles.ts";

export { BASE_URL };
/** 2026-11-28T10:00:00Z: the feeds' newest change in these fixtures. */
export const UPDATED = Date.UTC(2026, 10, 28, 10, 0, 0);

/** The shared site (./articles.ts) with every optional setting: an author with email and URL, an icon and a hub. */
export function sampleSite(overrides: Partial<SiteSettings> = {}): SiteSettings {
	return {
		...site,
		author: { name: "Ban biên tập", email: "bbt@example.com", url: `${BASE_URL}/` },
		icon: `${BASE_URL}/icon.png`,
		hub: "https://pubsubhubbub.appspot.com/",
		...overrides,
	};
}

export function sampleManifest(site: SiteSettings = sampleSite()): Manifest {
	return {
		site,
		siteHash: "site-hash",
		catalog: "catalog-hash",
		totals: { tags: 0, authors: 0 },
		articles: 0,
	};
}

/** A manifest entry published at `published` (epoch ms), modified then unless given. */
export function sampleEntry(
	id: string,
	published: number,
	overrides: Partial<ArticleEntry> = {},
): ArticleEntry {
	return {
		id,
		slug: id,
		record: `hash-${id}`,
		published,
		modified: published,
		...overrides,
	};
}

/** A full record from the shared factory: tags, one author without email, an image with every optional field. */
export function sampleArticle(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
	const slug = overrides.slug ?? "hoi-nghi-phoi-hop";
	return article(slug, "2023-08-15T09:00:00+07:00", {
		guid: "urn:uuid:6f1c1a4e-1b7c-5b8e-9d3a-2f4e5a6b7c8d",
		title: "Hội nghị phối hợp công tác dân vận",
		updated: "2023-08-16T10:30:00+07:00",
		summary: "Ban Dân vận và Đảng ủy Khối thống nhất phối hợp giai đoạn 2023 - 2025.",
		contentHtml: "<p>Chương trình phối hợp được ký kết vào ngày 25/9/2020.</p>",
		tags: [
			{ name: "Dân vận", slug: "dan-van" },
			{ name: "Nghệ An", slug: "nghe-an" },
		],
		authors: [{ name: "Kim Dung", slug: "kim-dung" }],
		image: {
			url: `${BASE_URL}/images/toan-canh.jpg`,
			type: "image/jpeg",
			alt: "Toàn cảnh buổi làm việc",
			caption: "Toàn cảnh buổi làm việc.",
			credit: "Kim Dung",
			width: 1200,
			height: 800,
			length: 48213,
		},
		...overrides,
	});
}

/** The whole-collection model of the given records, on the sample site unless another is given. */
export function sampleModel(
	items: ArticleRecord[] = [sampleArticle()],
	options: { site?: SiteSettings; scope?: FeedScope; updated?: number } = {},
): FeedModel {
	return buildFeedModel({
		manifest: sampleManifest(options.site ?? sampleSite()),
		scope: options.scope ?? { key: "", kind: "all" },
		items,
		updated: options.updated ?? UPDATED,
		ttlMinutes: 5,
	});
}

const SEED_FILE = new URL("../fixtures/seed/000_1e1845e5b246efe0.txt", import.meta.url);
const WIDGET_LINE = "Theo dõi Báo Nghệ An trên";
const HEADINGS = new Set(["Nhiều kết quả trong công tác dân vận", "Tiếp tục đổi mới công tác tuyên truyền"]);

/** The seed text's blocks (paragraphs, headings, captions) in order, NFC, without the widget line. */
export function seedBlocks(): string[] {
	return readFileSync(SEED_FILE, "utf8")
		.normalize("NFC")
		.split(/\n\s*\n/)
		.map((block) => block.trim())
		.filter((block) => block !== "" && block !== WIDGET_LINE);
}

const escapeHtml = (text: string): string =>
	text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** The seed article as a record, built here from the source text: headings as <h2>, photo captions (they end
 * with the "Ảnh: Kim Dung" credit) as figures, every other block a paragraph. */
export function seedArticle(): ArticleRecord {
	const blocks = seedBlocks();
	const html = blocks.map((block) => {
		if (HEADINGS.has(block)) return `<h2>${escapeHtml(block)}</h2>`;
		if (block.endsWith("Ảnh: Kim Dung"))
			return `<figure><figcaption>${escapeHtml(block)}</figcaption></figure>`;
		return `<p>${escapeHtml(block)}</p>`;
	});
	const slug = "phoi-hop-dan-van-tuyen-giao-khoi-cac-co-quan-tinh";
	return {
		id: slug,
		guid: "urn:uuid:0b1e4c2a-5d6f-5a7b-8c9d-0e1f2a3b4c5d",
		slug,
		title:
			"Ban Dân vận, Ban Tuyên giáo Tỉnh ủy và Đảng ủy Khối Các cơ quan tỉnh thống nhất phối hợp giai đoạn 2023 - 2025",
		url: articleUrl(BASE_URL, slug),
		published: "2023-08-15T09:00:00+07:00",
		summary: blocks[0] ?? "",
		contentHtml: html.join("\n"),
		tags: [
			{ name: "Dân vận", slug: "dan-van" },
			{ name: "Tuyên giáo", slug: "tuyen-giao" },
			{ name: "Xây dựng Đảng", slug: "xay-dung-dang" },
			{ name: "Nghệ An", slug: "nghe-an" },
		],
		authors: [],
	};
}
