// buildFeedModel is the one text-safety step for every format: each string of the model, the site's and the
// items', comes out NFC, without XML-forbidden characters or lone surrogates; URLs also in ASCII form.
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/domain/model.ts";
import { sampleArticle, sampleModel, sampleSite } from "../support/feedFixtures.ts";

// Decomposed "ệ" (e + combining dot below + combining circumflex), C0 controls, a lone surrogate, U+FFFF.
const HOSTILE = "Nghe\u0323\u0302 An\u0000\u0001\u000B\u001F \uD800x \uFFFE\uFFFF";
const SAFE = "Nghệ An \uFFFDx ";

/** Every string in a value, with its path. */
function strings(value: unknown, path = "model"): [string, string][] {
	if (typeof value === "string") return [[path, value]];
	if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`));
	if (value && typeof value === "object")
		return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
	return [];
}

function hostileArticle(): ArticleRecord {
	return sampleArticle({
		title: HOSTILE,
		summary: HOSTILE,
		contentHtml: `<p>${HOSTILE}</p>`,
		tags: [{ name: HOSTILE, slug: "nghe-an" }],
		authors: [
			{
				name: HOSTILE,
				email: "kd@example.com",
				url: "http://localhost:8787/authors/kim-dung",
				slug: "kim-dung",
			},
		],
		image: {
			url: "http://localhost:8787/images/a.jpg",
			type: "image/jpeg",
			alt: HOSTILE,
			caption: HOSTILE,
			credit: HOSTILE,
		},
	});
}

describe("model text safety", () => {
	it("makes every string of the site and every item safe", () => {
		const site = sampleSite({
			title: HOSTILE,
			description: HOSTILE,
			copyright: HOSTILE,
			author: { name: HOSTILE },
		});
		const model = sampleModel([hostileArticle()], {
			site,
			scope: { key: "tags/nghe-an", kind: "tag", name: HOSTILE },
		});
		const all = strings(model);
		expect(all.length).toBeGreaterThan(30);
		for (const [path, text] of all) {
			// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for what must not be there.
			expect(text, path).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
			// encodeURIComponent throws URIError on a lone surrogate, and only then.
			expect(() => encodeURIComponent(text), `${path} has a lone surrogate`).not.toThrow();
			expect(text.normalize("NFC"), `${path} is not NFC`).toBe(text);
		}
		expect(model.title).toBe(`${SAFE} — ${SAFE}`);
		expect(model.items[0]?.title).toBe(SAFE);
		expect(model.items[0]?.tags[0]?.name).toBe(SAFE);
		expect(model.items[0]?.authors[0]?.name).toBe(SAFE);
		expect(model.items[0]?.image?.caption).toBe(SAFE);
		expect(model.items[0]?.contentHtml).toBe(`<p>${SAFE}</p>`);
	});

	it("serialises URLs in ASCII: non-ASCII paths percent-encoded, hosts punycoded", () => {
		const record = sampleArticle({
			url: "http://localhost:8787/articles/nghệ-an",
			canonical: "https://münchen.example/tin/nghệ-an",
			image: { url: "http://localhost:8787/ảnh/a b.jpg", type: "image/jpeg" },
		});
		const item = sampleModel([record]).items[0];
		expect(item?.url).toBe("http://localhost:8787/articles/ngh%E1%BB%87-an");
		expect(item?.canonical).toBe("https://xn--mnchen-3ya.example/tin/ngh%E1%BB%87-an");
		expect(item?.image?.url).toBe("http://localhost:8787/%E1%BA%A3nh/a%20b.jpg");
	});

	it("keeps a URN guid as it is", () => {
		const guid = "urn:uuid:6f1c1a4e-1b7c-5b8e-9d3a-2f4e5a6b7c8d";
		expect(sampleModel([sampleArticle({ guid })]).items[0]?.guid).toBe(guid);
	});
});
