// Draws the default favicon (a feed symbol on the pages' accent red, 32×32, PNG inside an ICO) and prints it as
// base64 for src/pages/defaultFavicon.ts. Run: node scripts/drawFavicon.ts
import { crc32, deflateSync } from "node:zlib";

const SIZE = 32;
const SAMPLES = 4;
const ACCENT = [0xa3, 0x16, 0x1a];

function inRoundedSquare(x: number, y: number): boolean {
	const r = 7;
	const cx = Math.min(Math.max(x, r), SIZE - r);
	const cy = Math.min(Math.max(y, r), SIZE - r);
	return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inFeedSymbol(x: number, y: number): boolean {
	const [ox, oy] = [8, 24];
	if ((x - ox - 1.5) ** 2 + (y - oy + 1.5) ** 2 <= 3.2 ** 2) return true;
	if (x < ox - 1 || y > oy + 1) return false;
	const d = Math.hypot(x - ox + 1, y - oy - 1);
	return (d >= 9.5 && d <= 13) || (d >= 16.5 && d <= 20);
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
	for (let x = 0; x < SIZE; x++) {
		let covered = 0;
		let white = 0;
		for (let sy = 0; sy < SAMPLES; sy++) {
			for (let sx = 0; sx < SAMPLES; sx++) {
				const px = x + (sx + 0.5) / SAMPLES;
				const py = y + (sy + 0.5) / SAMPLES;
				if (!inRoundedSquare(px, py)) continue;
				covered++;
				if (inFeedSymbol(px, py)) white++;
			}
		}
		const total = SAMPLES * SAMPLES;
		const w = covered === 0 ? 0 : white / covered;
		const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
		for (let c = 0; c < 3; c++) raw[offset + c] = Math.round((ACCENT[c] ?? 0) * (1 - w) + 255 * w);
		raw[offset + 3] = Math.round((covered / total) * 255);
	}
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	chunk("IHDR", header),
	chunk("IDAT", deflateSync(raw, { level: 9 })),
	chunk("IEND", Buffer.alloc(0)),
]);

const ico = Buffer.alloc(22);
ico.writeUInt16LE(1, 2); // type: icon
ico.writeUInt16LE(1, 4); // one image
ico.writeUInt8(SIZE, 6);
ico.writeUInt8(SIZE, 7);
ico.writeUInt16LE(1, 10); // planes
ico.writeUInt16LE(32, 12); // bits per pixel
ico.writeUInt32LE(png.length, 14);
ico.writeUInt32LE(22, 18);
process.stdout.write(`${Buffer.concat([ico, png]).toString("base64")}\n`);
