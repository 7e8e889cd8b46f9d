// The safe-articles memo makes each record safe once per app: the same record (as the article store hands it back)
// gives the same safe copy, that copy is already safe, and another app's memo starts afresh.
import { describe, expect, it } from "vitest";
import { createSafeArticles } from "../../src/feed/safeArticle.ts";
import { sampleArticle } from "../support/feedFixtures.ts";

describe("safe articles, once per record", () => {
	it("gives the same safe copy for the same record, and a safe copy back as it is", () => {
		const safeArticle = createSafeArticles();
		const record = sampleArticle({ title: "Nghe\u0323\u0302 An\u0001" });
		const safe = safeArticle(record);
		expect(safe.title).toBe("Nghệ An");
		expect(safeArticle(record)).toBe(safe);
		expect(safeArticle(safe)).toBe(safe);
	});

	it("makes an equal but separate record safe on its own", () => {
		const safeArticle = createSafeArticles();
		const record = sampleArticle({ title: "Cafe\u0301" });
		const twin = structuredClone(record);
		expect(safeArticle(twin)).not.toBe(safeArticle(record));
		expect(safeArticle(twin)).toEqual(safeArticle(record));
	});

	it("keeps nothing between two memos, as two apps' runtimes keep nothing between them", () => {
		const record = sampleArticle();
		expect(createSafeArticles()(record)).not.toBe(createSafeArticles()(record));
	});
});
