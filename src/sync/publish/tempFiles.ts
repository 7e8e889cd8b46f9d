// Temporary files for wrangler's bulk commands: removed when the call ends, and when the process exits mid-call
// (an uncaught error, process.exit, or a signal that endOnSignals turns into an exit).
import { rmSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Directories created and not yet removed: what an exit in the middle of a call would leave behind. */
const live = new Set<string>();
let exitHooked = false;

function removeLive(): void {
	// An exit handler cannot wait for promises: only synchronous removal runs here.
	for (const dir of live) rmSync(dir, { recursive: true, force: true });
	live.clear();
}

/** Writes `data` as JSON into a file of its own for `use`, and removes it afterwards, whatever happens. */
export async function withJsonFile<T>(data: unknown, use: (file: string) => Promise<T>): Promise<T> {
	if (!exitHooked) {
		process.on("exit", removeLive);
		exitHooked = true;
	}
	const dir = await mkdtemp(path.join(tmpdir(), "edgefeed-kv-"));
	live.add(dir);
	try {
		const file = path.join(dir, "bulk.json");
		await writeFile(file, JSON.stringify(data));
		return await use(file);
	} finally {
		live.delete(dir);
		await rm(dir, { recursive: true, force: true });
	}
}
