// Turns SIGINT and SIGTERM into an ordinary exit with the shell's codes (130, 143), so exit handlers run (Node's
// default for these signals ends the process without them, leaving a sync's temporary files behind). What must
// finish first (the sync lease's release) gets a few seconds; a second signal ends the process at once.
import { runSignalCleanups } from "./shared/signalCleanups.ts";

const CLEANUP_MS = 5_000;

export function endOnSignals(): void {
	for (const [signal, code] of [
		["SIGINT", 130],
		["SIGTERM", 143],
	] as const)
		process.once(signal, () => {
			void runSignalCleanups(CLEANUP_MS).finally(() => process.exit(code));
		});
}
