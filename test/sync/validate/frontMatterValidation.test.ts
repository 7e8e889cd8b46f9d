// Every front-matter rule: each invalid value is an error naming the file and the field; valid values normalise.
import { describe, expect, it } from "vitest";
import { formatContentError } from "../../../src/sync/validate/contentError.ts";
import { fixtureErrors, loadFixture } from "../support/loadFixture.ts";
import { articleFile, TINY_PNG } from "../support/tempContent.ts";

const DATE = "date: 2023-08-15T09:00:00+07:00";

async function errorsFor(frontMatter: string, name = "bai.md") {
	return fixtureErrors({ [name]: articleFile(frontMatter) });
}

async function recordFor(frontMatter: string, body?: string, name = "bai.md", files = {}) {
	const result = await loadFixture({ [name]: articleFile(frontMatter, body), ...files });
	if (!result.ok) throw new Error(result.errors.map(formatContentError).join("\n"));
	const [record] = result.content.records;
	if (!record) throw new Error("no record");
	return record;
}

describe("title", () => {
	it("is required", async () => {
		expect(await errorsFor(DATE)).toEqual([{ file: "bai.md", field: "title", problem: "is required" }]);
	});
	it("must not be empty or blank", async () => {
		expect(await errorsFor(`title: ""\n${DATE}`)).toMatchObject([{ file: "bai.md", field: "title" }]);
		expect(await errorsFor(`title: "   "\n${DATE}`)).toMatchObject([{ file: "bai.md", field: "title" }]);
	});
	it("must be text", async () => {
		expect(await errorsFor(`title: [a, b]\n${DATE}`)).toEqual([
			{ file: "bai.md", field: "title", problem: "expected text, got a list" },
		]);
	});
	it("comes out NFC, trimmed and without XML-forbidden characters", async () => {
		const record = await recordFor(`title: "  ${"Tiếng Việt".normalize("NFD")}\\u0007 "\n${DATE}`);
		expect(record.title).toBe("Tiếng Việt".normalize("NFC"));
	});
});

describe("date", () => {
	it("is required", async () => {
		expect(await errorsFor("title: T")).toEqual([{ file: "bai.md", field: "date", problem: "is required" }]);
	});
	it("rejects an impossible date, naming file, field and value", async () => {
		const result = await loadFixture({ "foo.md": articleFile("title: T\ndate: 2023-13-01") });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map(formatContentError)).toEqual([
			`${result.errors[0]?.file}: date: "2023-13-01" is not an RFC 3339 date-time with offset or a YYYY-MM-DD date`,
		]);
		expect(result.errors[0]?.file).toMatch(/foo\.md$/);
	});
	it("rejects a date-time without an offset", async () => {
		expect(await errorsFor("title: T\ndate: 2023-08-15T09:00:00")).toMatchObject([
			{ field: "date", problem: expect.stringMatching(/"2023-08-15T09:00:00" has no UTC offset/) },
		]);
	});
	it("rejects 30 February and hour 24", async () => {
		expect(await errorsFor("title: T\ndate: 2023-02-30")).toMatchObject([{ field: "date" }]);
		expect(await errorsFor("title: T\ndate: 2023-08-15T24:00:00Z")).toMatchObject([{ field: "date" }]);
	});
	it("rejects a number", async () => {
		expect(await errorsFor("title: T\ndate: 20230815")).toEqual([
			{
				file: "bai.md",
				field: "date",
				problem: "expected an RFC 3339 date-time with offset or a YYYY-MM-DD date, got the number 20230815",
			},
		]);
	});
	it("keeps an RFC 3339 date-time with its offset as written", async () => {
		expect((await recordFor(`title: T\n${DATE}`)).published).toBe("2023-08-15T09:00:00+07:00");
		expect((await recordFor("title: T\ndate: 2023-08-15T02:00:00Z")).published).toBe("2023-08-15T02:00:00Z");
	});
	it("reads a date-only value as midnight in site.timeZone (Asia/Ho_Chi_Minh)", async () => {
		const record = await recordFor("title: T\ndate: 2023-08-15");
		expect(record.published).toBe("2023-08-15T00:00:00+07:00");
		expect(Date.parse(record.published)).toBe(Date.UTC(2023, 7, 14, 17, 0, 0));
	});
	it("records which dates were written without a time, so pages show no made-up midnight", async () => {
		const dateOnly = await recordFor("title: T\ndate: 2023-08-15\nupdated: 2023-08-16");
		expect([dateOnly.publishedDateOnly, dateOnly.updatedDateOnly]).toEqual([true, true]);
		const timed = await recordFor(`title: T\n${DATE}\nupdated: 2023-08-16`);
		expect([timed.publishedDateOnly, timed.updatedDateOnly]).toEqual([undefined, true]);
		expect(Object.keys(timed)).not.toContain("publishedDateOnly");
	});
});

