// URLs for feeds: safe text, in the WHATWG serialisation (ASCII only), since RSS validators reject raw IRIs.
import { safeText } from "./safeText.ts";

/** The URL made safe and, when it parses, percent-encoded and normalised; otherwise the safe text as is. */
export function safeUrl(url: string): string {
	const text = safeText(url);
	try {
		return new URL(text).href;
	} catch {
		return text;
	}
}
