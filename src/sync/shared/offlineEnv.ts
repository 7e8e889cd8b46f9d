// The environment for every wrangler and sync process this project starts: no telemetry and no Request.cf fetch,
// so local work needs no network. (.ci/run sets the same two for the whole CI run.)

export const OFFLINE_VARIABLES = {
	WRANGLER_SEND_METRICS: "false",
	CLOUDFLARE_CF_FETCH_ENABLED: "false",
} as const;

/** This process's environment with the offline variables set. */
export const offlineEnv = (): NodeJS.ProcessEnv => ({ ...process.env, ...OFFLINE_VARIABLES });
