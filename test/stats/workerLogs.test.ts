// What Cloudflare keeps about requests besides the stats: Workers Logs without invocation logs, which would hold
// each request's headers (CF-Connecting-IP, User-Agent) and URL (a ?token= included).
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";

describe("wrangler.toml observability", () => {
	it("keeps the Worker's own logs and no per-request invocation logs", () => {
		const config = parse(readFileSync("wrangler.toml", "utf8")) as {
			observability?: { enabled?: boolean; logs?: { enabled?: boolean; invocation_logs?: boolean } };
		};
		expect(config.observability?.enabled).toBe(true);
		expect(config.observability?.logs).toMatchObject({ enabled: true, invocation_logs: false });
	});
});
