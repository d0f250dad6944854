/** Metadata lists in parentheses, brackets or braces on an item line (see tail.ts): readParenLists, readList. */
import type { Field } from '../../model.js';
import { isSpace } from '../chars.js';
import { datePiece, isSize, pointsPiece, SIZES } from './bare-pieces.js';
import { isMonthDay, namesPlanPeriodEnd, readAbsoluteDate, wholeDateRange } from './dates.js';
import { DEP_WORD_RE, depPiece, depWordsPiece } from './dep-pieces.js';
import { readEffort } from './effort.js';
import { isWordMark } from './inline.js';
import { keyPiece } from './key-pieces.js';
import { ownerPhrasePiece } from './owner-pieces.js';
import {
  type EffortMark,
  FieldIndex,
  holdsMark,
  isDigit,
  isSpacedDash,
  overlaps,
  type PriorityMark,
} from './pieces.js';
import { readPriorityPiece } from './priority.js';
import { readInlinePriority } from './priority-marks.js';
import { endsWithStatusGroup, statusPieceAt, statusPieceEnding } from './status-pieces.js';

export interface ParenLists {
  /** The lists read, as ranges of the line from `(` to `)`. */
  readonly cuts: [number, number][];
  /** The line's priority and estimate, moved to the piece of a list when one holds them. */
  readonly priority: PriorityMark | null;
  readonly effort: EffortMark | null;
  /** The lists' `Key: value` pieces and dependency phrases, offset by `base`. */
  readonly fields: Field[];
}

/**
 * The parenthesised lists of `s` of two or more pieces, each a read field, a priority, an estimate, a
 * known `Key: value` or a dependency phrase: `(P1, 3w)`, `(owner: Erin, P1)`, `(@bob, 2d)`; and a
 * dependency phrase alone (`(blocked by T001)`), or, when `loneStatus` (the item has no status of its
 * own yet), a status alone ending the line (`(🟡 at risk)`). With `dates` (a task's line, as for
 * readTail), a date is a piece too, the due date (`(P1, Dec 21)`), and may stand alone in the group
 * ending the line (`Flip the flag (Dec 21)`). `priority` and `estimate` are the marks the line's
 * readers found; a list that holds one takes it (its span becomes the piece's), and a list holding a
 * second one of either is not read. Null when no list is read.
 */
export function readParenLists(
  s: string,
  fields: readonly Field[],
  base: number,
  priority: PriorityMark | null,
  estimate: EffortMark | null,
  hoursPerDay: number,
  loneStatus = false,
  dates = false,
): ParenLists | null {
  let out: { cuts: [number, number][]; fields: Field[] } | null = null;
  let ip = priority;
  let ie = estimate;
  let index: FieldIndex | null = null;
  // Where the line's text ends, before white space and the fields read at its end: mentions, a date
  // or a status in parentheses before them end the line as much (`Port it (@ana) 📅 2026-01-09`,
  // `Flip the flag (Dec 21) [owner:: kim]`).
  let last = s.length - 1;
  while (last >= 0 && isSpace(s.charCodeAt(last))) last--;
  if (fields.length > 0) last = beforeEndingFields(s, last, fields, base);
  let paren = s.indexOf(')');
  let bracket = s.indexOf(']');
  let brace = s.indexOf('}');
  for (let from = 0; paren >= 0 || bracket >= 0 || brace >= 0; ) {
    // Lists in square brackets too (`[Depends: 1.1, 1.2]`, `[P1, 2d]`), as agents write them, and in
    // braces (`{owner: kim, due: 2026-12-18}`), as a mapping is written inline.
    const close = nearest(paren, bracket, brace);
    const closer = s.charCodeAt(close);
    const round = closer === 41;
    if (round) paren = s.indexOf(')', close + 1);
    else if (closer === 93) bracket = s.indexOf(']', close + 1);
    else brace = s.indexOf('}', close + 1);
    // The innermost group: the last `(` before the `)` and after the group before, looked for no
    // further back than the longest list, so every character is passed a bounded number of times.
    let open = close - 1;
    const stop = Math.max(from, close - MAX_LIST);
    const opener = round ? 40 : closer === 93 ? 91 : 123;
    while (open >= stop && s.charCodeAt(open) !== opener) open--;
    from = close + 1;
    const endsLine = close === last;
    // A date alone is read whole, a comma in it or not (`(Dec 21, 2026)`).
    if (dates && endsLine && round && open >= stop && isDateAlone(s, open, close)) {
      out ??= { cuts: [], fields: [] };
      out.cuts.push([open, close + 1]);
      out.fields.push(dueInGroup(s, open, close, base));
      continue;
    }
    // A T-shirt size alone, as one set off by a dash is (`Dark mode (L)`, `— L`): the item's size,
    // where it ends the title (`Dark mode (L) — @kim`); `Vitamin (C)`, `the (S) thing` stay words.
    if (
      dates &&
      (endsLine || setOffAfter(s, close)) &&
      round &&
      open >= stop &&
      isSize(s.slice(open + 1, close))
    ) {
      out ??= { cuts: [], fields: [] };
      out.cuts.push([open, close + 1]);
      const span = { start: base + open + 1, end: base + close };
      out.fields.push({
        key: 'size',
        rawKey: '',
        value: s.slice(open + 1, close),
        span,
        valueSpan: span,
        style: 'kv',
      });
      continue;
    }
    const lone = loneStatus && endsLine && round && isLoneStatusGroup(s, open, close);
    if (
      open < stop ||
      (opener === 91 && !isBracketList(s, open, close)) ||
      (opener === 123 && !isBraceList(s, open, close)) ||
      !(
        hasListSeparator(s, open, close) ||
        DEP_WORD_RE.test(s.slice(open, close)) ||
        ((endsLine || setOffAfter(s, close)) && s.charCodeAt(open + 1) === 64) ||
        lone
      )
    )
      continue;
    index ??= new FieldIndex(fields, base);
    const read = readList(s, open, close, endsLine, lone, dates, index, base, ip, ie, hoursPerDay);
    if (read === null) continue;
    out ??= { cuts: [], fields: [] };
    out.cuts.push([open, close + 1]);
    for (const f of read.fields) out.fields.push(f);
    ip = read.priority;
    ie = read.effort;
  }
  return out === null ? null : { ...out, priority: ip, effort: ie };
}

