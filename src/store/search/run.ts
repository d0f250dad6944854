/**
 * Runs a search on either backend: the page of hits (ranked when the query has text), the total, and
 * the facet counts over all matches, sorted as the reference `facetCounts` sorts them.
 */
import { type Kysely, type QueryExecutorProvider, type RawBuilder, type SqlBool, sql } from 'kysely';
import { TmError } from '../../core/errors.js';
import { queryAstSchema } from '../../core/query/ast.js';
import { byFacetOrder } from '../../core/query/facets.js';
import type { Facet, FacetCount, SearchRequest, SearchResult } from '../../core/store/port.js';
import { itemRecord } from '../rows.js';
import type { Database } from '../schema.js';
import {
  and,
  type CompiledQuery,
  compileQuery,
  dueBucketExpr,
  type SearchDialect,
  whereAll,
} from './compile.js';

export interface SearchBackend extends SearchDialect {
  /**
   * The page of a ranked search as rows of `id` (item_id) and `score` (higher is better), best first,
   * ties in file and document order, each with `total`, the number of matches (found with the page,
   * which scores every match anyway).
   */
  rankedPage(q: CompiledQuery & { text: string }, limit: number, offset: number): RawBuilder<unknown>;
  /** The number of items matching a full-text query and the filters. */
  countText(text: string, filters: CompiledQuery['filters']): RawBuilder<{ n: number }>;
  /** ORDER BY for unranked hits: file in code point order, then document order. */
  fileOrder: RawBuilder<unknown>;
  /** `items i` as the page of unranked hits reads it: walked in that order, it stops at the page's end. */
  itemsInFileOrder: RawBuilder<unknown>;
  /** `items i` as counts read it. */
  itemsToCount: RawBuilder<unknown>;
}

type HitRow = Parameters<typeof itemRecord>[0] & { score: number; total?: number | string };

/** The item columns a hit returns (not the search index columns). */
export const ITEM_COLUMNS = sql.raw(
  [
    'file',
    'key',
    'position',
    'id',
    'title',
    'kind',
    'status',
    'checkbox',
    'line',
    'depth',
    'parent',
    'section',
    'section_title',
    'priority_rank',
    'priority_label',
    'owner',
    'owners',
    'due',
    'effort_minutes',
    'category',
    'phase',
    'tags',
    'depends_on',
  ]
    .map((c) => `i.${c}`)
    .join(', '),
);

