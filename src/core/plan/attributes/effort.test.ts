import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEffort, readInlineEffort } from './effort.js';

// The regexes as first written, with Unicode case folding and a Unicode letter class after the unit,
// and an abbreviated unit's period before a closing bracket (`(30 Min.)`).
const UNIT = `(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo|分钟|分鐘|小时|小時|時間|天|周|週)`;
const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const EFFORT_RE = new RegExp(`${NUM}(?:\\s*(?:-|–|—|to)\\s*${NUM})?\\s*${UNIT}(?![\\p{L}])`, 'iu');
const INLINE_EFFORT_RE = new RegExp(
  `(?:[([]\\s*(?:est(?:imated?)?\\.?\\s+)?~?\\s*|(?<![\\p{L}])est(?:imated?)?\\.?\\s+~?|~\\s*)${EFFORT_RE.source}(?:\\.(?=\\s*[)\\]]))?\\s*[)\\]]?`,
  'iu',
);

function referenceMatch(text: string) {
  const m = EFFORT_RE.exec(text);
  return m ? { index: m.index, text: m[0], low: m[1], high: m[2], unit: m[3] } : null;
}

function referenceInline(text: string) {
  if (!/\d/.test(text)) return null;
  const m = INLINE_EFFORT_RE.exec(text);
  if (!m) return null;
  const t = m[0];
  if (t.startsWith('(') && !t.endsWith(')')) return null;
  if (t.startsWith('[') && !t.endsWith(']')) return null;
  const bracketed = t.startsWith('(') || t.startsWith('[');
  return { index: m.index, length: !bracketed && /[)\]]$/.test(t) ? t.length - 1 : t.length };
}

const piece = fc.oneof(
  fc.constantFrom(
    '2',
    '3.5',
    '1,5',
    '10',
    '-',
    '–',
    ' to ',
    ' ',
    '(',
    ')',
    '[',
    ']',
    '~',
    '~ ',
    '  ',
    '\t',
    '\t~\t',
    'est ',
    '123',
    'est. ',
    'Estimate ',
    'best ',
    '.',
    '.)',
  ),
  fc.constantFrom(
    'h',
    'H',
    'min',
    'minutes',
    'MO',
    'months',
    'wks',
    'days',
    'd',
    'w',
    'hrs',
    'ſ',
    '\u212a',
    '天',
    '小时',
    '周',
    '日',
  ),
  fc.constantFrom('é', 'x', 'ß', '中', '𝒜', '\ud835', '✅', '\u00a0', 'ı', 'İ'),
  fc.string({ maxLength: 2 }),
);

describe('effort regexes', () => {
  it('read what the Unicode regexes read, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        const ref = referenceMatch(s);
        const got = readEffort(s);
        expect(got?.text ?? null).toBe(ref?.text ?? null);
        const inline = readInlineEffort(s);
        const refInline = referenceInline(s);
        if (refInline && readEffort(s.slice(refInline.index, refInline.index + refInline.length)))
          expect(inline && { index: inline.index, length: inline.length }).toEqual(refInline);
        else expect(inline).toBeNull();
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the units Chinese and Japanese plans write, and no day of a date', () => {
    expect(readEffort('2天')).toMatchObject({ minutes: 16 * 60 });
    expect(readEffort('4小时')).toMatchObject({ minutes: 240 });
    expect(readEffort('3-5 天')).toMatchObject({ minutes: 3 * 480, maxMinutes: 5 * 480 });
    expect(readEffort('1周')).toMatchObject({ minutes: 5 * 480 });
    expect(readEffort('30分钟')).toMatchObject({ minutes: 30 });
    expect(readEffort('2時間')).toMatchObject({ minutes: 120 });
    expect(readEffort('12月5日')).toBeNull();
  });

  it('reads an estimate in parentheses after a word for it, and cuts the whole', () => {
    const at = (s: string) => {
      const m = readInlineEffort(s);
      return m && [s.slice(m.index, m.index + m.length), m.effort.minutes, m.effort.maxMinutes];
    };
    expect(at('Rewrite the importer (est. 3d)')).toEqual(['(est. 3d)', 3 * 8 * 60, null]);
    expect(at('Port it (Estimate 2-3 days) first')).toEqual(['(Estimate 2-3 days)', 960, 1440]);
    expect(at('Tune (est ~4h)')).toEqual(['(est ~4h)', 240, null]);
    expect(at('Read (estimates 3d)')).toBeNull();
    expect(at('Write tests est. 3h')).toEqual(['est. 3h', 180, null]);
    expect(at('Write docs [2h]')).toEqual(['[2h]', 120, null]);
    expect(at('Backfill ~ 2 days')).toEqual(['~ 2 days', 960, null]);
    expect(at('Print the best 3d model')).toBeNull();
    expect(at('Test it (see est. 3h)')).toEqual(['est. 3h', 180, null]);
    expect(at('Write docs [2h)')).toBeNull();
    expect(at('Ship (est. soon, 3d)')).toBeNull();
    // A tilde inside the brackets: the brackets are the estimate's; after a word, they are not.
    expect(at('Evaluate Renovate (~1d)')).toEqual(['(~1d)', 480, null]);
    expect(at('Evaluate (~ 2h) it')).toEqual(['(~ 2h)', 120, null]);
    expect(at('Tidy up (about ~3d)')).toEqual(['~3d', 1440, null]);
  });
});
