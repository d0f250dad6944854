/**
 * Bare pieces of a list (no key): a priority word, a date, the end of the plan's week, story points, a
 * T-shirt size, a share done; and the status or priority word opening the text after an ID.
 */
import type { Field } from '../../model.js';
import { isSpace } from '../chars.js';
import { isCalendarWeek, isMonthDay, namesPlanPeriodEnd, readAbsoluteDate, wholeDateRange } from './dates.js';
import {
  type FieldIndex,
  isDigit,
  isListPunct,
  isSpacedDash,
  type PriorityMark,
  pieceStart,
} from './pieces.js';
import { readPriorityPiece } from './priority.js';
import { readStatusValue } from './status.js';
import { statusPieceAt } from './status-pieces.js';

/** The longest priority piece: `critical priority`, `prioridade crítica`, `niedrige Priorität`. */
const MAX_PRIORITY_PIECE = 20;

/** The priority word that is the piece of a list ending at `end` (`— High priority`, `, urgent`). */
export function priorityPiece(s: string, end: number): PriorityMark | null {
  // A piece follows a separator: a short title alone is not one.
  const start = pieceStart(s, end, MAX_PRIORITY_PIECE);
  if (start < 0) return null;
  const priority = readPriorityPiece(s.slice(start, end));
  return priority === null ? null : { priority, index: start, length: end - start };
}

/** The longest date a piece is: `September 30th, 2026`. */
const MAX_DATE_PIECE = 24;

/**
 * The end of the plan's day, week, month or quarter standing as a piece (`— EOW`, `, EOM`, `— end of
 * month`): the due date, as `by EOW` is.
 */
export function periodEndPiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
  const start = pieceStart(s, end, MAX_PERIOD_END_PIECE);
  if (start < 0 || !namesPlanPeriodEnd(s.slice(start, end))) return null;
  if (fields.overlaps(start, end)) return null;
  const span = { start: base + start, end: base + end };
  return { key: 'due', rawKey: '', value: s.slice(start, end), span, valueSpan: span, style: 'kv' };
}
/** The longest end of a period read as a piece, its blanks after the separator included: `the end of the quarter`. */
export const MAX_PERIOD_END_PIECE = 24;

/**
 * The date that is the piece of a list ending at `end` (`2026-12-14`, `14.12.2026`, `Dec 14, 2026`,
 * whose comma does not end the piece), as a due field without a key; null when the piece is more
 * than a date (`shipped 2026-12-01`) or another reader took it.
 */
export function datePiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
  const date = oneDatePiece(s, end, fields, base);
  if (date === null) return null;
  // A range's two days set off by a spaced en dash or an arrow (`Dec 14 – Dec 18`) are one piece, where
  // a spaced em dash or hyphen separates two pieces: the range is due by its last day.
  let k = date.span.start - base;
  while (k > 0 && isSpace(s.charCodeAt(k - 1))) k--;
  const c = s.charCodeAt(k - 1);
  if (c !== 0x2013 && c !== 0x2192) return date;
  k--;
  while (k > 0 && isSpace(s.charCodeAt(k - 1))) k--;
  const first = k > 0 && isDigit(s.charCodeAt(k - 1)) ? oneDatePiece(s, k, fields, base) : null;
  if (first === null) return date;
  const from = first.span.start - base;
  if (wholeDateRange(s.slice(from, end)) === null) return date;
  const span = { start: base + from, end: base + end };
  return { ...date, value: s.slice(from, end), span, valueSpan: span };
}

/** The date, or range of days unspaced (`Dec 14–18`), that is the piece ending at `end` (see datePiece). */
function oneDatePiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
  let start = end;
  let comma = -1;
  while (start > 0 && end - start <= MAX_DATE_PIECE) {
    const c = s.charCodeAt(start - 1);
    if (c === 59 || isSpacedDash(s, start - 1)) break;
    // `Dec 14, 2026`: the comma after the day is the date's; one before it ends the piece.
    if (c === 44) {
      if (comma >= 0) break;
      comma = start - 1;
    }
    start--;
  }
  // Too long for a date: the piece after the comma may be one (`a long title,  2026-12-14`).
  if (end - start > MAX_DATE_PIECE) {
    if (comma < 0) return null;
    start = comma + 1;
  }
  for (;;) {
    while (start < end && (isSpace(s.charCodeAt(start)) || s.charCodeAt(start) === 44)) start++;
    const piece = s.slice(start, end);
    const date = readAbsoluteDate(piece);
    // A month and day without a year (`— @zoe — Dec 18`) is in the plan's year, as `due Dec 18` is.
    if (
      (date !== null && date.index === 0 && date.length === piece.length) ||
      isMonthDay(piece) ||
      isCalendarWeek(piece) ||
      wholeDateRange(piece) !== null
    ) {
      if (fields.overlaps(start, end)) return null;
      return {
        key: 'due',
        rawKey: '',
        value: piece,
        span: { start: base + start, end: base + end },
        valueSpan: { start: base + start, end: base + end },
        style: 'kv',
      };
    }
    // Past the comma: the piece after it alone (`, due soon, 2026-12-14`).
    const comma = piece.indexOf(',');
    if (comma < 0) return null;
    start += comma + 1;
  }
}

