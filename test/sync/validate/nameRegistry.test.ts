// One spelling per tag or author across files: the first spelling seen wins for every variant, asked any number of times.
import { describe, expect, it } from "vitest";
import { createNameRegistry } from "../../../src/sync/validate/nameRegistry.ts";

describe("createNameRegistry", () => {
	it("gives the first spelling and its slug to every case and normalisation variant, every time it is asked", () => {
		const names = createNameRegistry();
		expect(names.resolve("Xã hội")).toEqual({ name: "Xã hội", slug: "xa-hoi" });
		for (const variant of ["XÃ HỘI", "Xã hội".normalize("NFD"), "Xã hội", "xã hội", "XÃ HỘI"])
			expect(names.resolve(variant)).toEqual({ name: "Xã hội", slug: "xa-hoi" });
		expect(names.resolve("Xa hoi")).toEqual({ name: "Xa hoi", slug: "xa-hoi" });
	});

	it("hands out copies: changing one answer changes no later one", () => {
		const names = createNameRegistry();
		const first = names.resolve("Y tế");
		first.slug = "changed";
		expect(names.resolve("Y tế")).toEqual({ name: "Y tế", slug: "y-te" });
	});
});