describe("updated", () => {
	it("follows the same date rules", async () => {
		expect(await errorsFor(`title: T\n${DATE}\nupdated: yesterday`)).toMatchObject([
			{ field: "updated", problem: expect.stringMatching(/"yesterday" is not an RFC 3339/) },
		]);
	});
	it("must not be before date", async () => {
		expect(await errorsFor(`title: T\n${DATE}\nupdated: 2023-08-15T08:59:59+07:00`)).toMatchObject([
			{ file: "bai.md", field: "updated", problem: expect.stringMatching(/is before date/) },
		]);
	});
	it("may equal date, and is kept as written", async () => {
		expect((await recordFor(`title: T\n${DATE}\nupdated: 2023-08-15T02:00:00Z`)).updated).toBe(
			"2023-08-15T02:00:00Z",
		);
	});
});

describe("authors", () => {
	it("defaults to the site author", async () => {
		expect((await recordFor(`title: T\n${DATE}`)).authors).toEqual([
			{ name: "Ban biên tập", slug: "ban-bien-tap" },
		]);
	});
	it("accepts names and {name, email, url}", async () => {
		const record = await recordFor(
			`title: T\n${DATE}\nauthors:\n  - Kim Dung\n  - name: Đỗ Hà\n    email: ha@example.org\n    url: https://example.org/ha`,
		);
		expect(record.authors).toEqual([
			{ name: "Kim Dung", slug: "kim-dung" },
			{ name: "Đỗ Hà", email: "ha@example.org", url: "https://example.org/ha", slug: "do-ha" },
		]);
	});
	it("rejects a bad email, a bad url and unknown keys, each by its path", async () => {
		const errors = await errorsFor(
			`title: T\n${DATE}\nauthors:\n  - name: A\n    email: not-an-email\n  - name: B\n    url: /relative\n  - name: C\n    phone: 123`,
		);
		expect(errors.map((e) => e.field).sort()).toEqual([
			"authors[0].email",
			"authors[1].url",
			"authors[2].phone",
		]);
	});
	it("must be a non-empty list", async () => {
		expect(await errorsFor(`title: T\n${DATE}\nauthors: Kim Dung`)).toMatchObject([{ field: "authors" }]);
		expect(await errorsFor(`title: T\n${DATE}\nauthors: []`)).toMatchObject([{ field: "authors" }]);
	});
	it("needs a name", async () => {
		expect(await errorsFor(`title: T\n${DATE}\nauthors:\n  - email: a@example.org`)).toEqual([
			{ file: "bai.md", field: "authors[0].name", problem: "is required" },
		]);
	});
});

describe("tags", () => {
	it("must be a list of non-empty text", async () => {
		expect(await errorsFor(`title: T\n${DATE}\ntags: Xã hội`)).toMatchObject([{ field: "tags" }]);
		expect(await errorsFor(`title: T\n${DATE}\ntags: [ok, ""]`)).toMatchObject([{ field: "tags[1]" }]);
		expect(await errorsFor(`title: T\n${DATE}\ntags: [ok, {a: 1}]`)).toMatchObject([{ field: "tags[1]" }]);
	});
	it("takes any Unicode, NFC, with Vietnamese-aware slugs", async () => {
		const record = await recordFor(
			`title: T\n${DATE}\ntags: ["${"Xã hội".normalize("NFD")}", Đời sống, 日本]`,
		);
		expect(record.tags).toEqual([
			{ name: "Xã hội", slug: "xa-hoi" },
			{ name: "Đời sống", slug: "doi-song" },
			{ name: "日本", slug: "日本" },
		]);
	});
	it("lists a tag once when it repeats in another case", async () => {
		const record = await recordFor(`title: T\n${DATE}\ntags: [Xã hội, XÃ HỘI]`);
		expect(record.tags).toEqual([{ name: "Xã hội", slug: "xa-hoi" }]);
	});
});

