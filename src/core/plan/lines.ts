/**
 * Stage 1 of the plan pipeline: the text split once into lines.
 *
 * Offsets are UTF-16 code-unit indices into the original string, so a span can be cut out of and
 * spliced back into the text with plain string operations. Nothing is normalised: the line-ending
 * of every line is kept so an edit can reuse it.
 */
export interface Lines {
  /** Offset where line i starts. */
  readonly start: Uint32Array;
  /** Offset where line i's content ends (before its line ending). */
  readonly end: Uint32Array;
  /** Number of lines. A final line ending does not open an extra empty line. */
  readonly count: number;
  /** True when the text starts with a byte-order mark (U+FEFF); line 0's content then starts at 1. */
  readonly bom: boolean;
  /** The dominant line ending, used for inserted lines. */
  readonly eol: '\n' | '\r\n' | '\r';
  /** True when the last line has a line ending. */
  readonly finalNewline: boolean;
}

/** Splits `text` into lines in one pass. */
export function splitLines(text: string): Lines {
  const n = text.length;
  let cap = 1024;
  let start = new Uint32Array(cap);
  let end = new Uint32Array(cap);
  let count = 0;
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const bom = n > 0 && text.charCodeAt(0) === 0xfeff;
  let pos = bom ? 1 : 0;
  let lineStart = pos;
  let finalNewline = false;
  const push = (s: number, e: number) => {
    if (count === cap) {
      cap *= 2;
      const s2 = new Uint32Array(cap);
      s2.set(start);
      start = s2;
      const e2 = new Uint32Array(cap);
      e2.set(end);
      end = e2;
    }
    start[count] = s;
    end[count] = e;
    count++;
  };
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === 10) {
      push(lineStart, pos);
      lf++;
      pos++;
      lineStart = pos;
    } else if (c === 13) {
      push(lineStart, pos);
      if (pos + 1 < n && text.charCodeAt(pos + 1) === 10) {
        crlf++;
        pos += 2;
      } else {
        cr++;
        pos++;
      }
      lineStart = pos;
    } else {
      pos++;
    }
  }
  if (lineStart < n || count === 0) {
    push(lineStart, n);
  } else {
    finalNewline = true;
  }
  const eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
  return { start: start.subarray(0, count), end: end.subarray(0, count), count, bom, eol, finalNewline };
}

/** Index of the line containing `offset` (binary search). */
export function lineAt(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.start[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
