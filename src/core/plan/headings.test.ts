import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingDecorationLength, trailingGlyph } from './headings.js';

/** The regexes the decoration scans replace. */
const LEADING_DECOR_RE = /^(?:[^\p{L}\p{N}\s*_~[(`]\uFE0F?\s*)+/u;
const TRAILING_GLYPH_RE = /\s*([^\p{L}\p{N}\s)\]*_~`])\uFE0F?\s*$/u;

const piece = fc.oneof(
  fc.constantFrom('✅', '🔴', '🚀', '\uFE0F', '#', '-', '*', '_', '~', '[', '(', ')', ']', '`', '|', ':'),
  fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', 'Title', 'x', '1', 'é', '٣', '𝒜', '\ud835', '\udc9c'),
  fc.string({ unit: 'binary', maxLength: 2 }),
);

describe('heading decoration', () => {
  it('measures leading decoration as the regex does, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.nat(3), (parts, from) => {
        const s = parts.join('');
        const at = Math.min(from, s.length);
        expect(leadingDecorationLength(s, at)).toBe(LEADING_DECOR_RE.exec(s.slice(at))?.[0].length ?? 0);
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the trailing glyph as the regex does, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        const m = TRAILING_GLYPH_RE.exec(s);
        expect(trailingGlyph(s)).toEqual(
          m ? { index: m.index, glyph: m[1], glyphStart: m.index + m[0].indexOf(m[1]!) } : null,
        );
      }),
      { numRuns: 5000 },
    );
  });
});
