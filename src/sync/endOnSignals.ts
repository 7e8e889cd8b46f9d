// Turns SIGINT and SIGTERM into an ordinary exit with the shell's codes (130, 143), so exit handlers run (Node's
// default for these signals ends the process without them, leaving a sync's temporary files behind).
export function endOnSignals(): void {
	process.once("SIGINT", () => process.exit(130));
	process.once("SIGTERM", () => process.exit(143));
}
