// Writes a throwaway content directory (site.yaml + article files) for one test.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const SITE_YAML = `title: Tin tức thử
description: Bài thử cho edgefeed.
language: vi
baseUrl:
  local: http://localhost:8787
  production: https://news.example.org
author:
  name: Ban biên tập
copyright: © 2026 Thử
itemsPerFeed: 20
timeZone: Asia/Ho_Chi_Minh
`;

/** Front matter lines (raw YAML, so tests control exactly what is written) plus a Markdown body. */
export function articleFile(frontMatter: string, body = "Đoạn đầu tiên của bài viết.\n"): string {
	return `---\n${frontMatter.trim()}\n---\n\n${body}`;
}

/** A tiny valid PNG (1×1, 69 bytes), for content images. */
export const TINY_PNG = Uint8Array.from(
	atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC"),
	(char) => char.charCodeAt(0),
);

/** Files by path under the content directory ("images/a.png" makes the folder); text or bytes. */
export async function tempContent(
	files: Record<string, string | Uint8Array>,
	siteYaml: string | null = SITE_YAML,
): Promise<{ dir: string; remove: () => Promise<void> }> {
	const dir = await mkdtemp(path.join(tmpdir(), "edgefeed-content-"));
	if (siteYaml !== null) await writeFile(path.join(dir, "site.yaml"), siteYaml);
	for (const [name, data] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
		await writeFile(path.join(dir, name), data);
	}
	return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
