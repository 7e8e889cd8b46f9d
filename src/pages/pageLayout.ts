// The HTML shell every page shares: language, title, feed autodiscovery, favicon, the site's header and footer,
// and a security policy that lets only the page's own stylesheet and copy script run.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { SiteSettings } from "../domain/model.ts";
import { type FeedLinks, faviconUrl, feedLinks, opmlUrl } from "../urls/urlScheme.ts";
import { COPY_SCRIPT, COPY_SCRIPT_SOURCE } from "./copyScript.ts";
import { cspHashSource } from "./cspSource.ts";
import { PAGE_STYLE, PAGE_STYLE_SOURCE } from "./pageStyle.ts";

export type Html = HtmlEscapedString;

/** A page's policy: it loads nothing but images, and runs only its own inline stylesheet and script (their exact
 * texts, allowed by hash), so no other inline style, style attribute or script runs. */
export function contentSecurityPolicy(inline: { style: string; script?: string }): string {
	const script = inline.script === undefined ? "" : ` script-src ${cspHashSource(inline.script)};`;
	return `default-src 'none'; img-src https: http:; style-src ${cspHashSource(inline.style)};${script} base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

/** Every page has a subscribe box, so every page carries the copy script. */
export const PAGE_HEADERS: Record<string, string> = {
	"Content-Security-Policy": contentSecurityPolicy({ style: PAGE_STYLE, script: COPY_SCRIPT }),
	"Referrer-Policy": "strict-origin-when-cross-origin",
};

/** Changes whenever the stylesheet or the script does, and with them the policy: see ViewSpec.bodyVersion. */
export const PAGE_BODY_VERSION = [PAGE_STYLE_SOURCE, COPY_SCRIPT_SOURCE]
	.map((source) =>
		source
			.slice("'sha256-".length)
			.replace(/[^A-Za-z0-9]/g, "")
			.slice(0, 10),
	)
	.join("");

export const HTML_TYPE = "text/html; charset=utf-8";

/** A set of feeds to announce with <link rel="alternate">, e.g. a tag's feeds and the site's. */
export interface FeedAnnouncement {
	title: string;
	links: FeedLinks;
}

/** hono/html returns a promise only when given one; pages never are. */
export function sync(value: Html | Promise<Html>): Html {
	if (value instanceof Promise) throw new Error("page templates must not contain promises");
	return value;
}

function alternates(feeds: readonly FeedAnnouncement[]): Html[] {
	return feeds.flatMap(({ title, links }) => [
		sync(html`<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${links.rss}">`),
		sync(
			html`<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${links.atom}">`,
		),
		sync(
			html`<link rel="alternate" type="application/feed+json" title="${title} (JSON Feed)" href="${links.json}">`,
		),
	]);
}

/** Links to the three feeds of a scope, for the body of a page. */
export function feedLinkList(links: FeedLinks): Html {
	return sync(
		html`<span class="feeds"><a href="${links.rss}">RSS</a> · <a href="${links.atom}">Atom</a> · <a href="${links.json}">JSON Feed</a></span>`,
	);
}

export function pageLayout(page: {
	site: SiteSettings;
	title: string;
	canonical: string;
	feeds: readonly FeedAnnouncement[];
	/** The home page names the site in its <h1>; every other page names it once, as a link home. */
	home?: boolean;
	main: Html;
}): string {
	const { site } = page;
	const brand = page.home
		? html`<h1 class="brand">${site.title}</h1>
<p class="tagline">${site.description}</p>`
		: html`<p class="brand"><a href="${site.baseUrl}/">${site.title}</a></p>`;
	return sync(html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${page.title}</title>
<link rel="canonical" href="${page.canonical}">
<link rel="icon" href="${site.icon ?? faviconUrl(site.baseUrl)}">
${alternates(page.feeds)}
<link rel="outline" type="text/x-opml" title="${site.title} (OPML)" href="${opmlUrl(site.baseUrl)}">
<style>${raw(PAGE_STYLE)}</style>
</head>
<body>
<header class="site"><div class="wrap">
${brand}
</div></header>
<main class="wrap">
${page.main}
</main>
<footer class="site"><div class="wrap">
<p>${site.copyright}</p>
<p>Theo dõi: ${feedLinkList(feedLinks(site.baseUrl, ""))}</p>
</div></footer>
<script>${raw(COPY_SCRIPT)}</script>
</body>
</html>
`).toString();
}
