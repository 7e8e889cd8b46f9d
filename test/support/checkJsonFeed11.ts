// JSON Feed 1.1 checks (https://www.jsonfeed.org/version/1.1/): required fields, types, dates and URLs.
import { isAbsoluteIri, isLanguageTag, isMimeType, isRfc3339Date } from "./feedRules.ts";

type Report = (message: string) => void;
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === "object" && value !== null && !Array.isArray(value);

function checkString(object: Json, key: string, where: string, report: Report) {
	if (key in object && typeof object[key] !== "string") report(`${where}.${key}: must be a string`);
}

function checkUrl(object: Json, key: string, where: string, report: Report) {
	if (!(key in object)) return;
	const value = object[key];
	if (typeof value !== "string" || !isAbsoluteIri(value)) report(`${where}.${key}: must be an absolute URL`);
}

function checkDate(object: Json, key: string, where: string, report: Report) {
	if (!(key in object)) return;
	const value = object[key];
	if (typeof value !== "string" || !isRfc3339Date(value))
		report(`${where}.${key}: must be an RFC 3339 date-time`);
}

function checkNoNulls(object: Json, where: string, report: Report) {
	for (const [key, value] of Object.entries(object)) {
		if (value === null) report(`${where}.${key}: null (omit absent fields instead)`);
	}
}

function checkAuthors(object: Json, where: string, report: Report) {
	if ("author" in object) report(`${where}.author: the 1.0 field; 1.1 uses "authors"`);
	if (!("authors" in object)) return;
	const authors = object.authors;
	checkObjects(authors, `${where}.authors`, report, (author, at) => {
		if (!("name" in author || "url" in author || "avatar" in author))
			report(`${at}: must have at least one of name, url, avatar`);
		checkString(author, "name", at, report);
		checkUrl(author, "url", at, report);
		checkUrl(author, "avatar", at, report);
	});
}

/** An array of objects, each checked by `check`; anything else is reported. */
function checkObjects(
	value: unknown,
	where: string,
	report: Report,
	check: (object: Json, at: string) => void,
) {
	if (!Array.isArray(value)) {
		report(`${where}: must be an array`);
		return;
	}
	for (const [index, object] of value.entries()) {
		if (isObject(object)) check(object, `${where}[${index}]`);
		else report(`${where}[${index}]: must be an object`);
	}
}

function checkItem(item: unknown, index: number, report: Report): string | undefined {
	const where = `items[${index}]`;
	if (!isObject(item)) {
		report(`${where}: must be an object`);
		return undefined;
	}
	checkNoNulls(item, where, report);
	if (typeof item.id !== "string" || item.id === "") report(`${where}.id: required, a non-empty string`);
	if (typeof item.content_html !== "string" && typeof item.content_text !== "string")
		report(`${where}: needs content_html or content_text`);
	for (const key of ["title", "summary", "content_html", "content_text", "language"])
		checkString(item, key, where, report);
	if (typeof item.language === "string" && !isLanguageTag(item.language))
		report(`${where}.language: not a language tag`);
	for (const key of ["url", "external_url", "image", "banner_image"]) checkUrl(item, key, where, report);
	checkDate(item, "date_published", where, report);
	checkDate(item, "date_modified", where, report);
	checkAuthors(item, where, report);
	if ("tags" in item && !(Array.isArray(item.tags) && item.tags.every((tag) => typeof tag === "string")))
		report(`${where}.tags: must be an array of strings`);
	if ("attachments" in item)
		checkObjects(item.attachments, `${where}.attachments`, report, (attachment, at) => {
			if (!("url" in attachment)) report(`${at}.url: required`);
			checkUrl(attachment, "url", at, report);
			if (typeof attachment.mime_type !== "string" || !isMimeType(attachment.mime_type))
				report(`${at}.mime_type: required, a MIME type`);
		});
	return typeof item.id === "string" ? item.id : undefined;
}

/** Checks a JSON Feed 1.1 document; returns one message per problem (empty when valid). */
export function checkJsonFeed11(text: string): string[] {
	const errors: string[] = [];
	const report: Report = (message) => errors.push(message);
	let feed: unknown;
	try {
		feed = JSON.parse(text);
	} catch (error) {
		return [`not valid JSON: ${(error as Error).message}`];
	}
	if (!isObject(feed)) return ["the feed must be a JSON object"];
	checkNoNulls(feed, "feed", report);
	if (feed.version !== "https://jsonfeed.org/version/1.1")
		report(`feed.version: must be "https://jsonfeed.org/version/1.1", found ${JSON.stringify(feed.version)}`);
	if (typeof feed.title !== "string") report("feed.title: required, a string");
	for (const key of ["description", "user_comment", "language"]) checkString(feed, key, "feed", report);
	if (typeof feed.language === "string" && !isLanguageTag(feed.language))
		report("feed.language: not a language tag");
	for (const key of ["home_page_url", "feed_url", "next_url", "icon", "favicon"])
		checkUrl(feed, key, "feed", report);
	// A reader following next_url back to the same document would loop.
	if ("next_url" in feed && feed.next_url === feed.feed_url)
		report("feed.next_url: must not be the feed_url");
	if ("expired" in feed && typeof feed.expired !== "boolean") report("feed.expired: must be a boolean");
	checkAuthors(feed, "feed", report);
	if ("hubs" in feed)
		checkObjects(feed.hubs, "feed.hubs", report, (hub, at) => {
			if (typeof hub.type !== "string") report(`${at}.type: required, a string`);
			if (!("url" in hub)) report(`${at}.url: required`);
			checkUrl(hub, "url", at, report);
		});
	if (!Array.isArray(feed.items)) {
		report("feed.items: required, an array");
		return errors;
	}
	const ids = feed.items.map((item, index) => checkItem(item, index, report));
	for (const id of new Set(ids.filter((value, index) => value !== undefined && ids.indexOf(value) !== index)))
		report(`item id used by more than one item: ${id}`);
	return errors;
}
