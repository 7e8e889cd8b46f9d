// URL slugs: Vietnamese-aware transliteration, other scripts kept, never empty.
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
});

describe("foldName", () => {
	it("equates case and normalisation variants", () => {
		expect(foldName("XÃ HỘI".normalize("NFD"))).toBe(foldName("xã hội"));
		expect(foldName("Xa hoi")).not.toBe(foldName("Xã hội"));
	});
});
