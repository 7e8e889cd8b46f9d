// The publishing core must run inside workerd too: no node: imports and no Node-only libraries, transitively.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const CORE = ["syncRecords.ts", "bindingKvTarget.ts"];
const NODE_ONLY = /^(node:|marked$|sanitize-html$|htmlparser2$|gray-matter$|yaml$|zod$|uuid$|parse-srcset$)/;

function imports(file: string): string[] {
	const source = readFileSync(file, "utf8");
	return [...source.matchAll(/^\s*import\s[^;]*?from\s+"([^"]+)"/gms)].map((match) => match[1] ?? "");
}

describe("runtime-agnostic sync core", () => {
	it("imports nothing Node-only, directly or through its own modules", () => {
		const seen = new Set<string>();
		const pending = CORE.map((name) => path.resolve("src/sync/publish", name));
		const offenders: string[] = [];
		while (pending.length > 0) {
			const file = pending.pop() as string;
			if (seen.has(file)) continue;
			seen.add(file);
			for (const specifier of imports(file)) {
				if (specifier.startsWith(".")) pending.push(path.resolve(path.dirname(file), specifier));
				else if (NODE_ONLY.test(specifier))
					offenders.push(`${path.relative(process.cwd(), file)} imports ${specifier}`);
			}
		}
		expect([...seen].map((f) => path.basename(f)).sort()).toEqual(
			expect.arrayContaining([
				"applySync.ts",
				"buildManifest.ts",
				"planSync.ts",
				"readKvState.ts",
				"contentHash.ts",
			]),
		);
		expect(offenders).toEqual([]);
	});
});
