// `npm start`: sync content/ into local KV, print the feed URLs, then serve them with `wrangler dev`. No network needed.
import { spawn, spawnSync } from "node:child_process";

// No telemetry, no Request.cf fetch: local development must work offline.
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const origin = "http://localhost:8787";

const sync = spawnSync(process.execPath, ["src/sync/cli.ts"], { stdio: "inherit", env });
if (sync.status !== 0) process.exit(sync.status ?? 1);

console.log(`
edgefeed is starting on ${origin}
  RSS 2.0       ${origin}/rss.xml
  Atom 1.0      ${origin}/atom.xml
  JSON Feed 1.1 ${origin}/feed.json
  Articles      ${origin}/
`);

const dev = spawn("npx", ["wrangler", "dev", "--port", "8787", "--ip", "127.0.0.1"], {
	stdio: "inherit",
	env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
