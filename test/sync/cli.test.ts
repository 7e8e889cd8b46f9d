// `npm run sync` end to end into local KV (Miniflare on the state `wrangler dev` reads): success, broken content (nothing written), dry run, bad usage.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offlineEnv } from "../../src/sync/shared/offlineEnv.ts";
import { withPersistedKv } from "./support/persistedKv.ts";
import { readPublished } from "./support/readPublished.ts";

let persistTo: string;
beforeAll(async () => {
	persistTo = await mkdtemp(path.join(tmpdir(), "edgefeed-cli-"));
});
afterAll(async () => {
	await rm(persistTo, { recursive: true, force: true });
});

const offline = offlineEnv();

/** `npm run sync -- --persist-to <temp> ...args`. */
function npmRunSync(...args: string[]) {
	const result = spawnSync("npm", ["run", "--silent", "sync", "--", "--persist-to", persistTo, ...args], {
		encoding: "utf8",
		env: offline,
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `npm run sync` runs (its script is `node src/sync/cli.ts`), without npm's start-up. */
function sync(...args: string[]) {
	const result = spawnSync(process.execPath, ["src/sync/cli.ts", "--persist-to", persistTo, ...args], {
		encoding: "utf8",
		env: offline,
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dumpState = () => withPersistedKv(persistTo, (local) => local.dump());

describe("npm run sync", () => {
	// Every test starts from content/ published by npm run sync, whatever ran before it.
	let published: ReturnType<typeof npmRunSync>;
	beforeAll(() => {
		published = npmRunSync();
	});

	it("publishes content/ to local KV and exits 0", async () => {
		const run = published;
		expect(run.stderr).toBe("");
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/1 article/);
		await withPersistedKv(persistTo, async (local) => {
			const published = await readPublished(local.kv);
			expect(published?.records.map((r) => r.id)).toEqual([
				"phoi-hop-dan-van-tuyen-giao-khoi-cac-co-quan-tinh",
			]);
			expect(published?.manifest.site.baseUrl).toBe("http://localhost:8787");
		});
	});

	it("refuses broken content: exits 1, names every broken file and field, writes nothing", async () => {
		const before = await dumpState();
		const run = sync("--content", "test/fixtures/content/broken");
		expect(run.code).toBe(1);
		const lines = run.stderr.split("\n");
		const line = (file: string) =>
			lines.find((l) => l.startsWith(path.join("test/fixtures/content/broken", file)));
		expect(line("bad-date.md")).toBe(
			'test/fixtures/content/broken/bad-date.md: date: "2023-13-01" is not an RFC 3339 date-time with offset or a YYYY-MM-DD date',
		);
		expect(line("missing-title.md")).toBe(
			"test/fixtures/content/broken/missing-title.md: title: is required",
		);
		expect(line("invalid-yaml.md")).toMatch(
			/^test\/fixtures\/content\/broken\/invalid-yaml\.md: front matter: invalid YAML/,
		);
		expect(line("hop-le.md")).toBeUndefined();
		expect(run.stderr).toMatch(/nothing was written/);
		expect(await dumpState()).toEqual(before);
	});

	it("prints what would change on --dry-run and writes nothing", async () => {
		const before = await dumpState();
		const run = sync("--dry-run", "--content", "test/fixtures/content/valid");
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/Added \(1\): mot/);
		expect(run.stdout).toMatch(/Removed \(1\): phoi-hop-dan-van-tuyen-giao-khoi-cac-co-quan-tinh/);
		expect(run.stdout).toMatch(/Would write 1 record/);
		expect(await dumpState()).toEqual(before);
	});

	it("exits 2 on an unknown flag, and refuses --persist-to with --remote", () => {
		expect(sync("--bogus").code).toBe(2);
		expect(sync("--remote").code).toBe(2);
	});
});
