// The numbers /stats, /stats.json and `npm run stats` show: per feed, today's estimate, 7- and 30-day averages, by source.

import { type FeedRef, pathOfFeed } from "./feedOfPath.ts";
import type { FeedDayRow, StoredReport } from "./feedStatsObject.ts";
import { dayDate } from "./utcDay.ts";

export const CHART_DAYS = 30;
/** Readers polling the feed themselves, one per address and User-Agent. */
export const DIRECT = "direct pollers";

export interface Figures {
	today: number;
	average7: number;
	average30: number;
}

export interface FeedSummary extends Figures {
	path: string;
	/** Each service, then direct pollers, with the same three figures. */
	sources: (Figures & { name: string })[];
	/** The last CHART_DAYS days' estimates, oldest first, today last. */
	daily: { date: string; estimate: number }[];
	/** Today's requests, and how many of them came from crawlers and link checkers. */
	requestsToday: number;
	crawlerRequestsToday: number;
}

export interface StatsSummary {
	/** UTC date of "today". */
	today: string;
	feeds: FeedSummary[];
}

/** The estimate for one feed and day: each service's count (summed over its feed ids) plus distinct direct pollers. */
export const estimate = (row: FeedDayRow): number =>
	Object.values(row.services).reduce((sum, count) => sum + count, row.pollers);

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Averages cover the window's days since the feed was first counted, today included, so a new feed (or a new
 * install) is not averaged with days before it was counted. Days without polls count as 0.
 */
function figures(byDay: Map<number, number>, today: number, firstDay: number): Figures {
	const average = (days: number): number => {
		const from = Math.max(today - days + 1, firstDay);
		let sum = 0;
		for (let day = from; day <= today; day++) sum += byDay.get(day) ?? 0;
		return round1(sum / (today - from + 1));
	};
	return { today: byDay.get(today) ?? 0, average7: average(7), average30: average(CHART_DAYS) };
}

export function summarise(stored: StoredReport, today: number): StatsSummary {
	const feeds = new Map<string, { ref: FeedRef; rows: FeedDayRow[] }>();
	for (const row of stored.days) {
		const key = `${row.scope}\n${row.format}`;
		let feed = feeds.get(key);
		if (!feed) {
			feed = { ref: { scope: row.scope, format: row.format } as FeedRef, rows: [] };
			feeds.set(key, feed);
		}
		feed.rows.push(row);
	}
	const summaries = [...feeds.entries()].map(([key, { ref, rows }]): FeedSummary => {
		const firstDay = Math.min(stored.firstDays[key] ?? today, ...rows.map((row) => row.day));
		const total = new Map(rows.map((row) => [row.day, estimate(row)]));
		const names = [...new Set(rows.flatMap((row) => Object.keys(row.services)))].sort();
		const sources = [
			...names.map((name) => ({
				name,
				...figures(new Map(rows.map((row) => [row.day, row.services[name] ?? 0])), today, firstDay),
			})),
			{ name: DIRECT, ...figures(new Map(rows.map((row) => [row.day, row.pollers])), today, firstDay) },
		];
		const todayRow = rows.find((row) => row.day === today);
		return {
			path: pathOfFeed(ref),
			...figures(total, today, firstDay),
			sources,
			daily: Array.from({ length: CHART_DAYS }, (_, i) => {
				const day = today - CHART_DAYS + 1 + i;
				return { date: dayDate(day), estimate: total.get(day) ?? 0 };
			}),
			requestsToday: todayRow?.requests ?? 0,
			crawlerRequestsToday: todayRow?.crawlerRequests ?? 0,
		};
	});
	summaries.sort((a, b) => b.today - a.today || b.average30 - a.average30 || a.path.localeCompare(b.path));
	return { today: dayDate(today), feeds: summaries };
}
