// Validates Atom against RFC 4287's RELAX NG schema with jing (a Java tool, run on temporary files). Node only;
// the Node modules are fetched when called, so importing this (or feedValidators.ts) is harmless in workerd.

const SCHEMA = new URL("../fixtures/specs/atom-rfc4287.rnc", import.meta.url);

/** jing's complaints about `xml` against RFC 4287's schema, one per line; empty when it validates. Throws when
 * jing cannot run, so a missing tool never passes for a valid feed. */
export function validateAtomSchema(xml: string): string[] {
	return validateAtomSchemas([xml])[0] ?? [];
}

/** validateAtomSchema for several documents in one jing run: a Java start-up costs about a second each. */
export function validateAtomSchemas(documents: readonly string[]): string[][] {
	if (documents.length === 0) return [];
	const { spawnSync } = process.getBuiltinModule("node:child_process");
	const { mkdtempSync, rmSync, writeFileSync } = process.getBuiltinModule("node:fs");
	const { tmpdir } = process.getBuiltinModule("node:os");
	const { join } = process.getBuiltinModule("node:path");
	const { fileURLToPath } = process.getBuiltinModule("node:url");
	const dir = mkdtempSync(join(tmpdir(), "edgefeed-atom-"));
	const files = documents.map((_, index) => join(dir, `feed-${index}.xml`));
	try {
		for (const [index, xml] of documents.entries()) writeFileSync(files[index] as string, xml, "utf8");
		const run = spawnSync("jing", ["-c", fileURLToPath(SCHEMA), ...files], { encoding: "utf8" });
		if (run.error) throw new Error(`jing could not run: ${run.error.message}`);
		const lines = run.stdout
			.split("\n")
			.filter((line) => line.includes(": error:") || line.includes(": fatal:"));
		if (run.status !== 0 && lines.length === 0)
			throw new Error(`jing failed (exit ${run.status}): ${run.stdout}${run.stderr}`);
		return files.map((file) =>
			lines.filter((line) => line.startsWith(`${file}:`)).map((line) => line.slice(file.length + 1).trim()),
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
