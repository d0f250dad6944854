/**
 * Status marks ending a bullet's line, read by the recogniser and kept last by the editor: the glyph or
 * status word in brackets or bold that ends a line (`… ✅`, `… [DONE]`, `… — **Done**`), a status with
 * its reason, and TaskPaper's status tags (`@done`). The marks that open a line are in marks.ts.
 */
import type { Item, Status } from '../model.js';
import { reasonedStatus, statusOfGlyph, statusOfWord } from './attributes/status.js';
import { endsWithRemarkablePiece } from './attributes/status-pieces.js';
import {
  blankEnd,
  codePointBefore,
  isAsciiLetter,
  isLetterOrDigit,
  isSpace,
  setOffDashAt,
  trailingWords,
} from './chars.js';
import { repairWithOffsets } from './encoding.js';
import { type GlyphStatus, leadingGlyph } from './marks.js';

/** The status an item states and where: what takeTrailingStatus sets (an item, or a probe of one). */
export type StatusHolder = Pick<Item, 'status' | 'statusSource' | 'statusText' | 'statusSpan'>;

/** A probe of `item`'s status for takeTrailingStatus to set, leaving the item as it is. */
export function statusProbe(item: StatusHolder): StatusHolder {
  return {
    status: item.status,
    statusSource: item.statusSource,
    statusText: item.statusText,
    statusSpan: item.statusSpan,
  };
}

/**
 * Reads a status mark ending `body` (`… 1d ✅`) into `item` and returns the body without it. `toPlan`
 * maps an offset in `body` to the plan's text (through the repair when the line was damaged).
 */
export function takeTrailingStatus(
  item: StatusHolder,
  body: string,
  toPlan: (i: number) => number,
  glyphStatus: GlyphStatus = statusOfGlyph,
): string {
  const word = trailingWordMark(body) ?? taskPaperStatus(body) ?? trailingGlyphWord(body);
  if (word !== null) {
    item.status = word.status;
    item.statusSource = 'marker';
    item.statusText = word.word;
    item.statusSpan = { start: toPlan(word.at), end: toPlan(word.at + word.word.length) };
    return withoutSetOff(body.slice(0, word.start));
  }
  // Every glyph is outside ASCII: a line that ends in ASCII ends in no glyph.
  const end = body.trimEnd();
  if (end.charCodeAt(end.length - 1) < 128) return body;
  const tail = TRAILING_GLYPH_RE.exec(body);
  const status = tail ? glyphStatus(tail[1]!) : null;
  if (!tail || !status) return body;
  item.status = status;
  item.statusSource = 'marker';
  item.statusText = tail[1]!;
  const at = tail.index + tail[0].indexOf(tail[1]!);
  item.statusSpan = { start: toPlan(at), end: toPlan(at + tail[1]!.length) };
  return withoutSetOff(body.slice(0, tail.index));
}

/** The body before a status mark without the dash that set the mark off (`Docs rewritten — **Done**`). */
function withoutSetOff(body: string): string {
  const dash = setOffDashAt(body);
  const e = dash >= 0 ? dash : blankEnd(body, body.length);
  return e === body.length ? body : body.slice(0, e);
}

