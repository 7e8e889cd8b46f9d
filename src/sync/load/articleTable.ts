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
	rewriteRecord,
	type ScopeMembers,
	type SourceArticle,
	scopeNaming,
	withFinalSlugs,
} from "../publish/articleSource.ts";
import { openRunDatabase, stringOrder } from "../shared/runDatabase.ts";

/** One published or scheduled article, without its body: what ordering, scoping and planning need. */
export interface LoadedArticle extends SourceArticle {
	/** The file, as messages show it. */
	file: string;
}

export interface ArticleTable extends ArticleSource {
	/** The file that already has this id, or undefined (and then `file` has it). */
	claimId(id: string, file: string): string | undefined;
	/** The same for a slug. */
	claimSlug(slug: string, file: string): string | undefined;
	add(article: LoadedArticle): void;
	/** Every article in the order added (file-path order), for callers that want them all. */
	loaded(): Iterable<LoadedArticle>;
	/** Drops the database; reads fail after it. */
	close(): void;
}

const SCHEMA = `
CREATE TABLE claim (kind TEXT NOT NULL, value TEXT NOT NULL, file TEXT NOT NULL, PRIMARY KEY (kind, value))
	WITHOUT ROWID;
CREATE TABLE article (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, id_order BLOB NOT NULL, slug TEXT NOT NULL,
	file TEXT NOT NULL, record TEXT NOT NULL, published INTEGER NOT NULL, modified INTEGER NOT NULL,
	tags TEXT NOT NULL, authors TEXT NOT NULL);
CREATE TABLE member (scope TEXT NOT NULL, published INTEGER NOT NULL, id_order BLOB NOT NULL, seq INTEGER NOT NULL,
	PRIMARY KEY (scope, published, id_order DESC)) WITHOUT ROWID;
CREATE TABLE rewritten (hash TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
`;

/** Built once every article is in: the site scope's order, and records by hash. */
const INDEXES = `
CREATE INDEX article_order ON article (published, id_order DESC);
CREATE INDEX article_record ON article (record);
`;

/** Articles read per query when rewriting: rows are updated between pages, never under an open query. */
const PAGE_ROWS = 1000;

const ENTRY_COLUMNS = "a.id, a.slug, a.record, a.published, a.modified";

function entryOf(row: Record<string, unknown>): ArticleEntry {
	return {
		id: row.id as string,
		slug: row.slug as string,
		record: row.record as string,
		published: row.published as number,
		modified: row.modified as number,
	};
}

