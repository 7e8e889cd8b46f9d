// The wrangler CLI target (what `npm run sync -- --remote` uses), run against local state because tests have no
// account: each `wrangler kv` command it runs (key list, bulk get, put and delete) once, checked through Miniflare.
// How a sync uses a target is covered on Miniflare elsewhere; every wrangler start-up costs over a second.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wranglerKvTarget } from "../../../src/sync/publish/wranglerKvTarget.ts";
import { withPersistedKv } from "../support/persistedKv.ts";

let persistTo: string;
beforeAll(async () => {
	persistTo = await mkdtemp(path.join(tmpdir(), "edgefeed-wrangler-"));
});
afterAll(async () => {
	await rm(persistTo, { recursive: true, force: true });
});

describe("wranglerKvTarget (local)", () => {
	it("puts, gets, lists and deletes through `wrangler kv`, in the state `wrangler dev` reads", async () => {
		const kv = wranglerKvTarget({ remote: false, persistTo });
		const entries = [
			{ key: "article:một", value: JSON.stringify({ title: "Một", body: "Xã hội\n" }) },
			{ key: "article:hai", value: "Value not found" },
			{ key: "head", value: '{"manifest":"m1"}' },
		];
		await kv.putMany(entries);
		await withPersistedKv(persistTo, async (local) => {
			expect(await local.dump()).toEqual(new Map(entries.map((e) => [e.key, e.value])));
		});
		// A stored value that reads like wrangler's "not found" message is still that value; a missing key is null.
		// (`get` is `getMany` of one key: one wrangler start-up checks both.)
		expect(await kv.getMany?.(["article:hai", "article:không-có"])).toEqual(["Value not found", null]);
		await kv.deleteMany(["article:một", "article:không-có"]);
		expect(await kv.listKeys("article:")).toEqual(["article:hai"]);
	});
});
