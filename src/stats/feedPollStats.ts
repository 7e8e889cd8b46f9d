// Middleware: counts every feed answer (200 or 304) for the stats, without ever waiting for the stats store.
import type { MiddlewareHandler } from "hono";
import { isFeedFile } from "../urls/urlScheme.ts";
import type { PollRecorder, PollSink } from "./pollRecorder.ts";

export interface FeedPollStatsOptions {
	recorder: PollRecorder;
	/** The store for this request's bindings; undefined turns counting off. */
	sink: (env: Env) => PollSink | undefined;
}

export function feedPollStats(options: FeedPollStatsOptions): MiddlewareHandler<{ Bindings: Env }> {
	return async function feedPollStats(c, next) {
		await next();
		const status = c.res.status;
		if ((status !== 200 && status !== 304) || !isFeedFile(c.req.path)) return;
		const sink = options.sink(c.env);
		if (!sink) return;
		const headers = c.req.raw.headers;
		const flush = options.recorder.record(
			c.req.path,
			headers.get("user-agent") ?? "",
			headers.get("cf-connecting-ip") ?? "",
			sink,
		);
		if (!flush) return;
		try {
			c.executionCtx.waitUntil(flush);
		} catch {
			// No execution context (app.fetch called without one): the flush simply runs unawaited.
		}
	};
}
