// Progress on stderr for long syncs: count, rate and ETA, redrawn in place on a terminal, throttled lines otherwise.

export interface ProgressDisplay {
	/** Reports `done` of `total` for a phase ("Rendering", "Writing"); a new label starts a new line and clock. */
	update(label: string, done: number, total: number): void;
}

export interface ProgressStream {
	write(text: string): unknown;
	isTTY?: boolean;
}

const numbers = new Intl.NumberFormat("en-US");

export function progressDisplay(
	stream: ProgressStream,
	now: () => number = () => performance.now(),
): ProgressDisplay {
	const interval = stream.isTTY ? 100 : 2000;
	let label = "";
	let started = 0;
	let lastDrawn = Number.NEGATIVE_INFINITY;
	return {
		update(nextLabel, done, total) {
			const time = now();
			if (nextLabel !== label) {
				label = nextLabel;
				started = time;
				lastDrawn = Number.NEGATIVE_INFINITY;
			}
			const finished = done >= total;
			if (!finished && time - lastDrawn < interval) return;
			lastDrawn = time;
			const seconds = (time - started) / 1000;
			const rate = seconds > 0 ? done / seconds : 0;
			const eta = rate > 0 ? Math.ceil((total - done) / rate) : null;
			const line =
				`${label} ${numbers.format(done)}/${numbers.format(total)}` +
				(rate > 0 ? `  ${numbers.format(Math.round(rate))}/s` : "") +
				(finished ? `  done in ${seconds.toFixed(1)}s` : eta === null ? "" : `  ETA ${formatDuration(eta)}`);
			stream.write(stream.isTTY ? `\r\x1b[2K${line}${finished ? "\n" : ""}` : `${line}\n`);
		},
	};
}

function formatDuration(seconds: number): string {
	return seconds < 60
		? `${seconds}s`
		: `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}
