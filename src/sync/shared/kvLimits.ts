// Cloudflare's limits for Workers KV requests, which validation (a value's size) and publishing (bulk requests)
// both keep to.

/** Cloudflare's limits for one bulk request (https://developers.cloudflare.com/kv/platform/limits/). */
export const KV_LIMITS = {
	pairsPerRequest: 10_000,
	/** 100 MB, counted as the request's JSON body in UTF-8 bytes. */
	bytesPerRequest: 100_000_000,
	keysPerDelete: 10_000,
	/** One value may be at most 25 MiB. */
	valueBytes: 25 * 1024 * 1024,
} as const;
