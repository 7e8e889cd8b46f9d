// The progress line: count, rate and ETA; redrawn in place on a terminal, throttled full lines in logs.
import { describe, expect, it } from "vitest";
import { progressDisplay } from "../../src/sync/progressDisplay.ts";

function fakeStream(isTTY: boolean) {
	const writes: string[] = [];
	return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe("progressDisplay", () => {
	it("shows count, rate and ETA, and the total time when done", () => {
		let clock = 0;
		const { writes, stream } = fakeStream(false);
		const progress = progressDisplay(stream, () => clock);
		progress.update("Writing keys", 0, 10_000);
		clock = 4000;
		progress.update("Writing keys", 2000, 10_000);
		clock = 20_000;
		progress.update("Writing keys", 10_000, 10_000);
		expect(writes).toEqual([
			"Writing keys 0/10,000\n",
			"Writing keys 2,000/10,000  500/s  ETA 16s\n",
			"Writing keys 10,000/10,000  500/s  done in 20.0s\n",
		]);
	});

	it("throttles log lines to one every 2 s, but always prints the last", () => {
		let clock = 0;
		const { writes, stream } = fakeStream(false);
		const progress = progressDisplay(stream, () => clock);
		for (let done = 0; done <= 100; done++) {
			clock = done * 100;
			progress.update("Rendering", done, 100);
		}
		expect(writes.length).toBe(6);
		expect(writes.at(-1)).toMatch(/^Rendering 100\/100 .*done in 10\.0s\n$/);
	});

	it("redraws one line on a terminal and ends it when done", () => {
		let clock = 0;
		const { writes, stream } = fakeStream(true);
		const progress = progressDisplay(stream, () => clock);
		progress.update("Rendering", 1, 3);
		clock = 1000;
		progress.update("Rendering", 3, 3);
		expect(writes.every((w) => w.startsWith("\r\x1b[2K"))).toBe(true);
		expect(writes.at(-1)?.endsWith("\n")).toBe(true);
		expect(writes[0]?.endsWith("\n")).toBe(false);
	});
});
