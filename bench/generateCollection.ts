// Writes a synthetic article collection for the benchmark: Vietnamese text from the seed article, with tags, authors and images.
import {
	appendFileSync,
	copyFileSync,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";

const SEED = "test/fixtures/seed/000_1e1845e5b246efe0.txt";
const SITE = "content/site.yaml";
const WIDGET_LINE = "Theo dõi Báo Nghệ An trên";

/** Every article carries this tag on even positions, so the tag feed has enough items at every size. */
export const BENCH_TAG = "Xã hội";
const TAGS = [
	"Dân vận",
	"Tuyên giáo",
	"Xây dựng Đảng",
	"Nghệ An",
	"Kinh tế",
	"Giáo dục",
	"Đời sống",
	"Văn hóa",
	"Thể thao",
	"Y tế",
	"Nông nghiệp",
	"Pháp luật",
];
const AUTHORS = [
	{ name: "Nguyễn Thị Thu Hường" },
	{ name: "Trần Văn Đức", email: "duc.tran@example.com" },
	{ name: "Lê Thị Ánh Tuyết" },
	{ name: "Phạm Quốc Việt", url: "https://example.com/tac-gia/pham-quoc-viet" },
	{ name: "Hoàng Minh Châu" },
	{ name: "Đặng Thị Kim Dung", email: "kimdung@example.com" },
	{ name: "Võ Hữu Nghĩa" },
	{ name: "Bùi Thị Hằng" },
];
/** About 5 KB of HTML per article; the million uses smaller bodies (SMALL_BODY_BYTES) to keep its disk and sync
 * time in reach, and the bench says so wherever it reports that size. */
export const BODY_BYTES = 5000;
export const SMALL_BODY_BYTES = 1200;
/** Collections from this size on get SMALL_BODY_BYTES. */
export const SMALL_BODIES_FROM = 1_000_000;
const NEWEST = Date.parse("2025-11-01T08:00:00+07:00");
/** A newsroom's pace: about a hundred articles a day, so a million reach back to 1997. */
const SPACING_MS = 15 * 60_000;
const HOUR = 3_600_000;
const VN_OFFSET = 7 * HOUR;
/** What the generator writes; a collection already on disk with the same stamp is reused. */
const GENERATOR_VERSION = 2;
/** The article the bench edits for its re-sync: regenerated whenever a collection is reused. */
export const EDITED_ARTICLE = 5;

/**
 * The old article the bench edits for a second re-sync (none below 1,000 articles): one in the archive pages of
 * every scope it is in, so its page, page table and summary change in each. Regenerated like EDITED_ARTICLE.
 */
export function archivedArticle(count: number): number | undefined {
	return count >= 1000 ? Math.floor(count * 0.9) : undefined;
}

export interface GeneratedCollection {
	dir: string;
	articles: number;
	/** HTML bytes each body aims at. */
	bodyBytes: number;
	/** Total bytes of the Markdown files written (of the stamp's run, when reused). */
	bytes: number;
	/** True when an identical collection was already on disk and only the edited article was rewritten. */
	reused: boolean;
}

interface SeedText {
	sentences: string[];
	headings: string[];
	captions: string[];
}

function readSeed(): SeedText {
	const lines = readFileSync(SEED, "utf8")
		.normalize("NFC")
		.split("\n")
		.map((line) => line.trim())
		.filter((line) => line !== "" && line !== WIDGET_LINE);
	const captions = lines.filter((line) => line.includes("Ảnh:"));
	const headings = lines.filter(
		(line) => !captions.includes(line) && line.length < 80 && !/[.;:…]$/.test(line),
	);
	const sentences = lines
		.filter((line) => !captions.includes(line) && !headings.includes(line))
		.flatMap((line) => line.split(/(?<=[.;…])\s+/))
		.filter((sentence) => sentence.length > 20);
	return { sentences, headings, captions };
}

/** A small seeded PRNG (mulberry32), so every run writes byte-identical collections. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** RFC 3339 in Vietnam's offset, as an editor would write it. */
function vietnamTime(epochMs: number): string {
	return `${new Date(epochMs + VN_OFFSET).toISOString().slice(0, 19)}+07:00`;
}

function pick<T>(items: readonly T[], random: () => number): T {
	return items[Math.floor(random() * items.length)] as T;
}

function titleFrom(sentence: string, index: number): string {
	const words = sentence.replace(/[.;:…“”"]/g, "").split(/\s+/);
	return `${words.slice(0, 9 + (index % 5)).join(" ")} (${index + 1})`;
}

function articleBody(seed: SeedText, index: number, random: () => number, target: number): string {
	const blocks: string[] = [];
	let bytes = 0;
	const add = (markdown: string, htmlOverhead: number) => {
		blocks.push(markdown);
		bytes += Buffer.byteLength(markdown) + htmlOverhead;
	};
	const paragraph = () =>
		Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(seed.sentences, random)).join(" ");
	add(paragraph(), 7);
	add(
		`<figure>\n<img src="https://edgefeed.example.com/images/bai-${index + 1}/anh-1.jpg" alt="${pick(seed.headings, random)}">\n<figcaption>${pick(seed.captions, random)}</figcaption>\n</figure>`,
		0,
	);
	add(`## ${pick(seed.headings, random)}`, 9);
	while (bytes < target - 600) add(paragraph(), 7);
	add(
		`- ${pick(seed.sentences, random)}\n- ${pick(seed.sentences, random)}\n- [Xem thêm](https://edgefeed.example.com/articles/bai-${index + 2})`,
		40,
	);
	return `${blocks.join("\n\n")}\n`;
}

function frontMatter(seed: SeedText, index: number, random: () => number): Record<string, unknown> {
	const published = NEWEST - index * SPACING_MS;
	const tags = new Set([TAGS[index % TAGS.length], TAGS[(index * 7 + 3) % TAGS.length]]);
	if (index % 2 === 0) tags.add(BENCH_TAG);
	const authors = index % 3 === 0 ? [pick(AUTHORS, random), pick(AUTHORS, random)] : [pick(AUTHORS, random)];
	const data: Record<string, unknown> = {
		title: titleFrom(pick(seed.sentences, random), index),
		date: vietnamTime(published),
		tags: [...tags],
		authors: [...new Map(authors.map((author) => [author.name, author])).values()],
		image: {
			url: `https://edgefeed.example.com/images/bai-${index + 1}/dai-dien.jpg`,
			alt: pick(seed.headings, random),
			caption: pick(seed.captions, random).replace(/\s*Ảnh:.*$/, ""),
			credit: "Kim Dung",
			width: 1200,
			height: 800,
		},
	};
	if (index % 7 === 3) data.updated = vietnamTime(published + HOUR / 2);
	if (index % 2 === 1) data.summary = pick(seed.sentences, random);
	return data;
}

/** YAML front matter with every string double-quoted as JSON (valid YAML), several times faster than a YAML library. */
function yamlOf(value: unknown, indent: string): string {
	if (Array.isArray(value))
		return value
			.map((item) =>
				typeof item === "object" && item !== null
					? `\n${indent}- ${yamlOf(item, `${indent}  `).trimStart()}`
					: `\n${indent}- ${JSON.stringify(item)}`,
			)
			.join("");
	if (typeof value === "object" && value !== null)
		return Object.entries(value)
			.map(([key, item]) =>
				typeof item === "object" && item !== null
					? `\n${indent}${key}:${yamlOf(item, `${indent}  `)}`
					: `\n${indent}${key}: ${JSON.stringify(item)}`,
			)
			.join("");
	return JSON.stringify(value);
}

/** Each article has its own seed, so any one of them can be written again alone, byte for byte. */
function articleText(seed: SeedText, index: number, bodyBytes: number): string {
	const random = seededRandom(Math.imul(index + 1, 0x9e3779b1) ^ bodyBytes);
	return `---${yamlOf(frontMatter(seed, index, random), "")}\n---\n\n${articleBody(seed, index, random, bodyBytes)}`;
}

/**
 * Where article `index` lives under content/, as in a real archive: content/YYYY/MM/ by its publication month (Vietnam
 * time), with every tenth article one level up in content/YYYY/ and every hundredth at the top: any depth is legal.
 */
export function articlePath(index: number): string {
	const month = new Date(NEWEST - index * SPACING_MS + VN_OFFSET).toISOString().slice(0, 7);
	const [year = "", monthNumber = ""] = month.split("-");
	const name = `bai-${String(index + 1).padStart(7, "0")}.md`;
	if (index % 100 === 99) return name;
	if (index % 10 === 9) return `${year}/${name}`;
	return `${year}/${monthNumber}/${name}`;
}

/** The body size a collection of `count` articles gets. */
export function bodyBytesFor(count: number): number {
	return count >= SMALL_BODIES_FROM ? SMALL_BODY_BYTES : BODY_BYTES;
}

/**
 * Writes `count` articles plus the project's site settings into `dir`, one file at a time (memory stays flat at any
 * count). A collection already there with the same stamp is kept, with the edited article written afresh.
 */
export function generateCollection(dir: string, count: number): GeneratedCollection {
	const bodyBytes = bodyBytesFor(count);
	const stampFile = `${dir}.stamp.json`;
	const stamp = { version: GENERATOR_VERSION, count, bodyBytes };
	const seed = readSeed();
	if (existsSync(stampFile)) {
		const found = JSON.parse(readFileSync(stampFile, "utf8")) as typeof stamp & { bytes: number };
		if (found.version === stamp.version && found.count === count && found.bodyBytes === bodyBytes) {
			for (const index of [EDITED_ARTICLE, archivedArticle(count)])
				if (index !== undefined && index < count)
					writeFileSync(join(dir, articlePath(index)), articleText(seed, index, bodyBytes));
			return { dir, articles: count, bodyBytes, bytes: found.bytes, reused: true };
		}
	}
	rmSync(stampFile, { force: true });
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	copyFileSync(SITE, join(dir, "site.yaml"));
	const folders = new Set<string>();
	let bytes = 0;
	for (let index = 0; index < count; index++) {
		const path = articlePath(index);
		const folder = dirname(path);
		if (!folders.has(folder)) {
			mkdirSync(join(dir, folder), { recursive: true });
			folders.add(folder);
		}
		const text = articleText(seed, index, bodyBytes);
		writeFileSync(join(dir, path), text);
		bytes += Buffer.byteLength(text);
	}
	writeFileSync(stampFile, JSON.stringify({ ...stamp, bytes }));
	return { dir, articles: count, bodyBytes, bytes, reused: false };
}

/** Edits one article's body, as an editor would. */
export function editArticle(dir: string, index = EDITED_ARTICLE): void {
	appendFileSync(join(dir, articlePath(index)), "\nBài viết được cập nhật lúc 10 giờ sáng nay.\n");
}
