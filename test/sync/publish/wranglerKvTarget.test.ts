// The wrangler CLI target against real local state: what it writes is what `wrangler dev` (Miniflare) reads.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleKey } from "../../../src/store/kvLayout.ts";
import { wranglerKvTarget } from "../../../src/sync/publish/wranglerKvTarget.ts";
import { withPersistedKv } from "../support/persistedKv.ts";
import { readPublished } from "../support/readPublished.ts";
import { NOW, syncFixture } from "../support/syncFixture.ts";
import { articleFile } from "../support/tempContent.ts";

let persistTo: string;
beforeAll(async () => {
	persistTo = await mkdtemp(path.join(tmpdir(), "edgefeed-wrangler-"));
});
afterAll(async () => {
	await rm(persistTo, { recursive: true, force: true });
});

const FILES = {
	"mot.md": articleFile("title: Một\ndate: 2023-08-15T09:00:00+07:00\ntags: [Xã hội]", "Nội dung một.\n"),
	"hai.md": articleFile("title: Hai\ndate: 2023-08-16T09:00:00+07:00", "Nội dung hai.\n"),
};

describe("wranglerKvTarget (local)", () => {
	it("publishes through `wrangler kv bulk put`, readable by Miniflare with wrangler.toml's namespace", async () => {
		const kv = wranglerKvTarget({ remote: false, persistTo });
		const result = await syncFixture(kv, FILES);
		expect(result.report).toMatchObject({ recordsWritten: 2, manifestWritten: true, headWritten: true });
		await withPersistedKv(persistTo, async (local) => {
			const published = await readPublished(local.kv);
			expect(published?.head.manifest).toBe(result.snapshot.manifestHash);
			expect(published?.records.map((r) => r.title)).toEqual(["Hai", "Một"]);
			expect(published?.records[1]?.tags).toEqual([{ name: "Xã hội", slug: "xa-hoi" }]);
		});
	});

	it("reads back what it wrote, unchanged re-sync writes nothing, cleanup deletes through `wrangler kv bulk delete`", async () => {
		const kv = wranglerKvTarget({ remote: false, persistTo });
		expect(await kv.get("does-not-exist")).toBeNull();
		const again = await syncFixture(kv, FILES, { now: NOW + 1000 });
		expect(again.report).toEqual({
			recordsWritten: 0,
			manifestWritten: false,
			headWritten: false,
			keysDeleted: 0,
			requests: 0,
		});

		const removed = await syncFixture(kv, { "hai.md": FILES["hai.md"] }, { now: NOW + 2000 });
		// Nothing is deleted yet: the version just replaced stays for locations still reading the old head.
		expect(removed.report).toMatchObject({
			recordsWritten: 0,
			manifestWritten: true,
			headWritten: true,
			keysDeleted: 0,
		});
		await withPersistedKv(persistTo, async (local) => {
			expect((await readPublished(local.kv))?.records.map((r) => r.title)).toEqual(["Hai"]);
		});

		const edited = { "hai.md": FILES["hai.md"].replace("Nội dung hai.", "Nội dung hai, đã sửa.") };
		const next = await syncFixture(kv, edited, { now: NOW + 3000 });
		// Một's record and the first manifest: listed by neither this version nor the previous one.
		expect(next.report).toMatchObject({ recordsWritten: 1, headWritten: true, keysDeleted: 2 });
		expect((await kv.listKeys("article:")).sort()).toEqual(
			[removed.snapshot, next.snapshot].map((s) => articleKey(s.recordHashes.get("hai") ?? "")).sort(),
		);
		await withPersistedKv(persistTo, async (local) => {
			expect((await readPublished(local.kv))?.records.map((r) => r.contentHtml)).toEqual([
				"<p>Nội dung hai, đã sửa.</p>\n",
			]);
		});
	});
});
