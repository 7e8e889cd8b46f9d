// Publishes test records into the real local KV with sync's own code, and clears it between scenarios.
import { env } from "cloudflare:workers";
import type { ArticleRecord, SiteSettings } from "../../../src/domain/model.ts";
import { sourceOfRecords } from "../../../src/sync/publish/articleSource.ts";
import { bindingKvTarget } from "../../../src/sync/publish/bindingKvTarget.ts";
import { type SyncOutcome, syncArticles, syncRecords } from "../../../src/sync/publish/syncRecords.ts";
import { site as defaultSite } from "../../support/articles.ts";
import { type RememberedBuilds, rememberingBuilds } from "../../support/rememberingBuilds.ts";

/** Runs sync against env.ARTICLES as of `now` (epoch ms); with `builds`, keeping archive pages of the builds
 * remembered there, as a sync with its kept articles' table does. */
export async function publish(
	records: ArticleRecord[],
	now: number,
	site: SiteSettings = defaultSite,
	builds?: RememberedBuilds,
): Promise<SyncOutcome> {
	const kv = bindingKvTarget(env.ARTICLES);
	if (!builds) return syncRecords(kv, site, records, { now });
	return syncArticles(kv, site, rememberingBuilds(await sourceOfRecords(records), builds), { now });
}

export async function clearKv(): Promise<void> {
	const { keys } = await env.ARTICLES.list();
	await Promise.all(keys.map((key) => env.ARTICLES.delete(key.name)));
}
