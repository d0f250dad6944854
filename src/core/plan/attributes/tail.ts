/**
 * The metadata list that ends an item line after a separator: `CSV parser — @li, 3d, due 2026-02-06`,
 * `Write docs - 2d`, `Cache layer | 3 days`. Plans that write tasks as plain lines put the owner, the
 * estimate and the date there, joined by commas. The list is read only when every piece of it is
 * something the line's other readers took (a mention, a date, a priority, a field) or an estimate
 * written bare (`3d`, `0.5d`, `2-3 days`): a title like `Port the 3d renderer` or `Spike - try 2
 * approaches` is left whole.
 */
import type { Effort, Field } from '../../model.js';
import { codePointAt, isLetterOrDigit, isSpace } from '../chars.js';
import { readEffort } from './effort.js';
import { isWordMark } from './fields.js';

/** A mark another reader took on the line (a priority, an estimate), as offsets in the line. */
export interface Mark {
  readonly index: number;
  readonly length: number;
}

export interface Tail {
  /** Where the tail starts in the line: the white space before its separator. */
  readonly start: number;
  /** The estimate written bare in the tail, with its offsets in the line. */
  readonly effort: { readonly effort: Effort; readonly index: number; readonly length: number } | null;
}

/**
 * A bare estimate ending the text: a number or range and a unit, after white space, `,` or `;`.
 * Greedy `.*` puts the match at the last place it can start, which is the token's own start.
 */
const BARE_EFFORT_END_RE =
  /^(?:.*[\s,;])?(~?\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(?:minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo))$/is;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isListPunct(c: number): boolean {
  return c === 44 || c === 59 || isSpace(c);
}

/**
 * The tail of `s`, or null. `fields` are the fields read on the line, offset by `base`; `priority` and
 * `estimate` the marks read there. With an estimate read (`(2h)`), a bare one is not read again.
 */
export function readTail(
  s: string,
  fields: readonly Field[],
  base: number,
  priority: Mark | null,
  estimate: Mark | null,
  hoursPerDay: number,
): Tail | null {
  let end = s.length;
  // Where the last token taken starts: the separator is before it.
  let first = end;
  let meta = 0;
  let effort: Tail['effort'] = null;
  next: for (;;) {
    while (end > 0 && isListPunct(s.charCodeAt(end - 1))) end--;
    if (end === 0) return null;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k]!;
      if (f.span.end - base !== end) continue;
      if (!isWordMark(f)) meta++;
      end = first = f.span.start - base;
      continue next;
    }
    const mark = priority !== null && priority.index + priority.length === end ? priority : estimate;
    if (mark !== null && mark.index + mark.length === end) {
      meta++;
      end = first = mark.index;
      continue;
    }
    // An estimate is a unit (ASCII letters) after a digit, white space between them or not: most
    // lines end in a word that is not one, and are not given to the regex.
    if (effort !== null || estimate !== null) break;
    let u = end;
    while (u > 0 && isAsciiLetter(s.charCodeAt(u - 1))) u--;
    if (u === end || end - u > 7) break;
    while (u > 0 && isSpace(s.charCodeAt(u - 1))) u--;
    const d = s.charCodeAt(u - 1);
    if (!(d >= 48 && d <= 57)) break;
    const m = BARE_EFFORT_END_RE.exec(s.slice(0, end));
    if (m === null) break;
    const text = m[1]!;
    const e = readEffort(text, hoursPerDay);
    if (e === null) break;
    end = first = end - text.length;
    effort = { effort: e, index: end, length: text.length };
    meta++;
  }
  if (meta === 0) return null;
  // The separator: a dash or bar with white space before it, or a comma.
  let p = first;
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  const sep = s.charCodeAt(p - 1);
  const spaced = p >= 2 && isSpace(s.charCodeAt(p - 2));
  if (sep === 44 || ((sep === 0x2014 || sep === 0x2013 || sep === 45 || sep === 124) && spaced)) p--;
  else return null;
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  // A title must be left before the tail.
  for (let i = 0; i < p; i++) if (isLetterOrDigit(codePointAt(s, i))) return { start: p, effort };
  return null;
}
