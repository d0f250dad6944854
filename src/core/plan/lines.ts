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

/**
 * Splits `text` into lines in one pass. The line ends are found with native `indexOf` scans (one
 * for LF, one for CR, each re-run only once passed), not a JS loop over every character.
 */
export function splitLines(text: string): Lines {
  const n = text.length;
  // Plans average 35–45 characters a line: the estimate makes regrowing rare, and regrowing doubles.
  let cap = (n >> 5) + 16;
  let start: Uint32Array = new Uint32Array(cap);
  let end: Uint32Array = new Uint32Array(cap);
  let count = 0;
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const bom = n > 0 && text.charCodeAt(0) === 0xfeff;
  let lineStart = bom ? 1 : 0;
  // Past the end (not at it, so a final CR is not taken for the start of a CRLF) when none is left.
  const none = n + 1;
  let nextLf = text.indexOf('\n', lineStart);
  let nextCr = text.indexOf('\r', lineStart);
  if (nextLf < 0) nextLf = none;
  if (nextCr < 0) nextCr = none;
  for (;;) {
    const e = Math.min(nextLf, nextCr);
    if (e >= n) break;
    if (count === cap) {
      cap *= 2;
      start = grow(start, cap);
      end = grow(end, cap);
    }
    start[count] = lineStart;
    end[count] = e;
    count++;
    if (e === nextLf) {
      lf++;
      lineStart = e + 1;
    } else if (e + 1 === nextLf) {
      crlf++;
      lineStart = e + 2;
    } else {
      cr++;
      lineStart = e + 1;
    }
    if (nextLf < lineStart) {
      nextLf = text.indexOf('\n', lineStart);
      if (nextLf < 0) nextLf = none;
    }
    if (nextCr < lineStart) {
      nextCr = text.indexOf('\r', lineStart);
      if (nextCr < 0) nextCr = none;
    }
  }
  let finalNewline = false;
  if (lineStart < n || count === 0) {
    if (count === cap) {
      start = grow(start, cap + 1);
      end = grow(end, cap + 1);
    }
    start[count] = lineStart;
    end[count] = n;
    count++;
  } else {
    finalNewline = true;
  }
  const eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
  return { start: start.subarray(0, count), end: end.subarray(0, count), count, bom, eol, finalNewline };
}

function grow(a: Uint32Array, cap: number): Uint32Array {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
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
