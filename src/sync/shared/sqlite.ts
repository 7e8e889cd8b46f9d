// node:sqlite for the sync's own files (the render cache, the run's temporary databases), loaded once and
// without its ExperimentalWarning.
import type { DatabaseSync, StatementSync } from "node:sqlite";

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

/** Prepares each SQL text once per database: the statements a loop runs again and again. */
export function statementCache(db: DatabaseSync): (text: string) => StatementSync {
	const statements = new Map<string, StatementSync>();
	return (text) => {
		let statement = statements.get(text);
		if (!statement) {
			statement = db.prepare(text);
			statements.set(text, statement);
		}
		return statement;
	};
}
