// A version's values kept on disk while they wait for their writes: the same keys, JSON and order as in memory.
import { describe, expect, it } from "vitest";
import { sourceOfRecords } from "../../../src/sync/publish/articleSource.ts";
import { buildVersion } from "../../../src/sync/publish/buildVersion.ts";
import { spilledValues } from "../../../src/sync/publish/spilledValues.ts";
import { article, site } from "../../support/articles.ts";

const NOW = Date.parse("2026-11-28T00:00:00Z");

describe("spilledValues", () => {
	it("keeps each key's first value, in the order set, and reads it back", async () => {
		const values = await spilledValues();
		try {
			values.set("page:b", '{"b":1}');
			values.set("page:a", '{"a":"Xã hội"}');
			values.set("page:b", '{"b":2}');
			expect(values.size).toBe(2);
			expect([...values.keys()]).toEqual(["page:b", "page:a"]);
			expect(values.get("page:a")).toBe('{"a":"Xã hội"}');
			expect(values.get("page:b")).toBe('{"b":1}');
			expect(values.has("page:c")).toBe(false);
			expect(values.get("page:c")).toBeUndefined();
			expect([...values]).toEqual([
				["page:b", '{"b":1}'],
				["page:a", '{"a":"Xã hội"}'],
			]);
		} finally {
			values.close();
		}
	});

	it("holds a built version byte for byte as a Map does", async () => {
		const records = Array.from({ length: 250 }, (_, i) =>
			article(`a${i}`, new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(), {
				tags: [{ name: "Xã hội", slug: "xa-hoi" }],
			}),
		);
		const source = await sourceOfRecords(records);
		const inMemory = await buildVersion(site, source, new Map(), NOW);
		const values = await spilledValues();
		try {
			const spilled = await buildVersion(site, source, new Map(), NOW, values);
			expect(spilled.manifestHash).toBe(inMemory.manifestHash);
			expect(new Map(spilled.values)).toEqual(inMemory.values);
			expect([...spilled.values.keys()]).toEqual([...inMemory.values.keys()]);
		} finally {
			values.close();
		}
	});
});
