/** Readers of an item's own line for applyAttributes: due phrases, comments, mentions, marks, statuses. */

import type { Field, Item } from '../../model.js';
import { MAX_PERIOD_END_PIECE } from '../attributes/bare-pieces.js';
import { namesPlanPeriodEnd } from '../attributes/dates.js';
import { beforeEndingFields } from '../attributes/paren-lists.js';
import { endsWithStatusGroup } from '../attributes/status-pieces.js';
import { codePointAt, isBlank, isLetterOrDigit } from '../chars.js';
import { statusProbe, takeTrailingStatus } from '../trailing-marks.js';
import type { AttributeContext } from './attribute-context.js';

/**
 * Reads a status mark ending the title before its list of metadata (see takeTrailingStatus) into a
 * bullet not given a status yet: where the title ends before the mark, or -1 when none is read. On a
 * box's line the mark says more only where one ending the line would (see checkboxDraft): after an
 * open box, a status other than todo and done (`- [ ] Rate limiter [Blocked] — @bo`); after a ticked
 * one, dropped.
 */
export function markBeforeTail(
  item: Item,
  masked: string,
  tailStart: number,
  at: number,
  toPlan: ((i: number) => number) | null,
  ctx: AttributeContext,
  cuts: readonly (readonly [number, number])[],
  standsAlone: (end: number) => boolean,
): number {
  const boxed = item.statusSource === 'checkbox';
  const ticked = boxed && item.status === 'done';
  if (item.kind === 'heading' || (item.statusSource !== 'default' && !boxed)) return -1;
  if (boxed && item.checkbox !== ' ' && !ticked) return -1;
  const probe = statusProbe(item);
  const body = masked.slice(0, tailStart);
  const map = toPlan ?? ((i: number) => i);
  const kept = takeTrailingStatus(probe, body, (i) => map(at + i), ctx.glyphStatus);
  // A title must be left before the mark, out of the fields and lists cut from it already.
  if (kept === body || !wordsOutside(kept, cuts) || !standsAlone(kept.length)) return -1;
  if (boxed && !(ticked ? probe.status === 'cancelled' : probe.status !== 'todo' && probe.status !== 'done'))
    return -1;
  item.status = probe.status;
  item.statusSource = probe.statusSource;
  item.statusText = probe.statusText;
  item.statusSpan = probe.statusSpan;
  return kept.length;
}

/**
 * Whether `s` has a letter or digit outside `cuts` (ranges of `s` and beyond, in any order) and
 * outside mentions and tags (`@kim`, `#ops`), which name who and what, not the work.
 */
function wordsOutside(s: string, cuts: readonly (readonly [number, number])[]): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c === 64 || c === 35) && (i === 0 || isBlank(s.charCodeAt(i - 1)))) {
      while (i + 1 < s.length && !isBlank(s.charCodeAt(i + 1))) i++;
      continue;
    }
    if (!isLetterOrDigit(codePointAt(s, i))) continue;
    let cut = false;
    for (let k = 0; k < cuts.length && !cut; k++) cut = cuts[k]![0] <= i && i < cuts[k]![1];
    if (!cut) return true;
  }
  return false;
}

/**
 * `fields` with a due phrase read on the line (`by March 3, 2026`). A phrase inside the value of a
 * field that runs on to the end of its words (`*Owner:* Kim by March 3, 2026`) ends that value; one
 * inside a field closed by a bracket (`[note:: due Friday]`, `@note(by Friday)`) is that field's text.
 */
export function withDuePhrase(fields: Field[], phrase: Field, line: string, base: number): Field[] {
  const at = phrase.span.start;
  const k = fields.findIndex((f) => f.valueSpan.start <= at && at < f.valueSpan.end);
  if (k < 0) return [...fields, phrase].sort((a, b) => a.span.start - b.span.start);
  const holder = fields[k]!;
  const last = line.charCodeAt(holder.span.end - 1 - base);
  if (last === 41 || last === 93) return fields;
  let end = at - base;
  while (end > holder.valueSpan.start - base && /[\s,;]/.test(line.charAt(end - 1))) end--;
  if (end <= holder.valueSpan.start - base) return fields;
  const trimmed: Field = {
    ...holder,
    value: line.slice(holder.valueSpan.start - base, end),
    span: { start: holder.span.start, end: base + end },
    valueSpan: { start: holder.valueSpan.start, end: base + end },
  };
  return [...fields.slice(0, k), trimmed, ...fields.slice(k + 1), phrase].sort(
    (a, b) => a.span.start - b.span.start,
  );
}

