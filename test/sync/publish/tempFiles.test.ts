// Bulk temporary files are gone when a sync ends: after success, a failure, process.exit, SIGINT or SIGTERM.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withJsonFile } from "../../../src/sync/publish/tempFiles.ts";

const HOLDER = path.join(import.meta.dirname, "../support/tempFileHolder.ts");

let privateTmp: string;

beforeEach(async () => {
	privateTmp = await mkdtemp(path.join(tmpdir(), "edgefeed-tempfiles-"));
});

afterEach(async () => {
	await rm(privateTmp, { recursive: true, force: true });
});

describe("in process", () => {
	it("removes the file after the call, and after a call that fails", async () => {
		vi.stubEnv("TMPDIR", privateTmp);
		const seen: string[] = [];
		const existed = await withJsonFile(["a"], async (file) => {
			seen.push(file);
			return existsSync(file);
		});
		expect(existed).toBe(true);
		await expect(
			withJsonFile(["b"], async (file) => {
				seen.push(file);
				throw new Error("wrangler kv bulk put failed");
			}),
		).rejects.toThrow("bulk put failed");
		expect(seen).toHaveLength(2);
		expect(await readdir(privateTmp)).toEqual([]);
	});
});

/** Runs the holder with its own TMPDIR; `signal` is sent once it has printed the file it holds. */
function runHolder(
	ending: string,
	signal?: NodeJS.Signals,
): Promise<{ code: number | null; held: string; existed: boolean }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [HOLDER, ending], {
			env: { ...process.env, TMPDIR: privateTmp },
			stdio: ["ignore", "pipe", "pipe"],
		});
		let out = "";
		let err = "";
		let existed = false;
		child.stdout.on("data", (chunk) => {
			out += chunk;
			if (signal && out.endsWith("\n")) {
				existed = existsSync(out.trim());
				child.kill(signal);
			}
		});
		child.stderr.on("data", (chunk) => {
			err += chunk;
		});
		child.on("error", reject);
		child.on("exit", (code) => {
			if (out === "") reject(new Error(`the holder printed no file:\n${err}`));
			else resolve({ code, held: out.trim(), existed });
		});
	});
}

describe("when the process ends mid-call", () => {
	for (const [signal, code] of [
		["SIGINT", 130],
		["SIGTERM", 143],
	] as const) {
		it(`removes the file on ${signal} (exit ${code})`, async () => {
			const { code: exit, held, existed } = await runHolder("wait", signal);
			expect(existed, "the file exists while the call runs").toBe(true);
			expect(exit).toBe(code);
			expect(held.startsWith(privateTmp)).toBe(true);
			expect(await readdir(privateTmp)).toEqual([]);
		});
	}
	it("removes the file on process.exit", async () => {
		expect((await runHolder("exit")).code).toBe(3);
		expect(await readdir(privateTmp)).toEqual([]);
	});
	it("removes the file when the call throws", async () => {
		expect((await runHolder("throw")).code).toBe(1);
		expect(await readdir(privateTmp)).toEqual([]);
	});
});
