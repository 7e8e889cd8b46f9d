// /stats (HTML) and /stats.json: the subscriber counts, behind the STATS_TOKEN secret (off without one).
import { type Context, Hono } from "hono";
import { presentedToken, tokenMatches } from "../http/accessToken.ts";
import { NO_STORE } from "../http/cachePolicy.ts";
import { requestUrl } from "../http/requestUrl.ts";
import { notFound, serviceUnavailable, unauthorized } from "../http/responses.ts";
import { HTML_TYPE } from "../pages/pageLayout.ts";
import { renderStatsPage, STATS_PAGE_HEADERS } from "../pages/statsPage.ts";
import type { StatsStore } from "../stats/statsStore.ts";
import { CHART_DAYS, type StatsSummary, summarise } from "../stats/statsSummary.ts";
import { utcDay } from "../stats/utcDay.ts";
import type { AppEnv } from "./viewRuntime.ts";

export interface StatsRoutesOptions {
	now: () => number;
	store: (env: Env) => StatsStore | undefined;
}

export function statsRoutes(options: StatsRoutesOptions): Hono<AppEnv> {
	const routes = new Hono<AppEnv>();

	/** The summary, or the response that replaces it: 404 when stats are off, 401 for a missing or wrong token,
	 * 503 when the store cannot be read. */
	async function authorised(c: Context<AppEnv>): Promise<StatsSummary | Response> {
		const secret = (c.env as { STATS_TOKEN?: string }).STATS_TOKEN;
		const store = options.store(c.env);
		if (!secret || !store) return notFound(NO_STORE);
		const token = presentedToken(c.req.raw, requestUrl(c.req.url).query);
		if (token === undefined || !(await tokenMatches(token, secret))) return unauthorized();
		const today = utcDay(options.now());
		try {
			return summarise(await store.report(today, CHART_DAYS), today);
		} catch (error) {
			console.error("edgefeed: stats store unavailable:", error);
			return serviceUnavailable("The stats store cannot be read right now. Retry later.");
		}
	}

	routes.get("/stats", async (c) => {
		const summary = await authorised(c);
		if (summary instanceof Response) return summary;
		return new Response(renderStatsPage(summary), {
			headers: { ...STATS_PAGE_HEADERS, "Content-Type": HTML_TYPE, "X-Content-Type-Options": "nosniff" },
		});
	});

	routes.get("/stats.json", async (c) => {
		const summary = await authorised(c);
		if (summary instanceof Response) return summary;
		return new Response(JSON.stringify(summary), {
			headers: {
				"Content-Type": "application/json; charset=utf-8",
				"Cache-Control": NO_STORE,
				"X-Content-Type-Options": "nosniff",
			},
		});
	});

	return routes;
}
