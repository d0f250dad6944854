import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingGlyph } from './marks.js';

/** The regex leadingGlyph replaces. */
const LEADING_GLYPH_RE = /^(\*\*|__)?\s*([^\p{L}\p{N}\s*_[(`])\uFE0F?/u;

describe('leadingGlyph', () => {
  it('reads the opening glyph as the regex does, on any text', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '**',
        '__',
        '*',
        '_',
        ' ',
        '\t',
        '\u3000',
        '✅',
        '⏳',
        '🚀',
        '\uFE0F',
        '[',
        '(',
        '`',
        '-',
        '#',
      ),
      fc.constantFrom('Done', 'x', '1', 'é', '٣', '𝒜', '\ud835', '\udc9c'),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        const m = LEADING_GLYPH_RE.exec(s);
        expect(leadingGlyph(s)).toEqual(m ? { bold: m[1] ?? '', glyph: m[2], end: m[0].length } : null);
      }),
      { numRuns: 5000 },
    );
  });
});
