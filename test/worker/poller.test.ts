// A poller that sends back the validators it received gets one 200 per change of a feed, and 304s otherwise.
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/domain/model.ts";
import { article, collection, hanoiTime, tags } from "../support/articles.ts";
import { publish } from "./support/publish.ts";
import { FEED_PATHS, FORMATS } from "./support/readFeed.ts";
import { type TestApp, testApp } from "./support/testApp.ts";

const SYNCED_AT = Date.parse("2023-09-01T00:00:00Z");
const POLL_EVERY = 5 * 60_000;
const FEEDS = ["", "/tags/xa-hoi", "/tags/doi-song", "/tags/chinh-tri", "/authors/tran-van-minh"].flatMap(
	(scope) => FORMATS.map((format) => `${scope}/${FEED_PATHS[format]}`),
);

type Style = "both validators" | "ETag only, weakened by a proxy" | "Last-Modified only";

/** A feed reader's polling state: the validators it keeps per feed, and how many full bodies it got. */
class Poller {
	readonly validators = new Map<string, { etag: string; lastModified: string }>();
	readonly bodies = new Map<string, number>();
	readonly style: Style;
	readonly app: TestApp;

	constructor(app: TestApp, style: Style) {
		this.app = app;
		this.style = style;
	}

	async poll(path: string): Promise<number> {
		const headers: Record<string, string> = {};
		const known = this.validators.get(path);
		if (known && this.style !== "Last-Modified only") {
			headers["If-None-Match"] = this.style === "both validators" ? known.etag : `W/${known.etag}`;
		}
		if (known && this.style !== "ETag only, weakened by a proxy")
			headers["If-Modified-Since"] = known.lastModified;
		const response = await this.app.fetch(path, { headers });
		if (response.status === 200) {
			this.bodies.set(path, (this.bodies.get(path) ?? 0) + 1);
			this.validators.set(path, {
				etag: response.headers.get("ETag") ?? "",
				lastModified: response.headers.get("Last-Modified") ?? "",
			});
		}
		await response.arrayBuffer();
		return response.status;
	}

	async pollAll(rounds: number): Promise<void> {
		for (let round = 0; round < rounds; round++) {
			for (const path of FEEDS) expect(await this.poll(path), path).toBeOneOf([200, 304]);
			this.app.now += POLL_EVERY;
		}
	}
}

const records: ArticleRecord[] = collection();

beforeAll(async () => {
	await publish(records, SYNCED_AT);
});

for (const style of ["both validators", "ETag only, weakened by a proxy", "Last-Modified only"] as const) {
	describe(`a poller sending ${style}`, () => {
		it("gets exactly one 200 per feed while nothing changes", async () => {
			const poller = new Poller(testApp(SYNCED_AT), style);
			await poller.pollAll(12);
			for (const path of FEEDS) expect(poller.bodies.get(path), path).toBe(1);
		});
	});
}

describe("a poller across a sync", () => {
	it("gets one more 200 for exactly the feeds the new article is in", async () => {
		const app = testApp(SYNCED_AT);
		const poller = new Poller(app, "both validators");
		await poller.pollAll(3);
		const added = article("a4", hanoiTime(app.now), { tags: [tags.doiSong], authors: [] });
		await publish([added, ...records], app.now);
		await poller.pollAll(6);
		const changed = new Set(["", "/tags/doi-song"]);
		for (const path of FEEDS) {
			const scope = path.slice(0, path.lastIndexOf("/"));
			expect(poller.bodies.get(path), path).toBe(changed.has(scope) ? 2 : 1);
		}
	});
});
