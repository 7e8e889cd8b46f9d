// Drafts never reach KV; future-dated articles do (the Worker hides them until their time).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MiniflareKv, miniflareKv } from "../support/miniflareKv.ts";
import { readPublished } from "../support/readPublished.ts";
import { NOW, syncFixture } from "../support/syncFixture.ts";
import { articleFile } from "../support/tempContent.ts";

let local: MiniflareKv;
beforeEach(async () => {
	local = await miniflareKv();
});
afterEach(async () => {
	await local.dispose();
});

const FILES = {
	"da-dang.md": articleFile("title: Đã đăng\ndate: 2023-08-15T09:00:00+07:00\ntags: [Xã hội]"),
	"ban-nhap.md": articleFile(
		"title: Bản nháp bí mật\ndate: 2023-08-16T09:00:00+07:00\ntags: [Nháp]\ndraft: true",
		"Nội dung nháp.\n",
	),
	"sap-dang.md": articleFile("title: Sắp đăng\ndate: 2027-01-01T08:00:00+07:00\ntags: [Xã hội]"),
};

describe("drafts and scheduled articles", () => {
	it("writes no key at all for a draft, and nothing mentions it", async () => {
		const result = await syncFixture(local.kv, FILES);
		expect(result.content.drafts).toEqual(["ban-nhap"]);
		for (const [, value] of await local.dump()) {
			expect(value).not.toContain("ban-nhap");
			expect(value).not.toContain("Bản nháp bí mật");
			expect(value).not.toContain("Nháp");
		}
	});

	it("publishes a future-dated article's record and lists it in the published version", async () => {
		await syncFixture(local.kv, FILES);
		const published = await readPublished(local.kv);
		expect(published?.articles.map((e) => e.id)).toEqual(["sap-dang", "da-dang"]);
		const scheduled = published?.articles[0];
		expect(scheduled?.published).toBe(Date.parse("2027-01-01T01:00:00Z"));
		expect(scheduled && scheduled.published > NOW).toBe(true);
		expect(published?.records.map((r) => r.title)).toEqual(["Sắp đăng", "Đã đăng"]);
	});

	it("unpublishes an article that turns back into a draft, and removes it from KV one sync later", async () => {
		await syncFixture(local.kv, FILES);
		const drafted = {
			...FILES,
			"da-dang.md": (FILES["da-dang.md"] ?? "").replace("tags:", "draft: true\ntags:"),
		};
		await syncFixture(local.kv, drafted, { now: NOW + 1000 });
		const published = await readPublished(local.kv);
		expect(published?.articles.map((e) => e.id)).toEqual(["sap-dang"]);
		expect(published?.records.map((r) => r.title)).toEqual(["Sắp đăng"]);
		// The previous version (which lists it) is kept while other locations may still read the old head.
		const next = { ...drafted, "sap-dang.md": (drafted["sap-dang.md"] ?? "").replace("Đoạn đầu", "Mở đầu") };
		await syncFixture(local.kv, next, { now: NOW + 2000 });
		for (const [, value] of await local.dump()) expect(value).not.toContain("Đã đăng");
	});
});
