/** The two backends' full-text dialects: FTS5 with bm25 on SQLite, tsvector with ts_rank on PostgreSQL. */
import { type SqlBool, sql } from 'kysely';
import type { TextTerm } from '../../core/query/ast.js';
import { and, termWords } from './compile.js';
import { ITEM_COLUMNS, type SearchBackend } from './run.js';

/** bm25 weights of the FTS5 columns: a word in the title counts ten times one elsewhere. */
const TITLE_WEIGHT = 10;

export const sqliteSearch: SearchBackend = {
  // Words are folded letters and digits (no quotes), so quoting each phrase is enough escaping.
  textQuery: (terms: readonly TextTerm[]) =>
    terms.map((t) => `"${termWords(t).join(' ')}"${t.prefix ? '*' : ''}`).join(' AND '),
  textMatch: (query) =>
    sql<SqlBool>`i.item_id in (select rowid from items_fts where items_fts match ${query})`,
  contains: (haystack, needle) => sql<SqlBool>`instr(${haystack}, ${needle}) > 0`,
  due: sql`i.due`,
  fileOrder: sql`i.file`,
  rankedHits: (q, limit, offset) =>
    sql`select ${ITEM_COLUMNS}, -bm25(items_fts, ${sql.lit(TITLE_WEIGHT)}, 1.0) as score
      from items_fts join items i on i.item_id = items_fts.rowid
      where items_fts match ${q.text} and ${and(q.filters)}
      order by score desc, i.file, i.position limit ${limit} offset ${offset}`,
};

/** PostgreSQL compares text by the database's collation; "C" gives code point order, as SQLite does. */
export const postgresSearch: SearchBackend = {
  textQuery: (terms: readonly TextTerm[]) =>
    terms
      .map((t) => {
        const words = termWords(t);
        const last = words.length - 1;
        return `(${words.map((w, i) => (i === last && t.prefix ? `${w}:*` : w)).join(' <-> ')})`;
      })
      .join(' & '),
  textMatch: (query) => sql<SqlBool>`i.search_vector @@ to_tsquery('simple', ${query})`,
  contains: (haystack, needle) => sql<SqlBool>`strpos(${haystack}, ${needle}) > 0`,
  due: sql`(i.due collate "C")`,
  fileOrder: sql`i.file collate "C"`,
  rankedHits: (q, limit, offset) =>
    sql`select ${ITEM_COLUMNS}, ts_rank(i.search_vector, query, 1) as score
      from items i, to_tsquery('simple', ${q.text}) query
      where i.search_vector @@ query and ${and(q.filters)}
      order by score desc, i.file collate "C", i.position limit ${limit} offset ${offset}`,
};
