import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextProse } from './dep-phrases.js';

/** The prose-dependency regex that nextProse replaces, as it ran on lower-cased lines. */
const PROSE_RE =
  /([\p{L}\p{N}][\p{L}\p{N}.-]*)\s+(depends on|requires|needs|is blocked by|blocked by|comes after|must follow|blocks|must precede)\s+([\p{L}\p{N}](?:[\p{L}\p{N}, -]|\.(?=[\p{L}\p{N}]))*)/gu;

function reference(s: string) {
  const out: { index: number; subjectEnd: number; verb: string; refsStart: number; end: number }[] = [];
  PROSE_RE.lastIndex = 0;
  for (let m = PROSE_RE.exec(s); m; m = PROSE_RE.exec(s)) {
    const end = m.index + m[0].length;
    out.push({
      index: m.index,
      subjectEnd: m.index + m[1]!.length,
      verb: m[2]!,
      refsStart: end - m[3]!.length,
      end,
    });
  }
  return out;
}

function scanned(s: string) {
  const out = [];
  for (let m = nextProse(s, 0); m; m = nextProse(s, m.end)) out.push(m);
  return out;
}

describe('nextProse', () => {
  it('reads subject, verb and references', () => {
    expect(scanned('t002 depends on t001, t003. then more')).toEqual([
      { index: 0, subjectEnd: 4, verb: 'depends on', refsStart: 16, end: 26 },
    ]);
    expect(scanned('p1.2 blocks  v1.2 and x')).toMatchObject([{ verb: 'blocks', refsStart: 13, end: 23 }]);
  });

  it('finds what the regex finds, on any text', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'depends on',
        'requires',
        'needs',
        'is blocked by',
        'blocked by',
        'comes after',
        'must follow',
        'blocks',
        'must precede',
        'depends',
        'block',
      ),
      fc.constantFrom('t1', 'a-2', 'x.y', 'mh-001', '1.2', 'é', '中文', '𝒜', '٣', 'and', 'x'),
      fc.constantFrom(
        ' ',
        '  ',
        '\t',
        '\u00a0',
        '\u3000',
        ',',
        ', ',
        '.',
        '. ',
        '-',
        '.-',
        '(',
        '✅',
        '\ud835',
        '\u0301',
      ),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        expect(scanned(s)).toEqual(reference(s));
      }),
      { numRuns: 5000 },
    );
  });
});