/** Story points ending a piece, after white space or a list's punctuation: `3 pts`, `5 story points`. */
const POINTS_PIECE_RE = /(?:^|[\s,;])(\d{1,3}(?:\.\d)?)[ \t]*((?:story[ \t]+)?points?|pts?|sp)$/i;
/** The longest points piece: `100.5 story points`. */
const MAX_POINTS_PIECE = 24;

/** The story points that are the piece of a list ending at `end`, as a points field. */
export function pointsPiece(s: string, end: number, base: number): Field | null {
  const from = Math.max(0, end - MAX_POINTS_PIECE);
  const m = POINTS_PIECE_RE.exec(s.slice(from, end));
  if (m === null) return null;
  const valueStart = from + m.index + m[0].indexOf(m[1]!);
  return {
    key: 'points',
    rawKey: m[2]!,
    value: m[1]!,
    span: { start: base + valueStart, end: base + end },
    valueSpan: { start: base + valueStart, end: base + valueStart + m[1]!.length },
    style: 'kv',
  };
}

/** The T-shirt sizes, in capitals. */
export const SIZES: ReadonlySet<string> = new Set(['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL']);

/** Whether `s` is a T-shirt size and nothing more: `M`, `XL`. */
export function isSize(s: string): boolean {
  return SIZES.has(s);
}

/** A T-shirt size standing as a piece, in capitals: `— @raj — M`, `, XL`. */
const SIZE_PIECE_RE = new RegExp(String.raw`(?:^|[\s,;])(${[...SIZES].join('|')})$`);

/**
 * The T-shirt size that is the piece of a list ending at `end` (`**Cost dashboards** — @mo — S`), as
 * a size field: the estimate of a roadmap that sizes its work rather than timing it.
 */
export function sizePiece(s: string, end: number, base: number): Field | null {
  const m = SIZE_PIECE_RE.exec(s.slice(Math.max(0, end - 4), end));
  if (m === null) return null;
  const start = end - m[1]!.length;
  return {
    key: 'size',
    rawKey: '',
    value: m[1]!,
    span: { start: base + start, end: base + end },
    valueSpan: { start: base + start, end: base + end },
    style: 'kv',
  };
}

/** A share of the work said done: `80%`, `40 % done`, `75% complete`, after white space or punctuation. */
const PROGRESS_PIECE_RE =
  /(?:^|[\s,;])(\d{1,3}(?:\.\d{1,2})?[ \t]*%)(?:[ \t]+(?:done|complete|completed|finished))?$/i;
/** The longest progress piece: `100.25 % completed`. */
const MAX_PROGRESS_PIECE = 24;

/**
 * The share of the work done that is the piece of a list ending at `end` (`— 80%`), as a progress
 * field: it changes as work is done, and must change neither the title nor the key made of it.
 */
export function progressPiece(s: string, end: number, base: number): Field | null {
  const from = Math.max(0, end - MAX_PROGRESS_PIECE);
  const m = PROGRESS_PIECE_RE.exec(s.slice(from, end));
  if (m === null) return null;
  const valueStart = from + m.index + m[0].indexOf(m[1]!);
  // The whole piece: a share in the title's words (`Cut latency 50% — @li`) is what the work aims at.
  let p = valueStart;
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  if (p === 0 || !(isListPunct(s.charCodeAt(p - 1)) || isSpacedDash(s, p - 1))) return null;
  return {
    key: 'progress',
    rawKey: '',
    value: m[1]!,
    span: { start: base + valueStart, end: base + end },
    valueSpan: { start: base + valueStart, end: base + valueStart + m[1]!.length },
    style: 'kv',
  };
}

/**
 * The status word or priority word that is all of `s` up to `end` but a dash and blanks opening it,
 * when no separator stands in it: the first piece of a list that is all of the text after an ID
 * (`Blocked`, `High priority`).
 */
export function openingPiece(
  s: string,
  end: number,
  base: number,
  stated: boolean,
  priority: boolean,
): Field | PriorityMark | null {
  if (pieceStart(s, end, end) >= 0) return null;
  let lead = 0;
  while (lead < end && (isSpace(s.charCodeAt(lead)) || OPENING_DASH.includes(s.charAt(lead)))) lead++;
  if (lead === end) return null;
  // A status word alone: with a reason (`Waiting on legal`) the words are as often the title.
  const st = stated ? null : statusPieceAt(s, lead, end, base);
  const hit = st === null ? null : readStatusValue(st.value);
  if (st !== null && hit?.index === 0 && hit.text.length === st.value.length) return st;
  const rank = priority ? readPriorityPiece(s.slice(lead, end)) : null;
  return rank === null ? null : { priority: rank, index: lead, length: end - lead };
}
/** The longest text openingPiece reads: a dash and a status or priority word. */
export const MAX_OPENING_PIECE = 32;
/** The dashes that may open the text after an ID, setting its list off. */
const OPENING_DASH = '—–-';
