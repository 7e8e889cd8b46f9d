// Two `npm run sync` processes at once against one local KV, many times with different offsets: neither breaks
// the published version, and after every run a fresh Worker isolate answers 200 on every feed and page.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime } from "../../../bench/benchRuntime.ts";
import { buildBundle, readWorkerConfig } from "../../../bench/buildBundle.ts";
import { LEASE_KEY } from "../../../src/store/kvLayout.ts";
import { bindingKvTarget, type KvNamespaceLike } from "../../../src/sync/publish/bindingKvTarget.ts";
import { offlineEnv } from "../../../src/sync/shared/offlineEnv.ts";
import { readPublished } from "../support/readPublished.ts";
import { manyArticles } from "../support/syncFixture.ts";
import { tempContent } from "../support/tempContent.ts";

/**
 * One run per case: both starting at once; the second starting inside the lease's write-and-read-back window (a few
 * hundred ms), where both syncs may believe they hold it; at its edge; and past it, where the second sync waits for
 * the lease, whichever phase the first is in. Each run costs two real syncs and a Worker start-up (about 8 s of CPU),
 * so more runs would repeat a case.
 */
const OFFSETS_MS = [0, 50, 300, 1500];

/** Three versions that each add, edit and remove articles relative to the others, so every sync deletes. */
function versions(): Record<string, string>[] {
	const base = manyArticles(8);
	const edit = (files: Record<string, string>, name: string, from: string, to: string) => {
		files[name] = (files[name] ?? "").replace(from, to);
	};
	const one = { ...base };
	edit(one, "a01.md", "Đoạn văn", "Đoạn văn sửa lần một");
	delete one["a03.md"];
	one["moi.md"] = "---\ntitle: Bài mới\ndate: 2023-03-01\ntags: [Mới]\n---\n\nBài mới.\n";
	const two = { ...base };
	edit(two, "a02.md", "Đoạn văn", "Đoạn văn sửa lần hai");
	delete two["a05.md"];
	two["khac.md"] = "---\ntitle: Bài khác\ndate: 2023-03-02\nauthors: [Phóng viên]\n---\n\nBài khác.\n";
	return [base, one, two];
}

let persistTo: string;
let bundle: string;
let bundleDir: string;
const contentDirs: { dir: string; remove: () => Promise<void> }[] = [];

beforeAll(async () => {
	persistTo = await mkdtemp(path.join(tmpdir(), "edgefeed-concurrent-"));
	bundleDir = await mkdtemp(path.join(tmpdir(), "edgefeed-bundle-"));
	bundle = buildBundle(bundleDir);
	for (const files of versions()) contentDirs.push(await tempContent(files));
}, 120_000);

afterAll(async () => {
	for (const content of contentDirs) await content.remove();
	await rm(persistTo, { recursive: true, force: true });
	await rm(bundleDir, { recursive: true, force: true });
});

interface Exit {
	code: number | null;
	output: string;
}

function startSync(contentDir: string, delayMs: number): Promise<Exit> {
	return new Promise((resolve) => {
		setTimeout(() => {
			const child: ChildProcess = spawn(
				process.execPath,
				["src/sync/cli.ts", "--content", contentDir, "--persist-to", persistTo, "--quiet", "--wait", "300"],
				{ env: offlineEnv() },
			);
			let output = "";
			child.stdout?.on("data", (chunk) => {
				output += chunk;
			});
			child.stderr?.on("data", (chunk) => {
				output += chunk;
			});
			child.on("exit", (code) => resolve({ code, output }));
		}, delayMs);
	});
}

/** Every path a reader may ask for in the published version: the site's, each tag's and author's feeds and pages, each article. */
function publishedPaths(published: NonNullable<Awaited<ReturnType<typeof readPublished>>>): string[] {
	const feeds = (prefix: string) => [`${prefix}/rss.xml`, `${prefix}/atom.xml`, `${prefix}/feed.json`];
	const scopes = [
		...Object.keys(published.tags).map((slug) => `/tags/${encodeURIComponent(slug)}`),
		...Object.keys(published.authors).map((slug) => `/authors/${encodeURIComponent(slug)}`),
	];
	return [
		"/",
		...feeds(""),
		...scopes.flatMap((scope) => [scope, ...feeds(scope)]),
		...published.articles.map((entry) => `/articles/${encodeURIComponent(entry.slug)}`),
	];
}

/** A Worker isolate that has never seen this KV: nothing in memory can hide a missing record. */
async function checkFreshIsolate(run: number): Promise<void> {
	const runtime = await startRuntime(
		persistTo,
		[{ name: "app", scriptPath: bundle, durableObjects: { FEED_STATS: "FeedStats" } }],
		readWorkerConfig(),
	);
	try {
		const kv = bindingKvTarget((await runtime.articles()) as unknown as KvNamespaceLike);
		expect(await kv.get(LEASE_KEY), `run ${run}: a sync left its lease behind`).toBeNull();
		const published = await readPublished(kv); // throws when head or a listed record is missing
		expect(published, `run ${run}: nothing published`).not.toBeNull();
		if (!published) return;
		for (const pathname of publishedPaths(published)) {
			const response = await fetch(`${runtime.origins.app}${pathname}`);
			await response.arrayBuffer();
			expect(response.status, `run ${run}: ${pathname}`).toBe(200);
		}
	} finally {
		await runtime.dispose();
	}
}

describe("concurrent syncs", () => {
	it(
		"never publish a version with a missing record, whatever the offset between them",
		async () => {
			for (const [run, offset] of OFFSETS_MS.entries()) {
				const first = contentDirs[run % 3]?.dir ?? "";
				const second = contentDirs[(run + 1) % 3]?.dir ?? "";
				const exits = await Promise.all([startSync(first, 0), startSync(second, offset)]);
				for (const exit of exits) {
					// 0: published (the later one waited for the lease); 4: stopped before publishing, told to run again.
					expect([0, 4], `run ${run}, offset ${offset} ms:\n${exit.output}`).toContain(exit.code);
					if (exit.code === 4)
						expect(exit.output).toMatch(/Nothing of this sync was published; run it again/);
				}
				expect(
					exits.some((exit) => exit.code === 0),
					`run ${run}: no sync published`,
				).toBe(true);
				await checkFreshIsolate(run);
			}
		},
		30 * 60_000,
	);
});
