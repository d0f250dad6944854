import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldValue as referenceFold, tokenize } from '../core/query/fold.js';
import { foldValue, words } from './rows.js';

const FIELDS = ['owner', 'tag', 'section', 'file', 'key'] as const;
const SAMPLES = [
  'Résumé «export» ✅',
  'ﬁle Ünïcode',
  '@Alice',
  '#Docker',
  '  P0 - Reliability ',
  'İstanbul',
  'ǅemal',
];

describe('row folding', () => {
  it('folds values and splits words exactly as the query module does, ASCII or not', () => {
    const check = (s: string) => {
      expect(words(s)).toBe(tokenize(s).join(' '));
      for (const f of FIELDS) expect(foldValue(f, s)).toBe(referenceFold(f, s));
    };
    SAMPLES.forEach(check);
    fc.assert(fc.property(fc.string(), check), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), check), { numRuns: 500 });
    // Memoised answers stay right when asked again.
    SAMPLES.forEach(check);
  });
});
