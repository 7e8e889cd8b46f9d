// Writes a synthetic article collection for the benchmark: Vietnamese text from the seed article, with tags, authors and images.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

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
const HTML_BYTES_TARGET = 5000;
const NEWEST = Date.parse("2025-11-01T08:00:00+07:00");
const HOUR = 3_600_000;
const VN_OFFSET = 7 * HOUR;

export interface GeneratedCollection {
	dir: string;
	articles: number;
	/** Total bytes of the Markdown files written. */
	bytes: number;
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

function articleBody(seed: SeedText, index: number, random: () => number): string {
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
	while (bytes < HTML_BYTES_TARGET - 600) add(paragraph(), 7);
	add(
		`- ${pick(seed.sentences, random)}\n- ${pick(seed.sentences, random)}\n- [Xem thêm](https://edgefeed.example.com/articles/bai-${index + 2})`,
		40,
	);
	return `${blocks.join("\n\n")}\n`;
}

function frontMatter(seed: SeedText, index: number, random: () => number): Record<string, unknown> {
	const published = NEWEST - index * HOUR;
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

/** Replaces `dir` with `count` articles plus the project's site settings. Newest article first by file name. */
export function generateCollection(dir: string, count: number): GeneratedCollection {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	copyFileSync(SITE, join(dir, "site.yaml"));
	const seed = readSeed();
	const random = seededRandom(count);
	let bytes = 0;
	for (let index = 0; index < count; index++) {
		const text = `---\n${stringify(frontMatter(seed, index, random))}---\n\n${articleBody(seed, index, random)}`;
		writeFileSync(join(dir, articleFileName(index)), text);
		bytes += Buffer.byteLength(text);
	}
	return { dir, articles: count, bytes };
}

export function articleFileName(index: number): string {
	return `bai-${String(index + 1).padStart(5, "0")}.md`;
}
