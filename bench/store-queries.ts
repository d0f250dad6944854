/** The fixed search mix of the store benchmark: type-ahead, words, phrases, filters, and their mixes. */
import { parseQuery } from '../src/core/query/parse.js';
import { FACETS, type Store } from '../src/core/store/port.js';

export const QUERY_MIX: readonly string[] = [
  'mig*',
  'migrate',
  'rotate secrets',
  '"the database"',
  'dashboard -docs',
  'status:todo',
  'status:todo,doing owner:alice',
  'priority:P0 due<2026-03-01',
  'tag:docker status:todo',
  'owner:bob tag:ops restore',
  'T12-0*',
  'due:overdue priority<=1',
  'section:reliability audit',
  'file:team-07 status:doing',
  '-status:done -status:cancelled monitor',
];

const TODAY = '2026-02-01';
const ROUNDS = 20;

const percentiles = (xs: number[]) => {
  xs.sort((a, b) => a - b);
  return { p50: xs[Math.floor(xs.length * 0.5)]!, p95: xs[Math.floor(xs.length * 0.95)]! };
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Latencies over 20 rounds of the mix: a search (first page of 20 hits and the total), and apart from
 * it the same query with all eight facet counts, which a dashboard asks for far less often.
 */
export async function runQueryMix(store: Store): Promise<{
  p50: number;
  p95: number;
  facets: { p50: number; p95: number };
  /** Each query's own latencies, in QUERY_MIX order. */
  perQuery: { query: string; p50: number; p95: number }[];
}> {
  const asts = QUERY_MIX.map((q) => parseQuery(q));
  for (const query of asts) await store.search({ query, today: TODAY, limit: 20 }); // warm-up
  const search: number[] = [];
  const facets: number[] = [];
  const each: number[][] = asts.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [n, query] of asts.entries()) {
      const t = await timed(() => store.search({ query, today: TODAY, limit: 20 }));
      search.push(t);
      each[n]!.push(t);
      if (round % 4 === 0)
        facets.push(await timed(() => store.search({ query, today: TODAY, limit: 20, facets: FACETS })));
    }
  }
  return {
    ...percentiles(search),
    facets: percentiles(facets),
    perQuery: QUERY_MIX.map((query, n) => ({ query, ...percentiles(each[n]!) })),
  };
}
