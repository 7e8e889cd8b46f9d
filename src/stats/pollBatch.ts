// One isolate's polls since its last flush: a Map of counts on the request path, turned into a PollBatch off it.

import { type FeedRef, feedOfPath } from "./feedOfPath.ts";
import { type Client, classifyUserAgent } from "./userAgents.ts";

/** What a flush sends to the stats store. Addresses travel only this far: the store keeps a keyed hash. */
export interface PollBatch {
	/** Requests per feed and day; crawlers are counted apart, never as readers. */
	requests: (FeedDayRef & { readers: number; crawlers: number })[];
	/** Each service's (and feed id's) highest reported count in the batch. */
	reports: (FeedDayRef & { service: string; feedId: string; subscribers: number })[];
	/** Distinct direct pollers: address and User-Agent, hashed by the store with the day's key. */
	pollers: (FeedDayRef & { address: string; userAgent: string })[];
}

export type FeedDayRef = FeedRef & { day: number };

/** Enough distinct (feed, client) pairs for any few seconds of one isolate; beyond it polls are dropped, not queued. */
export const MAX_BATCH_KEYS = 20_000;

/** User-Agents are kept to this many characters: real ones are shorter, and a flood of 16 KB headers must not
 * make a batch (20,000 keys) outgrow the isolate's memory or the Durable Object call's size limit. */
export const MAX_USER_AGENT_LENGTH = 512;

const SEPARATOR = "\n"; // never inside a header value or a routed path

export class PollCounts {
	readonly counts = new Map<string, number>();
	dropped = 0;

	/** The request path's whole cost: one string and one Map update. */
	add(day: number, path: string, userAgent: string, address: string): void {
		const agent =
			userAgent.length > MAX_USER_AGENT_LENGTH ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : userAgent;
		const key = `${day}${SEPARATOR}${path}${SEPARATOR}${agent}${SEPARATOR}${address}`;
		const count = this.counts.get(key);
		if (count !== undefined) this.counts.set(key, count + 1);
		else if (this.counts.size < MAX_BATCH_KEYS) this.counts.set(key, 1);
		else this.dropped++;
	}

	get size(): number {
		return this.counts.size;
	}

	/** Classifies every client once and aggregates per feed and day. */
	toBatch(): PollBatch {
		const requests = new Map<string, PollBatch["requests"][number]>();
		const reports = new Map<string, PollBatch["reports"][number]>();
		const pollers = new Map<string, PollBatch["pollers"][number]>();
		const feeds = new Map<string, FeedRef | undefined>();
		const clients = new Map<string, Client>();
		for (const [key, count] of this.counts) {
			const [dayText = "", path = "", userAgent = "", address = ""] = key.split(SEPARATOR);
			const day = Number(dayText);
			let feed = feeds.get(path);
			if (!feeds.has(path)) {
				feed = feedOfPath(path);
				feeds.set(path, feed);
			}
			if (!feed) continue;
			let client = clients.get(userAgent);
			if (!client) {
				client = classifyUserAgent(userAgent);
				clients.set(userAgent, client);
			}
			const feedDay = `${day}${SEPARATOR}${feed.scope}${SEPARATOR}${feed.format}`;
			let total = requests.get(feedDay);
			if (!total) {
				total = { day, ...feed, readers: 0, crawlers: 0 };
				requests.set(feedDay, total);
			}
			if (client.kind === "crawler") {
				total.crawlers += count;
				continue;
			}
			total.readers += count;
			if (client.kind === "service") {
				const reportKey = `${feedDay}${SEPARATOR}${client.service}${SEPARATOR}${client.feedId}`;
				const known = reports.get(reportKey);
				if (!known || known.subscribers < client.subscribers)
					reports.set(reportKey, {
						day,
						...feed,
						service: client.service,
						feedId: client.feedId,
						subscribers: client.subscribers,
					});
			} else {
				const pollerKey = `${feedDay}${SEPARATOR}${userAgent}${SEPARATOR}${address}`;
				if (!pollers.has(pollerKey)) pollers.set(pollerKey, { day, ...feed, address, userAgent });
			}
		}
		return {
			requests: [...requests.values()],
			reports: [...reports.values()],
			pollers: [...pollers.values()],
		};
	}
}