/** Where the mentions that are the values of owner fields start (`Owner: @cy`), or null for none. */
export function ownerMentions(own: readonly Field[]): Set<number> | null {
  let out: Set<number> | null = null;
  for (let k = 0; k < own.length; k++) {
    const f = own[k]!;
    if (f.key !== 'owner' || f.value.charCodeAt(0) !== 64) continue;
    out ??= new Set();
    out.add(f.valueSpan.start);
  }
  return out;
}

/** The HTML comments closed on a line, `<!--` to `-->`, outside code (`s` has its code masked). */
export function commentRanges(s: string): [number, number][] | null {
  let out: [number, number][] | null = null;
  for (let open = s.indexOf('<!--'); open >= 0; ) {
    const close = s.indexOf('-->', open + 4);
    if (close < 0) break;
    out ??= [];
    out.push([open, close + 3]);
    open = s.indexOf('<!--', close + 3);
  }
  return out;
}

/**
 * The words struck through after the title's first ones, a correction (`Tax rules ~~(5 pts)~~ (3
 * pts)`, `Use ~~Redis~~ Memcached`): the author took them back, so nothing is read in them and they
 * leave the title. A strike opening the title is the item's own (`~~Dark mode~~ (shipped)`), read as
 * its status elsewhere. Null when there is none.
 */
export function correctionRanges(s: string): [number, number][] | null {
  let out: [number, number][] | null = null;
  for (let open = s.indexOf('~~'); open >= 0; ) {
    const close = s.indexOf('~~', open + 2);
    if (close < 0) break;
    if (close > open + 2 && /[\p{L}\p{N}]/u.test(s.slice(0, open))) {
      out ??= [];
      out.push([open, close + 2]);
    }
    open = s.indexOf('~~', close + 2);
  }
  return out;
}

/**
 * The references on a line to the plan's footnotes, `labels` (`Review PR #88[^1]`, `[^auth-note]`):
 * markup that renders as a number, read as nothing and no part of the title. Not a footnote's
 * definition (`[^1]: …`), nor brackets no footnote defines (`a[^b]`, as GFM reads them). Null when
 * there is none.
 */
export function footnoteRanges(s: string, labels: ReadonlySet<string>): [number, number][] | null {
  let out: [number, number][] | null = null;
  for (let open = s.indexOf('[^'); open >= 0; open = s.indexOf('[^', open + 2)) {
    let close = open + 2;
    while (close < s.length && close - open <= MAX_FOOTNOTE_LABEL && isFootnoteLabel(s.charCodeAt(close)))
      close++;
    if (close === open + 2 || s.charCodeAt(close) !== 93 || s.charCodeAt(close + 1) === 58) continue;
    if (!labels.has(s.slice(open + 2, close).toLowerCase())) continue;
    out ??= [];
    out.push([open, close + 1]);
  }
  return out;
}
/**
 * The labels of the footnotes a plan defines (`[^1]: …` opening a line, up to three spaces in), lower
 * case as GFM matches them; undefined when it defines none.
 */
export function footnoteLabels(text: string): ReadonlySet<string> | undefined {
  if (!text.includes('[^')) return undefined;
  const out = new Set<string>();
  for (const m of text.matchAll(FOOTNOTE_DEFINITION_RE)) out.add(m[1]!.toLowerCase());
  return out.size > 0 ? out : undefined;
}
const FOOTNOTE_DEFINITION_RE = /^[ ]{0,3}\[\^([^\]\s]{1,40})\]:/gm;

/** The longest footnote label read: `[^` and a word or number. */
const MAX_FOOTNOTE_LABEL = 40;

/** A character of a footnote's label: anything but white space and brackets. */
function isFootnoteLabel(c: number): boolean {
  return c > 32 && c !== 91 && c !== 93;
}

/** `s` with the given ranges made spaces: the same length, so offsets read in it stand. */
export function blankRanges(s: string, ranges: readonly [number, number][]): string {
  let out = '';
  let pos = 0;
  for (const [a, b] of ranges) {
    out += s.slice(pos, a) + ' '.repeat(b - a);
    pos = b;
  }
  return out + s.slice(pos);
}

