// Publishes test records into the real local KV with sync's own code, and clears it between scenarios.
import { env } from "cloudflare:workers";
import type { ArticleRecord, SiteSettings } from "../../../src/domain/model.ts";
import { bindingKvTarget } from "../../../src/sync/publish/bindingKvTarget.ts";
import { type SyncOutcome, syncRecords } from "../../../src/sync/publish/syncRecords.ts";
import { site as defaultSite } from "../../support/articles.ts";

/** Runs sync against env.ARTICLES as of `now` (epoch ms). */
export function publish(
	records: ArticleRecord[],
	now: number,
	site: SiteSettings = defaultSite,
): Promise<SyncOutcome> {
	return syncRecords(bindingKvTarget(env.ARTICLES), site, records, { now });
}

export async function clearKv(): Promise<void> {
	const { keys } = await env.ARTICLES.list();
	await Promise.all(keys.map((key) => env.ARTICLES.delete(key.name)));
}
