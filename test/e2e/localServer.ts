// Runs the quick-start path for end-to-end tests: the real sync CLI into a private local KV state, then `wrangler dev` on it.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { offlineEnv } from "../../src/sync/shared/offlineEnv.ts";

const offline = offlineEnv();

/** wrangler's entry point, run with this Node: what `npx wrangler` runs, without npx's start-up. */
const WRANGLER = join(
	dirname(createRequire(import.meta.url).resolve("wrangler/package.json")),
	"bin",
	"wrangler.js",
);

export interface LocalServer {
	origin: string;
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
		});
	});
}

/**
 * Syncs `contentDir` into a fresh persisted KV state and serves it with `wrangler dev`, as `npm start` does; on
 * `port` when given (a test whose site.yaml names that port as its local base URL), else on a free one. wrangler
 * dev starts only once the sync has finished: both open the state's SQLite files, and a workerd starting while the
 * sync holds their lock fails with SQLITE_BUSY.
 */
export async function startLocalServer(
	contentDir: string,
	devArgs: string[] = [],
	port?: number,
): Promise<LocalServer> {
	const state = mkdtempSync(join(tmpdir(), "edgefeed-e2e-"));
	const sync = promisify(execFile)(
		process.execPath,
		["src/sync/cli.ts", "--content", contentDir, "--persist-to", state, "--quiet"],
		{ env: offline, encoding: "utf8" },
	).catch((error: { code?: number; stdout?: string; stderr?: string }) => {
		throw new Error(`sync failed (${error.code}):\n${error.stdout}\n${error.stderr}`);
	});
	try {
		await sync;
	} catch (error) {
		rmSync(state, { recursive: true, force: true });
		throw error;
	}

	const listen = port ?? (await freePort());
	const dev: ChildProcess = spawn(
		process.execPath,
		[
			WRANGLER,
			"dev",
			"--port",
			String(listen),
			"--ip",
			"127.0.0.1",
			"--persist-to",
			state,
			// The content's own images, as wrangler.toml's [assets] serves content/images/ for the real content.
			"--assets",
			contentDir,
			"--inspector-port",
			"0",
			...devArgs,
		],
		{ env: offline, stdio: ["ignore", "pipe", "pipe"], detached: true },
	);
	let output = "";
	dev.stdout?.on("data", (chunk) => {
		output += chunk;
	});
	dev.stderr?.on("data", (chunk) => {
		output += chunk;
	});
	const origin = `http://127.0.0.1:${listen}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			const response = await fetch(`${origin}/`);
			await response.arrayBuffer();
			break;
		} catch {
			if (Date.now() > deadline || dev.exitCode !== null) {
				dev.kill();
				throw new Error(`wrangler dev did not start:\n${output}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
	return {
		origin,
		async stop() {
			if (dev.pid) process.kill(-dev.pid, "SIGTERM");
			await new Promise((resolve) => dev.once("exit", resolve));
			rmSync(state, { recursive: true, force: true });
		},
	};
}
