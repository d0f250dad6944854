import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointAt, codePointBefore, isLetterOrDigit, isSpace, nonWordPrefixLength } from './chars.js';

describe('character classes', () => {
  it('isSpace is \\s on every UTF-16 unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) expect([c, isSpace(c)]).toEqual([c, !isSpace(c)]);
    }
  });

  it('isLetterOrDigit is [\\p{L}\\p{N}] on every code point', () => {
    const re = /^[\p{L}\p{N}]$/u;
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 97) {
      const s = String.fromCodePoint(cp);
      if (isLetterOrDigit(cp) !== re.test(s)) expect([cp, isLetterOrDigit(cp)]).toEqual([cp, re.test(s)]);
    }
    expect(isLetterOrDigit(-1)).toBe(false);
  });

  it('reads the code point before and at an offset as a Unicode regex does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 6 }), fc.nat(7), (s, n) => {
        const i = Math.min(n, s.length);
        const before = /(?:[\s\S])$/u.exec(s.slice(0, i));
        expect(codePointBefore(s, i)).toBe(before ? before[0].codePointAt(0) : -1);
        expect(codePointAt(s, i)).toBe(i < s.length ? s.codePointAt(i) : -1);
      }),
      { numRuns: 2000 },
    );
  });

  it('measures the prefix before the first letter or digit as the regex does', () => {
    const piece = fc.oneof(
      fc.constantFrom(' ', '#', '🔴', '✅', '\uFE0F', '\ud835', '\udc9c', '𝒜', '٣', 'é', 'P', '1', '-', '**'),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        expect(nonWordPrefixLength(s)).toBe(/^[^\p{L}\p{N}]*/u.exec(s)![0].length);
      }),
      { numRuns: 3000 },
    );
  });
});
