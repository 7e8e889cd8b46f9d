// The item's image when front matter names none: the first <img> of the sanitised body with an absolute src and
// a type its extension tells, with its alt; site images must be files in content/images/, which give the length.
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../../src/domain/model.ts";
import { formatContentError } from "../../../src/sync/validate/contentError.ts";
import { fixtureErrors, loadFixture } from "../support/loadFixture.ts";
import { articleFile, TINY_PNG } from "../support/tempContent.ts";

const FRONT = "title: Bài có ảnh\ndate: 2023-08-15T09:00:00+07:00";
const BASE = "http://localhost:8787";

async function recordOf(
	body: string,
	files: Record<string, Uint8Array> = {},
	front = FRONT,
): Promise<ArticleRecord> {
	const result = await loadFixture({ "bai.md": articleFile(front, body), ...files });
	if (!result.ok) throw new Error(result.errors.map(formatContentError).join("\n"));
	return result.content.records[0] as ArticleRecord;
}

describe("the body's first image", () => {
	it("none: no image at all", async () => {
		expect(
			(await recordOf("Chỉ có chữ.\n\n<figure><figcaption>Ảnh: Kim Dung</figcaption></figure>\n")).image,
		).toBeUndefined();
	});

	it("an absolute src: the image, with its alt, size attributes and type, and no length (unknown)", async () => {
		const record = await recordOf(
			'Mở đầu.\n\n<img src="https://cdn.example.org/anh/hoi-nghi.webp" alt=" Toàn cảnh hội nghị " width="800" height="600">\n',
		);
		expect(record.image).toEqual({
			url: "https://cdn.example.org/anh/hoi-nghi.webp",
			type: "image/webp",
			alt: "Toàn cảnh hội nghị",
			width: 800,
			height: 600,
			inContent: true,
		});
	});

	it("a relative src: made absolute on the site, its file's size as the length", async () => {
		const record = await recordOf("![Ảnh nhỏ](images/nho.png)\n", { "images/nho.png": TINY_PNG });
		expect(record.image).toEqual({
			url: `${BASE}/images/nho.png`,
			type: "image/png",
			alt: "Ảnh nhỏ",
			length: TINY_PNG.byteLength,
			inContent: true,
		});
	});

	it("a data: src is dropped by the sanitiser, so it never counts: the next image does", async () => {
		const record = await recordOf(
			'<img src="data:image/png;base64,iVBORw0KGgo=" alt="dữ liệu">\n\n<img src="https://cdn.example.org/b.jpg" alt="B">\n',
		);
		expect(record.contentHtml).not.toContain("data:");
		expect(record.image).toMatchObject({ url: "https://cdn.example.org/b.jpg", alt: "B" });
	});

	it("only a data: image: no image", async () => {
		expect(
			(await recordOf('<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">\n')).image,
		).toBeUndefined();
	});

	it("several images: the first, passing over one whose type its extension cannot tell", async () => {
		const record = await recordOf(
			[
				'<img src="https://cdn.example.org/anh?id=7" alt="không rõ loại">',
				'<img src="https://cdn.example.org/mot.gif" alt="Một">',
				'<img src="https://cdn.example.org/hai.png" alt="Hai">',
			].join("\n\n"),
		);
		expect(record.image).toMatchObject({
			url: "https://cdn.example.org/mot.gif",
			type: "image/gif",
			alt: "Một",
		});
	});

	it("front matter's image wins over the body's", async () => {
		const record = await recordOf(
			'<img src="https://cdn.example.org/trong-bai.jpg">\n',
			{},
			`${FRONT}\nimage: https://cdn.example.org/bia.jpg`,
		);
		expect(record.image).toEqual({ url: "https://cdn.example.org/bia.jpg", type: "image/jpeg" });
	});
});

describe("images on the site must be files in content/images/", () => {
	it("a body image whose file is missing is an error naming the article and the file", async () => {
		const errors = await fixtureErrors({ "bai.md": articleFile(FRONT, "![Ảnh](images/khong-co.jpg)\n") });
		expect(errors).toEqual([
			{
				file: "bai.md",
				field: "body",
				problem: expect.stringContaining("images/khong-co.jpg does not exist"),
			},
		]);
	});

	it("a srcset candidate counts too", async () => {
		const errors = await fixtureErrors({
			"bai.md": articleFile(
				FRONT,
				'<img src="images/co.png" srcset="images/co.png 1x, /images/lon.png 2x">\n',
			),
			"images/co.png": TINY_PNG,
		});
		expect(errors).toMatchObject([
			{ file: "bai.md", field: "body", problem: /images\/lon\.png does not exist/ },
		]);
	});

	it("a front-matter image whose file is missing is an error on image.url", async () => {
		const errors = await fixtureErrors({ "bai.md": articleFile(`${FRONT}\nimage: /images/bia.jpg`) });
		expect(errors).toMatchObject([{ field: "image.url", problem: /images\/bia\.jpg does not exist/ }]);
	});

	it("a site image outside /images/ is an error: nothing serves it", async () => {
		const errors = await fixtureErrors({ "bai.md": articleFile(FRONT, "![x](/tep/x.png)\n") });
		expect(errors).toMatchObject([{ field: "body", problem: /outside \/images\// }]);
	});

	it("front matter's length must agree with the file", async () => {
		const errors = await fixtureErrors({
			"bai.md": articleFile(`${FRONT}\nimage:\n  url: images/a.png\n  length: 5000`),
			"images/a.png": TINY_PNG,
		});
		expect(errors).toMatchObject([{ field: "image.length", problem: /69 bytes/ }]);
	});

	it("an absolute URL elsewhere is never looked for; front matter may give its length", async () => {
		const record = await recordOf(
			"Bài.\n",
			{},
			`${FRONT}\nimage:\n  url: https://cdn.example.org/a.jpg\n  length: 48213`,
		);
		expect(record.image).toEqual({ url: "https://cdn.example.org/a.jpg", type: "image/jpeg", length: 48213 });
	});
});
