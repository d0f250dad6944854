/**
 * Status marks on a bullet's line, read by the recogniser and kept in place by the editor: an org
 * keyword, a glyph or a status word in bold or brackets after an open box (`- [ ] BLOCKED: …`, `- [ ]
 * 🚧 …`, `- [ ] **In progress:** …`), the glyph that opens a status
 * bullet (`- ✅ …`), and the glyph or status word in brackets or bold that ends a line (`… ✅`, `…
 * [DONE]`, `… — **Done**`); and progress cookies (`[2/3]`, `(40%)`), which count a line's steps.
 * marks.ts here reads the marks after an open box and opening a bullet, and the cookies; trailing-marks.ts
 * the marks ending a line.
 */
import type { Status } from '../model.js';
import { BOX_GLYPHS, ORG_KEYWORDS, readStatusValue, statusOfGlyph } from './attributes/status.js';
import { isLetterOrDigit, isSpace } from './chars.js';

/**
 * What status a glyph marks: taskmark's own glyphs, and the plan's where its legend gives glyphs of
 * its own (`🟢 Done`, `🟡 In progress`).
 */
export type GlyphStatus = (glyph: string) => Status | null;

export const KEYWORD_RE = new RegExp(
  String.raw`(${[...ORG_KEYWORDS.keys()].join('|')})(?::[ \t]*|[ \t]+)(?=\S)`,
  'y',
);

/**
 * The status mark opening the text of an item with an open box, an org keyword (`BLOCKED: …`,
 * `WAITING …`) or a status glyph (`🚧 …`), when it says which of doing, blocked or cancelled the
 * open item is: its status, the mark as written, and the length to cut with the separator after it.
 * A box says todo or done on its own, so a mark of those (`[ ] TODO`, `[ ] ✅ Write the tests`) stays
 * the title's, as does any mark after a box that is not open. A glyph before a digit is an Obsidian
 * date field (`⏳ 2026-03-01`), and a ballot box after a box is not read.
 */
export function boxStatusMark(
  s: string,
  glyphStatus: GlyphStatus = statusOfGlyph,
): { status: Status; text: string; at: number; length: number } | null {
  const c = s.charCodeAt(0);
  let status: Status | null = null;
  let at = 0;
  let markEnd = 0;
  let end = 0;
  if (c === 42 || c === 95 || c === 40 || c === 91) {
    const w = wrappedStatusWord(s);
    if (w === null) return null;
    status = w.status;
    at = w.at;
    markEnd = w.at + w.word.length;
    end = w.length;
  } else if (c >= 65 && c <= 90) {
    // Every keyword is a word in capitals: most titles start with a capital and a small letter.
    const c1 = s.charCodeAt(1);
    if (c1 < 65 || c1 > 90) return null;
    KEYWORD_RE.lastIndex = 0;
    const m = KEYWORD_RE.exec(s);
    if (!m) return null;
    status = ORG_KEYWORDS.get(m[1]!)!;
    markEnd = m[1]!.length;
    end = m[0].length;
  } else if (c >= 128) {
    const g = leadingGlyph(s);
    if (g?.bold !== '' || BOX_GLYPHS.has(g.glyph) || !isSpace(s.charCodeAt(g.end))) return null;
    status = glyphStatus(g.glyph);
    markEnd = g.end;
    end = markEnd;
    while (isSpace(s.charCodeAt(end))) end++;
    if (s.charCodeAt(end) === 58) end++;
    while (isSpace(s.charCodeAt(end))) end++;
    const next = s.charCodeAt(end);
    if (end >= s.length || (next >= 48 && next <= 57)) return null;
  }
  if (status === null || status === 'todo' || status === 'done') return null;
  return { status, text: s.slice(at, markEnd), at, length: end };
}

/** The longest status word read in bold or brackets opening a title. */
const MAX_WRAPPED_WORD = 24;

/**
 * A status word in bold or brackets opening `s` (`**In progress:** …`, `**Blocked**: …`, `(on hold)
 * …`, `[WIP] …`): the word, where it starts, its status, and the length of the mark with its wrapper
 * and the separator after it. The whole of what is wrapped must be the word.
 */
