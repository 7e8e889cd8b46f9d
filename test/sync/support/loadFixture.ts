// Loads a throwaway content directory through the real loader: the records, or every error it reports.
import { type LoadedContent, loadContent } from "../../../src/sync/loadContent.ts";
import { type ContentError, ContentValidationError } from "../../../src/sync/validate/contentError.ts";
import type { SyncTarget } from "../../../src/sync/validate/siteSettings.ts";
import { SITE_YAML, tempContent } from "./tempContent.ts";

export type LoadResult = { ok: true; content: LoadedContent } | { ok: false; errors: ContentError[] };

export async function loadFixture(
	files: Record<string, string | Uint8Array>,
	siteYaml: string | null = SITE_YAML,
	target: SyncTarget = "local",
): Promise<LoadResult> {
	const content = await tempContent(files, siteYaml);
	try {
		return { ok: true, content: await loadContent(content.dir, { target }) };
	} catch (error) {
		if (error instanceof ContentValidationError) return { ok: false, errors: error.errors };
		throw error;
	} finally {
		await content.remove();
	}
}

/** The errors, with the temp directory stripped so only the file name remains. */
export async function fixtureErrors(
	files: Record<string, string | Uint8Array>,
	siteYaml: string | null = SITE_YAML,
): Promise<{ file: string; field: string; problem: string }[]> {
	const result = await loadFixture(files, siteYaml);
	if (result.ok) return [];
	return result.errors.map((error) => ({ ...error, file: error.file.split(/[\\/]/).pop() ?? error.file }));
}
