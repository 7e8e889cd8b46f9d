// Bench-only: a Worker that renders one feed model K times per request, so render CPU can be timed from outside
// (workerd's clocks stand still while JavaScript runs). GET /render?format=rss&items=20&k=100 -> chars per render.
// format=model times buildFeedModel itself (records -> model), the step every render also pays in the app.
import type { ArticleRecord, FeedFormat, Head, Manifest } from "../../src/domain/model.ts";
import { buildFeedModel, type FeedModelInput } from "../../src/feed/buildFeedModel.ts";
import type { FeedModel } from "../../src/feed/feedModel.ts";
import { createSafeArticles } from "../../src/feed/safeArticle.ts";
import { articleStore, createArticleMemo } from "../../src/store/articleStore.ts";
import { articleKey, HEAD_KEY, manifestKey } from "../../src/store/kvLayout.ts";
import { publishedVersion } from "../../src/store/publishedVersion.ts";
import { newestEntries } from "../../src/store/scopeEntries.ts";

export type Renderers = Partial<Record<FeedFormat, (model: FeedModel) => string>>;

interface Fixture {
	input: FeedModelInput;
	model: FeedModel;
}

/** The whole-collection feed with its newest `items` articles, read from KV once per isolate. Resolved values only:
 * workerd fails a request that awaits another request's pending I/O. */
const fixtures = new Map<number, Fixture>();

async function loadInput(kv: KVNamespace, items: number): Promise<FeedModelInput> {
	const head = await kv.get<Head>(HEAD_KEY, "json");
	if (!head) throw new Error("KV has no head: sync first");
	const manifest = await kv.get<Manifest>(manifestKey(head.manifest), "json");
	if (!manifest) throw new Error(`KV has no manifest ${head.manifest}`);
	const version = publishedVersion(articleStore(kv, createArticleMemo(), Date.now), manifest);
	const whole = await version.scope("");
	const entries = whole ? newestEntries(whole.summary, { now: Date.now(), limit: items }).entries : [];
	if (entries.length < items) {
		throw new Error(`the collection has ${entries.length} articles, fewer than ${items}`);
	}
	const records = await Promise.all(
		entries.map((entry) => kv.get<ArticleRecord>(articleKey(entry.record), "json")),
	);
	return {
		manifest,
		scope: { key: "", kind: "all" },
		items: records.map((record, index) => {
			if (!record) throw new Error(`KV has no record for ${entries[index]?.id}`);
			return record;
		}),
		updated: Math.max(...entries.map((entry) => entry.modified)),
		ttlMinutes: 5,
		// As the Worker does: the runtime makes each record safe once per isolate.
		safeArticles: createSafeArticles(),
	};
}

async function fixtureFor(kv: KVNamespace, items: number): Promise<Fixture> {
	const known = fixtures.get(items);
	if (known) return known;
	const input = await loadInput(kv, items);
	const fixture = { input, model: buildFeedModel(input) };
	fixtures.set(items, fixture);
	return fixture;
}

export function renderLoopWorker(renderers: Renderers): ExportedHandler<Env> {
	return {
		async fetch(request, env) {
			const query = new URL(request.url).searchParams;
			const format = query.get("format") ?? "";
			const render = format === "model" ? undefined : renderers[format as FeedFormat];
			const items = Number(query.get("items"));
			const k = Number(query.get("k"));
			if ((!render && format !== "model") || !(items >= 1 && items <= 100) || !(k >= 0 && k <= 100_000)) {
				return new Response("want /render?format=rss|atom|json|model&items=1..100&k=0..100000", {
					status: 400,
				});
			}
			const { input, model } = await fixtureFor(env.ARTICLES, items);
			// Summing sizes keeps every result alive, so no iteration can be optimised away.
			let size = 0;
			if (render) for (let i = 0; i < k; i++) size += render(model).length;
			else for (let i = 0; i < k; i++) size += buildFeedModel(input).items.length;
			// k=0 does no work: it is the baseline (request, routing, fixture lookup) that k>0 is compared with.
			return new Response(String(k === 0 ? 0 : size / k));
		},
	};
}
