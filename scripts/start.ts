// `npm start`: sync content/ into local KV, print the feed URLs, then serve them with `wrangler dev`. No network needed.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync } from "node:fs";
import { offlineEnv } from "../src/sync/shared/offlineEnv.ts";

// No telemetry, no Request.cf fetch: local development must work offline.
const env = offlineEnv();
const origin = "http://localhost:8787";

// Local secrets (the /stats token): .dev.vars is git-ignored, so a fresh clone starts from the example.
if (!existsSync(".dev.vars")) copyFileSync(".dev.vars.example", ".dev.vars");

const sync = spawnSync(process.execPath, ["src/sync/cli.ts"], { stdio: "inherit", env });
if (sync.status !== 0) process.exit(sync.status ?? 1);

console.log(`
edgefeed is starting on ${origin}
  RSS 2.0       ${origin}/rss.xml
  Atom 1.0      ${origin}/atom.xml
  JSON Feed 1.1 ${origin}/feed.json
  Articles      ${origin}/
  Readers       ${origin}/stats?token=<STATS_TOKEN from .dev.vars>   (or: npm run stats)
`);

const dev = spawn("npx", ["wrangler", "dev", "--port", "8787", "--ip", "127.0.0.1"], {
	stdio: "inherit",
	env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
