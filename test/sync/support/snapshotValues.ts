// Reads a built version straight from its values, as a reader would from KV, without publishing it.
import { articleKey } from "../../../src/store/kvLayout.ts";
import type { Snapshot } from "../../../src/sync/publish/buildVersion.ts";
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";
import { type PublishedVersion, readVersion } from "./readPublished.ts";

export function readSnapshot(snapshot: Snapshot): Promise<PublishedVersion> {
	const values = new Map(snapshot.values);
	for (const record of snapshot.records) values.set(articleKey(record.hash), record.json);
	const kv: KvTarget = {
		listKeys: async (prefix) => [...values.keys()].filter((key) => key.startsWith(prefix)),
		get: async (key) => values.get(key) ?? null,
		putMany: async () => {
			throw new Error("a snapshot is read only");
		},
		deleteMany: async () => {
			throw new Error("a snapshot is read only");
		},
	};
	return readVersion(kv, snapshot.manifestHash);
}
