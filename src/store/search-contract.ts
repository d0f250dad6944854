/**
 * The search part of the Store contract, including the differential test: on every backend a search
 * returns exactly the items the reference matcher (`matchesItem`) accepts, and the facet counts of
 * the reference `facetCounts`.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { STATUSES } from '../core/model.js';
import type { QueryAst, QueryTerm } from '../core/query/ast.js';
import { facetCounts } from '../core/query/facets.js';
import { matchesItem } from '../core/query/match.js';
import { parseQuery } from '../core/query/parse.js';
import { FACETS, type ItemRecord, type Store } from '../core/store/port.js';
import { item, revision } from './contract.js';

const TODAY = '2026-01-10';

/** A corpus with the awkward cases: diacritics, case, `@`/`#` forms, nulls, shared words, nested sections. */
function corpus(): ItemRecord[] {
  const a: ItemRecord[] = [
    item('MH-001', {
      id: 'MH-001',
      title: 'Migrate the database to PostgreSQL',
      status: 'todo',
      priorityRank: 0,
      priorityLabel: 'P0',
      owner: 'Alice',
      // Owned by two: each is matched and counted.
      owners: ['Alice', 'Élodie'],
      due: '2026-01-05',
      tags: ['db', 'Docker'],
      section: ['Roadmap', 'Phase 1: Données'],
      category: 'Ops',
      phase: 'Phase 1',
      effortMinutes: 480,
    }),
    item('MH-002', {
      id: 'MH-002',
      title: 'Document the migration guide',
      status: 'doing',
      priorityRank: 1,
      priorityLabel: 'P1',
      owner: '@bob',
      due: '2026-01-12',
      tags: ['docs'],
      section: ['Roadmap', 'Phase 1: Données'],
      phase: 'Phase 1',
      effortMinutes: 120,
    }),
    item('roadmap/cafe', {
      title: 'Résumé of the café dashboard',
      status: 'done',
      due: '2026-02-01',
      tags: ['#UI'],
      section: ['Roadmap', 'Phase 2'],
      owner: 'Élodie',
      phase: 'Phase 2',
    }),
    item('roadmap/exact', {
      title: 'exact phrase appears here: the exact phrase',
      status: 'blocked',
      priorityRank: 2,
      priorityLabel: 'Should Have',
      due: '2026-03-30',
      category: 'ops',
      owner: 'Dana',
      owners: ['Dana', '@bob'],
    }),
    item('roadmap/phrase', {
      title: 'phrase exact, in the wrong order',
      status: 'cancelled',
      kind: 'heading',
    }),
    item('roadmap/docker', { title: 'Dockerize the worker', tags: ['docker', 'worker'], effortMinutes: 30 }),
  ];
  return a.map((i, position) => ({ ...i, position, line: position + 1 }));
}

async function seeded(fresh: () => Promise<Store>) {
  const store = await fresh();
  const items = corpus();
  await store.commitRevision(revision('docs/ROADMAP.md', 'roadmap', items.slice(0, 4)));
  await store.commitRevision(revision('TODO.md', 'todo', items.slice(4)));
  return { store, items: await store.listItems() };
}

const keys = (hits: readonly { item: ItemRecord }[]) => hits.map((h) => h.item.key).sort();

