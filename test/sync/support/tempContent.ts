// Writes a throwaway content directory (site.yaml + article files) for one test.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
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

export async function tempContent(
	files: Record<string, string>,
	siteYaml: string | null = SITE_YAML,
): Promise<{ dir: string; remove: () => Promise<void> }> {
	const dir = await mkdtemp(path.join(tmpdir(), "edgefeed-content-"));
	if (siteYaml !== null) await writeFile(path.join(dir, "site.yaml"), siteYaml);
	for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
	return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
