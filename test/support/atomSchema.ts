// Validates Atom against RFC 4287's RELAX NG schema with jing (a Java tool, run on a temporary file). Node only;
// the Node modules are fetched when called, so importing this (or feedValidators.ts) is harmless in workerd.

const SCHEMA = new URL("../fixtures/specs/atom-rfc4287.rnc", import.meta.url);

/** jing's complaints about `xml` against RFC 4287's schema, one per line; empty when it validates. Throws when
 * jing cannot run, so a missing tool never passes for a valid feed. */
export function validateAtomSchema(xml: string): string[] {
	const { spawnSync } = process.getBuiltinModule("node:child_process");
	const { mkdtempSync, rmSync, writeFileSync } = process.getBuiltinModule("node:fs");
	const { tmpdir } = process.getBuiltinModule("node:os");
	const { join } = process.getBuiltinModule("node:path");
	const { fileURLToPath } = process.getBuiltinModule("node:url");
	const dir = mkdtempSync(join(tmpdir(), "edgefeed-atom-"));
	const file = join(dir, "feed.xml");
	try {
		writeFileSync(file, xml, "utf8");
		const run = spawnSync("jing", ["-c", fileURLToPath(SCHEMA), file], { encoding: "utf8" });
		if (run.error) throw new Error(`jing could not run: ${run.error.message}`);
		const errors = run.stdout
			.split("\n")
			.filter((line) => line.includes(": error:") || line.includes(": fatal:"))
			.map((line) => line.replace(`${file}:`, "").trim());
		if (run.status !== 0 && errors.length === 0)
			throw new Error(`jing failed (exit ${run.status}): ${run.stdout}${run.stderr}`);
		return errors;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
