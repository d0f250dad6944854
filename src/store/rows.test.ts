import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldValue as referenceFold, searchTexts, tokenize } from '../core/query/fold.js';
import type { ItemRecord } from '../core/store/port.js';
import { item } from './contract.js';
import { foldValue, foldValueOnce, ftsText, itemRow, words, wordsOnce } from './rows.js';
import { FTS_SEPARATOR } from './schema.js';

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
      expect(wordsOnce(s)).toBe(tokenize(s).join(' '));
      for (const f of FIELDS) {
        expect(foldValue(f, s)).toBe(referenceFold(f, s));
        expect(foldValueOnce(f, s)).toBe(referenceFold(f, s));
      }
    };
    SAMPLES.forEach(check);
    fc.assert(fc.property(fc.string(), check), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), check), { numRuns: 500 });
    // Memoised answers stay right when asked again.
    SAMPLES.forEach(check);
  });

  it('indexes the search texts after the title, in the order of the query module, each closed by the separator', () => {
    // The reference: searchTexts as the matcher reads them, each text's words, empty ones left out.
    const reference = (i: ItemRecord) =>
      searchTexts(i)
        .slice(1)
        .map((t) => tokenize(t).join(' '))
        .filter((t) => t !== '')
        .map((t) => `${t} ${FTS_SEPARATOR}`)
        .join(' ');
    const text = fc.oneof(fc.constantFrom(...SAMPLES, '', '  ', '--'), fc.string({ unit: 'grapheme' }));
    const maybe = fc.option(text, { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          id: maybe,
          section: fc.array(text, { maxLength: 3 }),
          owner: maybe,
          category: maybe,
          phase: maybe,
          priorityLabel: maybe,
          tags: fc.array(text, { maxLength: 3 }),
        }),
        (over) => {
          const i = item('k', over);
          expect(ftsText(i)).toBe(reference(i));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('folds a section path as the query module folds each title, whatever the titles hold', () => {
    const reference = (section: readonly string[]) =>
      section.map((t) => referenceFold('section', t)).join('\u001f');
    const sectionF = (section: string[]) => itemRow(1, item('k', { section })).section_f;
    // Paths that join to the same text must not share a memoised answer.
    for (const section of [
      ['a\u001f b', 'c'],
      ['a', ' b\u001fc'],
      ['Phase 1', 'Données'],
      ['phase 1', 'donnees'],
    ])
      expect(sectionF(section)).toBe(reference(section));
    const title = fc.oneof(
      fc.constantFrom(...SAMPLES, '', ' x ', 'a\u001fb', '\u001f'),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(fc.array(title, { maxLength: 4 }), (section) => {
        expect(sectionF(section)).toBe(reference(section));
      }),
      { numRuns: 1000 },
    );
  });
});
