// Atom 1.0: what of the feed model goes where, written by the `feed` library through our adapter.
import type { FeedModel } from "../feed/feedModel.ts";
import type { ArticleRecord, Person } from "../store/kvLayout.ts";
import { GENERATOR, type Item, renderAtomWithLibrary } from "./feedLibrary.ts";
import type { ValueSlots } from "./valueSlots.ts";

function atomPerson(slots: ValueSlots, person: Person): { name: string; email?: string; link?: string } {
	const out: { name: string; email?: string; link?: string } = { name: slots.text(person.name) };
	if (person.email) out.email = slots.text(person.email);
	if (person.url) out.link = slots.url(person.url);
	return out;
}

function atomEntry(slots: ValueSlots, model: FeedModel, record: ArticleRecord): Item {
	const entry: Item = {
		id: slots.url(record.guid),
		title: slots.text(record.title),
		link: slots.url(record.url),
		date: new Date(record.updated ?? record.published),
		published: new Date(record.published),
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
	if (image?.type.startsWith("image/")) {
		const enclosure: { url: string; title?: string } = {
			url: slots.enclosureUrl(image.url, image.type.slice("image/".length)),
		};
		if (image.alt) enclosure.title = slots.text(image.alt);
		entry.image = enclosure;
	}
	return entry;
}

/** Renders the model as Atom 1.0. The same model always gives the same bytes. */
export function renderAtom(model: FeedModel): string {
	return renderAtomWithLibrary((slots) => {
		const options = {
			id: slots.text(model.id),
			title: slots.text(model.title),
			description: slots.text(model.description),
			link: slots.url(model.links.html),
			feedLinks: { atom: slots.url(model.links.atom) },
			updated: new Date(model.updated),
			generator: slots.text(GENERATOR),
			author: atomPerson(slots, model.author),
			copyright: slots.text(model.copyright),
			...(model.hub ? { hub: slots.url(model.hub) } : {}),
			...(model.icon ? { favicon: slots.text(model.icon) } : {}),
		};
		return {
			options,
			language: slots.text(model.language),
			items: model.items.map((record) => atomEntry(slots, model, record)),
		};
	});
}
