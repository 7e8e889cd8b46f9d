// Turns one validated article (front matter + Markdown body) into the ArticleRecord stored in KV.
import type { ArticleRecord, AuthorRef, ImageRef, Person, SiteSettings, TagRef } from "../../domain/model.ts";
import { safeText } from "../../text/safeText.ts";
import { articleUrl } from "../../urls/urlScheme.ts";
import { articleGuid } from "../validate/articleGuid.ts";
import type { ContentError } from "../validate/contentError.ts";
import type { FrontMatter } from "../validate/frontMatter.ts";
import { checkLocalImage, type LocalImages } from "../validate/localImages.ts";
import type { NameRegistry } from "../validate/nameRegistry.ts";
import { bodyImages, firstBodyImage } from "./bodyImages.ts";
import { firstParagraphText } from "./firstParagraphText.ts";
import { deepestNesting, MAX_NESTING } from "./markdownNesting.ts";
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
	/** The files in content/images/, which Workers Static Assets serves at /images/. */
	images: LocalImages;
}

/** The article's image: front matter's, else the body's first; every image shown from the site must be a file
 * in content/images/, whose size becomes the image's length. */
function articleImage(
	file: string,
	matter: FrontMatter,
	contentHtml: string,
	context: RecordContext,
	errors: ContentError[],
): ImageRef | undefined {
	const { baseUrl } = context.site;
	const inBody = bodyImages(contentHtml);
	for (const image of inBody) {
		for (const url of [image.src, ...image.srcset]) {
			if (url === undefined) continue;
			const local = checkLocalImage(url, baseUrl, context.images);
			if (!local.ok) errors.push({ file, field: "body", problem: `<img> ${local.problem}` });
		}
	}
	const image = matter.image ?? firstBodyImage(inBody);
	if (!image) return undefined;
	const local = checkLocalImage(image.url, baseUrl, context.images);
	if (!local.ok) {
		// A body image's problem is reported above.
		if (!image.inContent) errors.push({ file, field: "image.url", problem: local.problem });
		return image;
	}
	if (local.size === undefined) return image;
	if (image.length !== undefined && image.length !== local.size) {
		errors.push({
			file,
			field: "image.length",
			problem: `is ${image.length}, but the image file has ${local.size} bytes (leave it out for a local file)`,
		});
	}
	return { ...image, length: local.size };
}

export function buildArticleRecord(
	input: ArticleInput,
	context: RecordContext,
): { value: ArticleRecord | null; errors: ContentError[] } {
	const { matter, file, slug } = input;
	const { site } = context;
	const id = matter.id ?? input.stem;
	const pageUrl = articleUrl(site.baseUrl, slug);
	const nesting = deepestNesting(input.body);
	if (nesting.depth > MAX_NESTING) {
		const problem = `nests lists or block quotes ${nesting.depth} levels deep (body line ${nesting.line}); at most ${MAX_NESTING}`;
		return { value: null, errors: [{ file, field: "body", problem }] };
	}
	const contentHtml = sanitizeArticleHtml(renderMarkdown(safeText(input.body)), {
		baseUrl: site.baseUrl,
		pageUrl,
	});

	// Deduplicated by name, not slug: different names may share a natural slug until publishing tells them apart.
	const tags: TagRef[] = [];
	for (const name of matter.tags ?? []) {
		const tag = context.tags.resolve(name);
		if (!tags.some((t) => t.name === tag.name)) tags.push(tag);
	}
	const authors: AuthorRef[] = [];
	const people: Person[] = matter.authors ?? [site.author];
	for (const person of people) {
		const author = context.authors.resolve(person.name);
		if (!authors.some((a) => a.name === author.name)) authors.push({ ...person, ...author });
	}
	const errors: ContentError[] = [];
	const image = articleImage(file, matter, contentHtml, context, errors);
	if (errors.length > 0) return { value: null, errors };

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
		...(image === undefined ? {} : { image }),
	};
	return { value: record, errors: [] };
}
