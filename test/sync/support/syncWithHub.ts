// The Node tests' sync runner (syncFixture) with a site.yaml that names a WebSub hub (or none).
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";
import type { HubOptions } from "../../../src/sync/publish/notifyHub.ts";
import type { SyncContentOutcome } from "../../../src/sync/syncContent.ts";
import type { SyncTarget } from "../../../src/sync/validate/siteSettings.ts";
import { NOW, syncFixture } from "./syncFixture.ts";
import { articleFile, SITE_YAML } from "./tempContent.ts";

/** SITE_YAML's production base URL: never fetched, only the hub URL is. */
export const PRODUCTION = "https://news.example.org";

export interface HubSyncOptions {
	/** The hub URL for site.yaml; no `hub` line when absent. */
	hub?: string;
	/** Default "production": the only target that pings. */
	target?: SyncTarget;
	now?: number;
	dryRun?: boolean;
	/** Default: no settle wait, so tests do not sit out a minute. */
	hubOptions?: HubOptions;
}

/** syncFixture with a site.yaml naming `hub` (or none), as production unless the test says otherwise. */
export function syncWithHub(
	kv: KvTarget,
	files: Record<string, string>,
	options: HubSyncOptions = {},
): Promise<SyncContentOutcome> {
	const siteYaml = options.hub === undefined ? SITE_YAML : `${SITE_YAML}hub: ${options.hub}\n`;
	return syncFixture(kv, files, {
		siteYaml,
		target: options.target ?? "production",
		now: options.now ?? NOW,
		dryRun: options.dryRun,
		hub: { settleMs: 0, ...options.hubOptions },
	});
}

/** Two articles with nothing in common but the site: one in Thời sự by Nguyễn An, one in Thể thao by Trần Bình. */
export function twoDesks(edits: { news?: string; sport?: string } = {}): Record<string, string> {
	return {
		"thoi-su.md": articleFile(
			"title: Họp báo thường kỳ\ndate: 2026-11-20T09:00:00+07:00\ntags: [Thời sự]\nauthors: [Nguyễn An]",
			edits.news,
		),
		"the-thao.md": articleFile(
			"title: Giải bóng đá tỉnh\ndate: 2026-11-21T09:00:00+07:00\ntags: [Thể thao]\nauthors: [Trần Bình]",
			edits.sport,
		),
	};
}

/** The three feed URLs of a scope path ("" for the whole site), written out as readers subscribe to them. */
export function feedsOf(scope: string): string[] {
	const prefix = scope === "" ? `${PRODUCTION}/` : `${PRODUCTION}/${scope}/`;
	return [`${prefix}rss.xml`, `${prefix}atom.xml`, `${prefix}feed.json`];
}
