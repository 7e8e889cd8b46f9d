// Work to finish before a signal ends the process: a sync holding the lease removes it, so the next sync need not
// wait for it to expire. endOnSignals runs what is registered here, for a few seconds at most, then exits.
const cleanups = new Set<() => Promise<void>>();

/** Registers `cleanup` until the returned function is called. */
export function onSignal(cleanup: () => Promise<void>): () => void {
	cleanups.add(cleanup);
	return () => {
		cleanups.delete(cleanup);
	};
}

/** Runs every registered cleanup at once, giving up on them after `timeoutMs`. */
export async function runSignalCleanups(timeoutMs: number): Promise<void> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<void>((resolve) => {
		timer = setTimeout(resolve, timeoutMs);
	});
	await Promise.race([Promise.allSettled([...cleanups].map((cleanup) => cleanup())), timeout]);
	clearTimeout(timer);
}
