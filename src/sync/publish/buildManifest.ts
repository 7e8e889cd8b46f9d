// Builds the manifest (the index of one published version) from rendered records. Runs on Node and in workerd.
import type {
	ArticleEntry,
	ArticleRecord,
	Manifest,
	Person,
	ScopeKey,
	ScopeState,
	SiteSettings,
} from "../../domain/model.ts";
import { authorScope, tagScope } from "../../urls/urlScheme.ts";
import { hashJson, hashText } from "./contentHash.ts";

/** One record as stored: its canonical JSON and the hash that names its key. */
export interface StoredRecord {
	id: string;
	hash: string;
	json: string;
}

/** Everything one version consists of, ready to be planned against what KV holds. */
export interface Snapshot {
	manifest: Manifest;
	manifestHash: string;
	manifestJson: string;
	/** In manifest order (newest published first). */
	records: StoredRecord[];
	/** Article id -> record hash. */
	recordHashes: Map<string, string>;
}

/**
 * Builds the manifest for `records` (drafts already left out) as of `now` (epoch ms).
 *
 * `previous` is the manifest currently published, if any; it carries each scope's `changed` forward, so syncing
 * unchanged content again yields a byte-identical manifest (same hash, so nothing to write).
 */
export async function buildManifest(
	site: SiteSettings,
	records: ArticleRecord[],
	previous: Manifest | null,
	now: number,
): Promise<Snapshot> {
	const stored = await Promise.all(records.map(async (record) => ({ record, ...(await hashJson(record)) })));
	const entries: ArticleEntry[] = stored.map(({ record, hash }) => {
		const published = Date.parse(record.published);
		return {
			id: record.id,
			slug: record.slug,
			record: hash,
			published,
			modified: record.updated === undefined ? published : Date.parse(record.updated),
			tags: record.tags.map((tag) => tag.slug),
			authors: record.authors.map((author) => author.slug),
		};
	});
	const order = (a: ArticleEntry, b: ArticleEntry): number =>
		b.published - a.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	entries.sort(order);
	const position = new Map(entries.map((entry, index) => [entry.id, index]));
	stored.sort((a, b) => (position.get(a.record.id) ?? 0) - (position.get(b.record.id) ?? 0));

	// Maps, not object literals: a slug such as "constructor" or "__proto__" is a key like any other.
	const tagNames = new Map<string, string>();
	const people = new Map<string, Person>();
	// Newest article first, so an author's newest email/url wins.
	for (const { record } of stored) {
		for (const tag of record.tags) if (!tagNames.has(tag.slug)) tagNames.set(tag.slug, tag.name);
		for (const { slug, ...person } of record.authors) if (!people.has(slug)) people.set(slug, person);
	}
	const tags: Record<string, string> = Object.fromEntries(tagNames);
	const authors: Record<string, Person> = Object.fromEntries(people);

	const siteHash = (await hashJson(site)).hash;
	const scopes: Record<ScopeKey, ScopeState> = Object.create(null);
	const scopeMembers = new Map<ScopeKey, ArticleEntry[]>([["", entries]]);
	const addMember = (key: ScopeKey, entry: ArticleEntry): void => {
		const members = scopeMembers.get(key);
		if (members) members.push(entry);
		else scopeMembers.set(key, [entry]);
	};
	for (const entry of entries) {
		for (const slug of entry.tags) addMember(tagScope(slug), entry);
		for (const slug of entry.authors) addMember(authorScope(slug), entry);
	}
	for (const [key, members] of scopeMembers) {
		scopes[key] = await scopeState(members, siteHash, previous?.scopes?.[key], now);
	}

	const manifest: Manifest = { site, siteHash, articles: entries, tags, authors, scopes };
	const { json, hash } = await hashJson(manifest);
	return {
		manifest,
		manifestHash: hash,
		manifestJson: json,
		records: stored.map(({ record, hash, json }) => ({ id: record.id, hash, json })),
		recordHashes: new Map(entries.map((entry) => [entry.id, entry.record])),
	};
}

/**
 * A scope's fingerprint covers what it shows at `now` (future-dated items are hidden until their time) plus the
 * site settings, because a new title changes every feed. `changed` moves only when the fingerprint does: to the
 * newest visible modification if that is newer than before, else to `now` (a deletion, or an edit that did not
 * bump `updated`, still changes the feed).
 */
async function scopeState(
	members: ArticleEntry[],
	siteHash: string,
	previous: ScopeState | undefined,
	now: number,
): Promise<ScopeState> {
	const visible = members.filter((entry) => entry.published <= now);
	const fingerprint = await hashText([siteHash, ...visible.map((entry) => entry.record)].join("\n"));
	const newest = visible.reduce<number | null>(
		(max, entry) => (max === null || entry.modified > max ? entry.modified : max),
		null,
	);
	if (!previous) return { changed: newest ?? now, fingerprint };
	if (previous.fingerprint === fingerprint) return { changed: previous.changed, fingerprint };
	return { changed: newest !== null && newest > previous.changed ? newest : now, fingerprint };
}
