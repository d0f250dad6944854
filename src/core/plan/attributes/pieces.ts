/**
 * The pieces of a metadata list, each read by its own reader from where it ends: a `Key: value`, an
 * owner phrase or placeholder, a priority word, a status word (with its reason or date), a date, story
 * points, a T-shirt size, a share done, a dependency phrase. tail.ts and paren-lists.ts read the lists
 * these make. This module holds what the readers share: the marks, FieldIndex, the separators, where a
 * piece starts; key-pieces.ts reads `Key: value` pieces, owner-pieces.ts owners, status-pieces.ts
 * statuses, bare-pieces.ts priority words, dates, points, sizes and shares done, dep-pieces.ts
 * dependency phrases.
 */
import type { Effort, Field, Priority } from '../../model.js';
import { isSpace } from '../chars.js';

/** A mark another reader took on the line (a priority, an estimate), as offsets in the line. */
export interface Mark {
  readonly index: number;
  readonly length: number;
}

/** An estimate read on the line, with its offsets in the line. */
export interface EffortMark extends Mark {
  readonly effort: Effort;
}

/** A priority read on the line, with its offsets in the line. */
export interface PriorityMark extends Mark {
  readonly priority: Priority;
}

/**
 * The fields read on a line, looked up by offset in the line: a metadata list is taken piece by
 * piece, and a line of many fields (`(@a, @a, …)`) must not cost a scan of them all per piece.
 */
export class FieldIndex {
  private ends: Map<number, Field> | null = null;
  /** The fields' starts in the line, made when first needed (most lines need none). */
  private starts: number[] | null = null;

  constructor(
    private readonly fields: readonly Field[],
    private readonly base: number,
  ) {}

  /** The first field that ends at `end`. */
  get(end: number): Field | undefined {
    if (this.fields.length <= 8) {
      for (const f of this.fields) if (f.span.end - this.base === end) return f;
      return undefined;
    }
    if (this.ends === null) {
      this.ends = new Map();
      for (const f of this.fields) {
        const e = f.span.end - this.base;
        if (!this.ends.has(e)) this.ends.set(e, f);
      }
    }
    return this.ends.get(end);
  }

  /** The field spanning exactly `a` to `b`. */
  exact(a: number, b: number): Field | undefined {
    for (
      let i = this.lowerBound(a);
      i < this.fields.length && this.fields[i]!.span.start - this.base === a;
      i++
    ) {
      if (this.fields[i]!.span.end - this.base === b) return this.fields[i];
    }
    return undefined;
  }

  /** Whether a field starts inside `a`..`b`, or the one before `a` runs into it. */
  overlaps(a: number, b: number): boolean {
    const i = this.lowerBound(a);
    if (i < this.fields.length && this.fields[i]!.span.start - this.base < b) return true;
    return i > 0 && this.fields[i - 1]!.span.end - this.base > a;
  }

  /** The first field that starts at or after `a` (the fields are in order of their start). */
  private lowerBound(a: number): number {
    if (this.starts === null) {
      this.starts = [];
      for (const f of this.fields) this.starts.push(f.span.start - this.base);
    }
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < a) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isListPunct(c: number): boolean {
  return c === 44 || c === 59 || isSpace(c);
}

/** A dash, a bar, or a middle dot or bullet (`— @li · 3d · P1`). */
function isDash(c: number): boolean {
  return c === 0x2014 || c === 0x2013 || c === 45 || c === 124 || c === 0xb7 || c === 0x2022;
}

/**
 * Whether a dash, bar or dot with white space on both sides (or the end of the line after it) is at
 * `i`, or half of a double em dash: a separator, not a hyphen.
 */
export function isSpacedDash(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // Half of a double em dash, as Chinese writes one, with white space around it or not.
  if (c === 0x2014 && (s.charCodeAt(i - 1) === 0x2014 || s.charCodeAt(i + 1) === 0x2014)) return true;
  return (
    isDash(c) && i > 0 && isSpace(s.charCodeAt(i - 1)) && (i + 1 === s.length || isSpace(s.charCodeAt(i + 1)))
  );
}

/**
 * Where the piece of a list ending at `end` starts, after its blanks: just after a comma, a semicolon or
 * a set-off dash at most `max` characters back; -1 when none is there (a piece follows a separator).
 */
export function pieceStart(s: string, end: number, max: number): number {
  let start = end;
  while (start > 0 && end - start <= max) {
    const c = s.charCodeAt(start - 1);
    if (c === 44 || c === 59 || isSpacedDash(s, start - 1)) break;
    start--;
  }
  if (start === 0 || end - start > max) return -1;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  return start;
}

/** Whether a piece read as a field holds the priority or estimate mark read on the line. */
export function holdsMark(f: Field, base: number, priority: Mark | null, estimate: Mark | null): boolean {
  const a = f.span.start - base;
  const b = f.span.end - base;
  return overlaps(priority, a, b) || overlaps(estimate, a, b);
}

export function overlaps(m: Mark | null, a: number, b: number): boolean {
  return m !== null && m.index < b && m.index + m.length > a;
}