/**
 * Whether a separator sets off what follows the group closing at `close`: `Rollback (@li) — blocked by
 * H`, where the group ends the title as much as the line's end would, and the tail after it is read.
 */
function setOffAfter(s: string, close: number): boolean {
  let p = close + 1;
  if (p >= s.length || !isSpace(s.charCodeAt(p))) return false;
  while (p < s.length && isSpace(s.charCodeAt(p))) p++;
  return isSpacedDash(s, p);
}

/**
 * Whether the group from `open` to `close` is a status alone (see endsWithStatusGroup), not the remark
 * of a status before it, in a piece (`— on hold until Q2 (blocked: waiting for v2.1)`) or a field
 * (`— Status: Blocked (waiting on infra)`), which is read with it.
 */
function isLoneStatusGroup(s: string, open: number, close: number): boolean {
  const before = s.slice(0, open);
  return (
    endsWithStatusGroup(s.slice(0, close + 1)) &&
    statusPieceEnding(before) === null &&
    !STATUS_KEY_RE.test(before)
  );
}

/**
 * Whether the group from `open` to `close` holds a date and nothing more (`(Dec 21)`, `(2026-12-21)`),
 * or a range of days, due by its last (`(Dec 14–18)`, `(2026-12-01 → 2026-12-05)`).
 */
function isDateAlone(s: string, open: number, close: number): boolean {
  if (close - open > MAX_DATE_GROUP) return false;
  const inner = s.slice(open + 1, close).trim();
  // The end of the plan's week or month (`(EOW)`, `(end of month)`), as `by EOW` is.
  if (!isDigit(s.charCodeAt(close - 1))) return namesPlanPeriodEnd(inner);
  const date = readAbsoluteDate(inner);
  return (
    (date !== null && date.index === 0 && date.length === inner.length) ||
    isMonthDay(inner) ||
    wholeDateRange(inner) !== null
  );
}
/**
 * Where the piece from `a` to the comma at `comma` ends when it is a month and day and a year follows
 * the comma as the next piece (`Dec 24, 2026`): at the separator or the group's end after the year;
 * else at the comma.
 */
function withYearAfterComma(s: string, a: number, comma: number, close: number): number {
  let y = comma + 1;
  while (y < close && isSpace(s.charCodeAt(y))) y++;
  let e = y;
  while (e < close && isDigit(s.charCodeAt(e))) e++;
  if (e - y !== 4) return comma;
  let after = e;
  while (after < close && isSpace(s.charCodeAt(after))) after++;
  if (after < close && !isListSeparator(s.charCodeAt(after))) return comma;
  return isMonthDay(s.slice(a, comma).trim()) ? after : comma;
}

