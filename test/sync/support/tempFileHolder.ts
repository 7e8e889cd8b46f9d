// A process in the middle of a wrangler bulk call: it holds a bulk temporary file and prints its path, then ends
// the way argv[2] says (a signal from the test, process.exit, or a thrown error). For tempFiles.test.ts.
import { endOnSignals } from "../../../src/sync/endOnSignals.ts";
import { withJsonFile } from "../../../src/sync/publish/tempFiles.ts";

endOnSignals();
const ending = process.argv[2];
await withJsonFile([{ key: "k", value: "v" }], async (file) => {
	process.stdout.write(`${file}\n`);
	if (ending === "exit") process.exit(3);
	if (ending === "throw") throw new Error("the bulk call failed");
	// Waits for the test's signal.
	setInterval(() => undefined, 60_000);
	await new Promise(() => undefined);
});
