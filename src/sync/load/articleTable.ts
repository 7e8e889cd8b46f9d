// The articles one sync loaded, in a SQLite database rather than the heap: each file's id and slug claim (duplicates
// across folders are found by key, not by a map of every file), each published or scheduled article's small fields,
// and, once slugs are final, each scope's members in feed order. It is the ArticleSource publishing reads, so a
// million articles cost the same memory as ten (Node only).
//
// Given a file, the table outlives the run: the next run over the same listing (content folder and run inputs)
// starts from it, writes only the rows of files that changed, and gives only their members new rows, so a re-sync of
// an archive does not rebuild what it already holds. A run's changes are kept only when its content was valid (see
// keep), all at once when the table closes; a run that cannot have the file (another sync holds it) works on a
// private database from nothing.
import type { StatementSync } from "node:sqlite";
import type { ArticleEntry, AuthorRef, TagRef } from "../../domain/model.ts";
import { shardOf } from "../../store/kvLayout.ts";
import { authorScope, tagScope } from "../../urls/urlScheme.ts";
import {
	type ArticleSource,
	type ScopeBuild,
	type ScopeMembers,
	type SlugOf,
	type SourceArticle,
	scopeNaming,
	withSlugsFinal,
} from "../publish/articleSource.ts";
import { openRunDatabase, stringOrder } from "../shared/runDatabase.ts";
import { statementCache } from "../shared/sqlite.ts";
import { openKept } from "./keptTable.ts";

/** One published or scheduled article, without its body: what ordering, scoping and planning need. */
export interface LoadedArticle extends SourceArticle {
	/** The file, as messages show it. */
	file: string;
}

/** A file that claims an id or a slug another file, earlier in path order, has. */
export interface DuplicateClaim {
	file: string;
	kind: "id" | "slug";
	value: string;
	/** The earlier file. */
	owner: string;
}

export interface ArticleTable extends ArticleSource {
	/**
	 * Tells the table the loader is at `file` (as messages show it; files come in path order, each once). Whatever
	 * the table held of files between the last one and this is of files gone, and is dropped; what it held of the
	 * last one that the loader did not claim or add again, likewise. claim and add call it themselves.
	 */
	visit(file: string): void;
	/** `file` claims an id and a slug; see duplicates. */
	claim(id: string, slug: string, file: string): void;
	add(article: LoadedArticle): void;
	/** Every file was visited: drops what the table held after the last one. */
	finish(): void;
	/** After finish: every claim of an id or slug that an earlier file (in path order) already claimed. */
	duplicates(): DuplicateClaim[];
	/** Every article in path order, for callers that want them all. */
	loaded(): Iterable<LoadedArticle>;
	/** The content was valid: closing keeps this run's changes for the next run (a table on a file). */
	keep(): void;
	/** Closes the table, keeping its changes if keep was called; reads fail after it. */
	close(): void;
}

/** Bump when the tables change: a file of another version is started again from nothing. */
const SCHEMA_VERSION = "4";

