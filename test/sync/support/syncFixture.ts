// Runs the real Node sync (load, validate, render, publish) over a throwaway content directory.
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";
import type { HubOptions } from "../../../src/sync/publish/notifyHub.ts";
import { type SyncContentOutcome, syncContent } from "../../../src/sync/syncContent.ts";
import type { SyncTarget } from "../../../src/sync/validate/siteSettings.ts";
import { SITE_YAML, tempContent } from "./tempContent.ts";

export const NOW = Date.parse("2026-11-28T00:00:00Z");

export interface SyncFixtureOptions {
	now?: number;
	siteYaml?: string;
	dryRun?: boolean;
	/** Default "local". */
	target?: SyncTarget;
	hub?: HubOptions;
}

/** The one sync runner of the Node tests: `files` (path -> text or bytes) under a fresh content/, synced into `kv`. */
export async function syncFixture(
	kv: KvTarget,
	files: Record<string, string | Uint8Array>,
	options: SyncFixtureOptions = {},
): Promise<SyncContentOutcome> {
	const content = await tempContent(files, options.siteYaml ?? SITE_YAML);
	try {
		return await syncContent({
			contentDir: content.dir,
			target: options.target ?? "local",
			kv,
			now: options.now ?? NOW,
			dryRun: options.dryRun,
			// These syncs run one at a time, so no other sync's lease write can land during the settle pause that
			// the lease takes before reading its own write back; concurrentSyncs.test.ts races real CLI syncs with
			// the default pause.
			lease: { settleMs: 0 },
			...(options.hub ? { hub: options.hub } : {}),
		});
	} finally {
		await content.remove();
	}
}

/** n simple articles a01..an, one day apart. */
export function manyArticles(n: number): Record<string, string> {
	const files: Record<string, string> = {};
	for (let i = 1; i <= n; i++) {
		const id = `a${String(i).padStart(2, "0")}`;
		const day = new Date(Date.UTC(2023, 0, i)).toISOString().slice(0, 10);
		files[`${id}.md`] =
			`---\ntitle: Bài ${i}\ndate: ${day}\ntags: [Tin ${i % 3}]\n---\n\nĐoạn văn của bài ${i}.\n`;
	}
	return files;
}
