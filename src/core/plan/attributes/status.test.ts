import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findStatusGlyph, findStatusWord, readStatusValue, scanStatusWord, statusWords } from './status.js';

/**
 * The status-word search as first written: one case-insensitive alternation over the original
 * text. findStatusWord runs its case-sensitive form over lower-cased text; both must agree.
 */
const escapeWord = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s_-]+');
const REFERENCE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${statusWords().map(escapeWord).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

/** The case-sensitive alternation that scanStatusWord replaces. */
const ALTERNATION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${statusWords().map(escapeWord).join('|')})(?![\\p{L}\\p{N}])`,
  'u',
);

function reference(s: string): { index: number; text: string } | null {
  const m = REFERENCE.exec(s);
  return m ? { index: m.index, text: m[0] } : null;
}

describe('findStatusWord', () => {
  it('finds the longest phrase at the first position, in any case and with any separator', () => {
    expect(findStatusWord('Phase 2 — NOT   STARTED yet')).toEqual({
      status: 'todo',
      index: 10,
      text: 'NOT   STARTED',
    });
    expect(findStatusWord('work in_progress')).toMatchObject({ status: 'doing', text: 'in_progress' });
    expect(findStatusWord('undone')).toBeNull();
    expect(findStatusWord('İstanbul office: DONE')).toMatchObject({
      status: 'done',
      index: 17,
      text: 'DONE',
    });
  });

  it('agrees with the case-insensitive alternation on any text', () => {
    const words = statusWords();
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(' ', '  ', '-', '_', ' - ', '(', ')', ':', "'", 'x', 'İ', 'ẞ', 'é', '✅', '1', '\t'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        const got = findStatusWord(s);
        const want = reference(s);
        // The reference's match may name no status (`not-started`): findStatusWord then reports none.
        if (got) expect({ index: got.index, text: got.text }).toEqual(want);
        else if (want) expect(findStatusWord(want.text)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('scans as the alternation matches, on any text', () => {
    const words = statusWords();
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.replace(/ /g, '_')),
      fc.constantFrom(...words).map((w) => w.slice(0, -1)),
      fc.constantFrom(
        ' ',
        '  ',
        '-',
        '_',
        ' - ',
        '\t',
        '\u00a0',
        '\u3000',
        '\u2028',
        '\ufeff',
        'x',
        'é',
        'ß',
        '中',
        '了',
        '٣',
        '𝒜',
        '\ud835',
        '\udc9c',
        '✅',
        '\u0301',
        '1',
        '.',
        "'",
      ),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        const m = ALTERNATION.exec(s);
        expect(scanStatusWord(s)).toEqual(m ? { index: m.index, end: m.index + m[0].length } : null);
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the first status glyph as the alternation of glyphs does', () => {
    const glyphs = ['✅', '✔', '☑', '✓', '🟩', '💯', '🔄', '🚧', '🏗', '🔨', '⚙', '▶', '🏃', '⏸', '⛔', '🛑'];
    const more = [
      '🚫',
      '🔒',
      '❌',
      '✗',
      '✘',
      '✖',
      '❎',
      '🗑',
      '⏳',
      '⌛',
      '🔲',
      '⬜',
      '☐',
      '□',
      '☒',
      '■',
      '🔜',
    ];
    // The reference must know every glyph the scanner does: one it did not would fail the property
    // only when the generator happens to produce it.
    const known: string[] = [];
    for (let cp = 0x80; cp < 0x20000; cp++) {
      const c = String.fromCodePoint(cp);
      if (findStatusGlyph(c)) known.push(c);
    }
    expect(known.sort()).toEqual([...glyphs, ...more].sort());
    const re = new RegExp(`(?:${[...glyphs, ...more].join('|')})\\uFE0F?`, 'u');
    const piece = fc.oneof(
      fc.constantFrom(...glyphs, ...more, '\uFE0F', '🚀', '\ud83d', '\udfe9', 'x', ' ', 'é'),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        const m = re.exec(s);
        const got = findStatusGlyph(s);
        expect(got ? { index: got.index, text: got.text } : null).toEqual(
          m ? { index: m.index, text: m[0] } : null,
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readStatusValue', () => {
  it('reads work awaiting review as under way and deployed work as done', () => {
    const read = (v: string) => readStatusValue(v)?.status ?? null;
    expect(
      ['Pending review', 'Awaiting review', 'Ready for review', 'Needs review', 'In QA'].map(read),
    ).toEqual(Array(5).fill('doing'));
    expect(read('Deployed')).toBe('done');
    expect(read('Pending')).toBe('todo');
    expect(read('Ready')).toBe('todo');
  });

  it("reads a tracker's states: Jira's, an issue opened again or awaiting triage, work parked or superseded", () => {
    const read = (v: string) => readStatusValue(v)?.status ?? null;
    expect(
      [
        'Selected for Development',
        'Reopened',
        'Needs triage',
        'Awaiting deploy',
        'Parked',
        'Duplicate',
        'Superseded',
      ].map(read),
    ).toEqual(['todo', 'todo', 'todo', 'doing', 'blocked', 'cancelled', 'cancelled']);
  });

  it('reads a warning sign or a clipboard as a status value only when nothing else speaks', () => {
    expect(readStatusValue('⚠️')).toEqual({ status: 'doing', index: 0, text: '⚠️' });
    expect(readStatusValue('⚠ vendor delay')).toEqual({ status: 'doing', index: 0, text: '⚠' });
    expect(readStatusValue('📋')).toEqual({ status: 'todo', index: 0, text: '📋' });
    // A word or a status glyph says more.
    expect(readStatusValue('⚠️ Blocked')?.status).toBe('blocked');
    expect(readStatusValue('⚠️ ✅')?.status).toBe('done');
    // Neither is a status glyph where a glyph alone marks an item (a bullet, a heading).
    expect(findStatusGlyph('⚠️ Mind the cache')).toBeNull();
    expect(findStatusGlyph('📋 Backlog')).toBeNull();
  });
});
