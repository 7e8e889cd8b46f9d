// The articles one sync loaded, in the run's temporary SQLite database rather than the heap: each file's id and slug
// claim (duplicates across folders are found by key, not by a map of every file), each published or scheduled
// article's small fields, and, once slugs are final, each scope's members in feed order. It is the ArticleSource
// publishing reads, so a million articles cost the same memory as ten (Node only).
import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { ArticleEntry, AuthorRef, TagRef } from "../../domain/model.ts";
import { shardOf } from "../../store/kvLayout.ts";
import { authorScope, tagScope } from "../../urls/urlScheme.ts";
import {
	type ArticleSource,
	type ScopeMembers,
	type SourceArticle,
	scopeNaming,
	withSlugsFinal,
} from "../publish/articleSource.ts";
import { openRunDatabase, stringOrder } from "../shared/runDatabase.ts";
import { statementCache } from "../shared/sqlite.ts";

/** One published or scheduled article, without its body: what ordering, scoping and planning need. */
export interface LoadedArticle extends SourceArticle {
	/** The file, as messages show it. */
	file: string;
}

export interface ArticleTable extends ArticleSource {
	/** Claims an id and a slug for `file`: the files that already have them, if any (else `file` has them now). */
	claim(id: string, slug: string, file: string): { id?: string; slug?: string };
	add(article: LoadedArticle): void;
	/** Every article in the order added (file-path order), for callers that want them all. */
	loaded(): Iterable<LoadedArticle>;
	/** Drops the database; reads fail after it. */
	close(): void;
}

// `slug_hash` is shardOf(slug, 2^32): its remainder by any shard count is the slug's shard. A member row copies its
// article's entry, so a scope reads its members in order from one range of the table.
const SCHEMA = `
CREATE TABLE claim (kind TEXT NOT NULL, value TEXT NOT NULL, file TEXT NOT NULL, PRIMARY KEY (kind, value))
	WITHOUT ROWID;
CREATE TABLE article (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, id_order BLOB NOT NULL, slug TEXT NOT NULL,
	slug_hash INTEGER NOT NULL, file TEXT NOT NULL, record TEXT NOT NULL, published INTEGER NOT NULL,
	modified INTEGER NOT NULL, tags TEXT NOT NULL, authors TEXT NOT NULL);
CREATE TABLE member (scope TEXT NOT NULL, published INTEGER NOT NULL, id_order BLOB NOT NULL, seq INTEGER NOT NULL,
	id TEXT NOT NULL, slug TEXT NOT NULL, record TEXT NOT NULL, modified INTEGER NOT NULL,
	PRIMARY KEY (scope, published, id_order DESC)) WITHOUT ROWID;
CREATE TABLE rewritten (hash TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
`;

/** The columns a member copies from its article (after `scope`), and their source in an `article a`. */
const MEMBER_COLUMNS = "published, id_order, seq, id, slug, record, modified";
const MEMBER_SOURCE = "a.published, a.id_order, a.seq, a.id, a.slug, a.record, a.modified";

/** Articles read per query when rewriting: rows are updated between pages, never under an open query. */
const PAGE_ROWS = 1000;

const ENTRY_COLUMNS = "id, slug, record, published, modified";

/** A row of ENTRY_COLUMNS, read as an array (a million rows make no million column-named objects). */
function entryOf(row: unknown[]): ArticleEntry {
	const [id, slug, record, published, modified] = row as [string, string, string, number, number];
	return { id, slug, record, published, modified };
}

/** `recordJson` reads a record the render cache holds; records rewritten for their final slugs are kept here. */
export async function openArticleTable(recordJson: (hash: string) => string): Promise<ArticleTable> {
	const db: DatabaseSync = await openRunDatabase();
	db.exec(SCHEMA);
	// One transaction for the whole load: nothing here has to survive the run.
	db.exec("BEGIN");
	let closed = false;
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

	const table: ArticleTable = {
		get count() {
			return count;
		},
		claim(id, slug, file) {
			const { changes } = sql(
				"INSERT INTO claim (kind, value, file) VALUES ('id', ?, ?), ('slug', ?, ?) ON CONFLICT DO NOTHING",
			).run(id, file, slug, file);
			if (Number(changes) === 2) return {};
			const owners = sql(
				"SELECT kind, file FROM claim WHERE (kind = 'id' AND value = ?) OR (kind = 'slug' AND value = ?)",
			).all(id, slug);
			const other = (kind: string): string | undefined => {
				const owner = owners.find((row) => row.kind === kind)?.file as string | undefined;
				return owner === file ? undefined : owner;
			};
			return { id: other("id"), slug: other("slug") };
		},
		add(article) {
			remember(distinctNames.tag, article.tags);
			remember(distinctNames.author, article.authors);
			sql(
				"INSERT INTO article (id, id_order, slug, slug_hash, file, record, published, modified, tags, authors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			).run(
				article.id,
				stringOrder(article.id),
				article.slug,
				shardOf(article.slug, 2 ** 32),
				article.file,
				article.record,
				article.published,
				article.modified,
				JSON.stringify(article.tags),
				JSON.stringify(article.authors),
			);
			count++;
		},
		*loaded() {
			for (const row of arrays(
				`SELECT ${ENTRY_COLUMNS}, file, tags, authors FROM article ORDER BY seq`,
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
			// Every article is in: records are looked up by hash from here on.
			db.exec("CREATE INDEX article_record ON article (record)");
			const changed = (kind: "tag" | "author", slugOf: (name: string) => string): boolean =>
				[...table.names(kind)].some((ref) => slugOf(ref.name) !== ref.slug);
			if (changed("tag", tagSlug) || changed("author", authorSlug)) {
				// Page by page, each page's updates made after its query is done.
				for (let after = 0; ; ) {
					const rows = sql(
						"SELECT seq, record, tags, authors FROM article WHERE seq > ? ORDER BY seq LIMIT ?",
					).all(after, PAGE_ROWS);
					if (rows.length === 0) break;
					for (const row of rows) {
						const article = {
							record: row.record as string,
							tags: JSON.parse(row.tags as string) as TagRef[],
							authors: JSON.parse(row.authors as string) as AuthorRef[],
						};
						const rewritten = await withSlugsFinal(article, tagSlug, authorSlug, table.recordJson);
						if (!rewritten) continue;
						sql("INSERT OR IGNORE INTO rewritten (hash, json) VALUES (?, ?)").run(
							rewritten.record,
							rewritten.json,
						);
						sql("UPDATE article SET record = ?, tags = ?, authors = ? WHERE seq = ?").run(
							rewritten.record,
							JSON.stringify(rewritten.tags),
							JSON.stringify(rewritten.authors),
							row.seq as number,
						);
					}
					after = Number(rows.at(-1)?.seq);
				}
			}
			// Sorted before they go in, so the table is written in order rather than page by page at random.
			sql(`INSERT INTO member (scope, ${MEMBER_COLUMNS}) SELECT '', ${MEMBER_SOURCE} FROM article a
				ORDER BY 2, 3 DESC`).run();
			for (const [column, prefix] of [
				["tags", tagScope("")],
				["authors", authorScope("")],
			] as const)
				sql(
					`INSERT OR IGNORE INTO member (scope, ${MEMBER_COLUMNS})
					SELECT ? || json_extract(r.value, '$.slug'), ${MEMBER_SOURCE}
					FROM article a, json_each(a.${column}) r ORDER BY 1, 2, 3 DESC`,
				).run(prefix);
			db.exec("COMMIT");
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
		close() {
			if (!closed) db.close();
			closed = true;
		},
	};
	return table;
}
