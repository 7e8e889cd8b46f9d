// Sets every file under a directory to an hour old: sync trusts an unchanged file's stamp only once it is older than
// the clock's granularity, so tests age their content to see unchanged files skipped.
import { readdir, utimes } from "node:fs/promises";
import path from "node:path";

export async function ageFiles(dir: string, ageMs = 3_600_000): Promise<void> {
	const when = new Date(Date.now() - ageMs);
	for (const name of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (name.isFile()) await utimes(path.join(name.parentPath, name.name), when, when);
	}
}
