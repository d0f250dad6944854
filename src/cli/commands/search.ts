/** `taskmark search QUERY`: full-text and filtered search over the workspace's items, with facets. */
import { TmError } from '../../core/errors.js';
import { parseQuery } from '../../core/query/parse.js';
import { FACETS } from '../../core/store/port.js';
import { importWorkspace } from '../../workspace/import.js';
import { todayOf } from '../context.js';
import { color, printJson, println, statusMark } from '../output.js';
import { configOf, type StoreOptions, withStore } from '../store.js';

export async function run(args: string[], opts: StoreOptions & { limit?: string }): Promise<number> {
  const limit = opts.limit === undefined ? 20 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new TmError('TM_USAGE', `--limit must be a positive whole number, not "${opts.limit}".`);
  const query = parseQuery(args.join(' '));
  const config = configOf(opts);
  const today = opts.today ?? config.today ?? todayOf({});
  const result = await withStore(config, async (store) => {
    // The database follows the files: a search first takes in any plan changed since the last import.
    await importWorkspace(store, config);
    return store.search({ query, today, limit, facets: FACETS });
  });
  if (opts.json) {
    printJson({
      total: result.total,
      hits: result.hits.map((h) => ({ ...h.item, score: h.score })),
      facets: result.facets,
    });
    return 0;
  }
  for (const { item } of result.hits) {
    println(
      `${statusMark(item.status)} ${color.cyan(item.key)}  ${item.title} ${color.dim(`${item.file}:${item.line}`)}`,
    );
  }
  const shown = result.hits.length;
  println(
    color.dim(
      `${result.total} match${result.total === 1 ? '' : 'es'}${shown < result.total ? `, ${shown} shown (--limit)` : ''}`,
    ),
  );
  for (const facet of ['status', 'priority', 'owner', 'tag', 'due'] as const) {
    const counts = (result.facets[facet] ?? []).slice(0, 6).map((c) => `${c.value ?? 'none'} ${c.count}`);
    if (result.total > 0 && counts.length > 0) println(color.dim(`  ${facet}: ${counts.join(' · ')}`));
  }
  return 0;
}
