// Resources a test file's helpers share between its tests (a Miniflare instance, say), closed once the file is done.
// nodeSetup.ts closes them after every file; helpers register what they open here.

const closers = new Set<() => Promise<void>>();

/** Runs `close` once the current test file has finished. */
export function closeAfterFile(close: () => Promise<void>): void {
	closers.add(close);
}

export async function closeFileResources(): Promise<void> {
	const pending = [...closers];
	closers.clear();
	await Promise.all(pending.map((close) => close()));
}