describe("summary", () => {
	it("defaults to the first paragraph as plain text", async () => {
		const record = await recordFor(
			`title: T\n${DATE}`,
			"## Tiêu đề\n\nĐoạn *một* &amp; [liên kết](/x).\n\nĐoạn hai.\n",
		);
		expect(record.summary).toBe("Đoạn một & liên kết.");
	});
	it("uses the given summary", async () => {
		expect((await recordFor(`title: T\n${DATE}\nsummary: Tóm tắt.`)).summary).toBe("Tóm tắt.");
	});
	it("must not be empty", async () => {
		expect(await errorsFor(`title: T\n${DATE}\nsummary: " "`)).toMatchObject([{ field: "summary" }]);
	});
});

describe("image", () => {
	it("resolves a relative url against baseUrl and derives the MIME type", async () => {
		const record = await recordFor(
			`title: T\n${DATE}\nimage:\n  url: images/anh.JPG\n  alt: Ảnh\n  caption: Chú thích\n  credit: Kim Dung\n  width: 800\n  height: 600`,
			undefined,
			"bai.md",
			{ "images/anh.JPG": TINY_PNG },
		);
		expect(record.image).toEqual({
			url: "http://localhost:8787/images/anh.JPG",
			type: "image/jpeg",
			alt: "Ảnh",
			caption: "Chú thích",
			credit: "Kim Dung",
			width: 800,
			height: 600,
			length: TINY_PNG.byteLength,
		});
	});
	it("accepts the URL alone as shorthand for { url }", async () => {
		expect((await recordFor(`title: T\n${DATE}\nimage: https://cdn.example.org/a.webp?v=2`)).image).toEqual({
			url: "https://cdn.example.org/a.webp?v=2",
			type: "image/webp",
		});
	});
	it("rejects an unknown extension", async () => {
		expect(await errorsFor(`title: T\n${DATE}\nimage:\n  url: https://example.org/a.xyz`)).toMatchObject([
			{ field: "image.url", problem: expect.stringMatching(/image type/) },
		]);
	});
	it("rejects non-http(s) URLs", async () => {
		expect(await errorsFor(`title: T\n${DATE}\nimage: "javascript:alert(1)//a.png"`)).toMatchObject([
			{ field: "image.url" },
		]);
		expect(await errorsFor(`title: T\n${DATE}\nimage: "data:image/png;base64,AAAA"`)).toMatchObject([
			{ field: "image.url" },
		]);
	});
	it("rejects bad sizes and unknown keys", async () => {
		const errors = await errorsFor(
			`title: T\n${DATE}\nimage:\n  url: a.png\n  width: 1.5\n  height: -3\n  size: big`,
		);
		expect(errors.map((e) => e.field).sort()).toEqual(["image.height", "image.size", "image.width"]);
	});
});

describe("id", () => {
	it("defaults to the file name stem, not the title, so retitling keeps it", async () => {
		const first = await recordFor(`title: Một\n${DATE}`, undefined, "bai-viet.md");
		const second = await recordFor(`title: Hai\n${DATE}`, undefined, "bai-viet.md");
		expect(first.id).toBe("bai-viet");
		expect(second.id).toBe("bai-viet");
		expect(second.guid).toBe(first.guid);
	});
	it("uses the given id", async () => {
		expect((await recordFor(`title: T\n${DATE}\nid: tin-123`)).id).toBe("tin-123");
	});
	it("must be text", async () => {
		expect(await errorsFor(`title: T\n${DATE}\nid: 123`)).toMatchObject([
			{ field: "id", problem: expect.stringMatching(/put it in quotes/) },
		]);
	});
});

describe("canonical", () => {
	it("becomes the item URL", async () => {
		const record = await recordFor(`title: T\n${DATE}\ncanonical: https://baonghean.vn/bai-viet-1.html`);
		expect(record.canonical).toBe("https://baonghean.vn/bai-viet-1.html");
		expect(record.url).toBe("https://baonghean.vn/bai-viet-1.html");
	});
	it("must be an absolute http(s) URL", async () => {
		expect(await errorsFor(`title: T\n${DATE}\ncanonical: /bai-viet`)).toMatchObject([
			{ field: "canonical" },
		]);
		expect(await errorsFor(`title: T\n${DATE}\ncanonical: "javascript:alert(1)"`)).toMatchObject([
			{ field: "canonical" },
		]);
		expect(await errorsFor(`title: T\n${DATE}\ncanonical: "ftp://example.org/a"`)).toMatchObject([
			{ field: "canonical" },
		]);
	});
	it("defaults the URL to /articles/<slug> on the base URL", async () => {
		expect((await recordFor(`title: T\n${DATE}`, undefined, "Bài Viết.md")).url).toBe(
			"http://localhost:8787/articles/bai-viet",
		);
	});
});

