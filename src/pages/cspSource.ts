// Content-Security-Policy hash sources: the one inline stylesheet and the one inline script pages carry are allowed
// by their exact bytes, so no other inline style or script (an injected one included) can run.
import { createHash } from "node:crypto";

/** `'sha256-…'` for a <style> or <script> element whose whole text content is `text`. */
export function cspHashSource(text: string): string {
	return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}
