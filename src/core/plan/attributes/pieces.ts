/**
 * The pieces of a metadata list, each read by its own reader from where it ends: a `Key: value`, an
 * owner phrase or placeholder, a priority word, a status word (with its reason or date), a date, story
 * points, a T-shirt size, a share done, a dependency phrase. tail.ts reads the lists these make.
 */
import type { Effort, Field, Priority, Status } from '../../model.js';
import { codePointBefore, isLetterOrDigit, isSpace } from '../chars.js';
import { isCalendarWeek, isMonthDay, readAbsoluteDate, wholeDateRange } from './dates.js';
import { normaliseKey } from './fields.js';
import { REF_SOURCE } from './ids.js';
import { readPriorityPiece } from './priority.js';
import { reasonedStatus, STATING_TODO_WORDS, statusOfGlyph, statusOfWord } from './status.js';

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

/** The keys a `Key: value` piece of a list may have; other pieces (`note: call first`) are the title's. */
const LIST_KEYS: ReadonlySet<string> = new Set(['owner', 'due', 'priority', 'effort', 'status', 'target']);
/** The longest key a piece may have (`Verantwortlich`, `estimated effort`). */
const MAX_KEY = 24;

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
 * The `Key: value` piece of a list that ends at `end` and starts after the separator before it
 * (`,`, `;`, a spaced dash or bar, `opener`), or at `floor`, as a field; null when the piece is not one.
 */
