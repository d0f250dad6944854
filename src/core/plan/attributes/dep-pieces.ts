/** Dependency pieces of a metadata list: phrases naming items by ID, and the words that open them. */
import type { Field } from '../../model.js';
import { isSpace } from '../chars.js';
import { REF_SOURCE } from './ids.js';
import { type FieldIndex, isDigit, isSpacedDash } from './pieces.js';

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
  return dependsField(rawKey, value, start, valueStart, fields, base);
}

/**
 * `depends on` and a name in words ending the text, in the languages read: what an item waits on
 * named by its title (`— depends on Port the email worker`) or something outside the plan (`(depends
 * on the legal review)`). No figures: `Milestone 1`, `the v2 API` are references DEP_PIECE_RE and the
 * plan's phrases read, or words the title keeps.
 */
const DEP_WORDS_RE =
  /(?:^|[\s(])(depends on|depend on|dépend de|depende de|depende da|depende do|dipende da|hängt ab von|abhängig von)[ \t]*:?[ \t]+(\p{L}[^\d,;()[\]{}—–|]{0,63})$/iu;
/** The longest phrase DEP_WORDS_RE is given: the words and the longest name. */
const MAX_DEP_WORDS = 96;

/**
 * The dependency phrase in words ending at `end` (DEP_WORDS_RE), set off from what comes before it by
 * a separator or an opening parenthesis, as a depends field; null when there is none.
 */
export function depWordsPiece(s: string, end: number, fields: FieldIndex, base: number): Field | null {
  if (!isLetter(s.charCodeAt(end - 1))) return null;
  const from = Math.max(0, end - MAX_DEP_WORDS);
  const m = DEP_WORDS_RE.exec(s.slice(from, end));
  if (m === null) return null;
  const rawKey = m[1]!;
  const start = from + m.index + m[0].indexOf(rawKey);
  let p = start;
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  const before = s.charCodeAt(p - 1);
  if (p > 0 && before !== 40 && before !== 44 && before !== 59 && !isSpacedDash(s, p - 1)) return null;
  const value = m[2]!.trimEnd();
  const valueStart = end - m[2]!.length;
  return dependsField(rawKey, value, start, valueStart, fields, base);
}

/** A depends field from `start`, its value at `valueStart`; null where a field read already overlaps it. */
function dependsField(
  rawKey: string,
  value: string,
  start: number,
  valueStart: number,
  fields: FieldIndex,
  base: number,
): Field | null {
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

/** A letter, ASCII or past it (the end of a name in words). */
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 128;
}