/** `recordJson` reads a record the render cache holds; records rewritten for their final slugs are kept here. */
export async function openArticleTable(recordJson: (hash: string) => string): Promise<ArticleTable> {
	const db: DatabaseSync = await openRunDatabase();
	db.exec(SCHEMA);
	db.function("shard_of", { deterministic: true }, (slug, count) => shardOf(String(slug), Number(count)));
	// One transaction for the whole load: nothing here has to survive the run.
	db.exec("BEGIN");
	let loading = true;
	let closed = false;
	const statements = new Map<string, StatementSync>();
	const sql = (text: string): StatementSync => {
		let statement = statements.get(text);
		if (!statement) {
			statement = db.prepare(text);
			statements.set(text, statement);
		}
		return statement;
	};
	const claim = (kind: string, value: string, file: string): string | undefined => {
		const { changes } = sql(
			"INSERT INTO claim (kind, value, file) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
		).run(kind, value, file);
		if (Number(changes) > 0) return undefined;
		return sql("SELECT file FROM claim WHERE kind = ? AND value = ?").get(kind, value)?.file as string;
	};
	let count = 0;
	const finishLoading = (): void => {
		if (!loading) return;
		loading = false;
		db.exec(INDEXES);
	};
	// A tag or author per name, not per article: few enough to keep.
	const distinctNames = new Map<"tag" | "author", TagRef[]>();
	const rewrittenJson = (hash: string): string | undefined =>
		sql("SELECT json FROM rewritten WHERE hash = ?").get(hash)?.json as string | undefined;

	const table: ArticleTable = {
		get count() {
			return count;
		},
		claimId: (id, file) => claim("id", id, file),
		claimSlug: (slug, file) => claim("slug", slug, file),
		add(article) {
			distinctNames.clear();
			sql(
				"INSERT INTO article (id, id_order, slug, file, record, published, modified, tags, authors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
			).run(
				article.id,
				stringOrder(article.id),
				article.slug,
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
			for (const row of sql(
				`SELECT ${ENTRY_COLUMNS}, a.file, a.tags, a.authors FROM article a ORDER BY a.seq`,
			).iterate())
				yield {
					...entryOf(row),
					file: row.file as string,
					tags: JSON.parse(row.tags as string) as TagRef[],
					authors: JSON.parse(row.authors as string) as AuthorRef[],
				};
		},
		recordJson: (hash) => rewrittenJson(hash) ?? recordJson(hash),
		names(kind) {
			let names = distinctNames.get(kind);
			if (!names) {
				const column = kind === "tag" ? "tags" : "authors";
				const rows = sql(
					`SELECT json_extract(r.value, '$.name') AS name, json_extract(r.value, '$.slug') AS slug,
						min(a.seq * 65536 + r.key) AS first
					FROM article a, json_each(a.${column}) r GROUP BY name ORDER BY first`,
				).all();
				names = rows.map((row) => ({ name: row.name as string, slug: row.slug as string }));
				distinctNames.set(kind, names);
			}
			return names;
		},
		async finalizeSlugs(tagSlug, authorSlug) {
			finishLoading();
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
						const tags = JSON.parse(row.tags as string) as TagRef[];
						const authors = JSON.parse(row.authors as string) as AuthorRef[];
						const finalTags = withFinalSlugs(tags, tagSlug);
						const finalAuthors = withFinalSlugs(authors, authorSlug);
						if (finalTags === tags && finalAuthors === authors) continue;
						const { json, hash } = await rewriteRecord(
							table.recordJson(row.record as string),
							finalTags,
							finalAuthors,
						);
						sql("INSERT OR IGNORE INTO rewritten (hash, json) VALUES (?, ?)").run(hash, json);
						sql("UPDATE article SET record = ?, tags = ?, authors = ? WHERE seq = ?").run(
							hash,
							JSON.stringify(finalTags),
							JSON.stringify(finalAuthors),
							row.seq as number,
						);
					}
					after = Number(rows.at(-1)?.seq);
				}
			}
			for (const [column, prefix] of [
				["tags", tagScope("")],
				["authors", authorScope("")],
			] as const)
				sql(
					`INSERT OR IGNORE INTO member (scope, published, id_order, seq)
					SELECT ? || json_extract(r.value, '$.slug'), a.published, a.id_order, a.seq
					FROM article a, json_each(a.${column}) r`,
				).run(prefix);
			db.exec("COMMIT");
		},
		*scopes(now) {
			const site = sql("SELECT count(*) AS total, sum(published > ?) AS scheduled FROM article").get(now);
			yield {
				key: "",
				total: Number(site?.total ?? 0),
				scheduled: Number(site?.scheduled ?? 0),
				*oldestFirst() {
					for (const row of sql(
						`SELECT ${ENTRY_COLUMNS} FROM article a ORDER BY a.published, a.id_order DESC`,
					).iterate())
						yield entryOf(row);
				},
			};
			const scopes = sql(
				"SELECT scope, count(*) AS total, sum(published > ?) AS scheduled FROM member GROUP BY scope",
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
					*oldestFirst() {
						const rows = sql(
							`SELECT ${ENTRY_COLUMNS} FROM member m JOIN article a ON a.seq = m.seq WHERE m.scope = ?
							ORDER BY m.published, m.id_order DESC`,
						).iterate(key);
						for (const member of rows) yield entryOf(member);
					},
				};
				yield members;
			}
		},
		*slugShards(shards) {
			let index = 0;
			let shard: ArticleEntry[] = [];
			const rows = sql(
				`SELECT shard_of(a.slug, ?) AS shard, ${ENTRY_COLUMNS} FROM article a ORDER BY shard`,
			).iterate(shards);
			for (const row of rows) {
				while (index < Number(row.shard)) {
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
		*recordHashes() {
			for (const row of sql("SELECT DISTINCT record FROM article").iterate()) yield row.record as string;
		},
		hasRecord: (hash) => sql("SELECT 1 FROM article WHERE record = ? LIMIT 1").get(hash) !== undefined,
		close() {
			if (!closed) db.close();
			closed = true;
		},
	};
	return table;
}
