// Hand-made ArticleRecords and site settings for tests that start after rendering.
import type { ArticleRecord, SiteSettings } from "../../../src/domain/model.ts";
import { articleUrl } from "../../../src/urls/urlScheme.ts";

export const SITE: SiteSettings = {
	title: "Tin tức thử",
	description: "Bài thử",
	language: "vi",
	baseUrl: "http://localhost:8787",
	author: { name: "Ban biên tập" },
	copyright: "© 2026",
	itemsPerFeed: 20,
	timeZone: "Asia/Ho_Chi_Minh",
};

export function sampleRecord(
	id: string,
	published: string,
	extra: Partial<ArticleRecord> = {},
): ArticleRecord {
	return {
		id,
		guid: `urn:example:${id}`,
		slug: id,
		title: `Bài ${id}`,
		url: articleUrl(SITE.baseUrl, id),
		published,
		summary: `Tóm tắt ${id}`,
		contentHtml: `<p>Nội dung ${id}</p>`,
		tags: [],
		authors: [{ name: "Ban biên tập", slug: "ban-bien-tap" }],
		...extra,
	};
}
