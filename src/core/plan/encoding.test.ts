import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EncodingAnomaly } from '../model.js';
import {
  damage,
  findEncodingAnomalies,
  repairForMatching,
  repairText,
  repairWithOffsets,
} from './encoding.js';
import { splitLines } from './lines.js';

const find = (s: string) => findEncodingAnomalies(s, splitLines(s));
const mojibake = (s: string) => find(s).filter((a) => a.kind === 'mojibake');
const cut = (s: string, a: EncodingAnomaly) => s.slice(a.span.start, a.span.end);

describe('findEncodingAnomalies: mojibake', () => {
  it.each([
    ['ðŸš€ ACTIVE', 'ðŸš€', '🚀', 'windows-1252'],
    ['âœ… DONE', 'âœ…', '✅', 'windows-1252'],
    ['ðŸ”„ NOT STARTED', 'ðŸ”„', '🔄', 'windows-1252'],
    ['â”Œâ”€â”€ box', 'â”Œâ”€â”€', '┌──', 'windows-1252'],
    ['Rename a â†’ b', 'â†’', '→', 'windows-1252'],
    ['ğŸ“‹ Table of Contents', 'ğŸ“‹', '📋', 'windows-1254'],
    ['cafÃ©', 'Ã©', 'é', 'windows-1252'],
    ['[â–ˆâ–‘]', 'â–ˆâ–‘', '█░', 'windows-1252'],
  ])('repairs %s', (text, damaged, meant, page) => {
    const found = find(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'mojibake', repaired: meant, codePage: page, line: 1 });
    expect(cut(text, found[0]!)).toBe(damaged);
  });

  it('reads C1 controls as Latin-1 damage', () => {
    expect(find(damage('✅ ok', 'latin1'))).toMatchObject([{ codePage: 'latin1', repaired: '✅' }]);
  });

  it('picks the code page that explains the longest run', () => {
    // é then 📋: Windows-1252 explains only `Ã©`, Windows-1254 explains both.
    const text = damage('é📋', 'windows-1254');
    expect(find(text)).toMatchObject([
      { codePage: 'windows-1254', repaired: 'é📋', span: { start: 0, end: 6 } },
    ]);
  });

  it('splits a run where one code page ends and another begins', () => {
    const text = `${damage('🚀', 'windows-1252')}${damage('📋', 'windows-1254')}`;
    expect(find(text).map((a) => [a.codePage, a.repaired])).toEqual([
      ['windows-1252', '🚀'],
      ['windows-1254', '📋'],
    ]);
  });

  it('keeps separate runs apart and leaves ASCII between them alone', () => {
    const text = 'a âœ… b ðŸš€ c';
    expect(find(text).map((a) => cut(text, a))).toEqual(['âœ…', 'ðŸš€']);
    expect(repairText(text, find(text))).toBe('a ✅ b 🚀 c');
  });

  it('repairs text damaged twice in one pass', () => {
    const twice = damage(damage('✅ and 🚀', 'windows-1252'), 'windows-1252');
    const found = find(twice);
    expect(found.map((a) => a.repaired)).toEqual(['✅', '🚀']);
    expect(repairText(twice, found)).toBe('✅ and 🚀');
    expect(repairForMatching(twice)).toBe('✅ and 🚀');
  });

  it('repairs a double-encoded byte-order mark', () => {
    expect(find('ï»¿# Plan')).toMatchObject([
      { kind: 'mojibake', repaired: '\uFEFF', span: { start: 0, end: 3 } },
    ]);
  });
});

describe('findEncodingAnomalies: legitimate text', () => {
  it.each([
    'café',
    'naïve',
    'Ñandú',
    'Größe',
    'Ğüzel',
    'İstanbul’da',
    '±5 °C',
    '© 2025',
    '“quotes”',
    '“café”',
    'voilà…',
    'a lone â here',
    'Ã alone',
    'ends with â',
    '✅ 🚀 ┌── → 中文 ░█',
  ])('does not flag %s', (s) => {
    expect(find(s)).toEqual([]);
    expect(repairForMatching(s)).toBe(s);
  });

  it('refuses overlong forms and surrogates', () => {
    // C0 AF (overlong /), E0 80 AF (overlong /), ED A0 80 (a surrogate) in Windows-1252.
    for (const s of ['À¯', 'à€¯', 'í\u00a0€']) expect(mojibake(s)).toEqual([]);
  });
});

