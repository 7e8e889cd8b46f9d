// Bench-only Worker: calls the app's fetch (src/index.ts's createApp, counting off) or the ceiling's K times in one
// request, with each answer's body cancelled, so bench/handlerCost.ts can time one hot answer's work inside the
// isolate from outside. GET /?who=setup&path=/rss.xml gives the ceiling the app's own 200 and 304 for the path (as
// the bench does); GET /?who=app|ceiling&path=/rss.xml&conditional=1&k=1000 -> the last status.

import { createApp } from "../../src/index.ts";
import { CEILING_HEADERS } from "../ceilingProtocol.ts";
import ceiling from "./ceiling.ts";

export { FeedStats } from "../../src/index.ts";

const app = createApp();

export default {
	async fetch(request, env, ctx): Promise<Response> {
		const query = new URL(request.url).searchParams;
		const url = `http://localhost${query.get("path") ?? "/rss.xml"}`;
		const first = await app.fetch(new Request(url), env, ctx);
		const body = await first.arrayBuffer();
		const etag = first.headers.get("etag") ?? "";
		if (query.get("who") === "setup") {
			const notModified = await app.fetch(new Request(url, { headers: { "if-none-match": etag } }), env, ctx);
			const lists = { ok: [...first.headers], notModified: [...notModified.headers] };
			return ceiling.fetch(
				new Request(url, { method: "PUT", body, headers: { [CEILING_HEADERS]: JSON.stringify(lists) } }),
			);
		}
		const answer =
			query.get("who") === "ceiling"
				? (r: Request) => ceiling.fetch(r)
				: (r: Request) => app.fetch(r, env, ctx) as Promise<Response>;
		const hot = new Request(
			url,
			query.get("conditional") === "1" ? { headers: { "if-none-match": etag } } : {},
		);
		let status = 0;
		for (let i = 0; i < Number(query.get("k") ?? "0"); i++) {
			const response = await answer(hot);
			status = response.status;
			await response.body?.cancel();
		}
		return new Response(String(status));
	},
} satisfies ExportedHandler<Env>;
