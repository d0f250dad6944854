import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Lines, splitLines } from './lines.js';

/** The plain definition: one character at a time, CRLF before CR before LF. */
function reference(text: string): Omit<Lines, 'start' | 'end'> & { start: number[]; end: number[] } {
  const start: number[] = [];
  const end: number[] = [];
  const counts = { '\n': 0, '\r\n': 0, '\r': 0 };
  const bom = text.startsWith('\ufeff');
  let lineStart = bom ? 1 : 0;
  let i = lineStart;
  while (i < text.length) {
    const eol = text.startsWith('\r\n', i)
      ? '\r\n'
      : text[i] === '\r'
        ? '\r'
        : text[i] === '\n'
          ? '\n'
          : null;
    if (eol === null) {
      i++;
      continue;
    }
    start.push(lineStart);
    end.push(i);
    counts[eol]++;
    i += eol.length;
    lineStart = i;
  }
  const finalNewline = lineStart === text.length && start.length > 0;
  if (!finalNewline) {
    start.push(lineStart);
    end.push(text.length);
  }
  const { '\n': lf, '\r\n': crlf, '\r': cr } = counts;
  const eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
  return { start, end, count: start.length, bom, eol, finalNewline };
}

const plain = (l: Lines) => ({ ...l, start: [...l.start], end: [...l.end] });

describe('splitLines', () => {
  it('splits any mix of LF, CRLF and CR exactly as the character-by-character definition', () => {
    const piece = fc.constantFrom('a', 'text ', '\n', '\r', '\r\n', '\n\r', '\ufeff', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(plain(splitLines(text))).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a final CR as a CR line ending rather than the start of a CRLF', () => {
    expect(plain(splitLines('a\r'))).toEqual({
      start: [0],
      end: [1],
      count: 1,
      bom: false,
      eol: '\r',
      finalNewline: true,
    });
  });

  it('grows past its size estimate on a text of short lines', () => {
    const text = '\n'.repeat(10_000);
    const lines = splitLines(text);
    expect(lines.count).toBe(10_000);
    expect(lines.start[9_999]).toBe(9_999);
    expect(lines.finalNewline).toBe(true);
  });
});
