/** The two backends' full-text dialects: FTS5 with bm25 on SQLite, tsvector with ts_rank on PostgreSQL. */
import { type SqlBool, sql } from 'kysely';
import type { TextTerm } from '../../core/query/ast.js';
import { termWords } from './compile.js';
import type { SearchBackend } from './run.js';

/** bm25 weights of the FTS5 columns: a word in the title counts ten times one elsewhere. */
const TITLE_WEIGHT = 10;

const ftsPhrase = (t: TextTerm) => `"${termWords(t).join(' ')}"${t.prefix ? '*' : ''}`;

export const sqliteSearch: SearchBackend = {
  // Words are folded letters and digits (no quotes), so quoting each phrase is enough escaping.
  textQuery: (terms: readonly TextTerm[], without: readonly TextTerm[] = []) =>
    without.reduce((q, t) => `(${q}) NOT ${ftsPhrase(t)}`, terms.map(ftsPhrase).join(' AND ')),
  negationInText: true,
  textMatch: (query) =>
    sql<SqlBool>`i.item_id in (select rowid from items_fts where items_fts match ${query})`,
  contains: (haystack, needle) => sql<SqlBool>`instr(${haystack}, ${needle}) > 0`,
  due: sql`i.due`,
  fileOrder: sql`i.file`,
  // SQLite's planner would rather collect every row an indexed filter matches and sort them, which
  // for a broad filter (half the items) costs far more than walking the narrow index in file order
  // (migration 0007) until the page is full.
  itemsInFileOrder: sql`items i indexed by items_file_position_idx`,
  // Likewise a count: a pass over the narrow index beats looking up every row a one-column index
  // gives (a quarter of the table for a date range), which the planner prefers without statistics.
  itemsToCount: sql`items i indexed by items_file_position_idx`,
  // The matches and their scores come from the text index alone, once; items are read for the page.
  matches: (text) =>
    sql`select rowid as id, -bm25(items_fts, ${sql.lit(TITLE_WEIGHT)}, 1.0) as score
      from items_fts where items_fts match ${text}`,
  countText: (text) => sql<{ n: number }>`select count(*) as n from items_fts where items_fts match ${text}`,
};

/** PostgreSQL compares text by the database's collation; "C" gives code point order, as SQLite does. */
const tsPhrase = (t: TextTerm) => {
  const words = termWords(t);
  const last = words.length - 1;
  return `(${words.map((w, i) => (i === last && t.prefix ? `${w}:*` : w)).join(' <-> ')})`;
};

export const postgresSearch: SearchBackend = {
  textQuery: (terms: readonly TextTerm[], without: readonly TextTerm[] = []) =>
    [...terms.map(tsPhrase), ...without.map((t) => `!${tsPhrase(t)}`)].join(' & '),
  negationInText: false,
  textMatch: (query) => sql<SqlBool>`i.search_vector @@ to_tsquery('simple', ${query})`,
  contains: (haystack, needle) => sql<SqlBool>`strpos(${haystack}, ${needle}) > 0`,
  due: sql`(i.due collate "C")`,
  fileOrder: sql`i.file collate "C"`,
  itemsInFileOrder: sql`items i`,
  itemsToCount: sql`items i`,
  matches: (text) =>
    sql`select i.item_id as id, ts_rank(i.search_vector, query, 1) as score
      from items i, to_tsquery('simple', ${text}) query where i.search_vector @@ query`,
  countText: (text) =>
    sql<{
      n: number;
    }>`select count(*) as n from items i where i.search_vector @@ to_tsquery('simple', ${text})`,
};