/** The due field of a date alone in the group from `open` to `close` (see isDateAlone). */
function dueInGroup(s: string, open: number, close: number, base: number): Field {
  let a = open + 1;
  let b = close;
  while (isSpace(s.charCodeAt(a))) a++;
  while (isSpace(s.charCodeAt(b - 1))) b--;
  const span = { start: base + a, end: base + b };
  return { key: 'due', rawKey: '', value: s.slice(a, b), span, valueSpan: span, style: 'kv' };
}

/** A T-shirt size alone in parentheses (`(L)`), which readParenLists reads where it ends the title. */
const SIZE_GROUP_RE = new RegExp(String.raw`\((?:${[...SIZES].join('|')})\)`);

/** Whether the text holds a T-shirt size alone in parentheses, which readParenLists may read. */
export function holdsSizeGroup(s: string): boolean {
  return SIZE_GROUP_RE.test(s);
}

/** No fields: a piece of a list read on its own, what the line's readers took already looked up before. */
const NO_FIELDS = new FieldIndex([], 0);
/** The longest group isDateAlone looks into: `(Sept 30th, 2026 – Dec 31st, 2026)`. */
const MAX_DATE_GROUP = 40;

/** A status key before its value (`Status: `, `**Status:** `, `status=`). */
const STATUS_KEY_RE = /\bstatus\W{0,3}[:=]/i;

/** The last character of `s` up to `last` that is neither white space nor in a field ending the text. */
export function beforeEndingFields(s: string, last: number, fields: readonly Field[], base: number): number {
  const startOf = new Map<number, number>();
  for (const f of fields) {
    const a = f.span.start - base;
    const b = f.span.end - base;
    if (a > 0 && b <= s.length && a < (startOf.get(b) ?? Number.POSITIVE_INFINITY)) startOf.set(b, a);
  }
  let at = last;
  for (let a = startOf.get(at + 1); a !== undefined; a = startOf.get(at + 1)) {
    at = a - 1;
    while (at >= 0 && isSpace(s.charCodeAt(at))) at--;
  }
  return at;
}

/**
 * Whether the square brackets from `open` to `close` may hold a list: not a link's text (`[a, b](url)`,
 * `[a, b][ref]`, `[a]: url`), an image's, a wiki link (`[[a, b]]`) or a box (`[x]`).
 */
function isBracketList(s: string, open: number, close: number): boolean {
  const before = s.charCodeAt(open - 1);
  const after = s.charCodeAt(close + 1);
  return (
    close - open > 3 &&
    before !== 91 &&
    before !== 33 &&
    before !== 92 &&
    after !== 40 &&
    after !== 91 &&
    after !== 93 &&
    after !== 58
  );
}

/** The first of the closing brackets' offsets that is one (not -1). */
function nearest(a: number, b: number, c: number): number {
  let at = a;
  if (b >= 0 && (at < 0 || b < at)) at = b;
  if (c >= 0 && (at < 0 || c < at)) at = c;
  return at;
}

/**
 * Whether the braces from `open` to `close` may hold a list: not a template's (`{{ owner }}`, `{%
 * if %}`), a TeX group (`\frac{a}{b}`, `$x^{2, 3}$`) or Pandoc's attributes (`{#id .class}`, whose
 * pieces are no fields anyway).
 */
function isBraceList(s: string, open: number, close: number): boolean {
  const before = s.charCodeAt(open - 1);
  const after = s.charCodeAt(close + 1);
  const first = s.charCodeAt(open + 1);
  return (
    close - open > 3 &&
    before !== 123 &&
    before !== 92 &&
    before !== 36 &&
    before !== 94 &&
    before !== 95 &&
    before !== 125 &&
    after !== 125 &&
    after !== 123 &&
    first !== 37 &&
    first !== 123
  );
}

/** The longest parenthesised list read: a longer group is prose. */
const MAX_LIST = 400;

function hasListSeparator(s: string, open: number, close: number): boolean {
  for (let i = open + 1; i < close; i++) if (isListSeparator(s.charCodeAt(i))) return true;
  return false;
}

/** What joins the pieces of a list in brackets: `,` `;` and the middle dots `·` `•` (`(P1 · ~1w)`). */
function isListSeparator(c: number): boolean {
  return c === 44 || c === 59 || c === 0xb7 || c === 0x2022;
}

