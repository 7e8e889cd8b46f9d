// Batching: polls within the flush interval become one write; a failed write loses only its own batch.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PollBatch } from "../../src/stats/pollBatch.ts";
import { createPollRecorder, type PollSink } from "../../src/stats/pollRecorder.ts";
import { AGGREGATORS, READERS } from "./userAgentSamples.ts";

const NOW = Date.parse("2026-03-10T12:00:00Z");

function recordingSink(failFirst = false): PollSink & { batches: PollBatch[] } {
	let calls = 0;
	const batches: PollBatch[] = [];
	return {
		batches,
		async record(batch) {
			calls++;
			if (failFirst && calls === 1) throw new Error("store down");
			batches.push(batch);
		},
	};
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe("createPollRecorder", () => {
	it("writes all polls of one interval in one batch, started by the first poll", async () => {
		const sink = recordingSink();
		const recorder = createPollRecorder({ now: () => NOW, flushIntervalMs: 5_000, writeTimeoutMs: 10_000 });
		const flush = recorder.record("/rss.xml", READERS.miniflux, "192.0.2.1", sink);
		expect(flush).toBeInstanceOf(Promise);
		for (let i = 0; i < 50; i++)
			expect(recorder.record("/rss.xml", READERS.miniflux, `192.0.2.${i % 5}`, sink)).toBeUndefined();
		recorder.record("/atom.xml", AGGREGATORS.feedly, "198.51.100.1", sink);
		expect(sink.batches).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(5_000);
		await flush;
		expect(sink.batches).toHaveLength(1);
		const [batch] = sink.batches;
		expect(batch?.pollers).toHaveLength(5);
		expect(batch?.requests.find((row) => row.format === "rss")?.readers).toBe(51);
		expect(batch?.reports).toEqual([
			{ day: 20522, scope: "", format: "atom", service: "Feedly", feedId: "", subscribers: 462 },
		]);
		// The next poll opens the next batch.
		expect(recorder.record("/rss.xml", READERS.miniflux, "192.0.2.1", sink)).toBeInstanceOf(Promise);
	});

	it("keeps a bounded prefix of an oversized User-Agent, still read as what it says", async () => {
		const sink = recordingSink();
		const recorder = createPollRecorder({ now: () => NOW, flushIntervalMs: 1_000, writeTimeoutMs: 10_000 });
		const padding = " x".repeat(8_000);
		const flush = recorder.record("/rss.xml", `${READERS.miniflux}${padding}`, "192.0.2.1", sink);
		recorder.record("/rss.xml", `${READERS.miniflux}${padding}`, "192.0.2.1", sink);
		recorder.record("/atom.xml", `${AGGREGATORS.feedly}${padding}`, "198.51.100.1", sink);
		await vi.advanceTimersByTimeAsync(1_000);
		await flush;
		const [batch] = sink.batches;
		const agents = batch?.pollers.map((poller) => poller.userAgent) ?? [];
		expect(agents).toHaveLength(1);
		expect(agents[0]?.length).toBe(512);
		expect((READERS.miniflux + padding).startsWith(agents[0] ?? "x")).toBe(true);
		expect(batch?.requests.find((row) => row.format === "rss")?.readers).toBe(2);
		expect(batch?.reports.map((report) => [report.service, report.subscribers])).toEqual([["Feedly", 462]]);
	});

	it("loses only the batch whose write failed", async () => {
		const sink = recordingSink(true);
		const errors: unknown[] = [];
		const recorder = createPollRecorder({
			now: () => NOW,
			flushIntervalMs: 1_000,
			writeTimeoutMs: 10_000,
			onError: (error) => errors.push(error),
		});
		const first = recorder.record("/rss.xml", READERS.miniflux, "192.0.2.1", sink);
		await vi.advanceTimersByTimeAsync(1_000);
		await first;
		const second = recorder.record("/rss.xml", READERS.netNewsWire, "192.0.2.2", sink);
		await vi.advanceTimersByTimeAsync(1_000);
		await second;
		expect(errors).toHaveLength(1);
		expect(sink.batches).toHaveLength(1);
		expect(sink.batches[0]?.pollers.map((poller) => poller.userAgent)).toEqual([READERS.netNewsWire]);
	});

	it("gives up on a write that never settles, so the next batch still goes", async () => {
		const errors: unknown[] = [];
		let calls = 0;
		const sink: PollSink = {
			record: () => (++calls === 1 ? new Promise(() => {}) : Promise.resolve()),
		};
		const recorder = createPollRecorder({
			now: () => NOW,
			flushIntervalMs: 1_000,
			writeTimeoutMs: 3_000,
			onError: (error) => errors.push(error),
		});
		const first = recorder.record("/rss.xml", READERS.miniflux, "192.0.2.1", sink);
		await vi.advanceTimersByTimeAsync(1_000);
		const second = recorder.record("/rss.xml", READERS.miniflux, "192.0.2.1", sink);
		await vi.advanceTimersByTimeAsync(3_000);
		await Promise.all([first, second]);
		expect(calls).toBe(2);
		expect(errors).toHaveLength(1);
	});
});
