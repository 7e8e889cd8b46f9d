// Batches feed polls in the isolate and writes them to the stats store in the background, at most once per interval.
import { type PollBatch, PollCounts } from "./pollBatch.ts";
import { utcDay } from "./utcDay.ts";

/** Where batches go: the stats store, or a test's stand-in. */
export interface PollSink {
	record(batch: PollBatch): Promise<void>;
}

export interface PollRecorderOptions {
	/** Epoch ms. */
	now: () => number;
	/** The least time between two flushes of one isolate. */
	flushIntervalMs: number;
	/** A write that has not settled by then counts as failed: its batch is let go. */
	writeTimeoutMs: number;
	/** Told about a batch that could not be written (it is lost; the next batch is not). */
	onError?: (error: unknown) => void;
}

export interface PollRecorder {
	/** Counts one poll. Returns a flush to hand to waitUntil when this poll opened a batch, else undefined. */
	record(path: string, userAgent: string, address: string, sink: PollSink): Promise<void> | undefined;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createPollRecorder(options: PollRecorderOptions): PollRecorder {
	const onError = options.onError ?? ((error) => console.error("edgefeed: stats batch not written:", error));
	let counts = new PollCounts();

	async function write(sink: PollSink, batch: PollCounts): Promise<void> {
		if (batch.dropped > 0) onError(new Error(`${batch.dropped} polls over the batch limit were not counted`));
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(
				() => reject(new Error("the stats store did not answer in time")),
				options.writeTimeoutMs,
			);
		});
		try {
			await Promise.race([sink.record(batch.toBatch()), timeout]);
		} finally {
			if (timer !== undefined) clearTimeout(timer);
		}
	}

	async function flushLater(sink: PollSink): Promise<void> {
		if (options.flushIntervalMs > 0) await wait(options.flushIntervalMs);
		// Take the batch first: polls arriving during the write start the next one.
		const batch = counts;
		counts = new PollCounts();
		await write(sink, batch).catch(onError);
	}

	return {
		record(path, userAgent, address, sink) {
			const opens = counts.size === 0;
			counts.add(utcDay(options.now()), path, userAgent, address);
			return opens ? flushLater(sink) : undefined;
		},
	};
}