export function wrappedStatusWord(
  s: string,
): { word: string; at: number; status: Status; length: number } | null {
  const c = s.charCodeAt(0);
  const bold = c === 42 || c === 95;
  const open = bold ? s.slice(0, 2) : s.charAt(0);
  if (bold && open !== '**' && open !== '__') return null;
  const close = bold ? open : c === 40 ? ')' : ']';
  const shut = s.indexOf(close, open.length);
  if (shut < 0 || shut - open.length > MAX_WRAPPED_WORD + 1) return null;
  let word = s.slice(open.length, shut);
  let end = shut + close.length;
  // `**In progress:**`: the colon inside the bold is the separator.
  const colonInside = bold && word.endsWith(':');
  if (colonInside) word = word.slice(0, -1);
  if (word === '' || word.trim() !== word) return null;
  const hit = readStatusValue(word);
  if (hit === null || hit.index !== 0 || hit.text.length !== word.length) return null;
  if (!colonInside && bold) {
    // In bold without a colon inside, a colon or a dash after it sets the title off.
    while (isSpace(s.charCodeAt(end))) end++;
    const sep = s.charCodeAt(end);
    if (sep === 58) end++;
    else if ((sep === 45 || sep === 0x2013 || sep === 0x2014) && isSpace(s.charCodeAt(end + 1))) end++;
    else return null;
  } else if (!isSpace(s.charCodeAt(end)) && s.charCodeAt(end) !== 58) return null;
  if (s.charCodeAt(end) === 58) end++;
  while (isSpace(s.charCodeAt(end))) end++;
  if (end >= s.length) return null;
  return { word, at: open.length, status: hit.status, length: end };
}

/** Whether the first character after an optional `**` or `__` and ASCII white space is outside ASCII. */
export function startsBeyondAscii(s: string): boolean {
  let i = 0;
  const c0 = s.charCodeAt(0);
  if ((c0 === 42 || c0 === 95) && s.charCodeAt(1) === c0) i = 2;
  let c = s.charCodeAt(i);
  while (c === 32 || (c >= 9 && c <= 13)) c = s.charCodeAt(++i);
  return c > 127;
}

/**
 * The glyph that opens a bullet's text, after an optional `**` or `__` and white space, with the
 * variation selector after it (`/^(\*\*|__)?\s*([^\p{L}\p{N}\s*_[(`])\uFE0F?/u`): the opening (or ''),
 * the glyph and where the match ends; null when the first character there is no glyph.
 */
export function leadingGlyph(s: string): { bold: string; glyph: string; end: number } | null {
  const c0 = s.charCodeAt(0);
  const bold = (c0 === 42 || c0 === 95) && s.charCodeAt(1) === c0 ? s.slice(0, 2) : '';
  let i = bold.length;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (i >= s.length) return null;
  const cp = s.codePointAt(i)!;
  if (isLetterOrDigit(cp) || isSpace(cp) || (cp < 128 && '*_[(`'.includes(String.fromCharCode(cp))))
    return null;
  const glyphEnd = i + (cp >= 0x10000 ? 2 : 1);
  return {
    bold,
    glyph: s.slice(i, glyphEnd),
    end: s.charCodeAt(glyphEnd) === 0xfe0f ? glyphEnd + 1 : glyphEnd,
  };
}

const STRUCK_RE = /^~~[^~]+~~(?:\s*(?:\([^)]*\)|[—–:-]\s.*))?$/s;

/** Whether a title is struck through whole, or but for a remark after it (`~~Apple Watch app~~ (no demand)`). */
export function isStruck(title: string): boolean {
  return title.includes('~~') && STRUCK_RE.test(title.trim());
}

/**
 * A progress cookie, as org writes them and plans borrow: `[2/3]`, `[40%]`, `(2/3)`; the count and
 * total are groups 1 and 2. Keys are read without it (it changes as work is done), and a bullet
 * holding one counts the steps under it.
 */
export const PROGRESS_COOKIE = String.raw`[[(]\s*(?:(\d+)\s*\/\s*(\d+)|\d+(?:\.\d+)?\s*%)\s*[\])]`;
const COOKIE_RE = new RegExp(PROGRESS_COOKIE);

/** Whether `s` holds a progress cookie: a count never above its total (`(12/25)` is as likely a date). */
export function holdsCookie(s: string): boolean {
  const m = COOKIE_RE.exec(s);
  return m !== null && (m[1] === undefined || Number(m[1]) <= Number(m[2]));
}
