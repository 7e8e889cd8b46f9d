// The subscribe box: a scope's three feeds, each with its URL to paste into a reader and a copy button.
import { html } from "hono/html";
import type { FeedLinks } from "../urls/urlScheme.ts";
import { type Html, sync } from "./pageLayout.ts";

const FORMATS = [
	["rss", "RSS"],
	["atom", "Atom"],
	["json", "JSON Feed"],
] as const;

/** Copy buttons start hidden: the page's one script (copyScript.ts) shows them, so without script none is dead. */
export function subscribeBox(links: FeedLinks): Html {
	const rows = FORMATS.map(([key, name]) =>
		sync(
			html`<li><a href="${links[key]}">${name}</a><button type="button" class="copy" data-copy="${links[key]}" data-done="Đã sao chép" hidden>Sao chép</button><code>${links[key]}</code></li>`,
		),
	);
	return sync(html`<section class="subscribe" aria-label="Theo dõi">
<h2 class="label">Theo dõi</h2>
<p>Dán một địa chỉ vào ứng dụng đọc tin:</p>
<ul>
${rows}
</ul>
</section>`);
}
