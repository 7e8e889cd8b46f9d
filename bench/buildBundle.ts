// Bundles a Worker entry exactly as `wrangler deploy` would (dry run: nothing leaves the machine) and reads its config.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { unstable_readConfig } from "wrangler";
import { offlineEnv } from "../src/sync/shared/offlineEnv.ts";

export const OFFLINE_ENV = offlineEnv();
const WRANGLER = "node_modules/wrangler/bin/wrangler.js";

export interface WorkerConfig {
	compatibilityDate: string;
	compatibilityFlags: string[];
	/** Binding name -> namespace id, as wrangler.toml declares them (local state is keyed by the id). */
	kvNamespaces: Record<string, string>;
}

export function readWorkerConfig(): WorkerConfig {
	const config = unstable_readConfig({ config: "wrangler.toml" });
	if (!config.compatibility_date) throw new Error("wrangler.toml: compatibility_date is missing");
	return {
		compatibilityDate: config.compatibility_date,
		compatibilityFlags: config.compatibility_flags ?? [],
		kvNamespaces: Object.fromEntries(
			config.kv_namespaces.map((namespace: { binding: string; id?: string }) => [
				namespace.binding,
				namespace.id ?? "",
			]),
		),
	};
}

/**
 * wrangler.toml without its Durable Objects, for the bench-only Workers: their entries do not export the app's
 * Durable Object classes, which wrangler requires of any entry bundled with wrangler.toml's bindings.
 */
function benchConfig(outDir: string): string {
	const config = readWorkerConfig();
	// Beside the output directory, which wrangler owns.
	mkdirSync(dirname(resolve(outDir)), { recursive: true });
	const path = `${resolve(outDir)}.wrangler.json`;
	writeFileSync(
		path,
		JSON.stringify({
			name: "edgefeed-bench",
			compatibility_date: config.compatibilityDate,
			compatibility_flags: config.compatibilityFlags,
			keep_names: false,
			kv_namespaces: Object.entries(config.kvNamespaces).map(([binding, id]) => ({ binding, id })),
		}),
	);
	return path;
}

/** Returns the path of the bundled module. `entry` defaults to wrangler.toml's `main` (the real app). */
export function buildBundle(outDir: string, entry?: string): string {
	rmSync(outDir, { recursive: true, force: true });
	const args = [WRANGLER, "deploy", "--dry-run", "--outdir", outDir];
	if (entry) args.push("--config", benchConfig(outDir), resolve(entry));
	try {
		execFileSync(process.execPath, args, { env: OFFLINE_ENV, encoding: "utf8", stdio: "pipe" });
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string };
		throw new Error(`bundling ${entry ?? "the app"} failed:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
	}
	// Wrangler names the output after the entry (index.js for the app, kvProbe.js for bench/workers/kvProbe.ts).
	const modules = readdirSync(outDir).filter((name) => name.endsWith(".js"));
	if (modules.length !== 1)
		throw new Error(`bundling ${entry ?? "the app"} gave ${modules.length} modules in ${outDir}`);
	return resolve(join(outDir, modules[0] as string));
}