export function searchContract(fresh: () => Promise<Store>): void {
  it('finds items by folded words and ranks title matches first', async () => {
    const { store } = await seeded(fresh);
    const r = await store.search({ query: parseQuery('resume CAFE'), today: TODAY });
    expect(r.hits.map((h) => h.item.key)).toEqual(['roadmap/cafe']);
    const ranked = await store.search({ query: parseQuery('docker'), today: TODAY });
    expect(ranked.hits[0]!.item.key).toBe('roadmap/docker');
    expect(keys(ranked.hits)).toEqual(['MH-001', 'roadmap/docker']);
    expect(ranked.hits[0]!.score).toBeGreaterThan(ranked.hits[1]!.score);
  });

  it('matches a prefix for type-ahead and a phrase only in order', async () => {
    const { store } = await seeded(fresh);
    expect(keys((await store.search({ query: parseQuery('migr*'), today: TODAY })).hits)).toEqual([
      'MH-001',
      'MH-002',
    ]);
    expect(keys((await store.search({ query: parseQuery('"exact phrase"'), today: TODAY })).hits)).toEqual([
      'roadmap/exact',
    ]);
  });

  it('combines filters, negation and text', async () => {
    const { store } = await seeded(fresh);
    const q = parseQuery('status:todo,doing owner:alice,bob due<2026-01-11 -docs');
    expect(keys((await store.search({ query: q, today: TODAY })).hits)).toEqual(['MH-001']);
  });

  it('pages through hits with the total of all matches', async () => {
    const { store } = await seeded(fresh);
    const q = { terms: [] };
    const page = await store.search({ query: q, today: TODAY, limit: 2, offset: 2 });
    expect(page.total).toBe(6);
    // Files in code point order (TODO.md before docs/), then document order.
    expect(page.hits.map((h) => h.item.key)).toEqual(['MH-001', 'MH-002']);
  });

  it('pages ranked and unranked hits, ties included, in the order of one long page', async () => {
    const { store } = await seeded(fresh);
    // 'the' ties several items on score; the filters and the negated word take the other paths.
    for (const text of [
      'the',
      'the -exact',
      'the status:todo,doing,done,blocked,cancelled',
      '',
      'kind:checkbox',
    ]) {
      const query = parseQuery(text);
      const all = await store.search({ query, today: TODAY, limit: 100 });
      for (const limit of [1, 2, 3]) {
        const keys: string[] = [];
        for (let offset = 0; offset < all.total + 1; offset += limit) {
          const page = await store.search({ query, today: TODAY, limit, offset });
          expect(page.total).toBe(all.total);
          keys.push(...page.hits.map((h) => h.item.key));
        }
        expect(keys).toEqual(all.hits.map((h) => h.item.key));
      }
      expect((await store.search({ query, today: TODAY, limit: 0 })).hits).toEqual([]);
    }
  });

  it('breaks a tie of hundreds of equal matches by file and document order, page after page', async () => {
    const store = await fresh();
    const plan = (n: number, top: number | null) =>
      Array.from({ length: n }, (_, k) => ({
        ...item(`k${k}`, { title: k === top ? 'rotate keys' : 'rotate the signing keys' }),
        position: k,
        line: k + 1,
      }));
    // Written in the opposite of file order, so storage order is not what puts them in order.
    await store.commitRevision(revision('b.md', 'b', plan(250, null)));
    await store.commitRevision(revision('a.md', 'a', plan(200, 150)));
    const query = parseQuery('rotate');
    const expected = [
      'a.md k150',
      ...plan(200, null)
        .filter((i) => i.key !== 'k150')
        .map((i) => `a.md ${i.key}`),
      ...plan(250, null).map((i) => `b.md ${i.key}`),
    ];
    const hits = (r: { hits: readonly { item: ItemRecord }[] }) =>
      r.hits.map((h) => `${h.item.file} ${h.item.key}`);
    const all = await store.search({ query, today: TODAY, limit: 1000 });
    expect(all.total).toBe(450);
    // The shorter title ranks first; the other 449 score equally.
    expect(all.hits[0]!.score).toBeGreaterThan(all.hits[1]!.score);
    expect(new Set(all.hits.slice(1).map((h) => h.score)).size).toBe(1);
    expect(hits(all)).toEqual(expected);
    for (const limit of [1, 20, 333]) {
      const paged: string[] = [];
      for (let offset = 0; offset < 450; offset += limit) {
        const page = await store.search({ query, today: TODAY, limit, offset });
        expect(page.total).toBe(450);
        paged.push(...hits(page));
      }
      expect(paged).toEqual(expected);
    }
  });

  it('keeps each item of a big revision with its own tags and words', async () => {
    const store = await fresh();
    // More rows than one bulk statement holds, and a remainder, on every table the import writes.
    const n = 1234;
    const items = Array.from({ length: n }, (_, k) => ({
      ...item(`k${k}`, { title: `task w${k}x`, tags: [`t${k}y`, k % 2 === 0 ? 'even' : 'odd'] }),
      position: k,
      line: k + 1,
    }));
    await store.commitRevision(revision('big.md', 'big', items));
    for (const k of [0, 1, 127, 128, 129, 255, 256, 1000, n - 1]) {
      const byTag = await store.search({ query: parseQuery(`tag:t${k}y`), today: TODAY });
      expect(byTag.hits.map((h) => h.item.key)).toEqual([`k${k}`]);
      expect(byTag.hits[0]!.item.tags).toEqual([`t${k}y`, k % 2 === 0 ? 'even' : 'odd']);
      const byWord = await store.search({ query: parseQuery(`w${k}x`), today: TODAY });
      expect(byWord.hits.map((h) => h.item.key)).toEqual([`k${k}`]);
    }
    expect((await store.search({ query: parseQuery('tag:even'), today: TODAY, limit: 1 })).total).toBe(n / 2);
  });

  it('matches and counts an item under each of its owners', async () => {
    const { store } = await seeded(fresh);
    const found = await store.search({ query: parseQuery('owner:elodie'), today: TODAY, facets: ['owner'] });
    expect(keys(found.hits)).toEqual(['MH-001', 'roadmap/cafe']);
    expect(found.hits.find((h) => h.item.key === 'MH-001')!.item.owners).toEqual(['Alice', 'Élodie']);
    expect(keys((await store.search({ query: parseQuery('owner:bob'), today: TODAY })).hits)).toEqual([
      'MH-002',
      'roadmap/exact',
    ]);
    // A co-owner's name is found by a free word too.
    expect(keys((await store.search({ query: parseQuery('dana'), today: TODAY })).hits)).toEqual([
      'roadmap/exact',
    ]);
    const all = await store.search({ query: parseQuery(''), today: TODAY, facets: ['owner'] });
    expect(all.facets.owner).toEqual([
      { value: '@bob', count: 2 },
      { value: 'Élodie', count: 2 },
      { value: null, count: 2 },
      { value: 'Alice', count: 1 },
      { value: 'Dana', count: 1 },
    ]);
  });

  it('counts facets over all matches as the reference does', async () => {
    const { store, items } = await seeded(fresh);
    for (const text of ['', 'the', 'status:todo,doing,done']) {
      const ast = parseQuery(text);
      const r = await store.search({ query: ast, today: TODAY, limit: 1, facets: FACETS });
      expect(r.facets).toEqual(facetCounts(items, TODAY, ast, FACETS));
    }
  });

  it('refuses a query that is not a valid AST', async () => {
    const store = await fresh();
    const bad = { terms: [{ field: 'status', op: '=', values: ['nope'], negated: false }] };
    await expect(store.search({ query: bad as unknown as QueryAst, today: TODAY })).rejects.toThrow(
      /not valid/,
    );
  });

  it('returns exactly the items the reference matcher accepts, for any query', async () => {
    const { store, items } = await seeded(fresh);
    const words = [
      'the',
      'migrate',
      'migr',
      'exact phrase',
      'phrase exact',
      'docker',
      'données',
      'p0',
      'ops',
    ];
    const values = <T>(xs: readonly T[]) =>
      fc.uniqueArray(fc.constantFrom(...xs), { minLength: 1, maxLength: 3 });
    const op = fc.constantFrom('=', '<', '<=', '>', '>=');
    // The arbitraries build plain objects; the cast names them as terms (the schema checks them again).
    const term: fc.Arbitrary<QueryTerm> = fc
      .tuple(
        fc.oneof(
          fc.record({ field: fc.constant('text'), text: fc.constantFrom(...words), prefix: fc.boolean() }),
          fc.record({ field: fc.constant('status'), op: fc.constant('='), values: values(STATUSES) }),
          fc.record({
            field: fc.constant('kind'),
            op: fc.constant('='),
            values: values(['checkbox', 'heading']),
          }),
          fc.record({
            field: fc.constantFrom('owner', 'tag', 'section', 'category', 'file', 'phase', 'id', 'key'),
            op: fc.constant('='),
            values: values([
              'alice',
              '@Bob',
              'élodie',
              'docker',
              '#ui',
              'phase 1',
              'donnees',
              'ops',
              'road',
              'mh-001',
              null,
            ]),
          }),
          op.chain(
            (o): fc.Arbitrary<object> =>
              o === '='
                ? fc.record({
                    field: fc.constant('priority'),
                    op: fc.constant(o),
                    values: values([0, 1, 2, null]),
                  })
                : fc.record({
                    field: fc.constant('priority'),
                    op: fc.constant(o),
                    values: fc.tuple(fc.nat(4)),
                  }),
          ),
          op.chain(
            (o): fc.Arbitrary<object> =>
              o === '='
                ? fc.record({
                    field: fc.constant('due'),
                    op: fc.constant(o),
                    values: values(['overdue', 'today', 'week', 'month', 'later', '2026-01-05', null]),
                  })
                : fc.record({
                    field: fc.constant('due'),
                    op: fc.constant(o),
                    values: fc.tuple(fc.constantFrom('2026-01-05', '2026-01-12', '2026-02-01')),
                  }),
          ),
          op.chain(
            (o): fc.Arbitrary<object> =>
              o === '='
                ? fc.record({
                    field: fc.constant('effort'),
                    op: fc.constant(o),
                    values: values([30, 120, null]),
                  })
                : fc.record({
                    field: fc.constant('effort'),
                    op: fc.constant(o),
                    values: fc.tuple(fc.constantFrom(30, 120, 480)),
                  }),
          ),
        ),
        fc.boolean(),
      )
      .map(([t, negated]) => ({ ...t, negated }) as QueryTerm);
    await fc.assert(
      fc.asyncProperty(fc.array(term, { maxLength: 3 }), async (terms) => {
        const ast: QueryAst = { terms };
        const r = await store.search({
          query: ast,
          today: TODAY,
          limit: 100,
          facets: ['tag', 'due', 'owner'],
        });
        const expected = items.filter((i) => matchesItem(ast, i, TODAY));
        expect(keys(r.hits)).toEqual(expected.map((i) => i.key).sort());
        expect(r.total).toBe(expected.length);
        expect(r.facets).toEqual(facetCounts(items, TODAY, ast, ['tag', 'due', 'owner']));
      }),
      { numRuns: 150 },
    );
  });
}
