// KV failures: the last good copy when there is one, else a plain 503 with Retry-After; never a stack trace.

import { beforeAll, describe, expect, it } from "vitest";
import { newestFirst } from "../../src/domain/entryOrder.ts";
import type { ArticleEntry } from "../../src/domain/model.ts";
import { BASE_URL, collection } from "../support/articles.ts";
import { expectedErrors } from "../support/expectedErrors.ts";
import { type InstrumentedKv, instrumentedKv } from "./support/instrumentedKv.ts";
import { publish } from "./support/publish.ts";
import { type TestApp, testApp } from "./support/testApp.ts";

const SYNCED_AT = Date.parse("2023-09-01T00:00:00Z");

/** An app with its own memory, reading KV through a window the test can break. */
function appWithKv(now = SYNCED_AT): { app: TestApp; kv: InstrumentedKv } {
	const kv = instrumentedKv();
	return { app: testApp(now, { articles: () => kv.namespace }), kv };
}

async function expectPlain503(response: Response) {
	expect(response.status).toBe(503);
	expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
	expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
	expect(response.headers.get("Cache-Control")).toBe("no-store");
	const body = await response.text();
	// Nothing of the failure's internals reaches the client.
	expect(body).not.toMatch(/simulated|KV GET|Error|\sat\s/);
}

describe("before anything was published", () => {
	it("answers 503 with Retry-After, not 404 or 500", async () => {
		const { app } = appWithKv();
		for (const path of ["/rss.xml", "/", "/tags/xa-hoi/atom.xml"])
			await expectPlain503(await app.fetch(path));
	});
});

describe("after a publish", () => {
	beforeAll(async () => {
		await publish(collection(), SYNCED_AT);
	});

	it("answers 503 with Retry-After when KV fails and this edge has no copy", async () => {
		const errors = expectedErrors();
		const { app, kv } = appWithKv();
		kv.failing = true;
		await expectPlain503(await app.fetch("/tags/doi-song/feed.json"));
		await expectPlain503(await app.fetch("/articles/a2"));
		errors.expectOnly(/^edgefeed: article store unavailable: KV read of "head" failed .*simulated outage/);
	});

	it("serves the last good copy, validators and all, when KV fails after a render", async () => {
		const errors = expectedErrors();
		const healthy = appWithKv();
		const good = await healthy.app.fetch("/atom.xml?limit=2");
		const goodBody = await good.text();
		// Another isolate at the same edge, during an outage: it has nothing in memory, KV throws. Not knowing head, it
		// finds the site's copies through the request's Host: the site's own.
		const broken = appWithKv(SYNCED_AT + 60_000);
		broken.kv.failing = true;
		const copy = await broken.app.fetch(`${BASE_URL}/atom.xml?limit=2`);
		expect(copy.status).toBe(200);
		expect(await copy.text()).toBe(goodBody);
		expect(copy.headers.get("ETag")).toBe(good.headers.get("ETag"));
		expect(copy.headers.get("Content-Type")).toBe(good.headers.get("Content-Type"));
		expect(copy.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
		// A poller holding the copy's ETag is told nothing changed.
		const revalidated = await broken.app.fetch(`${BASE_URL}/atom.xml?limit=2`, {
			headers: { "If-None-Match": good.headers.get("ETag") ?? "" },
		});
		expect(revalidated.status).toBe(304);
		errors.expectOnly(/^edgefeed: serving the last good copy: KV read of "head" failed$/);
	});

	it("falls back the same way when a new version's manifest or records cannot be read", async () => {
		const errors = expectedErrors();
		const good = await appWithKv().app.fetch("/tags/xa-hoi/rss.xml");
		const goodBody = await good.text();
		// A new version is published: its copies are not cached anywhere yet, so reading it needs the manifest and records.
		const edited = collection().map((record) =>
			record.id === "a2" ? { ...record, title: "Phiên bản mới" } : record,
		);
		await publish(edited, SYNCED_AT + 86_400_000);
		for (const prefix of ["manifest:", "article:"]) {
			const { app, kv } = appWithKv(SYNCED_AT + 86_400_000);
			kv.failing = (key) => key.startsWith(prefix);
			const response = await app.fetch("/tags/xa-hoi/rss.xml");
			expect(
				kv.reads.some((key) => key.startsWith(prefix)),
				prefix,
			).toBe(true);
			expect(response.status, prefix).toBe(200);
			expect(await response.text()).toBe(goodBody);
		}
		const { app, kv } = appWithKv(SYNCED_AT + 86_400_000);
		kv.failing = (key) => key.startsWith("article:");
		await expectPlain503(await app.fetch("/tags/chinh-tri/rss.xml"));
		errors.expectOnly(
			/^edgefeed: (serving the last good copy|article store unavailable): KV read of "(manifest|article):/,
		);
	});

	it("answers 503 when head points at a manifest KV does not have", async () => {
		const errors = expectedErrors();
		const { app, kv } = appWithKv();
		kv.override = { key: "head", value: { manifest: "missing", version: Number.MAX_SAFE_INTEGER } };
		await expectPlain503(await app.fetch("/authors/tran-van-minh/rss.xml"));
		errors.expectOnly(/^edgefeed: article store unavailable: KV manifest missing is missing or malformed/);
	});

	it("answers a corrupt record with a plain 500 that gives nothing away", async () => {
		const errors = expectedErrors();
		const { app, kv } = appWithKv();
		const manifestHash = ((await kv.namespace.get("head", "json")) as { manifest: string }).manifest;
		const manifest = (await kv.namespace.get(`manifest:${manifestHash}`, "json")) as { catalog: string };
		const catalog = (await kv.namespace.get(`catalog:${manifest.catalog}`, "json")) as {
			slugShards: string[];
		};
		const shards = await Promise.all(
			catalog.slugShards.map((hash) => kv.namespace.get(`slugs:${hash}`, "json") as Promise<object>),
		);
		const [newest] = shards.flatMap((shard) => Object.values(shard) as ArticleEntry[]).sort(newestFirst);
		kv.override = { key: `article:${newest?.record}`, value: { corrupt: true } };
		const response = await app.fetch("/feed.json?limit=3");
		expect(response.status).toBe(500);
		expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
		expect(await response.text()).not.toMatch(/TypeError|undefined|\.ts|\sat\s/);
		errors.expectOnly(/^edgefeed: unexpected error: TypeError: /);
	});
});
