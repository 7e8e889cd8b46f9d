// KvTarget through the wrangler CLI (`wrangler kv ...`): local state like `wrangler dev` uses, or the account's KV.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { offlineEnv } from "../shared/offlineEnv.ts";
import type { KvEntry, KvTarget } from "./kvTarget.ts";
import { withJsonFile } from "./tempFiles.ts";

const run = promisify(execFile);

export interface WranglerKvOptions {
	/** The account's KV (`--remote`) instead of local state (`--local`). */
	remote: boolean;
	/** Local state directory; wrangler's default is .wrangler/state next to wrangler.toml, which `wrangler dev` reads. */
	persistTo?: string;
	/** The KV binding in wrangler.toml. */
	binding?: string;
	/** Path to wrangler.toml; wrangler finds it from the working directory when absent. */
	configPath?: string;
}

/** wrangler's own entry point, run with this Node (22), not whatever `node` is first on PATH. */
const WRANGLER_BIN = path.join(
	path.dirname(createRequire(import.meta.url).resolve("wrangler/package.json")),
	"bin",
	"wrangler.js",
);

export function wranglerKvTarget(options: WranglerKvOptions): KvTarget {
	const common = [
		"--binding",
		options.binding ?? "ARTICLES",
		...(options.remote ? ["--remote"] : ["--local"]),
		...(!options.remote && options.persistTo ? ["--persist-to", options.persistTo] : []),
		...(options.configPath ? ["--config", options.configPath] : []),
	];
	// Local state is one SQLite database per namespace: two wrangler processes on it at once fail with
	// SQLITE_BUSY, so local calls run one at a time. The account's KV takes concurrent requests.
	let queue: Promise<unknown> = Promise.resolve();
	const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
		if (options.remote) return task();
		const next = queue.then(task, task);
		queue = next.catch(() => undefined);
		return next;
	};
	const wrangler = (args: string[]): Promise<string> => oneAtATime(() => runWrangler(args));
	const runWrangler = async (args: string[]): Promise<string> => {
		try {
			const { stdout } = await run(process.execPath, [WRANGLER_BIN, "kv", ...args, ...common], {
				env: offlineEnv(),
				maxBuffer: 1024 * 1024 * 1024,
			});
			return stdout;
		} catch (error) {
			const { stderr, stdout } = error as { stderr?: string; stdout?: string };
			const detail = (stderr || stdout || (error as Error).message).trim().split("\n").slice(-15).join("\n");
			throw new Error(`wrangler kv ${args[0]} ${args[1]} failed:\n${detail}`);
		}
	};
	// `kv key get` prints "Value not found" for a missing key, indistinguishable from that text as a value;
	// `kv bulk get` answers in JSON with null.
	const getMany = async (keys: string[]): Promise<(string | null)[]> => {
		const result = await withJsonFile(keys, (file) => wrangler(["bulk", "get", file]));
		const values = jsonOutput<Record<string, { value: string | null }>>(result, "{");
		return keys.map((key) => (Object.hasOwn(values, key) ? (values[key]?.value ?? null) : null));
	};
	return {
		async listKeys(prefix) {
			const keys = jsonOutput<{ name: string }[]>(await wrangler(["key", "list", "--prefix", prefix]), "[");
			return keys.map((key) => key.name);
		},
		async get(key) {
			return (await getMany([key]))[0] ?? null;
		},
		getMany,
		async putMany(entries: KvEntry[]) {
			await withJsonFile(entries, (file) => wrangler(["bulk", "put", file]));
		},
		async deleteMany(keys: string[]) {
			await withJsonFile(keys, (file) => wrangler(["bulk", "delete", file, "--force"]));
		},
	};
}

/** wrangler may print a banner before the JSON; the JSON starts at the first line opening with `start`. */
function jsonOutput<T>(stdout: string, start: "[" | "{"): T {
	const at = stdout.startsWith(start) ? 0 : stdout.indexOf(`\n${start}`) + 1;
	if (at < 0 || stdout[at] !== start) throw new Error(`unexpected wrangler output:\n${stdout.slice(0, 500)}`);
	return JSON.parse(stdout.slice(at)) as T;
}
