/** Facet counts over the items a query matches: the reference for the stores' facet queries. */
import { FACETS, type Facet, type FacetCount, type ItemRecord } from '../store/port.js';
import type { QueryAst } from './ast.js';
import { dueBucket, matchesItem } from './match.js';

/** An item's values for one facet; null stands for "none". Tags count once per distinct tag. */
function facetValues(item: ItemRecord, facet: Facet, today: string): (string | null)[] {
  switch (facet) {
    case 'status':
      return [item.status];
    case 'priority':
      return [item.priorityRank === null ? null : `P${item.priorityRank}`];
    case 'owner':
      // An item several own counts once for each of them.
      return item.owners.length === 0 ? [null] : [...new Set(item.owners)];
    case 'section':
      return [item.section.at(-1) ?? null];
    case 'category':
      return [item.category];
    case 'tag':
      return item.tags.length === 0 ? [null] : [...new Set(item.tags)];
    case 'due':
      return [dueBucket(item.due, today)];
    case 'file':
      return [item.file];
  }
}

/**
 * Counts of each facet's values over the items matching `ast` (all items without one), most
 * frequent first, ties in code point order of the value, "none" (null) last among equals.
 */
export function facetCounts(
  items: readonly ItemRecord[],
  today: string,
  ast?: QueryAst,
  facets: readonly Facet[] = FACETS,
): Partial<Record<Facet, FacetCount[]>> {
  const counts = new Map<Facet, Map<string | null, number>>(facets.map((f) => [f, new Map()]));
  for (const item of items) {
    if (ast && !matchesItem(ast, item, today)) continue;
    for (const [facet, m] of counts) {
      for (const v of facetValues(item, facet, today)) m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
  const out: Partial<Record<Facet, FacetCount[]>> = {};
  for (const [facet, m] of counts) {
    out[facet] = [...m].map(([value, count]) => ({ value, count })).sort(byFacetOrder);
  }
  return out;
}

/**
 * The order of facet counts everywhere (the reference here and both databases): most frequent first,
 * ties in code point order of the value, whatever a database's collation, "none" (null) last.
 */
export function byFacetOrder(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || compareValues(a.value, b.value);
}

/** Code point order (as SQLite's BINARY collation orders UTF-8), null last. */
function compareValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
