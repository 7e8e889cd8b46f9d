// Three test projects: `worker` runs the real Worker inside workerd against local KV; `node` covers what runs on
// Node (the sync CLI, serializer validation with jing, end-to-end runs through Miniflare); `browser` loads the pages
// served by a local Worker in Debian's Chromium (`npm run test:browser` runs it alone).
import { availableParallelism } from "node:os";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		// Most files spend their time waiting on workerd, wrangler or jing: run at least two at once (vitest's
		// default of cores - 1 runs them one at a time on a 2-core machine).
		maxWorkers: Math.max(2, availableParallelism()),
		projects: [
			{
				plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
				test: {
					name: "worker",
					include: ["test/worker/**/*.test.ts"],
					// Walking a large archive takes a few seconds, near vitest's default limit of 5 s: a machine
					// busy with other work should slow it down, not fail it.
					testTimeout: 60_000,
					hookTimeout: 60_000,
				},
			},
			{
				test: {
					name: "node",
					include: ["test/**/*.test.ts"],
					exclude: ["test/worker/**", "test/browser/**"],
					environment: "node",
					testTimeout: 120_000,
					// Set-up hooks sync or start workerd, as tests do: the same limit, not vitest's 10 s.
					hookTimeout: 120_000,
					// Node files reuse workers instead of paying a worker start-up each: nodeSetup.ts restores real
					// timers and closes shared resources after every file, and mocks are restored after every test.
					isolate: false,
					setupFiles: ["test/support/nodeSetup.ts"],
					restoreMocks: true,
					unstubGlobals: true,
					unstubEnvs: true,
				},
			},
			{
				test: {
					name: "browser",
					include: ["test/browser/**/*.test.ts"],
					environment: "node",
					testTimeout: 120_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});