export function keyPiece(
  s: string,
  end: number,
  fields: FieldIndex,
  base: number,
  opener = 0,
  floor = 0,
): Field | null {
  let start = end;
  let colon = -1;
  while (start > floor) {
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

/** The longest `Key: value` sentence read (see sentencePiece). */
const MAX_SENTENCE = 80;

/**
 * A `Key: value` piece that is a sentence of its own, ending at `end`: after the period that ends the
 * sentence before it (`… on BM25. Owner: @dana. Target: Dec 2026`), its key one a list's pieces may
 * have. A period that no such key follows is the value's (`Owner: J. Smith`).
 */
export function sentencePiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
  const floor = Math.max(0, end - MAX_SENTENCE);
  for (let dot = s.lastIndexOf('. ', end - 2); dot > floor; dot = s.lastIndexOf('. ', dot - 1)) {
    if (isSpace(s.charCodeAt(dot - 1))) continue;
    let k = dot + 1;
    while (k < end && isSpace(s.charCodeAt(k))) k++;
    let colon = k;
    while (
      colon < end &&
      colon - k <= MAX_KEY &&
      s.charCodeAt(colon) !== 58 &&
      s.charCodeAt(colon) !== 0xff1a
    )
      colon++;
    if (colon >= end || colon - k > MAX_KEY || !LIST_KEYS.has(normaliseKey(s.slice(k, colon).trimEnd())))
      continue;
    const piece = keyPiece(s, end, fields, base, 0, dot + 1);
    return piece !== null && piece.span.start - base === k ? piece : null;
  }
  return null;
}

/**
 * Whether a key and its colon come right before offset `at`, the key no longer than a key may be:
 * the test before a piece is read back from a mention, so a line of many mentions is not read back
 * to its start once per mention.
 */
export function keyBefore(s: string, at: number): boolean {
  let colon = at;
  while (colon > 0 && isSpace(s.charCodeAt(colon - 1))) colon--;
  const c = s.charCodeAt(colon - 1);
  if (c !== 58 && c !== 0xff1a) return false;
  colon--;
  let start = colon;
  while (start > 0 && colon - start <= MAX_KEY) {
    const k = s.charCodeAt(start - 1);
    // After a separator, or after the period ending a sentence (see sentencePiece).
    if (k === 44 || k === 59 || isSpacedDash(s, start - 1) || (k === 32 && s.charCodeAt(start - 2) === 46))
      return true;
    start--;
  }
  return colon - start <= MAX_KEY;
}

/** What an owner phrase opens with: most lines have none. */
export const ASSIGNED_WORD_RE = /assigned to|owned by|(?:owner|assignee|dri|lead)[ \t]+@/i;
/**
 * A piece naming who does the work in words: `assigned to Bo`, `owned by Kim Lee`, `assigned to
 * @bo`. The name is a mention or up to three capitalised words. After an owner's key without its
 * colon (`· owner @kim`), only a mention: `owner approval`, `lead Designer` are words.
 */
const OWNER_PHRASE_RE =
  /(?:^|[\s(,;])((?:assigned to|owned by)[ \t]+|(?:owner|assignee|dri|lead)[ \t]+(?=@))(@[\p{L}\p{N}_.-]+|\p{Lu}[\p{L}'.-]*(?:[ \t]+\p{Lu}[\p{L}'.-]*){0,2})[ \t]*$/iu;
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
export function ownerPhrasePiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
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
export function noOwnerPiece(s: string, end: number, base: number): Field | null {
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
export function keyPieceWithRemark(s: string, end: number, fields: FieldIndex, base: number): Field | null {
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

/** The longest status piece: `in development`. */
const MAX_STATUS_PIECE = 24;
/** The longest status piece with its reason: `waiting on the security review of the API`. */
const MAX_REASONED_PIECE = 64;

/** Whether `s` ends, but for white space, with a status word that is a piece of a list (`— Blocked`). */
export function endsWithStatusPiece(s: string): boolean {
  return statusPieceEnding(s) !== null;
}

/**
 * A piece of a list in emphasis as a whole, after a separator (`— *blocked: needs data*`, `, **P1**`):
 * the separator and white space, the delimiter, the text, and the same delimiter before the next
 * separator (one left dangling at the end too: `— *blocked: no data* •`) or the end.
 */
const EMPHASIS_PIECE_RE =
  /((?:[,;]|[ \t][-–—|·•](?=[ \t]))[ \t]*)(\*\*|__|\*|_)(?=[^\s*_])([^*_\n]*?[^\s*_])\2(?=[ \t]*(?:$|[,;]|[ \t][-–—|·•](?:[ \t]|$)))/g;
/**
 * A piece of a list opening with words in emphasis and going on after them (`— **blocked** on #1423`,
 * `— **BLOCKED**: waiting for keys`, `— _CANCELLED_ (superseded)`, `, **In Progress** (2h)`): the
 * separator and white space, the delimiter, up to three words, the same delimiter and a colon after
 * it, if any, before a space and a letter or a remark in parentheses (the last group).
 */
const EMPHASIS_OPENING_RE =
  /((?:[,;]|[ \t][-–—|·•](?=[ \t]))[ \t]*)(\*\*|__|\*|_)(\p{L}[\p{L}-]*(?: \p{L}[\p{L}-]*){0,2})\2(:?)(?=[ \t]+(\p{L}|\())/gu;

/**
 * `s` with the emphasis around whole pieces of a list blanked, offsets kept: the pieces are read as
 * their text is, and a field's span is its text's.
 */
export function withoutPieceEmphasis(s: string): string {
  return s
    .replace(
      EMPHASIS_PIECE_RE,
      (_m, sep: string, d: string, inner: string) =>
        sep + ' '.repeat(d.length) + inner + ' '.repeat(d.length),
    )
    .replace(
      // A status word's closing delimiter is blanked, its colon moved up to the word: the piece reads
      // as the status and what follows (`BLOCKED: waiting for keys`), and readTail gives its field the
      // opening delimiter, so an edit takes the emphasis with the text. Another word's is blanked with
      // NULs, which no reader takes for a space: only a dependency phrase reads over them (`blocked
      // on #1423`).
      EMPHASIS_OPENING_RE,
      (m: string, sep: string, d: string, word: string, colon: string, next: string) => {
        const blank = ' '.repeat(d.length);
        if (statusOfWord(word) !== null) return sep + blank + word + colon + blank;
        // Words of no status (`**very important** work`) are left as they are.
        return colon === '' && next !== '(' && !word.includes(' ')
          ? sep + blank + word + '\0'.repeat(d.length)
          : m;
      },
    );
}

/** The status of the status piece ending `s` (`Ship it — on hold until Q2`), but for white space, or null. */
export function statusPieceEnding(text: string): Status | null {
  // As readTail reads it: a piece in emphasis, or opened by a status word in emphasis, as its text.
  const s = text.includes('*') || text.includes('_') ? withoutPieceEmphasis(text) : text;
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
export function statusPiece(s: string, end: number, base: number): Field | null {
  const start = pieceStart(s, end, MAX_REASONED_PIECE);
  if (start < 0) return null;
  return statusPieceAt(s, start, end, base) ?? datedAcrossComma(s, start, end, base);
}

/**
 * A status piece whose date holds a comma (`— shipped on Dec 1, 2026`): the year alone ends at `end`
 * as a piece of its own, and the status, the month and the day are the piece before the comma.
 */
function datedAcrossComma(s: string, start: number, end: number, base: number): Field | null {
  if (end - start !== 4 || !isDigit(s.charCodeAt(start))) return null;
  let comma = start - 1;
  while (comma > 0 && isSpace(s.charCodeAt(comma))) comma--;
  if (s.charCodeAt(comma) !== 44) return null;
  const from = pieceStart(s, comma, MAX_REASONED_PIECE - (end - comma));
  if (from < 0 || datedStatusWord(s.slice(from, end)) === null) return null;
  return statusPieceAt(s, from, end, base);
}

/** The status piece from `start` to `end` (see statusPiece), or null when the text there is none. */
export function statusPieceAt(s: string, start: number, end: number, base: number): Field | null {
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
  if (!isDigit(piece.charCodeAt(piece.length - 1)) && !/(?:st|nd|rd|th)$/.test(piece)) return null;
  const m = readAbsoluteDate(piece);
  // Or a month and day without the year (`— done Dec 1`).
  const at = m !== null && m.index + m.length === piece.length ? m.index : monthDayEnding(piece);
  if (at < 0) return null;
  const word = DATE_LEAD_RE.exec(piece.slice(0, at));
  if (word === null) return null;
  return pieceStatus(word[1]!) === null ? null : word[1]!;
}
/** Where a month and day without a year ending `piece` starts (`Dec 1`, `March 3rd`), or -1. */
function monthDayEnding(piece: string): number {
  const m = MONTH_DAY_END_RE.exec(piece);
  return m !== null && isMonthDay(`${m[1]} ${m[2]}`) ? m.index : -1;
}
/** A word and a day ending a piece: the month and day monthDayEnding checks. */
const MONTH_DAY_END_RE = /(\S+)[ \t]+(\d{1,2}(?:st|nd|rd|th)?)$/;
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

/**
 * The status a piece states: a status word, one with its reason, or either with a remark after it;
 * any of them after a status glyph, or the glyph alone (see glyphLedStatus).
 */
function pieceStatus(value: string, glyphLed = false): Status | null {
  const glyphed = glyphLedStatus(value);
  if (glyphed !== undefined) return glyphed;
  const word = withoutRemark(value);
  if (word === null) return null;
  const status = word.length <= MAX_STATUS_PIECE ? statusOfWord(word) : null;
  if (status === null) return reasonedStatus(word);
  if (status === 'todo' && !STATING_TODO_WORDS.has(word.toLowerCase())) return null;
  // A remark says why work is blocked or dropped, and after a glyph how work under way or not begun
  // stands (`— 🟡 at risk (420 ms today)`); after another status it as often says what was done
  // (`Week 8 - Completed (Federation & AI features)`), unless it is figures alone (`— 🟢 on track
  // (38%)`, `— done (3/3)`).
  if (
    word !== value &&
    status !== 'blocked' &&
    status !== 'cancelled' &&
    !(glyphLed && status !== 'done') &&
    /\p{L}/u.test(value.slice(word.length))
  )
    return null;
  return status;
}

/**
 * The status of a piece that a glyph opens (`🟢 on track`, `⚪ not started`, `✅ done`, `✅`): the
 * status of the words after the glyph, which must state one, as a status word after a coloured circle
 * does (the words win over a glyph of a status of its own, as in a status value); the glyph's own
 * status when it stands alone. Undefined when no glyph opens the piece.
 */
function glyphLedStatus(piece: string): Status | null | undefined {
  const cp = piece.codePointAt(0);
  if (cp === undefined || cp < 128 || isLetterOrDigit(cp)) return undefined;
  let end = cp >= 0x10000 ? 2 : 1;
  if (piece.charCodeAt(end) === 0xfe0f) end++;
  if (end === piece.length) return statusOfGlyph(piece);
  if (!isSpace(piece.charCodeAt(end))) return null;
  const words = piece.slice(end).trimStart();
  return glyphLedStatus(words) === undefined ? pieceStatus(words, true) : null;
}

/**
 * Whether `s` ends, but for white space, with a status in parentheses set off by white space, the
 * line's last words (`Dark theme (🟡 at risk)`, `Upgrade the brokers (waiting on infra)`): a list of
 * one piece.
 */
export function endsWithStatusGroup(s: string): boolean {
  let close = s.length - 1;
  while (close > 0 && isSpace(s.charCodeAt(close))) close--;
  if (s.charCodeAt(close) !== 41) return false;
  const open = s.lastIndexOf('(', close);
  if (open <= 0 || close - open > MAX_REASONED_PIECE + 1 || !isSpace(s.charCodeAt(open - 1))) return false;
  const inner = s.slice(open + 1, close).trim();
  return !inner.includes(')') && pieceStatus(inner) !== null;
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

/** A T-shirt size standing as a piece, in capitals: `— @raj — M`, `, XL`. */
const SIZE_PIECE_RE = /(?:^|[\s,;])(XXS|XS|S|M|L|XL|XXL)$/;

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

/** The same phrases in the other languages plans are written in: `depende de 2.1`, `bloqué par T-3`. */
export const FOREIGN_DEP = [
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
const NO_DEP = 'none|n/a|—|-';
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
export const DEP_WORD_RE =
  /depend|deps|prereq|dépend|blo(?:ck|qu|cc)|requi|requer|nécessite|needs|wait|after|hängt|abhängig|richiede/i;

/** Whether `s` has a word a dependency phrase opens with. */
export function mayStateDependency(s: string): boolean {
  return DEP_WORD_RE.test(s);
}
/** The longest dependency phrase read: a verb and a handful of IDs. */
const MAX_DEP_PIECE = 160;

export function depPiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
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
