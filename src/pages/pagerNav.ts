// The links between pages of one sequence (a scope's archive pages then its page; a directory's pages), with
// rel="prev" toward the sequence's start and rel="next" toward its end, and the position between them.
import { html } from "hono/html";
import { type Html, sync } from "./pageLayout.ts";

/** One link of a pager: where it leads, what it says, and which way along the sequence it goes. */
export interface PagerLink {
	href: string;
	text: string;
	rel: "prev" | "next";
}

/** A <nav> with `before` on the left, `position` (e.g. "trang 3 / 40") and `after` on the right; "" when it has
 * no link at all. Lists shown newest first put the newer link (rel="next") before. */
export function pagerNav(nav: {
	label: string;
	before?: PagerLink;
	position?: string;
	after?: PagerLink;
}): Html | "" {
	if (!nav.before && !nav.after) return "";
	const link = (pager: PagerLink | undefined, side: string) =>
		pager ? sync(html`<a class="${side}" rel="${pager.rel}" href="${pager.href}">${pager.text}</a>`) : "";
	return sync(html`<nav class="pager" aria-label="${nav.label}">
${link(nav.before, "before")}${nav.position ? html`<span class="position">${nav.position}</span>` : ""}${link(nav.after, "after")}
</nav>`);
}
