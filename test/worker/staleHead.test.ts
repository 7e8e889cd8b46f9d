// Versions: a newly synced version is served as soon as KV shows it, and never an older one after a newer was seen.
import { exports } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import type { Head } from "../../src/domain/model.ts";
import { HEAD_RECHECK_MS } from "../../src/store/kvFreshness.ts";
import { collection } from "../support/articles.ts";
import { instrumentedKv } from "./support/instrumentedKv.ts";
import { publish } from "./support/publish.ts";
import { readFeed } from "./support/readFeed.ts";
import { testApp } from "./support/testApp.ts";

const FIRST_SYNC = Date.parse("2023-09-01T00:00:00Z");
const SECOND_SYNC = FIRST_SYNC + 86_400_000;
const renamed = () =>
	collection().map((record) => (record.id === "a3" ? { ...record, title: "Tiêu đề mới" } : record));
const titles = async (response: Response) => readFeed("json", await response.text()).titles;

let oldHead: Head;

beforeAll(async () => {
	oldHead = JSON.parse((await publish(collection(), FIRST_SYNC)).plan.head?.value ?? "") as Head;
});

it("the deployed Worker serves a new sync within its head re-check interval", async () => {
	const before = await exports.default.fetch("http://localhost/feed.json");
	expect(await titles(before)).not.toContain("Tiêu đề mới");
	await publish(renamed(), SECOND_SYNC);
	await new Promise((resolve) => setTimeout(resolve, HEAD_RECHECK_MS + 50));
	expect(await titles(await exports.default.fetch("http://localhost/feed.json"))).toContain("Tiêu đề mới");
});

it("never goes back to an older version when a stale KV replica returns an older head", async () => {
	const kv = instrumentedKv();
	const app = testApp(SECOND_SYNC, { articles: () => kv.namespace });
	const current = await app.fetch("/feed.json");
	const currentBody = await current.text();
	expect(readFeed("json", currentBody).titles).toContain("Tiêu đề mới");
	// The older version is still complete in KV and cached at this edge: only the head check stands in the way.
	kv.override = { key: "head", value: oldHead };
	app.now += HEAD_RECHECK_MS;
	kv.reads.length = 0;
	const later = await app.fetch("/feed.json");
	expect(kv.reads).toEqual(["head"]);
	expect(await later.text()).toBe(currentBody);
	expect(later.headers.get("ETag")).toBe(current.headers.get("ETag"));
});

it("an isolate that never saw the newer head may serve the older one (KV is eventually consistent)", async () => {
	const kv = instrumentedKv();
	kv.override = { key: "head", value: oldHead };
	const app = testApp(SECOND_SYNC, { articles: () => kv.namespace });
	expect(await titles(await app.fetch("/feed.json"))).not.toContain("Tiêu đề mới");
	// Once KV shows the new head, the isolate moves on.
	kv.override = undefined;
	app.now += HEAD_RECHECK_MS;
	expect(await titles(await app.fetch("/feed.json"))).toContain("Tiêu đề mới");
});
