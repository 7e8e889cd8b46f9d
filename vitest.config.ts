// Two test projects: `worker` runs inside workerd against real local KV; `node` covers the sync CLI, which runs on Node.
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		projects: [
			{
				plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
				test: { name: "worker", include: ["test/**/*.test.ts"], exclude: ["test/sync/**"] },
			},
			{
				test: { name: "node", include: ["test/sync/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
			},
		],
	},
});
