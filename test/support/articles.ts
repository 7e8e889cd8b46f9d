// The shared article and site fixtures: ArticleRecords as sync renders them, Vietnamese text included.
import type { ArticleRecord, AuthorRef, SiteSettings, TagRef } from "../../src/domain/model.ts";
import { articleUrl } from "../../src/urls/urlScheme.ts";

export const BASE_URL = "http://localhost:8787";

export const site: SiteSettings = {
	title: "Tin tức Nghệ An",
	description: "Tin tức khu vực tỉnh Nghệ An, phát hành qua edgefeed.",
	language: "vi",
	baseUrl: BASE_URL,
	author: { name: "Ban biên tập" },
	copyright: "© 2023 Tin tức Nghệ An",
	itemsPerFeed: 20,
	timeZone: "Asia/Ho_Chi_Minh",
};

export const tags = {
	xaHoi: { name: "Xã hội", slug: "xa-hoi" },
	doiSong: { name: "Đời sống", slug: "doi-song" },
	chinhTri: { name: "Chính trị", slug: "chinh-tri" },
} satisfies Record<string, TagRef>;

export const authors = {
	lan: { name: "Nguyễn Thị Lan", slug: "nguyen-thi-lan", email: "lan@example.com" },
	minh: { name: "Trần Văn Minh", slug: "tran-van-minh" },
} satisfies Record<string, AuthorRef>;

/** An article published at `published` (RFC 3339, +07:00), with everything else derived from `id` unless given. */
export function article(id: string, published: string, extra: Partial<ArticleRecord> = {}): ArticleRecord {
	return {
		id,
		guid: `urn:uuid:00000000-0000-5000-8000-${id.padStart(12, "0").slice(-12)}`,
		slug: id,
		title: `Bài viết ${id}: Phối hợp dân vận và tuyên giáo`,
		url: articleUrl(BASE_URL, id),
		published,
		summary: `Tóm tắt bài ${id}: công tác dân vận đạt nhiều kết quả.`,
		contentHtml: `<p>Nội dung bài ${id}: tiếp tục đổi mới công tác tuyên truyền.</p>`,
		tags: [tags.xaHoi],
		authors: [authors.lan],
		...extra,
	};
}

/** RFC 3339 at +07:00 for an epoch-ms instant, as front matter would carry it. */
export function hanoiTime(epochMs: number): string {
	const local = new Date(epochMs + 7 * 3_600_000).toISOString().slice(0, 19);
	return `${local}+07:00`;
}

/** A small collection: three articles across two tags and two authors, newest first. */
export function collection(): ArticleRecord[] {
	return [
		article("a3", "2023-08-17T09:00:00+07:00", { tags: [tags.xaHoi, tags.doiSong], authors: [authors.minh] }),
		article("a2", "2023-08-16T09:00:00+07:00", {
			tags: [tags.doiSong],
			updated: "2023-08-18T10:30:00+07:00",
		}),
		article("a1", "2023-08-15T09:00:00+07:00", { tags: [tags.xaHoi, tags.chinhTri] }),
	];
}
