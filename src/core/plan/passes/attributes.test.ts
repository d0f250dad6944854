import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTitle, cutRanges } from './title.js';

/** Cutting as first written: the pieces between the ranges, concatenated as they are. */
function referenceCut(s: string, cuts: [number, number][]): string {
  const sorted = [...cuts].sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [a, b] of sorted) {
    if (a < pos) continue;
    out += s.slice(pos, a);
    pos = b;
  }
  return out + s.slice(pos);
}

const struck = (t: string) => /^~~[\s\S]+~~$/.test(t.trim());

describe('cutRanges', () => {
  it('joins the sides of a cut with white space beside it by one space', () => {
    expect(
      cutRanges('Ship it [owner:: ann] 📅 2026-01-02', [
        [8, 21],
        [22, 35],
      ]),
    ).toBe('Ship it ');
    expect(cutRanges('a[x]b', [[1, 4]])).toBe('ab');
  });

  it('gives the same title and strike-through reading as plain cutting, on any text and ranges', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', '  ', '\t', '\u00a0', '~', '*', ':', '-', '—', '_', '\n'),
      maxLength: 30,
    });
    const withCuts = text.chain((s) =>
      fc.tuple(
        fc.constant(s),
        fc.array(
          fc
            .tuple(fc.nat(s.length), fc.nat(s.length))
            .map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as [number, number]),
          { maxLength: 4 },
        ),
      ),
    );
    fc.assert(
      fc.property(withCuts, ([s, cuts]) => {
        const plain = referenceCut(s, cuts);
        const joined = cutRanges(
          s,
          cuts.map((c) => [...c] as [number, number]),
        );
        expect(cleanTitle(joined)).toBe(cleanTitle(plain));
        expect(struck(joined)).toBe(struck(plain));
      }),
      { numRuns: 5000 },
    );
  });
});
