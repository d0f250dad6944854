/**
 * Metadata lists on an item line. The list that ends the line after a separator: `CSV parser — @li,
 * 3d, due 2026-02-06`, `Write docs - 2d`, `Cache layer | 3 days`, `Vault keys — @omar · 2d · P1`, `Kartons besorgen — Verantwortlich:
 * Jonas — Fällig: 2026-04-10`; and lists in parentheses: `(P1, 3w)`, `(owner: Erin, P1)`. Plans that
 * write tasks as plain lines put the owner, the estimate and the date there, joined by commas or
 * dashes. A list is read only when every piece of it is something the line's other readers took (a
 * mention, a date, a priority, a field), an estimate or story points written bare (`3d`, `0.5d`, `2-3
 * days`, `3 pts`), a
 * priority word (`— High priority`), a `Key: value` whose key names an owner, a due date, a priority,
 * an estimate or a status, in any language the key aliases know, or a dependency phrase naming items
 * by ID (`depends on T001`, `(blocked by MH-002)`): a title like `Port the 3d renderer` or `Spike -
 * try 2 approaches` is left whole. Mentions alone are a list after a dash (`Review — @sam`).
 */
import type { Effort, Field, Priority, Status } from '../../model.js';
import {
  codePointAt,
  codePointBefore,
  isAsciiLetter,
  isLetterOrDigit,
  isSpace,
  setOffDashAt,
} from '../chars.js';
import { isMonthDay, readAbsoluteDate } from './dates.js';
import { readEffort } from './effort.js';
import { isWordMark, normaliseKey } from './fields.js';
import { REF_SOURCE } from './ids.js';
import { readInlinePriority, readPriorityPiece } from './priority.js';
import { reasonedStatus, STATING_TODO_WORDS, statusOfWord } from './status.js';

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

export interface Tail {
  /** Where the tail starts in the line: the white space before its separator. */
  readonly start: number;
  /** The estimate written bare in the tail. */
  readonly effort: EffortMark | null;
  /** A priority word standing as a piece of the tail (`— High priority`). */
  readonly priority: PriorityMark | null;
  /** The tail's `Key: value` pieces and dependency phrases, offset by `base` as fields are. */
  readonly fields: Field[];
}

/** The keys a `Key: value` piece of a list may have; other pieces (`note: call first`) are the title's. */
const LIST_KEYS: ReadonlySet<string> = new Set(['owner', 'due', 'priority', 'effort', 'status', 'target']);
/** The longest key a piece may have (`Verantwortlich`, `estimated effort`). */
const MAX_KEY = 24;

/**
 * A bare estimate ending the text: a number or range and a unit, after white space, `,` or `;`.
 * Greedy `.*` puts the match at the last place it can start, which is the token's own start.
 */
const BARE_EFFORT_END_RE =
  /^(?:.*[\s,;])?(~?\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(?:minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo))$/is;

/**
 * The fields read on a line, looked up by offset in the line: a metadata list is taken piece by
 * piece, and a line of many fields (`(@a, @a, …)`) must not cost a scan of them all per piece.
 */
