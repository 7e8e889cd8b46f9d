// The stats store behind one small interface: batches in, stored days out, all in one Durable Object.
import type { FeedStats, StoredReport } from "./feedStatsObject.ts";
import type { PollBatch } from "./pollBatch.ts";

export interface StatsStore {
	record(batch: PollBatch): Promise<void>;
	report(today: number, days: number): Promise<StoredReport>;
}

/** One object for the whole site: a few writes per second at most (isolates flush every few seconds), one place to read. */
const OBJECT_NAME = "feed-stats";

export function statsStore(namespace: DurableObjectNamespace<FeedStats>): StatsStore {
	// A fresh stub per call: a stub that saw an error may stay broken.
	const object = () => namespace.get(namespace.idFromName(OBJECT_NAME));
	return {
		record: async (batch) => {
			await object().record(batch);
		},
		report: async (today, days) => (await object().report(today, days)) as StoredReport,
	};
}

/**
 * The store for env.FEED_STATS, made once per binding by the app that owns the returned function (so a new app starts
 * with none); undefined when the Worker has no such binding.
 */
export function feedStatsStores(): (env: Env) => StatsStore | undefined {
	const stores = new WeakMap<object, StatsStore>();
	return (env) => {
		const namespace: DurableObjectNamespace<FeedStats> | undefined = (env as Partial<Env>).FEED_STATS;
		if (!namespace) return undefined;
		let store = stores.get(namespace);
		if (!store) {
			store = statsStore(namespace);
			stores.set(namespace, store);
		}
		return store;
	};
}