// `file` holds every visited file that claims an id and a slug (drafts and invalid files too), `article` the
// published and scheduled ones. `loaded_*` are the article as the loader gave it; `record`, `tags` and `authors` the
// same with final slugs. Indexes a run only reads through are made when first needed (sorted, at once, rather than
// kept up row by row while a first run fills the table). `slug_hash` is shardOf(slug, 2^32): its remainder by any
// shard count is the slug's shard. A member row copies its article's entry, so a scope reads its members in order
// from one range of the table; an article's members are made once slugs are final (`members_made`), in that run or
// the next one to finalize. `built` keeps each scope's summary and archive pages as a version last built them
// (`built_value`, each value marked with the build that made or kept it last): reused whole while the scope's members
// stay the same, and once they change (`inputs` is then emptied), the archive pages a new build may keep.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS file (sort_key BLOB PRIMARY KEY, file TEXT NOT NULL, id TEXT NOT NULL, slug TEXT NOT NULL)
	WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article (seq INTEGER PRIMARY KEY, sort_key BLOB NOT NULL UNIQUE, id TEXT NOT NULL,
	id_order BLOB NOT NULL, slug TEXT NOT NULL, slug_hash INTEGER NOT NULL, file TEXT NOT NULL,
	published INTEGER NOT NULL, modified INTEGER NOT NULL, loaded_record TEXT NOT NULL, loaded_tags TEXT NOT NULL,
	loaded_authors TEXT NOT NULL, record TEXT NOT NULL, tags TEXT NOT NULL, authors TEXT NOT NULL,
	members_made INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS article_unmade ON article (seq) WHERE members_made = 0;
CREATE TABLE IF NOT EXISTS member (scope TEXT NOT NULL, published INTEGER NOT NULL, id_order BLOB NOT NULL,
	seq INTEGER NOT NULL, id TEXT NOT NULL, slug TEXT NOT NULL, record TEXT NOT NULL, modified INTEGER NOT NULL,
	PRIMARY KEY (scope, published, id_order DESC)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rewritten (hash TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS built (scope TEXT PRIMARY KEY, inputs TEXT NOT NULL, result TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS built_value (scope TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL,
	build INTEGER NOT NULL, PRIMARY KEY (scope, key)) WITHOUT ROWID;
`;

/** The columns a member copies from its article (after `scope`), and their source in an `article a`. */
const MEMBER_COLUMNS = "published, id_order, seq, id, slug, record, modified";
const MEMBER_SOURCE = "a.published, a.id_order, a.seq, a.id, a.slug, a.record, a.modified";

/** Rows read per query while walking beside the loader or rewriting: rows change between pages, never under an open
 * query. */
const PAGE_ROWS = 1000;

/** Past this share of changed articles, members are made again from all articles at once (sorted, in bulk)
 * rather than changed one article at a time. */
const BULK_SHARE = 0.1;

const ENTRY_COLUMNS = "id, slug, record, published, modified";

/** A row of ENTRY_COLUMNS, read as an array (a million rows make no million column-named objects). */
function entryOf(row: unknown[]): ArticleEntry {
	const [id, slug, record, published, modified] = row as [string, string, string, number, number];
	return { id, slug, record, published, modified };
}

/** What the table held of one file when the run began. */
interface HeldFile {
	file: string;
	id: string;
	slug: string;
	/** The article row, if the file was a published or scheduled article. */
	article?: {
		seq: number;
		loaded: string;
		published: number;
		modified: number;
		tags: string;
		authors: string;
	};
}

/** The file the loader is at: what the table held of it, and whether the loader claimed and added it again. */
interface Visit {
	held: HeldFile | undefined;
	claimed: boolean;
	added: boolean;
}

export interface ArticleTableOptions {
	/** The table's file, kept between runs; none given, a private database that goes with the run. */
	file?: string;
}

/**
 * `recordJson` reads a record the render cache holds; records rewritten for their final slugs are kept here. With
 * `options.file`, the run starts from what an earlier run kept there (see the opening comment).
 */
export async function openArticleTable(
	recordJson: (hash: string) => string,
	options: ArticleTableOptions = {},
): Promise<ArticleTable> {
	// One transaction for the whole run: a run whose content is invalid leaves the kept table as it was.
	const kept = options.file === undefined ? null : await openKept(options.file, SCHEMA_VERSION);
	const db = kept ?? (await openRunDatabase());
	if (!kept) db.exec("BEGIN");
	db.exec(SCHEMA);
	db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
	let closed = false;
	let keeping = false;
	const sql = statementCache(db);
	/** A statement whose rows are arrays, for the queries that read every article. */
	const arrays = (text: string): StatementSync => {
		const statement = sql(text);
		statement.setReturnArrays(true);
		return statement;
	};
	let count = 0;
	// A tag or author per name, not per article: few enough to keep. Name -> natural slug, in first-seen order.
	const distinctNames = { tag: new Map<string, string>(), author: new Map<string, string>() };
	const remember = (names: Map<string, string>, refs: readonly TagRef[]): void => {
		for (const { name, slug } of refs) if (!names.has(name)) names.set(name, slug);
	};
	const rewrittenJson = (hash: string): string | undefined =>
		sql("SELECT json FROM rewritten WHERE hash = ?").get(hash)?.json as string | undefined;
	/** Final slugs the members were made with: tag or author name -> slug. */
	const slugsBefore = JSON.parse(
		String(sql("SELECT value FROM meta WHERE key = 'slugs'").get()?.value ?? '{"tag":{},"author":{}}'),
	) as Record<"tag" | "author", Record<string, string>>;
	const heldArticles = Number(sql("SELECT count(*) AS n FROM article").get()?.n ?? 0);
	/** The kept build of `scope` can no longer be reused whole: its members are changing. */
	const unbuilt = (scope: string): void => {
		sql("UPDATE built SET inputs = '' WHERE scope = ?").run(scope);
	};
	/** Numbers the builds kept, so that a build's values can be told from those of the build it replaces. */
	let lastBuild = Number(sql("SELECT value FROM meta WHERE key = 'build'").get()?.value ?? 0);
	/** The scopes an article's final tags and authors place it in. */
	const scopesOf = (tags: string, authors: string): string[] => [
		"",
		...(JSON.parse(tags) as TagRef[]).map((tag) => tagScope(tag.slug)),
		...(JSON.parse(authors) as AuthorRef[]).map((author) => authorScope(author.slug)),
	];

	/** Drops an article's members (as its final tags and authors place it). */
	const dropMembers = (seq: number): void => {
		const row = sql(
			"SELECT published, id_order, tags, authors FROM article WHERE seq = ? AND members_made = 1",
		).get(seq);
		if (!row) return;
		for (const scope of scopesOf(row.tags as string, row.authors as string)) {
			sql("DELETE FROM member WHERE scope = ? AND published = ? AND id_order = ?").run(
				scope,
				row.published as number,
				row.id_order as Uint8Array,
			);
			unbuilt(scope);
		}
	};
	const dropArticle = (seq: number): void => {
		dropMembers(seq);
		sql("DELETE FROM article WHERE seq = ?").run(seq);
	};

	// What the table held, read a page at a time in path order beside the files the loader visits.
	let page: HeldFile[] = [];
	let at = 0;
	let lastRead: Uint8Array = new Uint8Array();
	let exhausted = false;
	let visiting: Visit | undefined;
	let lastVisited: string | undefined;
	const readPage = (): void => {
		const rows = arrays(
			`SELECT f.sort_key, f.file, f.id, f.slug, a.seq, a.loaded_record, a.published, a.modified, a.loaded_tags,
				a.loaded_authors
			FROM file f LEFT JOIN article a ON a.sort_key = f.sort_key WHERE f.sort_key > ? ORDER BY f.sort_key LIMIT ?`,
		).all(lastRead, PAGE_ROWS) as unknown as unknown[][];
		page = rows.map((row) => ({
			file: row[1] as string,
			id: row[2] as string,
			slug: row[3] as string,
			article:
				row[4] === null
					? undefined
					: {
							seq: row[4] as number,
							loaded: row[5] as string,
							published: row[6] as number,
							modified: row[7] as number,
							tags: row[8] as string,
							authors: row[9] as string,
						},
		}));
		at = 0;
		exhausted = rows.length < PAGE_ROWS;
		if (rows.length > 0) lastRead = rows[rows.length - 1]?.[0] as Uint8Array;
	};
	/** Drops what the run did not claim or add again of a file it visited, or all of a file gone. */
	const settle = ({ held, claimed, added }: Visit): void => {
		if (!held) return;
		if (!claimed) sql("DELETE FROM file WHERE sort_key = ?").run(stringOrder(held.file));
		if (held.article && !added) dropArticle(held.article.seq);
	};
	/** The held file at `file`, if any, settling those before it. */
	const heldAt = (file: string): HeldFile | undefined => {
		for (;;) {
			if (at === page.length) {
				if (exhausted) return undefined;
				readPage();
				if (page.length === 0) return undefined;
			}
			const held = page[at] as HeldFile;
			if (held.file >= file) return held.file === file ? held : undefined;
			// Rows this run wrote for files already visited may come round again in a later page: they stay.
			if (lastVisited === undefined || held.file > lastVisited)
				settle({ held, claimed: false, added: false });
			at++;
		}
	};
	const visit = (file: string): Visit => {
		if (visiting && file === lastVisited) return visiting;
		if (visiting) settle(visiting);
		const held = heldAt(file);
		if (held) at++;
		lastVisited = file;
		visiting = { held, claimed: false, added: false };
		return visiting;
	};

	const table: ArticleTable = {
		get count() {
			return count;
		},
		visit,
		claim(id, slug, file) {
			const here = visit(file);
			here.claimed = true;
			if (here.held?.id === id && here.held.slug === slug) return;
			sql("INSERT OR REPLACE INTO file (sort_key, file, id, slug) VALUES (?, ?, ?, ?)").run(
				stringOrder(file),
				file,
				id,
				slug,
			);
		},
		add(article) {
			const here = visit(article.file);
			if (!here.claimed) table.claim(article.id, article.slug, article.file);
			here.added = true;
			remember(distinctNames.tag, article.tags);
			remember(distinctNames.author, article.authors);
			count++;
			const tags = JSON.stringify(article.tags);
			const authors = JSON.stringify(article.authors);
			const held = here.held?.article;
			if (
				held &&
				held.loaded === article.record &&
				held.published === article.published &&
				held.modified === article.modified &&
				held.tags === tags &&
				held.authors === authors &&
				here.held?.id === article.id &&
				here.held.slug === article.slug
			)
				return;
			if (held) dropArticle(held.seq);
			sql(
				`INSERT INTO article (sort_key, id, id_order, slug, slug_hash, file, published, modified, loaded_record,
					loaded_tags, loaded_authors, record, tags, authors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			).run(
				stringOrder(article.file),
				article.id,
				stringOrder(article.id),
				article.slug,
				shardOf(article.slug, 2 ** 32),
				article.file,
				article.published,
				article.modified,
				article.record,
				tags,
				authors,
				article.record,
				tags,
				authors,
			);
		},
		finish() {
			if (visiting) settle(visiting);
			visiting = undefined;
			const after = lastVisited === undefined ? new Uint8Array() : stringOrder(lastVisited);
			for (const [seq] of arrays("SELECT seq FROM article WHERE sort_key > ?").all(
				after,
			) as unknown as unknown[][])
				dropArticle(seq as number);
			sql("DELETE FROM file WHERE sort_key > ?").run(after);
		},
		duplicates() {
			const found: DuplicateClaim[] = [];
			for (const kind of ["id", "slug"] as const) {
				db.exec(`CREATE INDEX IF NOT EXISTS file_${kind} ON file (${kind})`);
				for (const [value] of arrays(
					`SELECT ${kind} FROM file GROUP BY ${kind} HAVING count(*) > 1`,
				).all() as unknown as unknown[][]) {
					const [owner, ...others] = (
						arrays(`SELECT file FROM file WHERE ${kind} = ? ORDER BY sort_key`).all(
							value as string,
						) as unknown as unknown[][]
					).map(([file]) => file as string);
					for (const file of others)
						found.push({ file, kind, value: value as string, owner: owner as string });
				}
			}
			return found;
		},
		*loaded() {
			for (const row of arrays(
				`SELECT ${ENTRY_COLUMNS}, file, tags, authors FROM article ORDER BY sort_key`,
			).iterate() as Iterable<unknown[]>)
				yield {
					...entryOf(row),
					file: row[5] as string,
					tags: JSON.parse(row[6] as string) as TagRef[],
					authors: JSON.parse(row[7] as string) as AuthorRef[],
				};
		},
		recordJson: (hash) => rewrittenJson(hash) ?? recordJson(hash),
		*names(kind) {
			for (const [name, slug] of distinctNames[kind]) yield { name, slug };
		},
		async finalizeSlugs(tagSlug, authorSlug) {
			const slugs = {
				tag: finalSlugs(distinctNames.tag, tagSlug),
				author: finalSlugs(distinctNames.author, authorSlug),
			};
			// Members made with other slugs for a name, or from most of the articles changing: all made again.
			const renamed = (["tag", "author"] as const).some((kind) =>
				Object.entries(slugs[kind]).some(([name, slug]) => (slugsBefore[kind][name] ?? slug) !== slug),
			);
			const unmade = Number(sql("SELECT count(*) AS n FROM article WHERE members_made = 0").get()?.n ?? 0);
			const bulk = renamed || unmade > BULK_SHARE * Math.max(count, heldArticles);
			// Names that do not keep their natural slug (another name, or a published one, has it) rewrite records.
			const suffixed = (["tag", "author"] as const).some((kind) =>
				[...distinctNames[kind]].some(([name, natural]) => slugs[kind][name] !== natural),
			);
			/** Gives the article its final slugs; returns its final tags and authors (as JSON). */
			const finalize = async (
				seq: number,
				row: Record<string, unknown>,
			): Promise<{ tags: string; authors: string }> => {
				const article = {
					record: row.loaded_record as string,
					tags: JSON.parse(row.loaded_tags as string) as TagRef[],
					authors: JSON.parse(row.loaded_authors as string) as AuthorRef[],
				};
				const rewritten = await withSlugsFinal(article, tagSlug, authorSlug, table.recordJson);
				const final = rewritten ?? article;
				if (rewritten)
					sql("INSERT OR IGNORE INTO rewritten (hash, json) VALUES (?, ?)").run(
						rewritten.record,
						rewritten.json,
					);
				const tags = JSON.stringify(final.tags);
				const authors = JSON.stringify(final.authors);
				if (final.record !== row.record || tags !== row.tags || authors !== row.authors)
					sql("UPDATE article SET record = ?, tags = ?, authors = ? WHERE seq = ?").run(
						final.record,
						tags,
						authors,
						seq,
					);
				return { tags, authors };
			};
			const columns = "seq, loaded_record, loaded_tags, loaded_authors, record, tags, authors";
			if (bulk && !suffixed)
				sql(`UPDATE article SET record = loaded_record, tags = loaded_tags, authors = loaded_authors
					WHERE record != loaded_record OR tags != loaded_tags OR authors != loaded_authors`).run();
			else if (bulk)
				// Page by page, each page's updates made after its query is done.
				for (let after = 0; ; ) {
					const rows = sql(`SELECT ${columns} FROM article WHERE seq > ? ORDER BY seq LIMIT ?`).all(
						after,
						PAGE_ROWS,
					);
					if (rows.length === 0) break;
					for (const row of rows) await finalize(row.seq as number, row);
					after = Number(rows.at(-1)?.seq);
				}
			// Records are looked up by hash from here on.
			db.exec("CREATE INDEX IF NOT EXISTS article_record ON article (record)");
			if (bulk) {
				db.exec("DELETE FROM member; UPDATE built SET inputs = ''");
				// Sorted before they go in, so the table is written in order rather than page by page at random.
				sql(`INSERT INTO member (scope, ${MEMBER_COLUMNS}) SELECT '', ${MEMBER_SOURCE} FROM article a
					ORDER BY 2, 3 DESC`).run();
				insertScopedMembers("");
			} else {
				for (const row of sql(`SELECT ${columns} FROM article WHERE members_made = 0`).all()) {
					const seq = row.seq as number;
					const final = await finalize(seq, row);
					sql(`INSERT OR IGNORE INTO member (scope, ${MEMBER_COLUMNS}) SELECT '', ${MEMBER_SOURCE}
						FROM article a WHERE a.seq = ?`).run(seq);
					insertScopedMembers("WHERE a.seq = ?", seq);
					for (const scope of scopesOf(final.tags, final.authors)) unbuilt(scope);
				}
			}
			sql("UPDATE article SET members_made = 1 WHERE members_made = 0").run();
			const kept = {
				tag: { ...slugsBefore.tag, ...slugs.tag },
				author: { ...slugsBefore.author, ...slugs.author },
			};
			sql("INSERT OR REPLACE INTO meta (key, value) VALUES ('slugs', ?)").run(JSON.stringify(kept));
		},
		*scopes(now) {
			const oldestFirst = function* (key: string): Generator<ArticleEntry> {
				const rows = arrays(
					`SELECT ${ENTRY_COLUMNS} FROM member WHERE scope = ? ORDER BY published, id_order DESC`,
				).iterate(key) as Iterable<unknown[]>;
				for (const member of rows) yield entryOf(member);
			};
			const site = sql("SELECT count(*) AS total, sum(published > ?) AS scheduled FROM article").get(now);
			yield {
				key: "",
				total: Number(site?.total),
				scheduled: Number(site?.scheduled ?? 0),
				oldestFirst: () => oldestFirst(""),
			};
			const scopes = sql(
				"SELECT scope, count(*) AS total, sum(published > ?) AS scheduled FROM member WHERE scope > '' GROUP BY scope",
			).iterate(now);
			for (const row of scopes) {
				const key = row.scope as string;
				const newest = sql(
					`SELECT a.tags, a.authors FROM member m JOIN article a ON a.seq = m.seq WHERE m.scope = ?
					ORDER BY m.published DESC, m.id_order LIMIT 1`,
				).get(key);
				const members: ScopeMembers = {
					key,
					...scopeNaming(key, {
						tags: JSON.parse(String(newest?.tags ?? "[]")) as TagRef[],
						authors: JSON.parse(String(newest?.authors ?? "[]")) as AuthorRef[],
					}),
					total: Number(row.total),
					scheduled: Number(row.scheduled),
					oldestFirst: () => oldestFirst(key),
				};
				yield members;
			}
		},
		*slugShards(shards) {
			let index = 0;
			let shard: ArticleEntry[] = [];
			const rows = arrays(
				`SELECT ${ENTRY_COLUMNS}, slug_hash % ? AS shard FROM article ORDER BY shard`,
			).iterate(shards) as Iterable<unknown[]>;
			for (const row of rows) {
				while (index < Number(row[5])) {
					yield shard;
					shard = [];
					index++;
				}
				shard.push(entryOf(row));
			}
			for (; index < shards; index++) {
				yield shard;
				shard = [];
			}
		},
		// Hashes are base64url, ASCII: SQLite's byte order is JavaScript's.
		*recordHashes() {
			for (const [record] of arrays(
				"SELECT DISTINCT record FROM article ORDER BY record",
			).iterate() as Iterable<unknown[]>)
				yield record as string;
		},
		hasRecord: (hash) => sql("SELECT 1 FROM article WHERE record = ? LIMIT 1").get(hash) !== undefined,
		keptBuild(key, inputs) {
			const row = sql("SELECT inputs, result FROM built WHERE scope = ?").get(key);
			if (row?.inputs !== inputs) return undefined;
			return {
				result: JSON.parse(row.result as string) as ScopeBuild,
				*values() {
					for (const [valueKey, json] of arrays("SELECT key, json FROM built_value WHERE scope = ?").iterate(
						key,
					) as Iterable<unknown[]>)
						yield [valueKey as string, json as string] as const;
				},
			};
		},
		earlierBuild(key) {
			const row = sql("SELECT result FROM built WHERE scope = ?").get(key);
			if (!row) return undefined;
			return {
				result: JSON.parse(row.result as string) as ScopeBuild,
				json: (valueKey) =>
					sql("SELECT json FROM built_value WHERE scope = ? AND key = ?").get(key, valueKey)?.json as
						| string
						| undefined,
			};
		},
		keepBuild(key, inputs) {
			if (!kept) return undefined;
			unbuilt(key);
			// The earlier build's values stay readable (earlierBuild) until this one is done.
			const build = ++lastBuild;
			sql("INSERT OR REPLACE INTO meta (key, value) VALUES ('build', ?)").run(String(build));
			return {
				value: (valueKey, json) =>
					sql(`INSERT INTO built_value (scope, key, json, build) VALUES (?, ?, ?, ?)
						ON CONFLICT (scope, key) DO UPDATE SET build = excluded.build`).run(key, valueKey, json, build),
				done: (result) => {
					sql("DELETE FROM built_value WHERE scope = ? AND build != ?").run(key, build);
					sql("INSERT OR REPLACE INTO built (scope, inputs, result) VALUES (?, ?, ?)").run(
						key,
						inputs,
						JSON.stringify(result),
					);
				},
			};
		},
		keep() {
			keeping = true;
		},
		close() {
			if (closed) return;
			closed = true;
			try {
				// Builds of scopes that no longer exist (a tag no article has now) go.
				if (kept && keeping)
					db.exec(`DELETE FROM built WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.scope = built.scope);
						DELETE FROM built_value WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.scope = built_value.scope)`);
				if (kept) db.exec(keeping ? "COMMIT" : "ROLLBACK");
			} finally {
				db.close();
			}
		},
	};

	/** Members of tag and author scopes for the articles `where` picks. */
	function insertScopedMembers(where: string, ...values: number[]): void {
		for (const [column, prefix] of [
			["tags", tagScope("")],
			["authors", authorScope("")],
		] as const)
			sql(
				`INSERT OR IGNORE INTO member (scope, ${MEMBER_COLUMNS})
				SELECT ? || json_extract(r.value, '$.slug'), ${MEMBER_SOURCE}
				FROM article a, json_each(a.${column}) r ${where} ORDER BY 1, 2, 3 DESC`,
			).run(prefix, ...values);
	}

	return table;
}

/** Name -> final slug for every name seen this run. */
function finalSlugs(names: ReadonlyMap<string, string>, slugOf: SlugOf): Record<string, string> {
	const slugs: Record<string, string> = {};
	for (const name of names.keys()) slugs[name] = slugOf(name);
	return slugs;
}
