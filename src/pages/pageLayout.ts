// The HTML shell every page shares: language, title, feed autodiscovery links and a no-script security policy.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { FeedLinks } from "../feed/feedModel.ts";
import type { SiteSettings } from "../store/kvLayout.ts";

export type Html = HtmlEscapedString;

/** Pages run no script and load nothing but images and their own inline style. */
export const PAGE_HEADERS: Record<string, string> = {
	"Content-Security-Policy":
		"default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	"Referrer-Policy": "strict-origin-when-cross-origin",
};

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

const STYLE = raw(
	"body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55}" +
		"img{max-width:100%;height:auto}figure{margin:1.5rem 0}figcaption{font-size:.9em;color:#555}" +
		"ul.articles{list-style:none;padding:0}ul.articles li{margin:0 0 1.2rem}.meta{color:#555;font-size:.9em}",
);

export function pageLayout(page: {
	site: SiteSettings;
	title: string;
	canonical: string;
	feeds: readonly FeedAnnouncement[];
	main: Html;
}): string {
	return sync(html`<!doctype html>
<html lang="${page.site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="canonical" href="${page.canonical}">
${page.site.icon ? html`<link rel="icon" href="${page.site.icon}">` : ""}
${alternates(page.feeds)}
<style>${STYLE}</style>
</head>
<body>
<header><a href="${page.site.baseUrl}/">${page.site.title}</a></header>
<main>
${page.main}
</main>
<footer><p>${page.site.copyright}</p></footer>
</body>
</html>
`).toString();
}
