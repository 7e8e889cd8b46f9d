// Passes every string of an article record (and of a person) through safeText, so any format can carry it;
// URLs also get their ASCII serialisation (safeUrl).
import type { ArticleRecord, AuthorRef, ImageRef, Person, TagRef } from "../domain/model.ts";
import { safeText } from "../text/safeText.ts";
import { safeUrl } from "../text/safeUrl.ts";

/** A copy of the person with every string made safe; absent optionals stay absent. */
export function safePerson(person: Person): Person {
	const safe: Person = { name: safeText(person.name) };
	if (person.email !== undefined) safe.email = safeText(person.email);
	if (person.url !== undefined) safe.url = safeUrl(person.url);
	return safe;
}

function safeAuthor(author: AuthorRef): AuthorRef {
	return { ...safePerson(author), slug: safeText(author.slug) };
}

function safeTag(tag: TagRef): TagRef {
	return { name: safeText(tag.name), slug: safeText(tag.slug) };
}

function safeImage(image: ImageRef): ImageRef {
	const safe: ImageRef = { url: safeUrl(image.url), type: safeText(image.type) };
	if (image.alt !== undefined) safe.alt = safeText(image.alt);
	if (image.caption !== undefined) safe.caption = safeText(image.caption);
	if (image.credit !== undefined) safe.credit = safeText(image.credit);
	if (image.width !== undefined) safe.width = image.width;
	if (image.height !== undefined) safe.height = image.height;
	if (image.length !== undefined) safe.length = image.length;
	if (image.inContent) safe.inContent = true;
	return safe;
}

/** Makes records safe, each once: the same copy each time for the same record, which must not be changed afterwards. */
export type SafeArticles = (record: ArticleRecord) => ArticleRecord;

/** Records are immutable once read (src/store/articleStore.ts hands back the same object for the same hash), so
 * each is made safe once per isolate, not on every render: the view runtime owns one of these per app. The safe
 * copy maps to itself, since safeText is idempotent. */
export function createSafeArticles(): SafeArticles {
	const safeRecords = new WeakMap<ArticleRecord, ArticleRecord>();
	return (record) => {
		const known = safeRecords.get(record);
		if (known) return known;
		const safe = makeSafe(record);
		safeRecords.set(record, safe);
		safeRecords.set(safe, safe);
		return safe;
	};
}

/** A copy of the record with every string made safe (NFC, no XML-forbidden characters, no lone surrogates). */
export const safeArticle = (record: ArticleRecord): ArticleRecord => makeSafe(record);

function makeSafe(record: ArticleRecord): ArticleRecord {
	const safe: ArticleRecord = {
		id: safeText(record.id),
		guid: safeUrl(record.guid),
		slug: safeText(record.slug),
		title: safeText(record.title),
		url: safeUrl(record.url),
		published: safeText(record.published),
		summary: safeText(record.summary),
		contentHtml: safeText(record.contentHtml),
		tags: record.tags.map(safeTag),
		authors: record.authors.map(safeAuthor),
	};
	if (record.canonical !== undefined) safe.canonical = safeUrl(record.canonical);
	if (record.publishedDateOnly) safe.publishedDateOnly = true;
	if (record.updated !== undefined) safe.updated = safeText(record.updated);
	if (record.updatedDateOnly) safe.updatedDateOnly = true;
	if (record.image !== undefined) safe.image = safeImage(record.image);
	return safe;
}
