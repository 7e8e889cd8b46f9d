// Turns one validated article (front matter + Markdown body) into the ArticleRecord stored in KV.
import type { ArticleRecord, AuthorRef, Person, SiteSettings, TagRef } from "../../store/kvLayout.ts";
import { safeText } from "../../text/safeText.ts";
import { articleGuid } from "../validate/articleGuid.ts";
import type { ContentError } from "../validate/contentError.ts";
import type { FrontMatter } from "../validate/frontMatter.ts";
import type { NameRegistry } from "../validate/nameRegistry.ts";
import { firstParagraphText } from "./firstParagraphText.ts";
import { renderMarkdown } from "./renderMarkdown.ts";
import { sanitizeArticleHtml } from "./sanitizeHtml.ts";

export interface ArticleInput {
	file: string;
	/** File name without .md, NFC. */
	stem: string;
	slug: string;
	matter: FrontMatter;
	body: string;
}

export interface RecordContext {
	site: SiteSettings;
	productionBaseUrl: string;
	tags: NameRegistry;
	authors: NameRegistry;
}

export function buildArticleRecord(
	input: ArticleInput,
	context: RecordContext,
): { record: ArticleRecord | null; errors: ContentError[] } {
	const { matter, file, slug } = input;
	const { site } = context;
	const errors: ContentError[] = [];
	const id = matter.id ?? input.stem;
	const pageUrl = `${site.baseUrl}/articles/${encodeURIComponent(slug)}`;
	const contentHtml = sanitizeArticleHtml(renderMarkdown(safeText(input.body)), {
		baseUrl: site.baseUrl,
		pageUrl,
	});

	const tags: TagRef[] = [];
	(matter.tags ?? []).forEach((name, index) => {
		const tag = context.tags.resolve(name, file, `tags[${index}]`);
		if ("problem" in tag) errors.push(tag);
		else if (!tags.some((t) => t.slug === tag.slug)) tags.push(tag);
	});
	const authors: AuthorRef[] = [];
	const people: Person[] = matter.authors ?? [site.author];
	people.forEach((person, index) => {
		const author = context.authors.resolve(
			person.name,
			file,
			matter.authors ? `authors[${index}]` : "authors",
		);
		if ("problem" in author) errors.push(author);
		else if (!authors.some((a) => a.slug === author.slug)) authors.push({ ...person, ...author });
	});
	if (errors.length > 0) return { record: null, errors };

	const record: ArticleRecord = {
		id,
		guid: articleGuid(id, context.productionBaseUrl),
		slug,
		title: matter.title,
		url: matter.canonical ?? pageUrl,
		...(matter.canonical === undefined ? {} : { canonical: matter.canonical }),
		published: matter.date.value,
		...(matter.date.dateOnly ? { publishedDateOnly: true as const } : {}),
		...(matter.updated === undefined ? {} : { updated: matter.updated.value }),
		...(matter.updated?.dateOnly ? { updatedDateOnly: true as const } : {}),
		summary: matter.summary ?? firstParagraphText(contentHtml),
		contentHtml,
		tags,
		authors,
		...(matter.image === undefined ? {} : { image: matter.image }),
	};
	return { record, errors };
}
