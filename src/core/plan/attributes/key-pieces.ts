/** `Key: value` pieces of a metadata list: after a separator, a sentence's period, or with a remark. */
import type { Field } from '../../model.js';
import { isSpace } from '../chars.js';
import { normaliseKey } from './keys.js';
import { type FieldIndex, isSpacedDash } from './pieces.js';

/** The keys a `Key: value` piece of a list may have; other pieces (`note: call first`) are the title's. */
const LIST_KEYS: ReadonlySet<string> = new Set([
  'owner',
  'due',
  'priority',
  'effort',
  'status',
  'target',
  'points',
  'size',
]);
/** The longest key a piece may have (`Verantwortlich`, `estimated effort`). */
const MAX_KEY = 24;

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

/** The longest list of owners read after its key: a handful of names. */
const MAX_OWNER_LIST = 96;
/** A name in a list of owners: a mention, or words of letters (`@bo`, `Li`, `Ana María`). */
const OWNER_NAME_RE = /^@?\p{L}[\p{L}\p{M}\p{N} .'’_-]{0,39}$/u;

/** Whether a comma is between `a` and `b`: a list of names has one, where a plain `Key: value` piece does not. */
function hasComma(s: string, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (s.charCodeAt(i) === 44) return true;
  return false;
}

/** A name of a list of owners, not one a joining word ends (`@li and`, before a mention read on its own). */
function isOwnerName(piece: string): boolean {
  const n = piece.trim();
  return OWNER_NAME_RE.test(n) && !/\sand$/i.test(n);
}

/**
 * An owner key and the names after it, over the commas between them, ending at `end` (`— Owners: Bo,
 * Li`, `— owner: @bo, @li`, `— owners: @bo and` before `@kim`), as one field: a `Key: value` piece
 * ends at a comma, where the names go on. Null unless every piece after the key is a name.
 */
export function ownerListPiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
  // A name ends in a letter: most pieces (dates, estimates, brackets) do not.
  const last = s.charCodeAt(end - 1);
  if (!((last >= 65 && last <= 90) || (last >= 97 && last <= 122) || last >= 128)) return null;
  const floor = Math.max(0, end - MAX_OWNER_LIST);
  let colon = -1;
  for (let i = end - 1; i >= floor; i--) {
    const c = s.charCodeAt(i);
    if (c === 58 || c === 0xff1a) {
      colon = i;
      break;
    }
    if (c === 59 || c === 40 || c === 41 || c === 91 || c === 93 || isSpacedDash(s, i)) return null;
  }
  if (colon < 0) return null;
  let start = colon;
  while (start > floor) {
    const c = s.charCodeAt(start - 1);
    if (c === 44 || c === 59 || isSpacedDash(s, start - 1)) break;
    start--;
  }
  while (start < colon && isSpace(s.charCodeAt(start))) start++;
  if (colon - start > MAX_KEY || normaliseKey(s.slice(start, colon)) !== 'owner') return null;
  let valueStart = colon + 1;
  while (valueStart < end && isSpace(s.charCodeAt(valueStart))) valueStart++;
  const written = s.slice(valueStart, end).trimEnd();
  // The last name may be a mention read as a piece of its own after `and` (`Owners: @bo, @li and
  // @kim`): the piece ends with the `and`, the value before it.
  const joined = JOINED_BEFORE_MENTION_RE.test(written) && mentionAt(s, end);
  // One name alone is a plain `Key: value` piece (keyPiece): a list has a comma, or an `and`.
  if (!joined && !hasComma(s, colon, end)) return null;
  const value = joined ? written.replace(JOINED_BEFORE_MENTION_RE, '') : written;
  if (fields.overlaps(start, valueStart) || !value.split(',').every(isOwnerName)) return null;
  return {
    key: 'owner',
    rawKey: s.slice(start, colon).trimEnd(),
    value,
    span: { start: base + start, end: base + valueStart + written.length },
    valueSpan: { start: base + valueStart, end: base + valueStart + value.length },
    style: 'kv',
  };
}

/** `and` ending a list of names, before the name after it. */
const JOINED_BEFORE_MENTION_RE = /,?[ \t]+and$/i;

/** Whether a mention follows `at`, after white space. */
function mentionAt(s: string, at: number): boolean {
  let p = at;
  while (p < s.length && isSpace(s.charCodeAt(p))) p++;
  return s.charCodeAt(p) === 64;
}
