// URL slugs: Vietnamese-aware transliteration, other scripts kept, never empty.
import slugify from "@sindresorhus/slugify";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldName, toSlug } from "../../../src/sync/validate/slugs.ts";

describe("toSlug", () => {
	it("transliterates Vietnamese, including Đ/đ", () => {
		expect(toSlug("Xã hội")).toBe("xa-hoi");
		expect(toSlug("Đời sống")).toBe("doi-song");
		expect(toSlug("Xây dựng Đảng")).toBe("xay-dung-dang");
		expect(toSlug("Nghệ An".normalize("NFD"))).toBe("nghe-an");
	});
	it("keeps letters of scripts with no transliteration", () => {
		expect(toSlug("日本 ニュース")).toBe("日本-ニュース");
		expect(toSlug("ข่าว")).toBe("ข่าว");
	});
	it("spells a name with no letters or digits by its code points", () => {
		expect(toSlug("🎉")).toBe("u1f389");
	});
	it("gives a name that is already a slug as slugify does: unchanged", () => {
		const part = fc.stringMatching(/^[a-z0-9]{1,8}$/);
		fc.assert(
			fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
				const name = parts.join("-");
				expect(toSlug(name)).toBe(slugify(name));
				expect(toSlug(name)).toBe(name);
			}),
		);
		expect(toSlug("bai-0000006")).toBe("bai-0000006");
		expect(toSlug("bai--6")).toBe("bai-6");
	});
});

describe("foldName", () => {
	it("equates case and normalisation variants", () => {
		expect(foldName("XÃ HỘI".normalize("NFD"))).toBe(foldName("xã hội"));
		expect(foldName("Xa hoi")).not.toBe(foldName("Xã hội"));
	});
});
