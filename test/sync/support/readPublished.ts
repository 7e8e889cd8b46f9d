// What a reader sees: follow head -> manifest -> every record, failing loudly on anything missing.
import type { ArticleRecord, Head, Manifest } from "../../../src/domain/model.ts";
import { articleKey, HEAD_KEY, manifestKey } from "../../../src/store/kvLayout.ts";
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";

export interface Published extends PublishedVersion {
	head: Head;
}

export interface PublishedVersion {
	manifest: Manifest;
	records: ArticleRecord[];
}

/** null when nothing is published; throws when head points at a missing manifest or a listed record is missing. */
export async function readPublished(kv: KvTarget): Promise<Published | null> {
	const headText = await kv.get(HEAD_KEY);
	if (headText === null) return null;
	const head = JSON.parse(headText) as Head;
	return { head, ...(await readVersion(kv, head.manifest)) };
}

/**
 * What a reader that follows a head naming `manifestHash` sees, whatever `head` holds now (a location where KV
 * still shows an older head). Throws when the manifest or a record it lists is missing.
 */
export async function readVersion(kv: KvTarget, manifestHash: string): Promise<PublishedVersion> {
	const manifestText = await kv.get(manifestKey(manifestHash));
	if (manifestText === null) throw new Error(`head points at missing manifest ${manifestHash}`);
	const manifest = JSON.parse(manifestText) as Manifest;
	const records: ArticleRecord[] = [];
	for (const entry of manifest.articles) {
		const text = await kv.get(articleKey(entry.record));
		if (text === null) throw new Error(`manifest lists ${entry.id} but record ${entry.record} is missing`);
		records.push(JSON.parse(text) as ArticleRecord);
	}
	return { manifest, records };
}