class FieldIndex {
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

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isListPunct(c: number): boolean {
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
function isSpacedDash(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // Half of a double em dash, as Chinese writes one, with white space around it or not.
  if (c === 0x2014 && (s.charCodeAt(i - 1) === 0x2014 || s.charCodeAt(i + 1) === 0x2014)) return true;
  return (
    isDash(c) && i > 0 && isSpace(s.charCodeAt(i - 1)) && (i + 1 === s.length || isSpace(s.charCodeAt(i + 1)))
  );
}

/**
 * The `Key: value` piece of a list that ends at `end` and starts after the separator before it
 * (`,`, `;`, a spaced dash or bar), as a field; null when the piece is not one.
 */
function keyPiece(s: string, end: number, fields: FieldIndex, base: number, opener = 0): Field | null {
  let start = end;
  let colon = -1;
  while (start > 0) {
    const c = s.charCodeAt(start - 1);
    if (c === 44 || c === 59 || c === opener || isSpacedDash(s, start - 1)) break;
    // A bracket inside the piece (`{owner: kim, priority: high}` too): it is not a plain `Key: value`.
    if (c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125) return null;
    start--;
    if (c === 58 || c === 0xff1a) colon = start;
  }
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  // The first colon of the piece ends its key; the key is a name the aliases know, nothing longer.
  if (colon < 0 || colon - start > MAX_KEY) return null;
  const rawKey = s.slice(start, colon).trimEnd();
  if (rawKey === '' || !LIST_KEYS.has(normaliseKey(rawKey))) return null;
  let valueStart = colon + 1;
  while (valueStart < end && isSpace(s.charCodeAt(valueStart))) valueStart++;
  let valueEnd = end;
  while (valueEnd > valueStart && isSpace(s.charCodeAt(valueEnd - 1))) valueEnd--;
  if (valueEnd === valueStart) return null;
  // A field another reader took inside the piece (`Owner: Kim 📅 2026-01-05`): not a plain value,
  // unless it is the whole value of an owner (`Owner: @cy`), a mention the field holds.
  const key = normaliseKey(rawKey);
  if (
    fields.overlaps(start, valueEnd) &&
    !(
      key === 'owner' &&
      fields.exact(valueStart, valueEnd)?.rawKey === '@' &&
      !fields.overlaps(start, valueStart)
    )
  )
    return null;
  return {
    key,
    rawKey,
    value: s.slice(valueStart, valueEnd),
    span: { start: base + start, end: base + valueEnd },
    valueSpan: { start: base + valueStart, end: base + valueEnd },
    style: 'kv',
  };
}

/**
 * Whether a key and its colon come right before offset `at`, the key no longer than a key may be:
 * the test before a piece is read back from a mention, so a line of many mentions is not read back
 * to its start once per mention.
 */
function keyBefore(s: string, at: number): boolean {
  let colon = at;
  while (colon > 0 && isSpace(s.charCodeAt(colon - 1))) colon--;
  const c = s.charCodeAt(colon - 1);
  if (c !== 58 && c !== 0xff1a) return false;
  colon--;
  let start = colon;
  while (start > 0 && colon - start <= MAX_KEY) {
    const k = s.charCodeAt(start - 1);
    if (k === 44 || k === 59 || isSpacedDash(s, start - 1)) return true;
    start--;
  }
  return colon - start <= MAX_KEY;
}

/** What an owner phrase opens with: most lines have neither. */
const ASSIGNED_WORD_RE = /assigned to|owned by/i;
/**
 * A piece naming who does the work in words: `assigned to Bo`, `owned by Kim Lee`, `assigned to
 * @bo`. The name is a mention or up to three capitalised words.
 */
const OWNER_PHRASE_RE =
  /(?:^|[\s(,;])((?:assigned to|owned by)[ \t]+)(@[\p{L}\p{N}_.-]+|\p{Lu}[\p{L}'.-]*(?:[ \t]+\p{Lu}[\p{L}'.-]*){0,2})[ \t]*$/iu;
/** The longest owner phrase read: the words and a name. */
const MAX_OWNER_PHRASE = 64;

/** Whether a field is an owner named by a phrase (`assigned to Bo`): its value must stay a name. */
export function isOwnerPhrase(f: Field): boolean {
  return f.key === 'owner' && /^(?:assigned to|owned by)$/i.test(f.rawKey);
}

/**
 * Whether an owner phrase reads `name` as one: a mention, or words that each open with a capital
 * (OWNER_PHRASE_RE's `i` lets them open with a small letter too).
 */
export function isOwnerName(name: string): boolean {
  if (name.charCodeAt(0) === 64) return /^@[\p{L}\p{N}_.-]+$/u.test(name);
  const words = name.split(/[ \t]+/);
  return (
    words.length <= 3 &&
    words.every((w) => /^\p{Lu}[\p{L}'.-]*$/u.test(w) && w.charAt(0) !== w.charAt(0).toLowerCase())
  );
}

/** The owner phrase that is the piece of a list ending at `end`, as an owner field. */
function ownerPhrasePiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
  const from = Math.max(0, end - MAX_OWNER_PHRASE);
  const m = OWNER_PHRASE_RE.exec(s.slice(from, end));
  if (m === null) return null;
  const name = m[2]!;
  if (!isOwnerName(name)) return null;
  const valueEnd = end - (m[0].length - m[0].trimEnd().length);
  const valueStart = valueEnd - name.length;
  const start = valueStart - m[1]!.length;
  // The name may be a mention read already: it is this field's value, as in `Owner: @cy`.
  if (
    fields.overlaps(start, valueStart) ||
    (fields.overlaps(valueStart, valueEnd) && fields.exact(valueStart, valueEnd)?.rawKey !== '@')
  )
    return null;
  return {
    key: 'owner',
    rawKey: m[1]!.trim(),
    value: name,
    span: { start: base + start, end: base + valueEnd },
    valueSpan: { start: base + valueStart, end: base + valueEnd },
    style: 'kv',
  };
}

/** A piece saying no one owns the work yet: `— unassigned`, `, no owner`. */
const NO_OWNER_PIECE_RE = /(?:^|[\s,;])(\(?(unassigned|unowned|no owner|nobody)\)?)$/i;

/**
 * The piece of a list ending at `end` that says no one owns the work (`— unassigned`, `— (nobody)`),
 * as an owner field whose value is a placeholder: the item has no owner, and the word is no part of
 * its title or key.
 */
function noOwnerPiece(s: string, end: number, base: number): Field | null {
  const m = NO_OWNER_PIECE_RE.exec(s.slice(Math.max(0, end - 14), end));
  if (m === null) return null;
  const piece = m[1]!;
  const wrapped = piece.charCodeAt(0) === 40;
  if (wrapped !== (piece.charCodeAt(piece.length - 1) === 41)) return null;
  const start = end - piece.length;
  let p = start;
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  if (p === 0 || !(isListPunct(s.charCodeAt(p - 1)) || isSpacedDash(s, p - 1))) return null;
  const inner = wrapped ? 1 : 0;
  return {
    key: 'owner',
    rawKey: '',
    value: m[2]!,
    span: { start: base + start, end: base + end },
    valueSpan: { start: base + start + inner, end: base + end - inner },
    style: 'kv',
  };
}

/** Keys whose value a remark in parentheses may follow: their readers take the value before it. */
const REMARK_KEYS: ReadonlySet<string> = new Set(['status', 'due']);
/** The longest remark read after a value. */
const MAX_REMARK = 60;

/**
 * A `Key: value` piece whose value a remark in parentheses ends (`Status: Blocked (waiting on
 * infra)`, `Due: 2026-03-01 (tentative)`): the field holds the remark, as a status field's value
 * may (its reader takes the words before it). Only for a status or a due date.
 */
function keyPieceWithRemark(s: string, end: number, fields: FieldIndex, base: number): Field | null {
  let open = end - 2;
  const stop = Math.max(0, end - MAX_REMARK);
  while (open >= stop && s.charCodeAt(open) !== 40) {
    const c = s.charCodeAt(open);
    if (c === 41 || c === 91 || c === 93) return null;
    open--;
  }
  if (open < stop || !isSpace(s.charCodeAt(open - 1)) || fields.overlaps(open, end)) return null;
  const piece = keyPiece(s, open, fields, base);
  if (piece === null || !REMARK_KEYS.has(piece.key)) return null;
  return {
    ...piece,
    value: s.slice(piece.valueSpan.start - base, end),
    span: { start: piece.span.start, end: base + end },
    valueSpan: { start: piece.valueSpan.start, end: base + end },
  };
}

/**
 * Where the piece of a list ending at `end` starts, after its blanks: just after a comma, a semicolon or
 * a set-off dash at most `max` characters back; -1 when none is there (a piece follows a separator).
 */
function pieceStart(s: string, end: number, max: number): number {
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

/** The longest priority piece: `lowest priority`. */
const MAX_PRIORITY_PIECE = 16;

/** The priority word that is the piece of a list ending at `end` (`— High priority`, `, urgent`). */
function priorityPiece(s: string, end: number): PriorityMark | null {
  // A piece follows a separator: a short title alone is not one.
  const start = pieceStart(s, end, MAX_PRIORITY_PIECE);
  if (start < 0) return null;
  const priority = readPriorityPiece(s.slice(start, end));
  return priority === null ? null : { priority, index: start, length: end - start };
}

/** The longest status piece: `in development`. */
const MAX_STATUS_PIECE = 24;
/** The longest status piece with its reason: `waiting on the security review of the API`. */
const MAX_REASONED_PIECE = 64;

/** Whether `s` ends, but for white space, with a status word that is a piece of a list (`— Blocked`). */
export function endsWithStatusPiece(s: string): boolean {
  return statusPieceEnding(s) !== null;
}

/** The status of the status piece ending `s` (`Ship it — on hold until Q2`), but for white space, or null. */
export function statusPieceEnding(s: string): Status | null {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  if (end === 0 || !(isLetterOrDigit(codePointBefore(s, end)) || s.charCodeAt(end - 1) === 41)) return null;
  const piece = statusPiece(s, end, 0);
  return piece === null ? null : pieceStatus(piece.value);
}

/**
 * The status word that is the piece of a list ending at `end` (`— In Progress`, `, done`), as a
 * status field without a key; or a status word with its reason (`— blocked on infra`) or, blocked or
 * dropped, a remark in parentheses (`— Blocked (waiting on infra)`), the field's value the whole
 * piece. The piece must start with the word, after a separator.
 */
function statusPiece(s: string, end: number, base: number): Field | null {
  const start = pieceStart(s, end, MAX_REASONED_PIECE);
  return start < 0 ? null : statusPieceAt(s, start, end, base);
}

/** The status piece from `start` to `end` (see statusPiece), or null when the text there is none. */
function statusPieceAt(s: string, start: number, end: number, base: number): Field | null {
  if (end - start > MAX_REASONED_PIECE) return null;
  const piece = s.slice(start, end);
  // The date the status was reached may follow the word (`— done 2026-12-01`): the piece is cut
  // whole, and the value is the word, so a new status keeps the date. A blocked or dropped one may
  // have a remark after its date too (`— dropped 2026-11-02 (superseded by PAY-1201)`), the value then
  // the whole piece, as the value of a status word with a remark is.
  const value =
    datedStatusWord(piece) ?? (pieceStatus(piece) !== null || isRemarkedDatedStatus(piece) ? piece : null);
  if (value === null) return null;
  return {
    key: 'status',
    rawKey: '',
    value,
    span: { start: base + start, end: base + end },
    valueSpan: { start: base + start, end: base + start + value.length },
    style: 'kv',
  };
}

/**
 * The status word of a piece that is a status and the date it was reached (`done 2026-12-01`,
 * `cancelled on 01.12.2026`), or null.
 */
function datedStatusWord(piece: string): string | null {
  if (!isDigit(piece.charCodeAt(piece.length - 1))) return null;
  const m = readAbsoluteDate(piece);
  if (m === null || m.index + m.length !== piece.length) return null;
  const word = DATE_LEAD_RE.exec(piece.slice(0, m.index));
  if (word === null) return null;
  return pieceStatus(word[1]!) === null ? null : word[1]!;
}
/** Whether a piece is a blocked or dropped status, its date and a remark: `dropped 2026-11-02 (dup)`. */
function isRemarkedDatedStatus(piece: string): boolean {
  if (piece.charCodeAt(piece.length - 1) !== 41) return false;
  const bare = withoutRemark(piece);
  const word = bare === null || bare === piece ? null : datedStatusWord(bare);
  const status = word === null ? null : pieceStatus(word);
  return status === 'blocked' || status === 'cancelled';
}
/** The words before a date: a status, white space, and `on` maybe (`shipped on `). */
const DATE_LEAD_RE = /^(\S(?:.*?\S)?)[ \t]+(?:on[ \t]+)?$/i;

/** The status a piece states: a status word, one with its reason, or either with a remark after it. */
function pieceStatus(value: string): Status | null {
  const word = withoutRemark(value);
  if (word === null) return null;
  const status = word.length <= MAX_STATUS_PIECE ? statusOfWord(word) : null;
  if (status === null) return reasonedStatus(word);
  if (status === 'todo' && !STATING_TODO_WORDS.has(word.toLowerCase())) return null;
  // A remark says why work is blocked or dropped; after another status it as often says what was
  // done (`Week 8 - Completed (Federation & AI features)`).
  if (word !== value && status !== 'blocked' && status !== 'cancelled') return null;
  return status;
}

/**
 * A piece without the remark in parentheses ending it (`Blocked` of `Blocked (waiting on infra)`), or
 * the piece when none ends it; null when what ends it is no remark (`Blocked(x)`, `(x)` alone).
 */
function withoutRemark(piece: string): string | null {
  if (piece.charCodeAt(piece.length - 1) !== 41) return piece;
  const open = piece.lastIndexOf('(');
  if (open <= 0 || !isSpace(piece.charCodeAt(open - 1)) || piece.indexOf(')') < open) return null;
  return piece.slice(0, open).trimEnd();
}

/** The longest date a piece is: `September 30th, 2026`. */
const MAX_DATE_PIECE = 24;

/**
 * The date that is the piece of a list ending at `end` (`2026-12-14`, `14.12.2026`, `Dec 14, 2026`,
 * whose comma does not end the piece), as a due field without a key; null when the piece is more
 * than a date (`shipped 2026-12-01`) or another reader took it.
 */
function datePiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
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
    if ((date !== null && date.index === 0 && date.length === piece.length) || isMonthDay(piece)) {
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
function pointsPiece(s: string, end: number, base: number): Field | null {
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

/** A T-shirt size standing as a piece, in capitals: `— @raj — M`, `, XL`. */
const SIZE_PIECE_RE = /(?:^|[\s,;])(XXS|XS|S|M|L|XL|XXL)$/;

/**
 * The T-shirt size that is the piece of a list ending at `end` (`**Cost dashboards** — @mo — S`), as
 * a size field: the estimate of a roadmap that sizes its work rather than timing it.
 */
function sizePiece(s: string, end: number, base: number): Field | null {
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
function progressPiece(s: string, end: number, base: number): Field | null {
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

/** The same phrases in the other languages plans are written in: `depende de 2.1`, `bloqué par T-3`. */
const FOREIGN_DEP = [
  'depende de',
  'depende da',
  'depende do',
  'bloqueado por',
  'bloqueada por',
  'requiere',
  'requer',
  'dépend de',
  'bloqué par',
  'bloquée par',
  'nécessite',
  'hängt ab von',
  'abhängig von',
  'blockiert durch',
  'dipende da',
  'bloccato da',
  'richiede',
].join('|');

/** Keys that name a dependency only as a key, with a colon after them: `Depends: 1.1`, `Deps: T-2`. */
const DEP_KEYS = 'dependencies|depends|deps|prerequisites|prereqs';
/** A keyed dependency that names none (`Depends: none`): a field of a placeholder, read and cut. */
const NO_DEP = String.raw`none|n/a|—|-`;
/** A reference: an ID, or a step's number, which only some phrases may name (BY_NUMBER_RE). */
const DEP_REF = String.raw`(?:${REF_SOURCE}|\d{1,3}(?![A-Za-z0-9.]))`;
const NO_DEP_END_RE = /(?:none|n\/a|—|-)$/i;

/**
 * A dependency phrase ending the text at `end`, naming items by ID: `depends on T001`, `blocked by
 * MH-002, MH-003`, `after 2.1 and 2.2`, `needs A-2`, `waits for A-3 and A-2`. Only IDs: a phrase
 * naming an item by its title (`after Billing v2`) or not naming one (`after lunch`) stays in the
 * title.
 */
const DEP_PIECE_RE = new RegExp(
  String.raw`(?:^|[\s([,;])(?:(${
    // The words of a verb may stand apart where emphasis was blanked (`**blocked** on #12`).
    `depends on|depend on|blocked by|blocked on|requires|needs|waits for|waiting for|waiting on|after|${FOREIGN_DEP}`.replace(
      / /g,
      '\\x00*[ \\t]+',
    )
  })(?:[ \t]*[:：])?|(${DEP_KEYS})[ \t]*[:：])[ \t]+(${DEP_REF}(?:[ \t]*(?:,|&|\b(?:and|y|e|et|und)\b)[ \t]*${DEP_REF})*|${NO_DEP})[ \t]*$`,
  'i',
);
/**
 * Phrases that name a dependency by a bare step number too (`depends on 2`, `Depends: 3, 4`, `after
 * 2`): the others say as often how many of something (`needs 2`, `requires 3`).
 */
const BY_NUMBER_RE = /^(?:depend|dépend|blo|abhängig|hängt|dipende|prereq|deps|after)/i;
/** A bare number among the references: first, or after a joiner (not `Task 2`'s number). */
const BARE_NUMBER_REF_RE = /(?:^|[,&]|\b(?:and|y|e|et|und))[ \t]*\d{1,3}(?![\d.])/i;
/** What a dependency phrase needs: most lines have none of these words. */
const DEP_WORD_RE =
  /depend|deps|prereq|dépend|blo(?:ck|qu)|requi|requer|nécessite|needs|wait|after|hängt|abhängig|richiede/i;

/** Whether `s` has a word a dependency phrase opens with. */
export function mayStateDependency(s: string): boolean {
  return DEP_WORD_RE.test(s);
}
/** The longest dependency phrase read: a verb and a handful of IDs. */
const MAX_DEP_PIECE = 160;

function depPiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
  // Every ID ends with a digit, or a letter after one (`T003a`): most pieces do not.
  const last = s.charCodeAt(end - 1);
  if (
    !isDigit(last) &&
    !(last >= 97 && last <= 122 && isDigit(s.charCodeAt(end - 2))) &&
    !NO_DEP_END_RE.test(s.slice(Math.max(0, end - 4), end))
  )
    return null;
  const from = Math.max(0, end - MAX_DEP_PIECE);
  const m = DEP_PIECE_RE.exec(s.slice(from, end));
  if (m === null) return null;
  const rawKey = m[1] ?? m[2]!;
  const value = m[3]!;
  if (!BY_NUMBER_RE.test(rawKey) && BARE_NUMBER_REF_RE.test(value)) return null;
  const start = from + m.index + m[0].indexOf(rawKey);
  const valueStart = start + m[0].slice(m[0].indexOf(rawKey) + rawKey.length).indexOf(value) + rawKey.length;
  const valueEnd = valueStart + value.length;
  if (fields.overlaps(start, valueEnd)) return null;
  return {
    key: 'depends',
    rawKey,
    value,
    span: { start: base + start, end: base + valueEnd },
    valueSpan: { start: base + valueStart, end: base + valueEnd },
    style: 'kv',
  };
}

/**
 * The tail of `text`, or null. `fields` are the fields read on the line, offset by `base`; `priority`
 * and `estimate` the marks read there. With an estimate read (`(2h)`), a bare one is not read again.
 * `whole` lets the tail be all of `text`: the text after a heading's ID may be nothing but fields
 * (`### Task 5 — Status: Done`); an item line's title may not. With `dates`, a date standing as a
 * piece is the due date (`- [ ] Status page — 2026-12-14`): on a task's line, where a heading's
 * (`## 7.1.3 - 2025-01-22`) or a report bullet's is when it was released or done.
 */
export function readTail(
  text: string,
  fields: readonly Field[],
  base: number,
  priority: Mark | null,
  estimate: Mark | null,
  hoursPerDay: number,
  whole = false,
  dates = false,
): Tail | null {
  // Pieces in emphasis (`— *blocked: no data*`) are read as their text: the emphasis is blanked.
  const s = text.includes('*') || text.includes('_') ? withoutPieceEmphasis(text) : text;
  const tail = readPieces(s, fields, base, priority, estimate, hoursPerDay, whole, dates);
  if (tail !== null) return tail;
  // A name ending a list of the line's metadata (`Cache manifest — 3 pts — Jana`) is its owner, as a
  // mention there is; a name alone after a dash (`Ship it — Jana`) may be the title's.
  const name = trailingName(s);
  if (name === null) return null;
  const before = readPieces(
    s.slice(0, name.separator),
    fields,
    base,
    priority,
    estimate,
    hoursPerDay,
    false,
    dates,
  );
  if (before === null || before.fields.some((f) => f.key === 'owner')) return null;
  return { ...before, fields: [...before.fields, nameOwner(s, name, base)] };
}

/** The owner field of a name read as a piece of a list. */
function nameOwner(s: string, name: { start: number; end: number }, base: number): Field {
  const span = { start: base + name.start, end: base + name.end };
  return {
    key: 'owner',
    rawKey: '',
    value: s.slice(name.start, name.end),
    span,
    valueSpan: span,
    style: 'kv',
  };
}

/** Whether the separator from `end` to `first` is a set-off dash, bar or dot (not a comma). */
function dashBetween(s: string, end: number, first: number): boolean {
  for (let i = end; i < first; i++) if (isSpacedDash(s, i)) return true;
  return false;
}

/**
 * A piece of a list in emphasis as a whole, after a separator (`— *blocked: needs data*`, `, **P1**`):
 * the separator and white space, the delimiter, the text, and the same delimiter before the next
 * separator or the end.
 */
const EMPHASIS_PIECE_RE =
  /((?:[,;]|[ \t][-–—|·•](?=[ \t]))[ \t]*)(\*\*|__|\*|_)(?=[^\s*_])([^*_\n]*?[^\s*_])\2(?=[ \t]*(?:$|[,;]|[ \t][-–—|·•][ \t]))/g;
/**
 * A piece of a list opening with a word in emphasis and going on after it (`— **blocked** on #1423`):
 * the separator and white space, the delimiter, the word, and the same delimiter before a space.
 */
const EMPHASIS_OPENING_RE =
  /((?:[,;]|[ \t][-–—|·•](?=[ \t]))[ \t]*)(\*\*|__|\*|_)(\p{L}[\p{L}-]*)\2(?=[ \t]+\p{L})/gu;

/**
 * `s` with the emphasis around whole pieces of a list blanked, offsets kept: the pieces are read as
 * their text is, and a field's span is its text's.
 */
function withoutPieceEmphasis(s: string): string {
  return s
    .replace(
      EMPHASIS_PIECE_RE,
      (_m, sep: string, d: string, inner: string) =>
        sep + ' '.repeat(d.length) + inner + ' '.repeat(d.length),
    )
    .replace(
      // The closing delimiter is blanked with NULs, which no reader takes for a space: only a
      // dependency phrase reads over them (`blocked on #1423`). A status piece must not (`**blocked**
      // on legal` as one status would give an edit the closing `**` to overwrite).
      EMPHASIS_OPENING_RE,
      (_m, sep: string, d: string, word: string) => sep + ' '.repeat(d.length) + word + '\0'.repeat(d.length),
    );
}

/** Capitalised words, up to three (`Jana`, `Kim Lee`, `O'Neil`): a person's or a team's name. */
const NAME_RE = /^\p{Lu}[\p{Ll}'’.-]+(?:[ \t]+\p{Lu}[\p{Ll}'’.-]+){0,2}$/u;
/** Words capitalised as names are that name a time instead: `— 2d — Friday`, `— March`. */
const TIME_WORD_RE =
  /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|today|tomorrow|tonight|yesterday|later|soon|next|now)\.?$/i;
/** The longest name read after a list. */
const MAX_NAME = 48;

/**
 * The name ending `s` as the last piece of a list (after a set-off dash, bar or dot), with where it
 * starts and ends and where its separator starts; null when the last piece is no name, or a word a
 * reader of marks, statuses or dates takes.
 */
function trailingName(s: string): { start: number; end: number; separator: number } | null {
  let end = s.length;
  // A separator left dangling after it (`— Ana - `) ends the list as the end of the line does.
  while (end > 0 && (isListPunct(s.charCodeAt(end - 1)) || isSpacedDash(s, end - 1))) end--;
  const start = pieceStart(s, end, MAX_NAME);
  if (start < 0) return null;
  let sep = start;
  while (sep > 0 && isSpace(s.charCodeAt(sep - 1))) sep--;
  if (sep === 0) return null;
  // Set off as a column is, by a dash, bar or dot: after a comma (`Fix it, 2d, Android`) a capitalised
  // word names a platform or a product as often as a person.
  if (!isSpacedDash(s, sep - 1)) return null;
  sep--;
  const name = s.slice(start, end);
  if (!NAME_RE.test(name) || name.split(/[ \t]+/).some((w) => TIME_WORD_RE.test(w))) return null;
  if (statusOfWord(name) !== null || readInlinePriority(name) !== null) return null;
  return { start, end, separator: sep };
}

/** Where readPieces stands: the last piece taken, the counts, the fields and marks read so far. */
interface TailState {
  readonly first: number;
  readonly meta: number;
  readonly mentions: number;
  /** How many of the fields read so far. */
  readonly own: number;
  readonly effort: Tail['effort'];
  readonly word: PriorityMark | null;
}

function readPieces(
  s: string,
  fields: readonly Field[],
  base: number,
  priority: Mark | null,
  estimate: Mark | null,
  hoursPerDay: number,
  whole: boolean,
  dates: boolean,
): Tail | null {
  let end = s.length;
  // Where the last token taken starts: the separator is before it.
  let first = end;
  let meta = 0;
  let effort: Tail['effort'] = null;
  let word: PriorityMark | null = null;
  let mentions = 0;
  const own: Field[] = [];
  let stated = fields.some((f) => f.key === 'status');
  const colons = s.includes(':') || s.includes('：');
  const deps = DEP_WORD_RE.test(s);
  const assigned = ASSIGNED_WORD_RE.test(s);
  const byEnd = new FieldIndex(fields, base);
  // The tail as it stood before the marks read last (`Rotate certs (P1) — @kim`): a mark in the title's
  // text before the list's separator is cut on its own, and the list is what follows the separator.
  // It holds while only marks are taken after it: `marks` counts them.
  let beforeMarks: TailState | null = null;
  let marks = 0;
  // The tail as it stood before the last piece read from the end of the text without a separator
  // before it, and where that piece starts (`taken`).
  let loose: (TailState & { taken: number }) | null = null;
  const state = (): TailState => ({ first, meta, mentions, own: own.length, effort, word });
  const onlyMarksSince = (b: { meta: number; mentions: number; own: number }) =>
    meta === b.meta + marks && mentions === b.mentions && own.length === b.own;
  for (;;) {
    // Pieces are joined by commas, semicolons, or dashes and bars with white space around them.
    while (end > 0 && (isListPunct(s.charCodeAt(end - 1)) || isSpacedDash(s, end - 1))) end--;
    if (end === 0) return whole && meta > 0 ? { start: 0, effort, priority: word, fields: own } : null;
    const f = byEnd.get(end);
    // A mention that is an owner's value (`Owner: @cy`) goes with its key.
    const owner =
      f?.rawKey !== '@'
        ? null
        : ((colons && keyBefore(s, f.span.start - base) ? keyPiece(s, end, byEnd, base) : null) ??
          (assigned ? ownerPhrasePiece(s, end, byEnd, base) : null));
    if (owner !== null) {
      own.push(owner);
      meta++;
      end = first = owner.span.start - base;
      continue;
    }
    if (f !== undefined) {
      if (!isWordMark(f)) meta++;
      else if (f.rawKey === '@') mentions++;
      end = first = f.span.start - base;
      continue;
    }
    // A mark may hold the white space after it (`~1d ` before a dash): it ends where its text does.
    const mark = priority !== null && markEnd(s, priority) === end ? priority : estimate;
    if (mark !== null && markEnd(s, mark) === end) {
      if (beforeMarks === null || !onlyMarksSince(beforeMarks)) {
        beforeMarks = state();
        marks = 0;
      }
      marks++;
      meta++;
      end = first = mark.index;
      continue;
    }
    const kv =
      (colons
        ? s.charCodeAt(end - 1) !== 41
          ? keyPiece(s, end, byEnd, base)
          : keyPieceWithRemark(s, end, byEnd, base)
        : null) ??
      (deps ? depPiece(s, end, byEnd, base) : null) ??
      (assigned ? ownerPhrasePiece(s, end, byEnd, base) : null);
    // Nor may a piece hold a mark another reader took (`Owner: Kim ~1d`).
    if (kv !== null && !holdsMark(kv, base, priority, estimate)) {
      own.push(kv);
      meta++;
      end = first = kv.span.start - base;
      continue;
    }
    // A priority word (`— High priority`), when the line has no other priority: it ends in a letter.
    if (priority === null && word === null && isAsciiLetter(s.charCodeAt(end - 1))) {
      word = priorityPiece(s, end);
      if (word !== null) {
        meta++;
        end = first = word.index;
        continue;
      }
    }
    // A status word standing as a piece (`— In Progress — @kim`, `— Blocked`): a status field.
    if (!stated && (isLetterOrDigit(codePointBefore(s, end)) || s.charCodeAt(end - 1) === 41)) {
      const st = statusPiece(s, end, base);
      // A reason holds no mark or field another reader took (`on hold (2h) for Q2`).
      if (
        st !== null &&
        !holdsMark(st, base, priority, estimate) &&
        !byEnd.overlaps(st.span.start - base, end)
      ) {
        stated = true;
        own.push(st);
        meta++;
        end = first = st.span.start - base;
        continue;
      }
    }
    // A date standing as a piece (`— 2026-12-14`, `, Dec 14, 2026`): the due date.
    const date = dates && isDigit(s.charCodeAt(end - 1)) ? datePiece(s, end, byEnd, base) : null;
    if (date !== null) {
      own.push(date);
      meta++;
      end = first = date.span.start - base;
      continue;
    }
    // Story points written bare (`— @ravi — 3 pts`): a points field, as `(3 pts)` is.
    const points = isAsciiLetter(s.charCodeAt(end - 1)) ? pointsPiece(s, end, base) : null;
    if (points !== null) {
      loose = { ...state(), taken: points.span.start - base };
      own.push(points);
      meta++;
      end = first = points.span.start - base;
      continue;
    }
    // A T-shirt size (`— M`): a size field.
    const last = s.charCodeAt(end - 1);
    const size = last === 83 || last === 77 || last === 76 ? sizePiece(s, end, base) : null;
    if (size !== null) {
      loose = { ...state(), taken: size.span.start - base };
      own.push(size);
      meta++;
      end = first = size.span.start - base;
      continue;
    }
    // No owner yet (`— unassigned`): an owner field of a placeholder.
    const nobody = isAsciiLetter(last) || last === 41 ? noOwnerPiece(s, end, base) : null;
    if (nobody !== null) {
      own.push(nobody);
      meta++;
      end = first = nobody.span.start - base;
      continue;
    }
    // A share of the work done (`— 80%`, `, 40% done`): a progress field.
    const share = last === 37 || isAsciiLetter(last) ? progressPiece(s, end, base) : null;
    if (share !== null) {
      own.push(share);
      meta++;
      end = first = share.span.start - base;
      continue;
    }
    // A name set off as a column between pieces read (`— Ana — 5 pts`) is the owner, as one ending
    // the list is (readTail): a column of names between columns of metadata, as trackers export.
    if (
      meta > 0 &&
      mentions === 0 &&
      isLetterOrDigit(codePointBefore(s, end)) &&
      dashBetween(s, end, first)
    ) {
      const named = own.some((f) => f.key === 'owner') || fields.some((f) => f.key === 'owner');
      const name = named ? null : trailingName(s.slice(0, end));
      if (name !== null) {
        own.push(nameOwner(s, name, base));
        meta++;
        end = first = name.start;
        continue;
      }
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
    loose = { ...state(), taken: end - text.length };
    end = first = end - text.length;
    effort = { effort: e, index: end, length: text.length };
    meta++;
  }
  const p = tailStart(s, first, meta, mentions);
  if (p >= 0) return { start: p, effort, priority: word, fields: own };
  // A piece read without its separator (an estimate, points, a size) that was the last one read may
  // be the title's last words (`under 5 minutes — owner: Ana`): the list is what follows them.
  if (loose !== null && loose.taken === first) {
    const r = tailStart(s, loose.first, loose.meta, loose.mentions);
    if (r >= 0) {
      own.length = loose.own;
      return { start: r, effort: loose.effort, priority: loose.word, fields: own };
    }
  }
  if (beforeMarks === null || !onlyMarksSince(beforeMarks)) return null;
  const q = tailStart(s, beforeMarks.first, beforeMarks.meta, mentions);
  if (q < 0) return null;
  own.length = beforeMarks.own;
  return { start: q, effort: beforeMarks.effort, priority: beforeMarks.word, fields: own };
}

/**
 * Where a tail whose first piece starts at `first` starts, its separator included, or -1 when none
 * sets it off or no title is left before it. The separator: a dash, bar or arrow with white space
 * before it (`Update the SDK → @kim`), or a comma or semicolon. Mentions alone are a list only after
 * one of the first: `Pair with @ana, @bo` says who in its own words.
 */
function tailStart(s: string, first: number, meta: number, mentions: number): number {
  if (meta === 0 && mentions === 0) return -1;
  let p = first;
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  if (s.charCodeAt(p - 1) === 44 || s.charCodeAt(p - 1) === 59) {
    if (meta === 0) return -1;
    p--;
  } else {
    p = setOffDashAt(s.slice(0, p), true);
    if (p < 0) return -1;
  }
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  // A title must be left before the tail.
  for (let i = 0; i < p; i++) if (isLetterOrDigit(codePointAt(s, i))) return p;
  return -1;
}

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
 * dependency phrase alone (`(blocked by T001)`). `priority` and `estimate` are
 * the marks the line's readers found; a list that holds one takes it (its span becomes the piece's),
 * and a list holding a second one of either is not read. Null when no list is read.
 */
export function readParenLists(
  s: string,
  fields: readonly Field[],
  base: number,
  priority: PriorityMark | null,
  estimate: EffortMark | null,
  hoursPerDay: number,
): ParenLists | null {
  let out: { cuts: [number, number][]; fields: Field[] } | null = null;
  let ip = priority;
  let ie = estimate;
  let index: FieldIndex | null = null;
  // Where the line's text ends, before white space and the fields read at its end: mentions in
  // parentheses before them end the line as much (`Port it (@ana) 📅 2026-01-09`, `… [priority:: P1]`).
  let last = s.length - 1;
  while (last >= 0 && isSpace(s.charCodeAt(last))) last--;
  if (fields.length > 0 && s.includes('(@')) last = beforeEndingFields(s, last, fields, base);
  let paren = s.indexOf(')');
  let bracket = s.indexOf(']');
  for (let from = 0; paren >= 0 || bracket >= 0; ) {
    // Lists in square brackets too (`[Depends: 1.1, 1.2]`, `[P1, 2d]`), as agents write them.
    const round = bracket < 0 || (paren >= 0 && paren < bracket);
    const close = round ? paren : bracket;
    if (round) paren = s.indexOf(')', close + 1);
    else bracket = s.indexOf(']', close + 1);
    // The innermost group: the last `(` before the `)` and after the group before, looked for no
    // further back than the longest list, so every character is passed a bounded number of times.
    let open = close - 1;
    const stop = Math.max(from, close - MAX_LIST);
    const opener = round ? 40 : 91;
    while (open >= stop && s.charCodeAt(open) !== opener) open--;
    from = close + 1;
    const endsLine = close === last;
    if (
      open < stop ||
      (!round && !isBracketList(s, open, close)) ||
      !(
        hasListSeparator(s, open, close) ||
        DEP_WORD_RE.test(s.slice(open, close)) ||
        (endsLine && s.charCodeAt(open + 1) === 64)
      )
    )
      continue;
    index ??= new FieldIndex(fields, base);
    const read = readList(s, open, close, endsLine, index, base, ip, ie, hoursPerDay);
    if (read === null) continue;
    out ??= { cuts: [], fields: [] };
    out.cuts.push([open, close + 1]);
    for (const f of read.fields) out.fields.push(f);
    ip = read.priority;
    ie = read.effort;
  }
  return out === null ? null : { ...out, priority: ip, effort: ie };
}

/** The last character of `s` up to `last` that is neither white space nor in a field ending the text. */
function beforeEndingFields(s: string, last: number, fields: readonly Field[], base: number): number {
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

/** The longest parenthesised list read: a longer group is prose. */
const MAX_LIST = 400;

function hasListSeparator(s: string, open: number, close: number): boolean {
  for (let i = open + 1; i < close; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 59) return true;
  }
  return false;
}

function markEnd(s: string, m: Mark): number {
  let end = m.index + m.length;
  while (end > m.index && isSpace(s.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether a piece read as a field holds the priority or estimate mark read on the line. */
function holdsMark(f: Field, base: number, priority: Mark | null, estimate: Mark | null): boolean {
  const a = f.span.start - base;
  const b = f.span.end - base;
  return overlaps(priority, a, b) || overlaps(estimate, a, b);
}

function overlaps(m: Mark | null, a: number, b: number): boolean {
  return m !== null && m.index < b && m.index + m.length > a;
}

/** One list of readParenLists, between `(` at `open` and `)` at `close`, which ends the line or not. */
function readList(
  s: string,
  open: number,
  close: number,
  endsLine: boolean,
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
  const phrase = DEP_WORD_RE.test(s.slice(open, close)) ? depPiece(s, inner, index, base) : null;
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
    while (b < close && s.charCodeAt(b) !== 44 && s.charCodeAt(b) !== 59) b++;
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
    } else if (readInlinePriority(piece)?.length === piece.length) {
      // The line's priority is this piece, or the line has none yet.
      if (ip !== null && !overlaps(ip, open, close + 1)) return null;
      ip = { priority: readInlinePriority(piece)!.priority, index: a, length: b - a };
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
          pointsPiece(piece, piece.length, base + a);
        if (kv === null || kv.span.start - base !== a || holdsMark(kv, base, ip, ie)) return null;
        own.push(kv);
        meta++;
        if (kv.key === 'depends') phrases++;
        if (kv.key === 'status') stated = true;
      }
    }
    a = next;
  }
  // One piece is a list when it is a dependency phrase (`(blocked by T001)`); a lone mark is read as
  // a mark, with its parentheses, elsewhere. Mentions alone are the item's owners when they end the
  // line (`Fix the leak (@tomas)`, `Port it (@ana, @bo)`); elsewhere they may be words of the title.
  const owners = endsLine && mentions === pieces;
  return ((pieces >= 2 || phrases > 0) && meta > 0) || owners
    ? { priority: ip, effort: ie, fields: own }
    : null;
}