/** Whether offset `at` of the plan is inside one of `fields`. */
export function withinField(fields: readonly Field[], at: number): boolean {
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k]!;
    if (at >= f.span.start && at < f.span.end) return true;
  }
  return false;
}

/** What sets mentions opening a title off from it: a colon or a dash. */
const LEAD_SEPARATOR_RE = /^[ \t]*(?:[:—–]|-(?=[ \t]))[ \t]*(?=\S)/;

/**
 * Where the title starts after the mentions that open it, when a colon or a dash sets them off
 * (`@carol — review the alerts`, `@ana, @bo: pair on it`); 0 when none do.
 */
export function leadingMentionsEnd(s: string, fields: readonly Field[], base: number): number {
  const byStart = new Map<number, Field>();
  for (let k = 0; k < fields.length; k++)
    if (fields[k]!.rawKey === '@') byStart.set(fields[k]!.span.start - base, fields[k]!);
  let end = 0;
  for (let f = byStart.get(0); f !== undefined; ) {
    end = f.span.end - base;
    let next = end;
    while (next < s.length && (isBlank(s.charCodeAt(next)) || s.charCodeAt(next) === 44)) next++;
    f = byStart.get(next);
  }
  const sep = end > 0 ? LEAD_SEPARATOR_RE.exec(s.slice(end)) : null;
  return sep ? end + sep[0].length : 0;
}

export function moveField(f: Field, toPlan: (i: number) => number): Field {
  return {
    ...f,
    span: { start: toPlan(f.span.start), end: toPlan(f.span.end) },
    valueSpan: { start: toPlan(f.valueSpan.start), end: toPlan(f.valueSpan.end) },
  };
}

/**
 * A priority or effort mark as a field: `span` is the whole mark (`**[P1]**`, `(2h)`, `~3d`), and the
 * value the part an edit replaces (`P1`, `2h`, `3d`).
 */
export function markField(
  key: string,
  line: string,
  index: number,
  length: number,
  value: string,
  base: number,
): Field {
  const v = line.indexOf(value, index);
  const valueStart = v >= 0 && v + value.length <= index + length ? v : index;
  return {
    key,
    rawKey: '',
    value,
    span: { start: base + index, end: base + index + length },
    valueSpan: { start: base + valueStart, end: base + valueStart + value.length },
    style: 'mark',
  };
}

/** The part of a priority mark's label an edit replaces: the letter of `(A)` and `[#A]`, else all of it. */
export function markValue(label: string): string {
  return label.charCodeAt(0) === 40 || label.startsWith('[#') ? label.charAt(label.length - 2) : label;
}

/** A mention read as todo.txt's context: the field `context`, its tag `@phone`. */
export function asContext(f: Field): Field {
  return f.rawKey === '@' && f.key === 'owner' ? { ...f, key: 'context' } : f;
}

export function isIssueNumber(f: Field): boolean {
  return f.rawKey === '#' && /^\d+$/.test(f.value);
}

/** Whether the group closing at `close` holds the end of the plan's week or month alone (`(EOW)`). */
function endsWithPeriodEndGroup(s: string, close: number): boolean {
  const open = s.lastIndexOf('(', close);
  return open >= 0 && close - open <= MAX_PERIOD_END_PIECE && namesPlanPeriodEnd(s.slice(open + 1, close));
}

/**
 * Whether `s` ends, but for white space and the fields read at its end (`[owner:: kim]`), with a
 * status in parentheses (with `status`: `(🟡 at risk)`) or a group ending in a digit or naming the end of
 * the plan's week (with `dates`: `(Dec 21)`, `(EOW)`), which readParenLists may read alone.
 */
export function endsWithGroup(
  s: string,
  fields: readonly Field[],
  base: number,
  status: boolean,
  dates: boolean,
): boolean {
  let last = s.length - 1;
  while (last >= 0 && (s.charCodeAt(last) === 32 || s.charCodeAt(last) === 9)) last--;
  if (fields.length > 0) last = beforeEndingFields(s, last, fields, base);
  if (s.charCodeAt(last) !== 41) return false;
  const c = s.charCodeAt(last - 1);
  // A date ends in a digit; the end of the plan's week or month (`(EOW)`, `(end of month)`) in a letter.
  const dated = dates && ((c >= 48 && c <= 57) || endsWithPeriodEndGroup(s, last));
  return dated || (status && endsWithStatusGroup(s.slice(0, last + 1)));
}
