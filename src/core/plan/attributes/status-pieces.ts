/** Status pieces of a list: a status word, with its reason, its date or a remark; emphasis around pieces. */
import type { Field, Status } from '../../model.js';
import { codePointBefore, isLetterOrDigit, isSpace } from '../chars.js';
import { isMonthDay, readAbsoluteDate } from './dates.js';
import { isDigit, pieceStart } from './pieces.js';
import { reasonedStatus, STATING_TODO_WORDS, statusOfGlyph, statusOfWord } from './status.js';

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
  const value = pieceEndingValue(text);
  return value === null ? null : pieceStatus(value);
}

/**
 * Whether `text` ends with a piece of a list that says blocked or dropped (statusPieceEnding), which a
 * remark in brackets after it explains. Not one whose words before its own remark hold marks of their
 * own (`, blocked on [v2] (new)`, `, blocked on Q2 *(on hold)* (2h)`): that is no plain piece.
 */
export function endsWithRemarkablePiece(text: string): boolean {
  const value = pieceEndingValue(text);
  const status = value === null ? null : pieceStatus(value);
  if (status !== 'blocked' && status !== 'cancelled') return false;
  const word = withoutRemark(value!);
  return word === value || word === null || !/[*_()[\]]/.test(word);
}

/** The value of the status piece ending `text`, but for white space, read as readTail reads it, or null. */
function pieceEndingValue(text: string): string | null {
  // A piece in emphasis, or opened by a status word in emphasis, as its text.
  const s = text.includes('*') || text.includes('_') ? withoutPieceEmphasis(text) : text;
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  if (end === 0 || !(isLetterOrDigit(codePointBefore(s, end)) || s.charCodeAt(end - 1) === 41)) return null;
  return statusPiece(s, end, 0)?.value ?? null;
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