/** One list of readParenLists, between `(` at `open` and `)` at `close`, which ends the line or not. */
function readList(
  s: string,
  open: number,
  close: number,
  endsLine: boolean,
  lone: boolean,
  dates: boolean,
  index: FieldIndex,
  base: number,
  priority: PriorityMark | null,
  estimate: EffortMark | null,
  hoursPerDay: number,
): { priority: PriorityMark | null; effort: EffortMark | null; fields: Field[] } | null {
  let ip = priority;
  let ie = estimate;
  const own: Field[] = [];
  let meta = 0;
  let pieces = 0;
  let phrases = 0;
  let mentions = 0;
  let stated = false;
  // Where the list's text ends: a dependency phrase may run to it over commas (`Depends: 1.1, 1.2`).
  let inner = close;
  while (inner > open && isSpace(s.charCodeAt(inner - 1))) inner--;
  const phrase = DEP_WORD_RE.test(s.slice(open, close))
    ? (depPiece(s, inner, index, base) ?? depWordsPiece(s, inner, index, base))
    : null;
  for (let a = open + 1; a <= close; ) {
    while (a < close && isSpace(s.charCodeAt(a))) a++;
    if (phrase !== null && phrase.span.start - base === a) {
      own.push(phrase);
      pieces++;
      meta++;
      phrases++;
      break;
    }
    let b = a;
    while (b < close && !isListSeparator(s.charCodeAt(b))) b++;
    // A date's comma is no separator (`(P1, Dec 24, 2026)`): the year goes with the month and day.
    if (dates && s.charCodeAt(b) === 44) b = withYearAfterComma(s, a, b, close);
    const next = b + 1;
    while (a < b && isSpace(s.charCodeAt(a))) a++;
    while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
    if (a === b) return null;
    pieces++;
    const piece = s.slice(a, b);
    const f = index.exact(a, b);
    if (f !== undefined) {
      if (!isWordMark(f)) meta++;
      else if (f.rawKey === '@') mentions++;
    } else if (readInlinePriority(piece)?.length === piece.length || readPriorityPiece(piece) !== null) {
      // The line's priority is this piece, or the line has none yet; a piece may say it in words, in
      // any language a list set off by dashes is read in (`(high priority, 2d)`, `(prioridad alta, 2d)`).
      if (ip !== null && !overlaps(ip, open, close + 1)) return null;
      const priority = readInlinePriority(piece)?.priority ?? readPriorityPiece(piece)!;
      ip = { priority, index: a, length: b - a };
      meta++;
    } else {
      const e = readEffort(piece, hoursPerDay);
      if (e !== null && e.text.length === piece.replace(/^~/, '').length) {
        if (ie !== null && !overlaps(ie, open, close + 1)) return null;
        ie = { effort: e, index: a, length: b - a };
        meta++;
      } else {
        const kv =
          keyPiece(s, b, index, base, s.charCodeAt(open)) ??
          depPiece(s, b, index, base) ??
          ownerPhrasePiece(s, b, index, base) ??
          // A status word or story points standing as a piece (`(In Review, @ana, 5 pts)`), as a
          // list set off by dashes holds them: one status a list.
          (stated ? null : statusPieceAt(s, a, b, base)) ??
          pointsPiece(piece, piece.length, base + a) ??
          (dates && isDigit(s.charCodeAt(b - 1))
            ? datePiece(piece, piece.length, NO_FIELDS, base + a)
            : null);
        if (kv === null || kv.span.start - base !== a || holdsMark(kv, base, ip, ie)) return null;
        own.push(kv);
        meta++;
        if (kv.key === 'depends') phrases++;
        if (kv.key === 'status') stated = true;
      }
    }
    a = next;
  }
  // One piece is a list when it is a dependency phrase (`(blocked by T001)`), or a status ending the
  // line (`Dark theme (🟡 at risk)`); a lone mark is read as a mark, with its parentheses, elsewhere.
  // Mentions alone are the item's owners when they end the line (`Fix the leak (@tomas)`, `Port it
  // (@ana, @bo)`) or the title before a list set off after them (`Rollback (@li) — blocked by H`);
  // elsewhere they may be words of the title.
  const owners = (endsLine || setOffAfter(s, close)) && mentions === pieces;
  return ((pieces >= 2 || phrases > 0 || lone) && meta > 0) || owners
    ? { priority: ip, effort: ie, fields: own }
    : null;
}
