// What decides one file's outcome, as one hash: the render cache's key. The inputs are the file's text, its path
// (its id, slug and the name messages give it), the site settings resolved for the target (base URL included), the
// renderer version and the versions of the libraries rendering uses. The local images an outcome looked up are not in
// the key: the outcome lists them with the sizes it saw, and the loader renders again when one differs.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { SiteSettings } from "../../domain/model.ts";
import { canonicalJson } from "../publish/contentHash.ts";
import { RENDER_LIBRARIES, RENDERER_VERSION } from "../render/rendererVersion.ts";

const LOCKFILE = new URL("../../../package-lock.json", import.meta.url);

/** SHA-256 of a text, base64url: file texts and render keys. */
export function hashOf(text: string): string {
	return createHash("sha256").update(text).digest("base64url");
}

/** The library versions the lockfile pins ("" for any it cannot tell: the key then changes when it can). */
function libraryVersions(): Record<string, string> {
	let packages: Record<string, { version?: string }> = {};
	try {
		packages = JSON.parse(readFileSync(LOCKFILE, "utf8")).packages ?? {};
	} catch {
		// No lockfile beside the sources (an unusual install): versions stay unknown.
	}
	return Object.fromEntries(
		RENDER_LIBRARIES.map((name) => [name, packages[`node_modules/${name}`]?.version ?? ""]),
	);
}

/** The part of every key that is the same for all files of one run (`renderer` is RENDERER_VERSION but in tests). */
export function runInputs(
	site: SiteSettings,
	productionBaseUrl: string,
	shownDir: string,
	renderer = RENDERER_VERSION,
): string {
	return canonicalJson({
		renderer,
		libraries: libraryVersions(),
		site,
		productionBaseUrl,
		shownDir,
	});
}

/** The key of one file's outcome: `name` relative to content/, `file` as messages show it. */
export function renderKey(run: string, name: string, file: string, textHash: string): string {
	return runRenderKeys(run)(name, file, textHash);
}

/**
 * renderKey for every file of one run: the hash of JSON.stringify([run, name, file, textHash]), with the run's part
 * (the site settings, about a kilobyte) hashed once rather than once per file.
 */
export function runRenderKeys(run: string): (name: string, file: string, textHash: string) => string {
	const runPart = createHash("sha256").update(`[${JSON.stringify(run)},`);
	return (name, file, textHash) =>
		runPart
			.copy()
			.update(`${JSON.stringify(name)},${JSON.stringify(file)},${JSON.stringify(textHash)}]`)
			.digest("base64url");
}
