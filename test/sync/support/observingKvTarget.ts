// A KvTarget that looks at KV after every write and delete request, as a reader between two requests would.
import type { KvTarget } from "../../../src/sync/publish/kvTarget.ts";

export function observingKvTarget(inner: KvTarget, afterEachRequest: () => Promise<void>): KvTarget {
	return {
		...inner,
		async putMany(entries) {
			await inner.putMany(entries);
			await afterEachRequest();
		},
		async deleteMany(keys) {
			await inner.deleteMany(keys);
			await afterEachRequest();
		},
	};
}
