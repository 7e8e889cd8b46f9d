// Bench-only: a Worker that renders one feed model K times per request, so render CPU can be timed from outside
// (workerd's clocks stand still while JavaScript runs). GET /render?format=rss&items=20&k=100 -> bytes rendered.
import { buildFeedModel } from "../../src/feed/buildFeedModel.ts";
import type { FeedFormat, FeedModel } from "../../src/feed/feedModel.ts";
import {
	type ArticleRecord,
	articleKey,
	HEAD_KEY,
	type Head,
	type Manifest,
	manifestKey,
} from "../../src/store/kvLayout.ts";

export type Renderers = Partial<Record<FeedFormat, (model: FeedModel) => string>>;

/** The real model of the whole-collection feed with its newest `items` articles, read from KV once per isolate. */
const models = new Map<number, Promise<FeedModel>>();

async function loadModel(kv: KVNamespace, items: number): Promise<FeedModel> {
	const head = await kv.get<Head>(HEAD_KEY, "json");
	if (!head) throw new Error("KV has no head: sync first");
	const manifest = await kv.get<Manifest>(manifestKey(head.manifest), "json");
	if (!manifest) throw new Error(`KV has no manifest ${head.manifest}`);
	const entries = manifest.articles.slice(0, items);
	if (entries.length < items)
		throw new Error(`the collection has ${entries.length} articles, fewer than ${items}`);
	const records = await Promise.all(
		entries.map((entry) => kv.get<ArticleRecord>(articleKey(entry.record), "json")),
	);
	return buildFeedModel({
		manifest,
		scope: { key: "", kind: "all" },
		items: records.map((record, index) => {
			if (!record) throw new Error(`KV has no record for ${entries[index]?.id}`);
			return record;
		}),
		updated: Math.max(...entries.map((entry) => entry.modified)),
		ttlMinutes: 5,
	});
}

function modelFor(kv: KVNamespace, items: number): Promise<FeedModel> {
	let model = models.get(items);
	if (!model) {
		model = loadModel(kv, items);
		models.set(items, model);
	}
	return model;
}

export function renderLoopWorker(renderers: Renderers): ExportedHandler<Env> {
	return {
		async fetch(request, env) {
			const query = new URL(request.url).searchParams;
			const format = query.get("format") as FeedFormat;
			const render = renderers[format];
			const items = Number(query.get("items"));
			const k = Number(query.get("k"));
			if (!render || !(items >= 1 && items <= 100) || !(k >= 0 && k <= 100_000)) {
				return new Response("want /render?format=rss|atom|json&items=1..100&k=0..100000", { status: 400 });
			}
			const model = await modelFor(env.ARTICLES, items);
			// Summing lengths keeps every render's result alive, so no iteration can be optimised away.
			let bytes = 0;
			for (let i = 0; i < k; i++) bytes += render(model).length;
			// k=0 renders nothing: it is the baseline (request, routing, model lookup) that k>0 is compared with.
			return new Response(String(k === 0 ? 0 : bytes / k));
		},
	};
}