describe('findEncodingAnomalies: lost text', () => {
  it('reports U+FFFD runs without guessing them', () => {
    expect(find('a \uFFFD\uFFFD b')).toEqual([
      { kind: 'replacement-char', repaired: null, codePage: null, span: { start: 2, end: 4 }, line: 1 },
    ]);
  });

  it('reports a double-encoded replacement character as lost text', () => {
    expect(find('ï¿½ Phase 0')).toMatchObject([
      { kind: 'replacement-char', repaired: null, span: { start: 0, end: 3 } },
    ]);
  });

  it('separates a lost character from the repairable run after it', () => {
    const text = '| ï¿½ðŸ”´ Must Have';
    expect(find(text).map((a) => [a.kind, cut(text, a), a.repaired])).toEqual([
      ['replacement-char', 'ï¿½', null],
      ['mojibake', 'ðŸ”´', '🔴'],
    ]);
  });

  it('reports a sequence whose undefined byte became U+FFFD as one lost character', () => {
    // ❌ is E2 9D 8C; Windows-1252 has no character for 9D.
    const text = '- â\uFFFDŒ CANCELLED';
    expect(find(text)).toMatchObject([
      { kind: 'replacement-char', repaired: null, span: { start: 2, end: 5 } },
    ]);
    // ” is E2 80 9D.
    expect(find('“quotedâ€\uFFFD')).toMatchObject([
      { kind: 'replacement-char', span: { start: 7, end: 10 } },
    ]);
  });

  it('reports a sequence whose undefined byte was dropped as mojibake that cannot be repaired', () => {
    // ⏳ is E2 8F B3 and ❌ is E2 9D 8C: 8F and 9D have no Windows-1252 character.
    expect(find('- â³ Pending')).toMatchObject([
      { kind: 'mojibake', codePage: 'windows-1252', repaired: null, span: { start: 2, end: 4 } },
    ]);
    expect(find('âŒ Failed')).toMatchObject([
      { kind: 'mojibake', repaired: null, span: { start: 0, end: 2 } },
    ]);
    // 🎉 is F0 9F 8E 89: 8E has no Windows-1254 character.
    expect(find('ğŸ‰ Done')).toMatchObject([{ kind: 'mojibake', codePage: 'windows-1254', repaired: null }]);
  });

  it('reports a closing quote that lost its last byte right after a word', () => {
    // ” is E2 80 9D.
    const text = 'â€œquotedâ€ and more';
    expect(find(text).map((a) => [cut(text, a), a.repaired])).toEqual([
      ['â€œ', '“'],
      ['â€', null],
    ]);
  });

  it('repairs the good part of a partly damaged run and reports where it stops', () => {
    // ┌─┐ where ┐ (E2 94 90) lost its 90.
    const text = 'â”Œâ”€â”\n';
    expect(find(text).map((a) => [cut(text, a), a.repaired])).toEqual([
      ['â”Œâ”€', '┌─'],
      ['â”', null],
    ]);
  });

  it('leaves lost text alone when repairing', () => {
    const text = 'ï¿½ âœ… â³ \uFFFD';
    expect(repairText(text, find(text))).toBe('ï¿½ ✅ â³ \uFFFD');
    expect(repairForMatching(text)).toBe('ï¿½ ✅ â³ \uFFFD');
  });
});

describe('findEncodingAnomalies: positions', () => {
  it('reports spans and lines with CRLF and a byte-order mark', () => {
    const text = '\uFEFF# Plan\r\n\r\n- âœ… done\r\n- [ ] ðŸš€ launch\r\n\r\nâ³\r\n';
    const found = find(text);
    expect(found.map((a) => [a.line, cut(text, a), a.repaired])).toEqual([
      [3, 'âœ…', '✅'],
      [4, 'ðŸš€', '🚀'],
      [6, 'â³', null],
    ]);
  });

  it('reports lines with lone CR line endings', () => {
    const text = 'a\rb\rÃ©\r';
    expect(find(text)).toMatchObject([{ line: 3, span: { start: 4, end: 6 } }]);
  });

  it('processes a 20 MB string of ASCII and emoji', () => {
    const big = 'plain text ✅ and more 🚀 ┌──\n'.repeat(700_000);
    expect(big.length).toBeGreaterThan(20_000_000);
    expect(find(big)).toEqual([]);
    expect(repairForMatching(big)).toBe(big);
  });

  it('processes a large damaged string', () => {
    const big = damage('- ✅ done → next\n', 'windows-1252').repeat(200_000);
    const found = find(big);
    expect(found).toHaveLength(400_000);
    expect(found[399_999]).toMatchObject({ line: 200_000, repaired: '→' });
  });
});

describe('repairForMatching', () => {
  it('returns the same string when there is nothing to repair', () => {
    for (const s of ['nothing to see ✅ here', 'café', 'â³ lost', '']) expect(repairForMatching(s)).toBe(s);
  });

  it('repairs markers so they match', () => {
    expect(repairForMatching('**Status:** ðŸ”„ IN PROGRESS')).toBe('**Status:** 🔄 IN PROGRESS');
  });
});

