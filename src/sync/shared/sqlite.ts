// node:sqlite for the sync's own files (the render cache, the values a version waits to write), loaded once and
// without its ExperimentalWarning.
let sqlite: typeof import("node:sqlite") | undefined;

/** node:sqlite, loaded without its ExperimentalWarning: the module is stable enough for a cache that is rebuilt at
 * the first sign of trouble, and the warning would only alarm whoever reads sync's output. */
export async function loadSqlite(): Promise<typeof import("node:sqlite")> {
	if (sqlite) return sqlite;
	const emitWarning = process.emitWarning;
	process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
		const text = typeof warning === "string" ? warning : warning.message;
		if (/SQLite is an experimental feature/.test(text)) return;
		(emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
	}) as typeof process.emitWarning;
	try {
		sqlite = await import("node:sqlite");
	} finally {
		process.emitWarning = emitWarning;
	}
	return sqlite;
}
