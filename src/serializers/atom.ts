// Atom 1.0: what of the feed model goes where, written by the `feed` library through our adapter.
import type { FeedModel } from "../feed/feedModel.ts";
import type { ArticleRecord, ImageRef, Person } from "../store/kvLayout.ts";
import {
	GENERATOR,
	type Item,
	type LibraryDocument,
	renderAtomWithLibrary,
	type ValueList,
	type ValueSlots,
} from "./feedLibrary.ts";
import { mediaElements, mediaShape, mediaValues } from "./mediaRss.ts";

function atomPerson(slots: ValueSlots, person: Person): { name: string; email?: string; link?: string } {
	const out: { name: string; email?: string; link?: string } = { name: slots.text(person.name) };
	if (person.email) out.email = slots.text(person.email);
	if (person.url) out.link = slots.url(person.url);
	return out;
}

const IMAGE_TYPE = "image/";

type EnclosedImage = ImageRef & { length: number };

/** An enclosure states its size (RFC 4287 §4.2.7.6: length SHOULD be given), so only an image of known length
 * gets one; Media RSS describes every image. */
function hasEnclosure(image: ImageRef | undefined): image is EnclosedImage {
	return image?.type.startsWith(IMAGE_TYPE) === true && image.length !== undefined;
}

function atomEntry(slots: ValueSlots, model: FeedModel, record: ArticleRecord): Item {
	const entry: Item = {
		id: slots.url(record.guid),
		title: slots.text(record.title),
		link: slots.url(record.url),
		date: slots.date(Date.parse(record.updated ?? record.published)),
		published: slots.date(Date.parse(record.published)),
		description: slots.text(record.summary),
		content: slots.text(record.contentHtml),
		author: record.authors.map((author) => atomPerson(slots, author)),
		// term is the machine-readable slug, label the display name; scheme names the site's tag taxonomy.
		category: record.tags.map((tag) => ({
			term: slots.text(tag.slug),
			name: slots.text(tag.name),
			scheme: slots.url(model.tagScheme),
		})),
	};
	const image = record.image;
	// The library writes the enclosure as <link rel="enclosure" type="image/<extension>">; enclosureUrl makes
	// that extension our real subtype. Only image types fit that pattern, and ImageRef is always one.
	if (hasEnclosure(image)) {
		const enclosure: { url: string; title?: string; length: number } = {
			url: slots.enclosureUrl(image.url, image.type.slice(IMAGE_TYPE.length)),
			length: slots.text(String(image.length)) as unknown as number,
		};
		if (image.alt) enclosure.title = slots.text(image.alt);
		entry.image = enclosure;
	}
	return entry;
}

/** Every condition atomEntry and atomPerson branch on: which of each author's email and URL are there, how many
 * tags, whether there is an enclosure and its title, and the image's Media RSS fields. */
function atomEntryShape(record: ArticleRecord): string {
	let shape = `${record.tags.length}/`;
	for (const author of record.authors) shape += `${+!!author.email}${+!!author.url}.`;
	const image = record.image;
	if (!image) return `${shape}/-`;
	return `${shape}/${hasEnclosure(image) ? `e${+!!image.alt}` : "-"}/${mediaShape(image)}`;
}

/** atomEntry's values in the order it hands out placeholders (keep the two in step: the adapter checks they agree
 * for the first record of each shape). */
function atomEntryValues(values: ValueList, model: FeedModel, record: ArticleRecord): void {
	values.add(record.guid);
	values.add(record.title);
	values.add(record.url);
	values.date(Date.parse(record.updated ?? record.published));
	values.date(Date.parse(record.published));
	values.add(record.summary);
	values.add(record.contentHtml);
	for (const author of record.authors) {
		values.add(author.name);
		if (author.email) values.add(author.email);
		if (author.url) values.add(author.url);
	}
	for (const tag of record.tags) {
		values.add(tag.slug);
		values.add(tag.name);
		values.add(model.tagScheme);
	}
	const image = record.image;
	if (hasEnclosure(image)) {
		values.add(image.url);
		values.add(image.type.slice(IMAGE_TYPE.length));
		values.add(String(image.length));
		if (image.alt) values.add(image.alt);
	}
	if (image) mediaValues(values, image);
}

/** What of the model goes where in Atom, as the library is told it. */
export function atomDocument(model: FeedModel): LibraryDocument<ArticleRecord> {
	return {
		channel: (slots) => ({
			options: {
				id: slots.text(model.id),
				title: slots.text(model.title),
				description: slots.text(model.description),
				link: slots.url(model.links.html),
				feedLinks: { atom: slots.url(model.links.atom) },
				// Always the model's change time: left out, the library would stamp "now".
				updated: slots.date(model.updated),
				generator: slots.text(GENERATOR),
				author: atomPerson(slots, model.author),
				copyright: slots.text(model.copyright),
				...(model.hub ? { hub: slots.url(model.hub) } : {}),
				...(model.icon ? { favicon: slots.text(model.icon) } : {}),
			},
			language: slots.text(model.language),
		}),
		item: (slots, record) => atomEntry(slots, model, record),
		itemShape: atomEntryShape,
		itemExtensions: (slots, record) => (record.image ? mediaElements(slots, record.image) : []),
		itemValues: (values, record) => atomEntryValues(values, model, record),
		records: model.items,
	};
}

/** Renders the model as Atom 1.0. The same model always gives the same bytes. */
export function renderAtom(model: FeedModel): string {
	return renderAtomWithLibrary(atomDocument(model));
}
