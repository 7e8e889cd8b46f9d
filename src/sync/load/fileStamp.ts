// The cheap check for an unchanged file: its size, mtime, ctime and inode, compared with those it had when its text
// was last hashed. Any write changes mtime and ctime (setting mtime back changes ctime), a replaced file has a new
// inode; a file written too recently to be sure of (its mtime within the clock's granularity of now) is never trusted.
import { lstatSync } from "node:fs";
import type { FileStamp } from "./renderCache.ts";

/** A write in the same clock tick as the stamp would not change mtime: files this new are always read. */
const RACY_NS = 2_000_000_000n;

/** The stamp of a regular file, or undefined when the file must be read to be sure (not a regular file, too new,
 * or unreadable: reading it reports why). Synchronous: one lstat of a file whose inode is cached costs a few
 * microseconds, far less than a round trip through libuv's thread pool, and every sync makes one per file. */
export function fileStamp(file: string, nowMs: number): FileStamp | undefined {
	try {
		const info = lstatSync(file, { bigint: true, throwIfNoEntry: false });
		if (!info?.isFile()) return undefined;
		if (BigInt(nowMs) * 1_000_000n - info.mtimeNs < RACY_NS) return undefined;
		return { size: Number(info.size), mtimeNs: info.mtimeNs, ctimeNs: info.ctimeNs, ino: info.ino };
	} catch {
		return undefined;
	}
}