describe("draft", () => {
	it("must be true or false", async () => {
		expect(await errorsFor(`title: T\n${DATE}\ndraft: yes`)).toMatchObject([
			{ field: "draft", problem: expect.stringMatching(/true or false/) },
		]);
	});
});

describe("keys", () => {
	it("rejects unknown keys, suggesting the near miss", async () => {
		const errors = await errorsFor(`title: T\n${DATE}\ntag: [a]\nsubtitle: x`);
		expect(errors).toMatchObject([
			{ file: "bai.md", field: "tag", problem: expect.stringMatching(/did you mean "tags"/) },
			{ file: "bai.md", field: "subtitle", problem: expect.stringMatching(/unknown key/) },
		]);
	});
	it("treats an empty value as left out", async () => {
		const record = await recordFor(`title: T\n${DATE}\nupdated:\nsummary:`);
		expect(record.updated).toBeUndefined();
	});
	it("lists every problem of a file at once", async () => {
		const errors = await errorsFor("title: ''\ndate: soon\ndraft: 1\ncanonical: x\nfoo: bar");
		expect(errors.map((e) => e.field).sort()).toEqual(["canonical", "date", "draft", "foo", "title"]);
	});
});

describe("a value of the wrong type", () => {
	// One case per wording: what was expected, what YAML gave, and the fix when quotes are the whole problem.
	const cases: [line: string, field: string, problem: string][] = [
		["tags: Xã hội", "tags", 'expected a list of names, got text "Xã hội"; write it as [Xã hội]'],
		["tags: {a: 1}", "tags", "expected a list of names, got a mapping"],
		["tags: [ok, 2023]", "tags[1]", "expected a name, got the number 2023 (put it in quotes)"],
		[
			"authors: Kim Dung",
			"authors",
			'expected a list of authors, got text "Kim Dung"; write it as [Kim Dung]',
		],
		["authors: {name: A}", "authors", "expected a list of authors, got a mapping"],
		["authors: [[a]]", "authors[0]", "expected a name or a mapping with name, email and url, got a list"],
		["authors: [{name: true}]", "authors[0].name", "expected a name, got true (put it in quotes)"],
		["authors: [{name: A, email: 5}]", "authors[0].email", "expected an email address, got the number 5"],
		["summary: [a]", "summary", "expected text, got a list"],
		["id: 123", "id", "expected text, got the number 123 (put it in quotes)"],
		["canonical: {url: x}", "canonical", "expected a URL, got a mapping"],
		["draft: 'true'", "draft", 'expected true or false, got text "true" (remove the quotes)'],
		["draft: yes", "draft", 'expected true or false, got text "yes"'],
		[
			"image: [a.png]",
			"image",
			"expected a URL or a mapping with url, alt, caption, credit, width, height and length, got a list",
		],
		["image: {url: 5}", "image.url", "expected a URL or a path on the site, got the number 5"],
		[
			"image: {url: a.png, width: '800'}",
			"image.width",
			'expected a whole number of pixels, got text "800" (remove the quotes)',
		],
		["image: {url: a.png, alt: [x]}", "image.alt", "expected text, got a list"],
		[
			"updated: {at: 9}",
			"updated",
			"expected an RFC 3339 date-time with offset or a YYYY-MM-DD date, got a mapping",
		],
	];
	it.each(cases)("%s", async (line, field, problem) => {
		expect(await errorsFor(`title: T\n${DATE}\n${line}`)).toEqual([{ file: "bai.md", field, problem }]);
	});
	it("says is required only when the value is missing", async () => {
		expect(await errorsFor(`title: T\n${DATE}\nimage: {alt: x}`)).toEqual([
			{ file: "bai.md", field: "image.url", problem: "is required" },
		]);
	});
});
