// A list of articles (title, date, summary) as the index, tag and author pages show it.
import { html } from "hono/html";
import type { ArticleRecord, SiteSettings } from "../domain/model.ts";
import { articleUrl } from "../urls/urlScheme.ts";
import type { PageDates } from "./pageDate.ts";
import { type Html, sync } from "./pageLayout.ts";

export function articleList(site: SiteSettings, records: readonly ArticleRecord[], dates: PageDates): Html {
	if (records.length === 0) return sync(html`<p>Chưa có bài viết.</p>`);
	const items = records.map((record) =>
		sync(html`<li>
<h3><a href="${articleUrl(site.baseUrl, record.slug)}">${record.title}</a></h3>
<p class="meta">${dates.time(site, record.published, record.publishedDateOnly)}</p>
<p>${record.summary}</p>
</li>`),
	);
	return sync(html`<ul class="articles">
${items}
</ul>`);
}
