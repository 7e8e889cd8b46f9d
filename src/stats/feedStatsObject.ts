// The stats store: one SQLite-backed Durable Object holding daily counts per feed, kept RETENTION_DAYS days.
import { DurableObject } from "cloudflare:workers";
import type { PollBatch } from "./pollBatch.ts";
import { dayStart, utcDay } from "./utcDay.ts";

export const RETENTION_DAYS = 400;

/** One feed on one day, as stored: requests, crawler requests, distinct pollers, and each service's count. */
export interface FeedDayRow {
	day: number;
	scope: string;
	format: string;
	requests: number;
	crawlerRequests: number;
	pollers: number;
	/** Service -> the sum over its feed ids of each one's highest reported count that day. */
	services: Record<string, number>;
}

export interface StoredReport {
	days: FeedDayRow[];
	/** "scope\nformat" -> the first day the feed was ever counted (within retention). */
	firstDays: Record<string, number>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS feed_requests (
	day INTEGER NOT NULL, scope TEXT NOT NULL, format TEXT NOT NULL,
	requests INTEGER NOT NULL, crawler_requests INTEGER NOT NULL,
	PRIMARY KEY (day, scope, format)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS service_reports (
	day INTEGER NOT NULL, scope TEXT NOT NULL, format TEXT NOT NULL,
	service TEXT NOT NULL, feed_id TEXT NOT NULL, subscribers INTEGER NOT NULL,
	PRIMARY KEY (day, scope, format, service, feed_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pollers (
	day INTEGER NOT NULL, scope TEXT NOT NULL, format TEXT NOT NULL, poller TEXT NOT NULL,
	PRIMARY KEY (day, scope, format, poller)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS day_keys (day INTEGER PRIMARY KEY, secret BLOB NOT NULL);
`;

const encoder = new TextEncoder();

const hex = (bytes: ArrayBuffer): string =>
	Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");

export class FeedStats extends DurableObject<Env> {
	private readonly sql: SqlStorage;
	private readonly dayKeys = new Map<number, CryptoKey>();
	private alarmSet = false;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		this.sql = ctx.storage.sql;
		this.sql.exec(SCHEMA);
	}

	/** The day's HMAC key: random, made on the day's first poll, deleted the day after (see prune). */
	private async dayKey(day: number): Promise<CryptoKey> {
		const known = this.dayKeys.get(day);
		if (known) return known;
		let secret = this.sql
			.exec<{ secret: ArrayBuffer }>("SELECT secret FROM day_keys WHERE day = ?", day)
			.toArray()[0]?.secret;
		if (!secret) {
			secret = crypto.getRandomValues(new Uint8Array(32)).buffer as ArrayBuffer;
			this.sql.exec("INSERT OR IGNORE INTO day_keys (day, secret) VALUES (?, ?)", day, secret);
		}
		const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, [
			"sign",
		]);
		this.dayKeys.set(day, key);
		return key;
	}

	/** A poller's identity for one day: HMAC of address and User-Agent, truncated to 128 bits. */
	private async pollerHash(day: number, address: string, userAgent: string): Promise<string> {
		const mac = await crypto.subtle.sign(
			"HMAC",
			await this.dayKey(day),
			encoder.encode(`${address}\n${userAgent}`),
		);
		return hex(mac.slice(0, 16));
	}

	async record(batch: PollBatch): Promise<void> {
		const pollers = await Promise.all(
			batch.pollers.map(async (poller) => ({
				...poller,
				hash: await this.pollerHash(poller.day, poller.address, poller.userAgent),
			})),
		);
		this.ctx.storage.transactionSync(() => {
			for (const row of batch.requests)
				this.sql.exec(
					`INSERT INTO feed_requests (day, scope, format, requests, crawler_requests) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT DO UPDATE SET requests = requests + excluded.requests,
						crawler_requests = crawler_requests + excluded.crawler_requests`,
					row.day,
					row.scope,
					row.format,
					row.readers + row.crawlers,
					row.crawlers,
				);
			for (const row of batch.reports)
				this.sql.exec(
					`INSERT INTO service_reports (day, scope, format, service, feed_id, subscribers) VALUES (?, ?, ?, ?, ?, ?)
					ON CONFLICT DO UPDATE SET subscribers = excluded.subscribers WHERE excluded.subscribers > subscribers`,
					row.day,
					row.scope,
					row.format,
					row.service,
					row.feedId,
					row.subscribers,
				);
			for (const row of pollers)
				this.sql.exec(
					"INSERT OR IGNORE INTO pollers (day, scope, format, poller) VALUES (?, ?, ?, ?)",
					row.day,
					row.scope,
					row.format,
					row.hash,
				);
		});
		await this.ensureAlarm();
	}

	/** Every feed's days in (today - days, today], and when each feed was first counted. */
	report(today: number, days: number): StoredReport {
		const from = today - days + 1;
		const rows = new Map<string, FeedDayRow>();
		const rowOf = (day: number, scope: string, format: string): FeedDayRow => {
			const key = `${day}\n${scope}\n${format}`;
			let row = rows.get(key);
			if (!row) {
				row = { day, scope, format, requests: 0, crawlerRequests: 0, pollers: 0, services: {} };
				rows.set(key, row);
			}
			return row;
		};
		const range = "WHERE day BETWEEN ? AND ?";
		for (const r of this.sql.exec<{
			day: number;
			scope: string;
			format: string;
			requests: number;
			crawlers: number;
		}>(
			`SELECT day, scope, format, requests, crawler_requests AS crawlers FROM feed_requests ${range}`,
			from,
			today,
		)) {
			const row = rowOf(r.day, r.scope, r.format);
			row.requests = r.requests;
			row.crawlerRequests = r.crawlers;
		}
		for (const r of this.sql.exec<{ day: number; scope: string; format: string; pollers: number }>(
			`SELECT day, scope, format, COUNT(*) AS pollers FROM pollers ${range} GROUP BY day, scope, format`,
			from,
			today,
		))
			rowOf(r.day, r.scope, r.format).pollers = r.pollers;
		for (const r of this.sql.exec<{
			day: number;
			scope: string;
			format: string;
			service: string;
			subscribers: number;
		}>(
			`SELECT day, scope, format, service, SUM(subscribers) AS subscribers FROM service_reports ${range}
			GROUP BY day, scope, format, service`,
			from,
			today,
		))
			rowOf(r.day, r.scope, r.format).services[r.service] = r.subscribers;
		const firstDays: Record<string, number> = {};
		for (const r of this.sql.exec<{ scope: string; format: string; first: number }>(
			"SELECT scope, format, MIN(day) AS first FROM feed_requests GROUP BY scope, format",
		))
			firstDays[`${r.scope}\n${r.format}`] = r.first;
		return { days: [...rows.values()], firstDays };
	}

	/** Deletes counts older than RETENTION_DAYS and every day key older than yesterday's. */
	prune(today: number): void {
		const oldest = today - RETENTION_DAYS + 1;
		for (const table of ["feed_requests", "service_reports", "pollers"])
			this.sql.exec(`DELETE FROM ${table} WHERE day < ?`, oldest);
		this.sql.exec("DELETE FROM day_keys WHERE day < ?", today - 1);
		for (const day of this.dayKeys.keys()) if (day < today - 1) this.dayKeys.delete(day);
	}

	override async alarm(): Promise<void> {
		this.prune(utcDay(Date.now()));
		this.alarmSet = false;
		await this.ensureAlarm();
	}

	/** Pruning runs daily, just after midnight UTC, as long as polls keep coming. */
	private async ensureAlarm(): Promise<void> {
		if (this.alarmSet) return;
		if ((await this.ctx.storage.getAlarm()) === null)
			await this.ctx.storage.setAlarm(dayStart(utcDay(Date.now()) + 1) + 60_000);
		this.alarmSet = true;
	}
}