describe('damage', () => {
  it('is UTF-8 read through the code page', () => {
    expect(damage('✅', 'windows-1252')).toBe('âœ…');
    expect(damage('📋', 'windows-1254')).toBe('ğŸ“‹');
    expect(damage('é', 'latin1')).toBe('Ã©');
    // Á is C3 81; 0x81 has no Windows-1252 character and reads as U+0081, as WHATWG decoders do.
    expect(damage('Á', 'windows-1252')).toBe('Ã\u0081');
  });

  it('encodes a lone surrogate as U+FFFD', () => {
    expect(damage('\uD800', 'windows-1252')).toBe('ï¿½');
  });
});

// Text that was never damaged: graphemes from all of Unicode, and pieces that plans are made of,
// including letters that stand for lead bytes (Ã â ð ğ) and symbols that stand for continuation
// bytes (© “ ” € ™), so damage of adjacent characters is exercised.
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.constantFrom(
    '✅',
    '🚀',
    '🔄',
    '📋',
    '⏳',
    '❌',
    '⚠️',
    '👨‍💻',
    '┌',
    '─',
    '│',
    '█',
    '░',
    '→',
    '≥',
    'é',
    'ü',
    'ğ',
    'İ',
    'ß',
    'Ž',
    '中',
    'Ã',
    'â',
    'ð',
    '©',
    '“',
    '”',
    '€',
    '™',
    '\u0081',
    '\u009d',
    ' ',
    '\n',
    '\r\n',
    '- [ ] ',
    'task',
  ),
);
const text = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(''));
/** Text holding no repairable damage of its own, and no U+FFFD (whose damage `ï¿½` is reported as lost). */
const undamaged = text.filter((s) => !s.includes('\uFFFD') && find(s).every((a) => a.repaired === null));

describe('properties', () => {
  it.each(['windows-1252', 'windows-1254', 'latin1'] as const)(
    'repairs any text damaged through %s',
    (page) => {
      fc.assert(
        fc.property(undamaged, (s) => {
          const d = damage(s, page);
          const found = find(d);
          expect(repairText(d, found)).toBe(s);
          expect(repairForMatching(d)).toBe(s);
          for (const a of found) expect(a.kind === 'mojibake' && a.repaired !== null).toBe(true);
        }),
        { numRuns: 500 },
      );
    },
  );

  it('maps every offset of the repaired text back to the damaged text (property)', () => {
    const page = fc.constantFrom('windows-1252', 'windows-1254', 'latin1' as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(undamaged, fc.boolean())), page, (parts, p) => {
        // Pieces of text, some damaged, joined by an ASCII letter so every join is a boundary.
        const raw = parts.map(([t, hurt]) => (hurt ? damage(t, p) : t)).join('|');
        const r = repairWithOffsets(raw);
        const text = r?.text ?? raw;
        const rawOffset = r?.rawOffset ?? ((i: number) => i);
        if (r === null) expect(repairForMatching(raw)).toBe(raw);
        expect(text).toBe(repairForMatching(raw));
        expect(rawOffset(0)).toBe(0);
        expect(rawOffset(text.length)).toBe(raw.length);
        let last = 0;
        for (let i = 0; i <= text.length; i++) {
          const r = rawOffset(i);
          expect(r).toBeGreaterThanOrEqual(last);
          last = r;
          // Every separator stays where the map says, and what follows it repairs to the same text.
          if (text[i] === '|') {
            expect(raw[r]).toBe('|');
            expect(repairForMatching(raw.slice(r))).toBe(text.slice(i));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('repairs any text damaged twice', () => {
    fc.assert(
      fc.property(undamaged, (s) => {
        const d = damage(damage(s, 'windows-1252'), 'windows-1252');
        expect(repairText(d, find(d))).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('reports nothing in text without lead characters', () => {
    const leads = /[\u00C2-\u00F4\u011E\u011F\u0130\u015E\uFFFD]/gu;
    fc.assert(
      fc.property(text, (s) => {
        const clean = s.replace(leads, '');
        expect(find(clean)).toEqual([]);
        expect(repairForMatching(clean)).toBe(clean);
      }),
      { numRuns: 500 },
    );
  });

  it('reports nothing in ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
        expect(find(s)).toEqual([]);
      }),
    );
  });

  it('never changes text outside the reported spans, and reports spans in order on their lines', () => {
    fc.assert(
      fc.property(text, (s) => {
        const found = find(s);
        const lines = splitLines(s);
        let pos = 0;
        let out = '';
        for (const a of found) {
          expect(a.span.start).toBeGreaterThanOrEqual(pos);
          expect(a.span.end).toBeGreaterThan(a.span.start);
          expect(lines.start[a.line - 1]).toBeLessThanOrEqual(a.span.start);
          out += s.slice(pos, a.span.start) + (a.repaired ?? cut(s, a));
          pos = a.span.end;
        }
        expect(repairText(s, found)).toBe(out + s.slice(pos));
      }),
      { numRuns: 500 },
    );
  });
});