/** Whether any item has an owner after its first: most stores have none, and search them as before. */
export async function hasCoOwners(db: QueryExecutorProvider): Promise<boolean> {
  const { rows } = await sql<{ x: number }>`select 1 as x from item_co_owners limit 1`.execute(db);
  return rows.length > 0;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export async function runSearch(
  db: Kysely<Database>,
  request: SearchRequest,
  backend: SearchBackend,
): Promise<SearchResult> {
  const parsed = queryAstSchema.safeParse(request.query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TmError(
      'TM_BAD_INPUT',
      `The search query is not valid: ${issue?.path.join('.') || '(query)'}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const limit = Math.min(Math.max(request.limit ?? DEFAULT_LIMIT, 0), MAX_LIMIT);
  const offset = Math.max(request.offset ?? 0, 0);
  const owned = request.facets?.includes('owner') || parsed.data.terms.some((t) => t.field === 'owner');
  const coOwners = owned && (await hasCoOwners(db));
  const q = compileQuery(parsed.data, request.today, backend, coOwners);
  const where = whereAll(q, backend);

  const rows = (await pageQuery(q, limit, offset, backend).execute(db)).rows;
  const hits = rows.map((r) => ({ item: itemRecord(r), score: Number(r.score) }));
  // The first page often holds every match, and a ranked page carries the total; counting again is
  // only needed when neither tells it.
  const count =
    q.text !== null
      ? backend.countText(q.text, q.filters)
      : sql<{ n: number }>`select count(*) as n from ${backend.itemsToCount} where ${where}`;
  const total =
    offset === 0 && hits.length < limit
      ? hits.length
      : rows[0]?.total !== undefined
        ? Number(rows[0].total)
        : Number((await count.execute(db)).rows[0]!.n);

  const facets: Partial<Record<Facet, FacetCount[]>> = {};
  for (const facet of request.facets ?? [])
    facets[facet] = await facetCount(db, facet, where, request.today, backend, coOwners);
  return { total, hits, facets };
}

/**
 * The page of hits. The page's item ids are found first, ordering narrow rows (id, score, file,
 * position), and only then are the page's items read whole: ordering whole rows of every match made
 * a broad query read and sort tens of megabytes for 20 hits. How a ranked page is found is the
 * backend's (SearchBackend.rankedPage).
 */
function pageQuery(
  q: CompiledQuery,
  limit: number,
  offset: number,
  backend: SearchBackend,
): RawBuilder<HitRow> {
  const order = sql`${backend.fileOrder}, i.position`;
  if (q.text === null) {
    return sql<HitRow>`with page as (
        select i.item_id as id from ${backend.itemsInFileOrder} where ${and(q.filters)}
        order by ${order} limit ${limit} offset ${offset}
      )
      select ${ITEM_COLUMNS}, 0 as score from page join items i on i.item_id = page.id order by ${order}`;
  }
  return sql<HitRow>`with page as (${backend.rankedPage({ ...q, text: q.text }, limit, offset)})
    select ${ITEM_COLUMNS}, page.score, page.total from page join items i on i.item_id = page.id
    order by page.score desc, ${order}`;
}

function facetExpr(
  facet: Exclude<Facet, 'tag' | 'owner'>,
  today: string,
  dialect: SearchDialect,
): RawBuilder<unknown> {
  switch (facet) {
    case 'status':
      return sql`i.status`;
    case 'priority':
      return sql`case when i.priority_rank is null then null else 'P' || cast(i.priority_rank as text) end`;
    case 'section':
      return sql`i.section_title`;
    case 'category':
      return sql`i.category`;
    case 'due':
      return dueBucketExpr(today, dialect);
    case 'file':
      return sql`i.file`;
  }
}

async function facetCount(
  db: Kysely<Database>,
  facet: Facet,
  where: RawBuilder<SqlBool>,
  today: string,
  dialect: SearchBackend,
  coOwners: boolean,
): Promise<FacetCount[]> {
  let rows: { value: string | null; n: number }[];
  if (facet === 'tag') {
    const tagged = await sql<{ value: string; n: number }>`select t.tag as value, count(*) as n
      from ${dialect.itemsToCount} join item_tags t on t.item_id = i.item_id where ${where} group by t.tag`.execute(
      db,
    );
    const untagged = await sql<{ n: number }>`select count(*) as n from ${dialect.itemsToCount} where ${and([
      where,
      sql<SqlBool>`not exists (select 1 from item_tags t where t.item_id = i.item_id)`,
    ])}`.execute(db);
    rows = [...tagged.rows, { value: null, n: untagged.rows[0]!.n }];
  } else if (facet === 'owner') {
    // An item several own counts once for each of them: its owner on its row, the others among its
    // co-owners; one without an owner counts as none.
    const first = await sql<{ value: string | null; n: number }>`select i.owner as value, count(*) as n
      from ${dialect.itemsToCount} where ${where} group by i.owner`.execute(db);
    const others = coOwners
      ? (
          await sql<{ value: string; n: number }>`select o.owner as value, count(*) as n
            from ${dialect.itemsToCount} join item_co_owners o on o.item_id = i.item_id where ${where}
            group by o.owner`.execute(db)
        ).rows
      : [];
    const counts = new Map<string | null, number>();
    for (const r of [...first.rows, ...others]) counts.set(r.value, (counts.get(r.value) ?? 0) + Number(r.n));
    rows = [...counts].map(([value, n]) => ({ value, n }));
  } else {
    const expr = facetExpr(facet, today, dialect);
    rows = (
      await sql<{ value: string | null; n: number }>`select ${expr} as value, count(*) as n
        from ${dialect.itemsToCount} where ${where} group by 1`.execute(db)
    ).rows;
  }
  return rows
    .map((r) => ({ value: r.value, count: Number(r.n) }))
    .filter((r) => r.count > 0)
    .sort(byFacetOrder);
}
