// Validates Atom against RFC 4287's RELAX NG schema with jing (a Java tool, run on a temporary file).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SCHEMA = fileURLToPath(new URL("../fixtures/specs/atom-rfc4287.rnc", import.meta.url));

/** jing's complaints about `xml` against RFC 4287's schema, one per line; empty when it validates. Throws when
 * jing cannot run, so a missing tool never passes for a valid feed. */
export function validateAtomSchema(xml: string): string[] {
	const dir = mkdtempSync(join(tmpdir(), "edgefeed-atom-"));
	const file = join(dir, "feed.xml");
	try {
		writeFileSync(file, xml, "utf8");
		const run = spawnSync("jing", ["-c", SCHEMA, file], { encoding: "utf8" });
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