/** A status glyph ending a line, after white space: `… 1d ✅`. */
export const TRAILING_GLYPH_RE = /\s([^\s\w*_~`()[\]{}<>|\\/.,;:!?'"@#$%^&+=-]{1,2})\uFE0F?\s*$/u;

/**
 * Whether a line ends with a status mark after white space (`Tag the release ✅`, `… [DONE]`, `…
 * **Done**`), a glyph read through a repair when it arrived damaged (`âœ…`). Every mark is outside
 * ASCII or ends with `]` or `*`: most lines are not looked at.
 */
export function endsWithStatusMark(
  text: string,
  start: number,
  end: number,
  glyphStatus: GlyphStatus = statusOfGlyph,
): boolean {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  const c = text.charCodeAt(e - 1);
  if (!(c >= 128 || c === 93 || c === 41 || c === 42 || c === 95 || isAsciiLetter(c)) || e === start)
    return false;
  return trailingStatusMark(text.slice(start, end), glyphStatus) >= 0;
}

/**
 * A status word wrapped ending a line, after white space: in brackets, parentheses or emphasis, or
 * brackets in emphasis (`… [DONE]`, `… **Done**`, `… (blocked)`, `… *(on hold)*`, `… **[WIP]**`). The
 * closing wrapper is checked against the opening one in code.
 */
const TRAILING_WORD_RE =
  /\s(\*\*|__|(?:\*\*|__|[*_])?[[(]|[*_])[ \t]*(\p{L}[\p{L} '_-]{0,24}?)[ \t]*(\*\*|__|[\])](?:\*\*|__|[*_])?|[*_])\s*$/u;
/** The longest such mark with the white space around it: the regex looks at no more of a line. */
const MAX_WORD_MARK = 40;
/** The longest status with its reason in parentheses or brackets: `(blocked: waiting for the API)`. */
const MAX_REASONED_MARK = 64;

/** Wrappers that state a status whatever its word: brackets and bold, and parentheses in bold. */
export const STRONG_WRAPPERS: ReadonlySet<string> = new Set([
  '[',
  '*[',
  '_[',
  '**[',
  '__[',
  '**(',
  '__(',
  '**',
  '__',
  '【',
]);

/** The wrapper that closes one that opens with `open`: `*(` closes with `)*`. */
export function closingWrapper(open: string): string {
  let out = '';
  for (let i = open.length - 1; i >= 0; i--) {
    const c = open[i]!;
    out += c === '(' ? ')' : c === '[' ? ']' : c === '【' ? '】' : c;
  }
  return out;
}

/**
 * The status word wrapped ending `line` (`Fix the flaky test [DONE]`, `Docs rewritten — **Done**`,
 * `Rotate the keys (blocked)`): where its wrapper opens, the word and where it starts, and its status.
 * The whole word must be a status (`[done by Friday]`, `**first**` are not).
 */
function trailingWordMark(line: string): { start: number; at: number; word: string; status: Status } | null {
  // Cheap test first: the wrapper's opening bracket or emphasis is near the end, as a status word is
  // short; most lines that end with `)` end a longer remark.
  let e = line.length;
  while (e > 0 && isSpace(line.charCodeAt(e - 1))) e--;
  const end = e;
  let c = line.charCodeAt(e - 1);
  if (c === 0x3011) return lenticularMark(line, e - 1);
  if (c === 42 || c === 95) {
    // `_WIP_`, `**Done**`, `*(on hold)*`: past the emphasis to what it wraps.
    while (e > 0 && line.charCodeAt(e - 1) === c) e--;
    const inner = line.charCodeAt(e - 1);
    if (inner === 41 || inner === 93) c = inner;
  }
  const opener = c === 41 ? '(' : c === 93 ? '[' : c === 42 ? '*' : c === 95 ? '_' : '';
  if (opener === '') return null;
  const close = c === 41 || c === 93 ? e - 1 : e;
  const open = line.lastIndexOf(opener, close - 1);
  if (open < 0) return null;
  // Else a status with its reason, in brackets (`(blocked on infra)`) or emphasis (`*blocked: no data*`).
  const reasoned = () =>
    opener === '(' || opener === '['
      ? reasonedMark(line, open, close, end)
      : reasonedEmphasis(line, open, close, end);
  if (e - open > MAX_WORD_MARK) return reasoned();
  // What it wraps is words: `(2h)`, `(P1)`, `(owner: Kim)` are not.
  for (let i = open + 1; i < close; i++) {
    const w = line.charCodeAt(i);
    if (
      !(w >= 128 || isAsciiLetter(w) || w === 32 || w === 9 || w === 39 || w === 45 || w === 95 || w === 42)
    )
      return reasoned();
  }
  const from = Math.max(0, line.length - MAX_WORD_MARK);
  const m = TRAILING_WORD_RE.exec(from > 0 ? line.slice(from) : line);
  if (m === null || closingWrapper(m[1]!) !== m[3]) return reasoned();
  const word = m[2]!;
  const status = statusOfWord(word);
  if (status === null) return reasoned();
  // In parentheses or light emphasis a to-do word is as often a description as a status
  // (`LayerControls.tsx (new)`, `Cache warm-up *later*`): only brackets and bold state one.
  if (status === 'todo' && !STRONG_WRAPPERS.has(m[1]!)) return null;
  const start = from + m.index + 1;
  return { start, at: start + m[0].indexOf(word, m[1]!.length + 1) - 1, word, status };
}

/** The longest status word read in lenticular brackets: `【进行中】`, `【In progress】`. */
const MAX_LENTICULAR_WORD = 16;

/**
 * A status word in lenticular brackets ending a line, as Chinese and Japanese plans mark one
 * (`设计数据库【进行中】`, `テスト【完了】`), white space before it or not: `close` is the offset of `】`.
 * The whole word must be a status, and a title must come before it.
 */
function lenticularMark(
  line: string,
  close: number,
): { start: number; at: number; word: string; status: Status } | null {
  const open = line.lastIndexOf('【', close);
  if (open <= 0 || close - open - 1 > MAX_LENTICULAR_WORD) return null;
  const inner = line.slice(open + 1, close);
  const word = inner.trim();
  const status = word === '' ? null : statusOfWord(word);
  if (status === null) return null;
  let start = open;
  while (start > 0 && isSpace(line.charCodeAt(start - 1))) start--;
  if (start === 0) return null;
  return { start: open, at: open + 1 + inner.indexOf(word), word, status };
}

/**
 * A status with its reason in parentheses or brackets ending a line, in emphasis or not: `(blocked:
 * waiting for the API)`, `*(on hold until Q2)*`, `[dropped in favour of v2]`; `open` and `close` are
 * the offsets of its brackets and `end` where the line ends but for white space. Not a remark on the
 * status word before it (`Status: Blocked (waiting on infra)`), which that word's field holds.
 */
function reasonedMark(
  line: string,
  open: number,
  close: number,
  end: number,
): { start: number; at: number; word: string; status: Status } | null {
  if (close - open > MAX_REASONED_MARK) return null;
  // The emphasis around the brackets, if any, must open as it closes (`*(…)*`, `**(…)**`).
  const emphasis = end - close - 1;
  const start = open - emphasis;
  if (start <= 0 || !isSpace(line.charCodeAt(start - 1))) return null;
  for (let i = 0; i < emphasis; i++) if (line.charCodeAt(start + i) !== line.charCodeAt(end - 1)) return null;
  const inner = line.slice(open + 1, close);
  const word = inner.trim();
  if (/[()[\]]/.test(word)) return null;
  const status = reasonedStatus(word) ?? reasonedStatus(withoutLeadingGlyph(word));
  // After a status word, or a blocked or dropped piece (`— on hold until Q2 (blocked: vendor)`), it
  // is a remark on that status, which the word's field holds whole.
  const before = line.slice(0, start);
  if (status === null || endsWithStatusWord(before) || endsWithRemarkablePiece(before)) return null;
  return { start, at: open + 1 + inner.indexOf(word), word, status };
}

/**
 * A status with its reason in emphasis ending a line (`— *blocked: waiting for data*`, `_on hold until
 * Q2_`), read as reasonedMark reads one in brackets: `open` is the last character of the opening
 * emphasis, `close` the first of the closing one, `end` where the line ends but for white space.
 */
function reasonedEmphasis(
  line: string,
  open: number,
  close: number,
  end: number,
): { start: number; at: number; word: string; status: Status } | null {
  const run = end - close;
  const start = open - run + 1;
  if (run > 2 || start <= 0 || close - open > MAX_REASONED_MARK || !isSpace(line.charCodeAt(start - 1)))
    return null;
  for (let i = start; i <= open; i++) if (line.charCodeAt(i) !== line.charCodeAt(close)) return null;
  const inner = line.slice(open + 1, close);
  const word = inner.trim();
  if (word === '' || /[*_()[\]]/.test(word)) return null;
  const status = reasonedStatus(word);
  const before = line.slice(0, start);
  if (status === null || endsWithStatusWord(before) || endsWithRemarkablePiece(before)) return null;
  return { start, at: open + 1 + inner.indexOf(word), word, status };
}

/** `s` without the glyph opening it and the white space after (`🚫 blocked by legal` → `blocked by legal`). */
function withoutLeadingGlyph(s: string): string {
  const g = leadingGlyph(s);
  return g === null || g.bold !== '' ? s : s.slice(g.end).trimStart();
}

/** Whether `s` ends with a status word of up to three words (`Blocked`, `In Progress`), but for white space. */
function endsWithStatusWord(s: string): boolean {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  let start = end;
  for (let words = 0; words < 3; words++) {
    while (start > 0 && isLetterOrDigit(s.charCodeAt(start - 1))) start--;
    if (start === end) return false;
    if (statusOfWord(s.slice(start, end)) !== null) return true;
    if (start === 0 || s.charCodeAt(start - 1) !== 32) return false;
    start--;
  }
  return false;
}

/**
 * TaskPaper's tag that says a task is finished or waits, ending a line after white space: `@done`,
 * `@done(2026-11-28)`, `@cancelled`, `@waiting`. Lower case, as TaskPaper writes it: `@Done` may be a
 * person.
 */
export const TASKPAPER_STATUS_RE = /\s@(done|cancelled|canceled|waiting|blocked)(?:\([^()@]{0,40}\))?\s*$/;
const TASKPAPER_STATUS: Readonly<Record<string, Status>> = {
  done: 'done',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  waiting: 'blocked',
  blocked: 'blocked',
};
/** The longest such tag: `@cancelled(` and its value and `)`. */
const MAX_TASKPAPER_STATUS = 52;

/** Whether `text[start, end)` ends with a TaskPaper status tag (`Buy milk @done(2026-11-20)`). */
export function endsWithTaskPaperStatus(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return taskPaperTagAt(text, start, e) !== null;
}

/** The TaskPaper status tag ending `line` (`Fix the test @done(2026-11-28)`), as trailingWordMark gives a mark. */
function taskPaperStatus(line: string): { start: number; at: number; word: string; status: Status } | null {
  const end = line.trimEnd().length;
  const tag = taskPaperTagAt(line, 0, end);
  if (tag === null) return null;
  return { start: tag.at, at: tag.at, word: line.slice(tag.at, end), status: tag.status };
}

/**
 * Where the TaskPaper status tag ending `text[start, end)` (`end` past its last non-blank) starts,
 * and its status; null when it ends with none. The tag holds the last `@`, near the end: most lines
 * that end in `d` or `e` have none there.
 */
function taskPaperTagAt(text: string, start: number, end: number): { at: number; status: Status } | null {
  let at = end - 1;
  while (at > start && end - at <= MAX_TASKPAPER_STATUS && text.charCodeAt(at) !== 64) at--;
  if (at <= start || text.charCodeAt(at) !== 64) return null;
  const m = TASKPAPER_STATUS_RE.exec(text.slice(at - 1, end));
  return m === null ? null : { at, status: TASKPAPER_STATUS[m[1]!]! };
}

/**
 * Where the status mark that ends `line` after white space starts (`Tag the release ✅`), in `line`
 * as written (a damaged `âœ…` read through its repair); -1 when the line ends with none. The editor
 * keeps such a mark last, as the line may be an item by it.
 */
export function trailingStatusMark(line: string, glyphStatus: GlyphStatus = statusOfGlyph): number {
  const end = line.trimEnd();
  const last = end.charCodeAt(end.length - 1);
  const word =
    last === 93 || last === 41 || last === 42 || last === 95 || last === 0x3011
      ? (trailingWordMark(line) ?? (last === 41 ? taskPaperStatus(line) : null))
      : isLetterOrDigit(codePointBefore(end, end.length))
        ? ((last === 101 || last === 100 || last === 103 ? taskPaperStatus(line) : null) ??
          trailingGlyphWord(line))
        : null;
  if (word !== null) return word.start;
  // A glyph and a status with its reason, which may end with any character (`⏸️ on hold until Q2.`).
  const reason = glyphReasonEnding(line);
  if (reason !== null) return reason.start;
  // Every glyph is outside ASCII, as is what a damaged one ends with.
  if (last < 128) return -1;
  const repaired = repairWithOffsets(line);
  const tail = TRAILING_GLYPH_RE.exec(repaired?.text ?? line);
  if (tail === null || glyphStatus(tail[1]!) === null) return -1;
  const at = tail.index + tail[0].indexOf(tail[1]!);
  return repaired ? repaired.rawOffset(at) : at;
}

/** The longest status word a glyph-and-word mark ending a line has (`NOT STARTED`, `IN PROGRESS`). */
const MAX_GLYPH_WORD = 24;

/**
 * A glyph and a status word ending `line`, after white space (`Refund flow 🚧 IN PROGRESS`, `… ⏸
 * On hold`, `… ✅ done`): where the glyph starts, the mark, and the word's status, which says more
 * than a glyph (a coloured circle may mark any). Dashes, dots and arrows are separators, not glyphs.
 */
function trailingGlyphWord(line: string): { start: number; at: number; word: string; status: Status } | null {
  return glyphWordEnding(line) ?? glyphReasonEnding(line);
}

/**
 * A glyph and a status word with its reason ending `line`, after white space (`Deploy ⏸️ on hold until
 * Q2`, `Revisar contrato ⚠️ bloqueado por legal`): as trailingGlyphWord reads a glyph and a word, for
 * the statuses that come with a reason (reasonedStatus), in plain words. Only the last glyph is looked
 * at, within the longest such mark of the line's end.
 */
function glyphReasonEnding(line: string): { start: number; at: number; word: string; status: Status } | null {
  const end = blankEnd(line, line.length);
  for (let i = end - 1; i > 0 && end - i <= MAX_REASONED_MARK; i--) {
    const c = line.charCodeAt(i);
    if (c < 128 || c === 0xfe0f || (c >= 0xd800 && c <= 0xdbff)) continue;
    const cp = codePointBefore(line, i + 1);
    const glyphStart = cp >= 0x10000 ? i - 1 : i;
    if (isLetterOrDigit(cp) || isSpace(cp) || isSeparatorGlyph(cp)) {
      i = glyphStart;
      continue;
    }
    if (!isSpace(line.charCodeAt(glyphStart - 1))) return null;
    const after = line.charCodeAt(i + 1) === 0xfe0f ? i + 2 : i + 1;
    const rest = line.slice(after, end);
    // Words alone: emphasis and brackets after the glyph are marks and remarks of their own.
    if (/[*_()[\]]/.test(rest)) return null;
    const status = reasonedStatus(rest.trim());
    return status === null
      ? null
      : { start: glyphStart, at: glyphStart, word: line.slice(glyphStart, end), status };
  }
  return null;
}

function glyphWordEnding(line: string): { start: number; at: number; word: string; status: Status } | null {
  const words = trailingWords(line, 0, line.length, MAX_GLYPH_WORD);
  if (words === null || !isSpace(line.charCodeAt(words.wordStart - 1))) return null;
  const { wordStart, wordEnd: end } = words;
  let glyphEnd = wordStart;
  while (glyphEnd > 0 && isSpace(line.charCodeAt(glyphEnd - 1))) glyphEnd--;
  if (line.charCodeAt(glyphEnd - 1) === 0xfe0f) glyphEnd--;
  const cp = codePointBefore(line, glyphEnd);
  if (cp < 128 || isLetterOrDigit(cp) || isSpace(cp) || isSeparatorGlyph(cp)) return null;
  const glyphStart = glyphEnd - (cp >= 0x10000 ? 2 : 1);
  if (glyphStart === 0 || !isSpace(line.charCodeAt(glyphStart - 1))) return null;
  const status = statusOfWord(line.slice(wordStart, end));
  if (status === null) return null;
  return { start: glyphStart, at: glyphStart, word: line.slice(glyphStart, end), status };
}

/** Punctuation and arrows outside ASCII (`—`, `·`, `•`, `→`): they set text off, they mark nothing. */
function isSeparatorGlyph(cp: number): boolean {
  return cp === 0xb7 || (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x2190 && cp <= 0x21ff);
}
