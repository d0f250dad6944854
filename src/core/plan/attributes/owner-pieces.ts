/** Owner pieces of a metadata list: owner phrases, placeholders for no owner, a name ending the list. */
import type { Field } from '../../model.js';
import { isSpace } from '../chars.js';
import { type FieldIndex, isListPunct, isSpacedDash, pieceStart } from './pieces.js';
import { readInlinePriority } from './priority-marks.js';
import { statusOfWord } from './status.js';

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

/** The owner field of a name read as a piece of a list. */
export function nameOwner(s: string, name: { start: number; end: number }, base: number): Field {
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
export function trailingName(s: string): { start: number; end: number; separator: number } | null {
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
