import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TmError } from '../errors.js';
import { STATUSES } from '../model.js';
import {
  COMPARISONS,
  DUE_BUCKETS,
  hasSearchableText,
  ITEM_KINDS,
  MAX_PRIORITY_RANK,
  type QueryAst,
  type QueryTerm,
  queryAstSchema,
  STRING_FIELDS,
} from './ast.js';
import { formatQuery } from './format.js';
import { parseQuery } from './parse.js';
import { MAX_EFFORT_MINUTES } from './units.js';

/** Strings that stress the lexer: quotes, escapes, operators, commas, spaces, stars, any Unicode. */
const tricky = fc.oneof(
  fc.string({
    unit: fc.constantFrom('"', '\\', '*', '-', ':', ',', ' ', '<', '=', 'a', 'Z', '1', '\t', 'é', '🚀'),
  }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('none', 'NONE', 'status:todo', '-x', 'a*', '"', 'priority<=P1', 'x,y'),
);

const negated = fc.boolean();
const date = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const rank = fc.integer({ min: 0, max: MAX_PRIORITY_RANK });
const minutes = fc.integer({ min: 0, max: MAX_EFFORT_MINUTES });
const some = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: 1, maxLength: 4 });

const term: fc.Arbitrary<QueryTerm> = fc.oneof(
  fc.record({
    field: fc.constant('text' as const),
    text: tricky.filter(hasSearchableText),
    prefix: fc.boolean(),
    negated,
  }),
  fc.record({
    field: fc.constant('status' as const),
    op: fc.constant('=' as const),
    values: some(fc.constantFrom(...STATUSES)),
    negated,
  }),
  fc.record({
    field: fc.constant('kind' as const),
    op: fc.constant('=' as const),
    values: some(fc.constantFrom(...ITEM_KINDS)),
    negated,
  }),
  fc.record({
    field: fc.constantFrom(...STRING_FIELDS),
    op: fc.constant('=' as const),
    values: some(fc.option(tricky.filter((s) => s.length > 0))),
    negated,
  }),
  fc.record({
    field: fc.constant('priority' as const),
    op: fc.constant('=' as const),
    values: some(fc.option(rank)),
    negated,
  }),
  fc.record({
    field: fc.constant('priority' as const),
    op: fc.constantFrom(...COMPARISONS),
    values: fc.tuple(rank),
    negated,
  }),
  fc.record({
    field: fc.constant('due' as const),
    op: fc.constant('=' as const),
    values: some(fc.option(fc.oneof(date, fc.constantFrom(...DUE_BUCKETS)))),
    negated,
  }),
  fc.record({
    field: fc.constant('due' as const),
    op: fc.constantFrom(...COMPARISONS),
    values: fc.tuple(date),
    negated,
  }),
  fc.record({
    field: fc.constant('effort' as const),
    op: fc.constant('=' as const),
    values: some(fc.option(minutes)),
    negated,
  }),
  fc.record({
    field: fc.constant('effort' as const),
    op: fc.constantFrom(...COMPARISONS),
    values: fc.tuple(minutes),
    negated,
  }),
);

const ast: fc.Arbitrary<QueryAst> = fc.record({ terms: fc.array(term, { maxLength: 8 }) });

/** Throws anything but a TmError out of parseQuery, or returns its result. */
function parseOrTmError(s: string): QueryAst | null {
  try {
    return parseQuery(s);
  } catch (e) {
    if (e instanceof TmError) return null;
    throw e;
  }
}

describe('formatQuery', () => {
  it('writes the canonical text of a query', () => {
    expect(
      formatQuery(
        parseQuery(
          'Priority:must  status:wip due:<2026-01-01 effort<=2h owner:"Alice Smith" -"a b"* tag:none',
        ),
      ),
    ).toBe('priority:P0 status:doing due<2026-01-01 effort<=120m owner:"Alice Smith" -"a b"* tag:none');
  });

  it('quotes text that would otherwise read as a field, a negation, a prefix or none', () => {
    const q: QueryAst = {
      terms: [
        { field: 'text', text: 'status:done', prefix: false, negated: false },
        { field: 'text', text: '-x', prefix: false, negated: false },
        { field: 'text', text: 'a*', prefix: false, negated: false },
        { field: 'owner', op: '=', values: ['none', 'a,b'], negated: false },
      ],
    };
    expect(formatQuery(q)).toBe('"status:done" "-x" "a*" owner:"none","a,b"');
    expect(parseQuery(formatQuery(q))).toEqual(q);
  });

  it('gives back the same AST when its text is parsed (generated ASTs)', () => {
    fc.assert(
      fc.property(ast, (a) => {
        expect(queryAstSchema.parse(a)).toEqual(a);
        expect(parseQuery(formatQuery(a))).toEqual(a);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseQuery on arbitrary text', () => {
  it('throws nothing but TmError, and what it returns is a valid AST that formats back to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(tricky, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        (s) => {
          const a = parseOrTmError(s);
          if (a === null) return;
          expect(queryAstSchema.safeParse(a).success).toBe(true);
          expect(parseQuery(formatQuery(a))).toEqual(a);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('answers hostile strings with a TmError or an AST', () => {
    const hostile = [
      '"'.repeat(4096),
      '\\'.repeat(4096),
      `"${'\\'.repeat(4095)}`,
      '-'.repeat(4096),
      `${'a'.repeat(4095)}:`,
      'status:'.repeat(585),
      `owner:${','.repeat(4000)}`,
      `${'a:'.repeat(2000)}`,
      '\u0000\u0001\u202e\ufeff status:todo',
      `due<${'9'.repeat(4000)}`,
      `effort<${'9'.repeat(40)}h`,
      '\ud800 \udfff lone surrogates',
      'x'.repeat(1_000_000),
    ];
    // A super-linear scan would run past the test's time-out on these.
    for (const s of hostile) parseOrTmError(s);
  });
});
