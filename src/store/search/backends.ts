/** The two backends' full-text dialects: FTS5 with bm25 on SQLite, tsvector with ts_rank on PostgreSQL. */
import { type SqlBool, sql } from 'kysely';
import type { TextTerm } from '../../core/query/ast.js';
import { and, termWords } from './compile.js';
import type { SearchBackend } from './run.js';

/** bm25 weights of the FTS5 columns: a word in the title counts ten times one elsewhere. */
const TITLE_WEIGHT = 10;

/**
 * Up to this many matches tied at the page's last score are joined to their rows for the tie-break;
 * more are found by walking the file-order index, which reaches the page's end sooner.
 */
const FEW_TIES = 300;

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
  // Likewise counts and facets: a pass over the narrow index, which holds every column they read,
  // beats looking up every row a one-column index gives (which the planner prefers).
  itemsToCount: sql`items i indexed by items_file_position_idx`,
  // Every match is scored once, in a materialised CTE, and the page is the matches scoring above the
  // page's last score plus, among those scoring exactly that, the first in file order. Broad queries
  // tie by the thousand (equal titles score equally), and joining every tied match to its row for
  // the tie-break cost more than the scoring: when they are many, the narrow file-order index is
  // walked instead until the page is full. The total comes from the same matches. With filters every
  // match is looked up to be filtered, and only those that pass are scored (bm25 is computed for the
  // rows a select returns). The unary `+` keeps SQLite from indexing the scores of the matches to
  // compare them with one value, which costs more than reading them all.
  rankedPage: (q, limit, offset) => {
    const score = sql`-bm25(items_fts, ${sql.lit(TITLE_WEIGHT)}, 1.0)`;
    if (q.filters.length > 0 || limit === 0)
      return sql`select * from (
        with m as materialized (select i.item_id as id, ${score} as score, i.file, i.position
          from items_fts join items i on i.item_id = items_fts.rowid
          where items_fts match ${q.text} and ${and(q.filters)})
        select id, score, count(*) over () as total from m
        order by score desc, file, position limit ${limit} offset ${offset})`;
    const last = offset + limit;
    return sql`select * from (
      with m as materialized (select rowid as id, ${score} as score from items_fts where items_fts match ${q.text}),
      t as materialized (select coalesce(
        (select score from m order by score desc limit 1 offset ${last - 1}),
        (select min(score) from m)) as s),
      tied as materialized (select count(*) as n from m where +m.score = (select s from t)),
      cand as (
        select m.id, m.score from m where +m.score > (select s from t)
        union all
        select m.id, m.score from m where (select n from tied) <= ${sql.lit(FEW_TIES)} and +m.score = (select s from t)
        union all
        select * from (select i.item_id, (select s from t) from items i indexed by items_file_position_idx
          where (select n from tied) > ${sql.lit(FEW_TIES)}
            and i.item_id in (select m.id from m where +m.score = (select s from t))
          order by i.file, i.position limit ${last})
      )
      select cand.id, cand.score, (select count(*) from m) as total from cand join items i on i.item_id = cand.id
      order by cand.score desc, i.file, i.position limit ${limit} offset ${offset})`;
  },
  // Counted from the text index alone when nothing else is asked, else from its matches' rows.
  countText: (text, filters) =>
    filters.length === 0
      ? sql<{ n: number }>`select count(*) as n from items_fts where items_fts match ${text}`
      : sql<{ n: number }>`select count(*) as n from items_fts join items i on i.item_id = items_fts.rowid
        where items_fts match ${text} and ${and(filters)}`,
};

const tsPhrase = (t: TextTerm) => {
  const words = termWords(t);
  const last = words.length - 1;
  return `(${words.map((w, i) => (i === last && t.prefix ? `${w}:*` : w)).join(' <-> ')})`;
};

/** PostgreSQL compares text by the database's collation; "C" gives code point order, as SQLite does. */
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
  // One pass over the matching rows (their tsvectors are in the rows anyway), ordering narrow tuples.
  rankedPage: (q, limit, offset) =>
    sql`select i.item_id as id, ts_rank(i.search_vector, query, 1) as score, count(*) over () as total
      from items i, to_tsquery('simple', ${q.text}) query
      where i.search_vector @@ query and ${and(q.filters)}
      order by score desc, i.file collate "C", i.position limit ${limit} offset ${offset}`,
  countText: (text, filters) =>
    sql<{ n: number }>`select count(*) as n from items i
      where i.search_vector @@ to_tsquery('simple', ${text}) and ${and(filters)}`,
};
