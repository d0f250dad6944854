/** What a heading says: its ID, title, status annotation, priority, phase and schedule window. */
import type { Priority, Status } from '../model.js';
import { MONTH_NAME, readAbsoluteDate, readWindow } from './attributes/dates.js';
import { type IdKind, readLeadingId } from './attributes/ids.js';
import { readTrailingPoints } from './attributes/inline.js';
import { normaliseKey } from './attributes/keys.js';
import { readHeadingPriority } from './attributes/priority-marks.js';
import {
  findStatusWord,
  ORG_KEYWORDS,
  readStatusValue,
  statusOfGlyph,
  statusWordAfterMark,
} from './attributes/status.js';
import { codePointBefore, isLetterOrDigit, isSpace, trailingWords } from './chars.js';
import { wrappedStatusWord } from './marks.js';

export interface HeadingInfo {
  /** The title without ID, decoration and status annotation. */
  readonly title: string;
  readonly id: string | null;
  readonly idKind: IdKind | null;
  /** A status stated by the heading itself (`- COMPLETED`, `(NOT IMPLEMENTED)`, `✅`, `~~struck~~`). */
  readonly status: Status | null;
  readonly statusText: string | null;
  /** Offsets (relative to the heading text) of the status annotation, for the editor. */
  readonly statusRange: readonly [number, number] | null;
  /** The heading names a status and nothing else (`## Done`, `### In Progress`, `## Changelog`). */
  readonly statusSection: Status | null;
  /**
   * The heading names a list of work to do (`## TODO`, `## Action items`, `## Follow-ups`, `##
   * Backlog`): its plain bullets are tasks even where no other section of the plan is a lane.
   */
  readonly todoList: boolean;
  /**
   * A weaker glyph marking a heading without an ID or a phase's number (`### 🚧 Rate limiter`): its
   * status if the heading turns out to be an item, which it is when it holds tasks or fields. `series`
   * when the glyph decorates topics too (`🔄`, `⏸`): then only a sibling heading marked by another
   * glyph shows that the plan marks its headings' statuses so.
   */
  readonly weakStatus: WeakStatus | null;
  readonly priority: Priority | null;
  readonly phase: string | null;
  readonly window: string | null;
  readonly titleRange: readonly [number, number];
  /** Story points the heading ends with (`(8 pts)`): the number, its offsets, and the brackets'. */
  readonly points: {
    readonly value: string;
    readonly range: readonly [number, number];
    readonly span: readonly [number, number];
  } | null;
}

/** A weaker glyph's status on a heading that may be an item. */
export interface WeakStatus {
  readonly status: Status;
  /** The glyph as written, with its variation selector. */
  readonly text: string;
  readonly range: readonly [number, number];
  readonly series: boolean;
}

/**
 * Glyphs of work under way or not begun that stand for a status on their own where a heading holds
 * tasks: construction signs and empty boxes are not topic icons.
 */
const WORK_GLYPHS = new Set(['🚧', '🏗', '⬜', '🔲']);

/**
 * Status glyphs that are as often topic icons (`## 🔒 Security`, `## ⚙️ Settings`, `## 🔨 Build`):
 * never a heading's status without an ID or a phase's number.
 */
const TOPIC_GLYPHS = new Set(['🔒', '⚙', '🔨', '🗑', '▶', '🏃']);

/**
 * The org-mode keywords that open a heading as its status (`## TODO Write the docs`, `## DONE: Ship
 * v1`). Not `NEXT`, `LATER`, `NOW`, `WAIT` or `HOLD`: they open section names as often (`## NEXT
 * Steps`).
 */
const HEADING_KEYWORD_RE = new RegExp(
  String.raw`(${[...ORG_KEYWORDS.keys()]
    .filter((k) => !['NEXT', 'LATER', 'NOW', 'WAIT', 'HOLD'].includes(k))
    .join('|')})(?::[ \t]*|[ \t]+)(?=\S)`,
  'y',
);

/** What follows a keyword in the name of a list of tasks rather than of one (`## TODO List`). */
const LIST_NAME_RE = /^(?:lists?|items?|tasks?|section)$/i;

/**
 * An org-mode keyword opening heading text at `start`: the keyword's end and where the title starts,
 * or null. The title must have a small letter, so a heading in capitals (`## DONE CRITERIA`) is a name.
 */
function leadingKeyword(
  text: string,
  start: number,
): { end: number; titleStart: number; status: Status } | null {
  const c = text.charCodeAt(start);
  if (c < 65 || c > 90) return null;
  HEADING_KEYWORD_RE.lastIndex = start;
  const m = HEADING_KEYWORD_RE.exec(text);
  if (m === null) return null;
  const rest = text.slice(start + m[0].length).trim();
  if (!/\p{Ll}/u.test(rest) || LIST_NAME_RE.test(rest)) return null;
  return { end: start + m[1]!.length, titleStart: start + m[0].length, status: ORG_KEYWORDS.get(m[1]!)! };
}

/**
 * Whether `s` is only the date a status was reached, after the status word: ` 2026-01-20`, `: Jan 20,
 * 2026`, ` on 20.01.2026`.
 */
function isDateRemark(s: string): boolean {
  if (s.length > MAX_DATE_REMARK) return false;
  const m = readAbsoluteDate(s);
  return (
    m !== null &&
    s.slice(m.index + m.length).trim() === '' &&
    /^[\s:,–—-]*(?:on\s+)?$/i.test(s.slice(0, m.index))
  );
}
const MAX_DATE_REMARK = 32;

/** Glyphs strong enough to mark a heading's status (decorative emoji like 📋 or 🎯 are not). */
/** Only unambiguous marks: 🔄, 🚧 and friends decorate headings as often as they mark a status. */
const STRONG_GLYPHS = new Set(['✅', '✔', '☑', '❌']);
const SECTION_STATUS: readonly [RegExp, Status][] = [
  [
    /^(?:changelog|change log|completed(?: items| tasks| work)?|done|finished|shipped|release notes)$/i,
    'done',
  ],
  // Lanes of work under way. Not "Current sprint": a sprint holds work planned, not yet begun.
  // `Now` is the first lane of a Now / Next / Later roadmap.
  [/^(?:in progress|doing|wip|ongoing|current(?: work)?|active|now)$/i, 'doing'],
  // `Waiting for` and `Someday / maybe` are lists of Getting Things Done, as `Next actions` is.
  [/^(?:blocked|on hold|waiting(?: for| on)?)$/i, 'blocked'],
  [/^(?:cancelled|canceled|dropped|won'?t do|abandoned)$/i, 'cancelled'],
  [
    /^(?:to[ -]?do(?:s| list)?|backlog|not started|pending|planned|upcoming|next|later|icebox|someday(?:[ \t]*\/[ \t]*maybe)?|next actions?|carry-?over(?: items)?|future(?: ideas)?|action (?:items?|points?)|follow[- ]?ups?|next (?:week|sprint|cycle|iteration|up)|up next)$/i,
    'todo',
  ],
];
/**
 * The to-do sections that name a list of work on their own (see HeadingInfo.todoList). Not `Planned`,
 * `Next` or `Future ideas`: a changelog's `## Next` lists changes made, a roadmap's ideas are topics.
 * Nor `Next steps`, which closes a plan by restating its work (`Begin Phase 1`, `Track progress`).
 */
const TODO_LIST_RE = /^(?:to[ -]?do(?:s| list)?|backlog|action (?:items?|points?)|follow[- ]?ups?)$/i;
/** The longest title SECTION_STATUS matches (`carry-over items`): longer titles need no regex. */
export const SECTION_STATUS_MAX_LENGTH = 16;

/** The status a heading's bare title names as a whole (`Done`, `In Progress`, `Backlog`), or null. */
export function sectionStatusOf(bare: string): Status | null {
  if (bare.length > SECTION_STATUS_MAX_LENGTH) return null;
  let status: Status | null = null;
  for (let i = 0; i < SECTION_STATUS.length; i++)
    if (SECTION_STATUS[i]![0].test(bare)) status = SECTION_STATUS[i]![1];
  return status;
}
/**
 * A phase's word and number, in the languages plans are written in (`Phase 2`, `Fase 2`, `Étape 2`,
 * `Этап 2`, `フェーズ2`, white space after a word of Chinese, Japanese or Korean or not): no letter of
 * a Latin or Cyrillic word may run on into the word.
 */
const PHASE_RE =
  /(?<![A-Za-z0-9\u00c0-\u024f\u0400-\u04ff])(phase|sprint|milestone|stage|iteration|release|week|epic|fase|étape|etapa|etappe|этап|фаза|フェーズ|阶段|단계)(?:\s+|(?<=[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af])\s*)(\d+(?:\.\d+)*[a-z]?)/i;
/**
 * The count of cards ending a board column's title (`(2)`, `[12]`, `(3 items)`). The white space
 * before it is trimmed apart: a leading `\s*` would be tried at every offset of a long run of it.
 */
const LANE_COUNT_RE = /[([]\d{1,4}(?:\s+(?:items?|cards?|tasks?))?[)\]]$/i;

/** The period a board's lane ends with (`Shipped this sprint`, `Done last week`, `Completed (this week)`). */
const LANE_PERIOD_RE =
  /\s+\(?(?:this|last|current|previous)\s+(?:week|sprint|month|quarter|cycle|iteration|release)\)?$/i;

/** A month, quarter or half a roadmap's lane is for, maybe with its day and year: `Dec`, `Q1 2027`. */
const LANE_TIME = String.raw`(?:[QH][1-4]|${MONTH_NAME}(?:[ \t]+\d{1,2})?)`;
/**
 * The window a roadmap's lane is scheduled in, ending its title: in brackets (`Now (Dec)`, `Next (Q1
 * 2027)`, `Later [H2]`, `Now (Dec 1 – Dec 12)`) or after a dash or colon (`Next — Q1`). A time, maybe
 * a range of two, maybe a year; or a year alone (`Later (2027)`).
 */
const LANE_WINDOW_RE = new RegExp(
  String.raw`[ \t]*(?:\(|\[|[–—:-][ \t]*)(?:${LANE_TIME}(?:[ \t]*[–—/-][ \t]*(?:${LANE_TIME}|\d{1,2}))?(?:,?[ \t]+\d{4})?|\d{4})[ \t]*[)\]]?$`,
  'i',
);

/**
 * A lane's title without the period or window ending it: the lane is the status it names. Short
 * titles only, as lanes are: the pattern's leading white space would be tried at every offset of a
 * long run of it.
 */
function withoutLanePeriod(title: string): string {
  if (title.length > SECTION_STATUS_MAX_LENGTH + 24) return title;
  const window = LANE_WINDOW_RE.exec(title);
  // The bracket that opens the window closes it: `Next (Q1` and `Next — Q1)` are no windows.
  if (window !== null && window.index > 0) {
    const w = window[0].trim();
    const open = w.charCodeAt(0);
    const close = w.charCodeAt(w.length - 1);
    if ((open === 40 || open === 91) === (close === 41 || close === 93)) return title.slice(0, window.index);
  }
  return title.replace(LANE_PERIOD_RE, '');
}

/** A board column's title without the count of its cards ending it (`To Do (2)` → `To Do`). */
export function withoutLaneCount(title: string): string {
  const m = LANE_COUNT_RE.exec(title);
  return m === null ? title : title.slice(0, m.index).trimEnd();
}

/**
 * Whether code point `cp` can be decoration (an emoji or symbol): not a letter, digit or white space,
 * nor one of `excluded` (ASCII marks that open or close markdown). Read with a scan rather than a
 * Unicode regex, which costs milliseconds to compile for two-byte text.
 */
function isDecoration(cp: number, excluded: string): boolean {
  return (
    cp >= 0 &&
    !isLetterOrDigit(cp) &&
    !isSpace(cp) &&
    !(cp < 128 && excluded.includes(String.fromCharCode(cp)))
  );
}

/**
 * Length of the leading decoration of `s` from `from`: a decoration character, then decoration
 * characters and white space (`/^(?:[^\p{L}\p{N}\s*_~[(`]\uFE0F?\s*)+/u`), or 0.
 */
export function leadingDecorationLength(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    if (isDecoration(cp, LEAD_EXCLUDED)) i += cp >= 0x10000 ? 2 : 1;
    else if (i > from && isSpace(cp)) i++;
    else break;
  }
  return i - from;
}
const LEAD_EXCLUDED = '*_~[(`';
const TRAIL_EXCLUDED = ')]*_~`';

/**
 * The glyph that ends `s` (`/\s*([^\p{L}\p{N}\s\x00-\x7f])\uFE0F?\s*$/u`): where the match starts
 * (the white space before the glyph) and the glyph, or null.
 */
export function trailingGlyph(s: string): { index: number; glyph: string; glyphStart: number } | null {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  if (end === 0) return null;
  let glyphEnd = end;
  // A variation selector after a glyph belongs to it; alone, it is the glyph.
  const before = s.charCodeAt(end - 1) === 0xfe0f ? codePointBefore(s, end - 1) : 0;
  if (before >= 128 && isDecoration(before, TRAIL_EXCLUDED)) glyphEnd = end - 1;
  const cp = codePointBefore(s, glyphEnd);
  // ASCII punctuation ending a heading is its text's (`Cut spend 20%`, `What is next?`), no mark.
  if (cp < 128 || !isDecoration(cp, TRAIL_EXCLUDED)) return null;
  const glyphStart = glyphEnd - (cp >= 0x10000 ? 2 : 1);
  let index = glyphStart;
  while (index > 0 && isSpace(s.charCodeAt(index - 1))) index--;
  return { index, glyph: s.slice(glyphStart, glyphEnd), glyphStart };
}

/** The characters that may not appear after a dash or colon annotation (`- COMPLETED`). */
const ANNOTATION_STOPS = '-–—:()[]';

/**
 * The person a heading's annotation names as its owner (`### iOS (@sam)`, `## Backend — @kim`, `##
 * Frontend (owner: Lee Park)`): the owner of the section's work that does not name its own, and where
 * the annotation starts. A mention must stand alone in it; a name needs its key. Null otherwise.
 */
export function headingOwner(title: string): { owner: string; start: number } | null {
  if (title.length > MAX_OWNED_TITLE) return null;
  const group = trailingAnnotation(title);
  if (group === null || group.start === 0) return null;
  const inner = title.slice(group.innerStart, group.innerEnd);
  const owner = OWNER_MENTION_RE.exec(inner)?.[1] ?? keyedOwner(inner);
  return owner === null ? null : { owner, start: group.start };
}
const MAX_OWNED_TITLE = 200;
const OWNER_MENTION_RE = /^@([\p{L}\p{N}][\p{L}\p{N}._-]{0,38})$/u;
/** A name after a key and its colon (`owner: Lee Park`), or after `owned by` / `assigned to`. */
const OWNER_KEYED_RE =
  /^(?:(\p{L}[\p{L} ]{0,23}?)\s*[:=：]|owned by|assigned to)\s*@?(\p{L}[\p{L}\p{N}._' -]{0,38})$/iu;

/**
 * The owner an annotation names by a key the field readers know as the owner's, in any of their
 * languages (`lead: Kim`, `担当: 田中`); a single word needs its colon: `(lead generation)` is none.
 */
function keyedOwner(inner: string): string | null {
  const m = OWNER_KEYED_RE.exec(inner);
  if (m === null || (m[1] !== undefined && normaliseKey(m[1]) !== 'owner')) return null;
  return m[2]!.trim();
}

/**
 * The annotation ending `body` (`(NOT IMPLEMENTED)`, `[DONE]`, ` - COMPLETED`): where it starts (the
 * white space before it) and its inside, trimmed; null when `body` ends otherwise. What
 * `/(?:\(([^()]+)\)|\[([^\][]+)\]|\s[-–—:]\s+([^-–—:()[\]]+))\s*$/u` matches, found by a scan from
 * the end: the regex backtracks through a long run of white space at every offset it tries.
 */
export function trailingAnnotation(
  body: string,
): { start: number; innerStart: number; innerEnd: number } | null {
  let end = body.length;
  while (end > 0 && isSpace(body.charCodeAt(end - 1))) end--;
  const close = body.charCodeAt(end - 1);
  let open: number;
  if (close === 41 || close === 93) {
    const opener = close === 41 ? 40 : 91;
    open = end - 2;
    while (open >= 0 && body.charCodeAt(open) !== opener && body.charCodeAt(open) !== close) open--;
    if (open < 0 || body.charCodeAt(open) !== opener || open === end - 2) return null;
    // The inside is not only white space and brackets of the other kind: `[^()]+` holds anything else.
  } else {
    // A dash or colon with white space before and after it, and none of the stops after it.
    open = end - 1;
    while (open >= 0 && !ANNOTATION_STOPS.includes(body.charAt(open))) open--;
    const c = body.charCodeAt(open);
    if (open < 1 || c === 40 || c === 41 || c === 91 || c === 93) return null;
    if (!isSpace(body.charCodeAt(open - 1)) || !isSpace(body.charCodeAt(open + 1))) return null;
    open--;
  }
  let innerStart = close === 41 || close === 93 ? open + 1 : open + 2;
  let innerEnd = close === 41 || close === 93 ? end - 1 : end;
  while (innerStart < innerEnd && isSpace(body.charCodeAt(innerStart))) innerStart++;
  while (innerEnd > innerStart && isSpace(body.charCodeAt(innerEnd - 1))) innerEnd--;
  if (innerStart === innerEnd && !(close === 41 || close === 93)) return null;
  let start = open;
  while (start > 0 && isSpace(body.charCodeAt(start - 1))) start--;
  return { start, innerStart, innerEnd };
}

/** The share of the work done after a status word in an annotation: ` - 60%`, `, 40% done`, `: 75 %`. */
const SHARE_REMARK_RE =
  /^[ \t]*[-–—,:;]?[ \t]*\d{1,3}(?:[.,]\d{1,2})?[ \t]*%(?:[ \t]+(?:done|complete|completed))?$/i;

/** The longest status word a glyph-and-word annotation may have (`NOT STARTED`, `WON'T DO`, `ERLEDIGT`). */
const MAX_GLYPH_WORD = 24;

/**
 * A decoration glyph and a status word ending `text` between `start` and `end` (`✅ COMPLETE`,
 * `🔄 In Progress`), set off by white space and maybe a dash or colon: the annotation's offsets, its
 * status, and where the text before it ends (separator excluded); null when the end is not one.
 */
function trailingGlyphWord(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; before: number; status: Status } | null {
  const words = trailingWords(text, start, end, MAX_GLYPH_WORD);
  if (words === null) return null;
  const word = text.slice(words.wordStart, words.wordEnd);
  const found = findStatusWord(word);
  if (found?.index !== 0 || found.text.length !== word.length) return null;
  let glyphEnd = words.runStart;
  if (text.charCodeAt(glyphEnd - 1) === 0xfe0f) glyphEnd--;
  // A glyph outside ASCII: `Ideas / Backlog` names a section, it does not state its status.
  const cp = codePointBefore(text, glyphEnd);
  if (glyphEnd <= start || cp < 128 || !isDecoration(cp, TRAIL_EXCLUDED)) return null;
  const glyphStart = glyphEnd - (cp >= 0x10000 ? 2 : 1);
  // The glyph stands apart from the title: white space before it, then maybe a dash or colon.
  let before = glyphStart;
  while (before > start && isSpace(text.charCodeAt(before - 1))) before--;
  if (before === glyphStart) return null;
  const sep = text.charCodeAt(before - 1);
  if (sep === 58 || sep === 45 || sep === 0x2013 || sep === 0x2014 || sep === 124) {
    before--;
    while (before > start && isSpace(text.charCodeAt(before - 1))) before--;
  }
  if (before === start) return null;
  return { start: glyphStart, end: words.wordEnd, before, status: found.status };
}

/**
 * A status mark before the first dash of `text` between `start` and `end` that has white space on
 * both sides: a glyph that states a status alone (`✅`), or any glyph and a status word (`🔄 In
 * progress`), set off by white space. Its offsets, its status, where the text before it ends and
 * where the dash is; null when there is none.
 */
function markBeforeDash(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; before: number; dash: number; status: Status } | null {
  let dash = -1;
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (
      (c === 45 || c === 0x2013 || c === 0x2014) &&
      isSpace(text.charCodeAt(i - 1)) &&
      isSpace(text.charCodeAt(i + 1))
    ) {
      dash = i;
      break;
    }
  }
  if (dash < 0) return null;
  let markEnd = dash;
  while (markEnd > start && isSpace(text.charCodeAt(markEnd - 1))) markEnd--;
  const gw = trailingGlyphWord(text, start, markEnd);
  // A separator before the mark would make it the end of a dash segment, not the number's.
  if (gw) {
    let before = gw.start;
    while (before > start && isSpace(text.charCodeAt(before - 1))) before--;
    if (before === gw.before && isLetterOrDigit(codePointBefore(text, before))) return { ...gw, dash };
  }
  const m = trailingGlyph(text.slice(start, markEnd));
  if (m === null || m.index === 0 || !STRONG_GLYPHS.has(m.glyph)) return null;
  // After a number or a name (`Phase 1 ✅ —`), not after a key (`Legend: ✅ — done`).
  if (!isLetterOrDigit(codePointBefore(text, start + m.index))) return null;
  const glyphStart = start + m.glyphStart;
  return {
    start: glyphStart,
    end: markEnd,
    before: start + m.index,
    dash,
    status: statusOfGlyph(m.glyph)!,
  };
}

/** The title in `range` of `text` without the mark in `cut` (and an ID's separator it leaves first). */
function withoutMark(text: string, range: readonly [number, number], cut: readonly [number, number]): string {
  const head = cut[0] > range[0] ? text.slice(range[0], cut[0]).trim() : '';
  const tail = text.slice(Math.max(cut[1], range[0]), range[1]).trim();
  return head === '' ? tail.replace(/^[-–—]\s+/u, '') : `${head} ${tail}`;
}

function glyphAt(s: string, i: number): string {
  const cp = s.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Analyses heading text (already repaired for matching when damaged). */
export function readHeading(text: string): HeadingInfo {
  let start = 0;
  let end = text.length;
  let status: Status | null = null;
  let statusText: string | null = null;
  let statusRange: [number, number] | null = null;

  const struck = text.startsWith('~~') ? /^~~((?:(?!~~).)+)~~$/.exec(text) : null;
  if (struck) {
    start = 2;
    end = text.length - 2;
    status = 'cancelled';
    statusText = '~~';
  }
  // Trailing or leading glyphs (`… 🔴`, `✅ …`). A weaker one (`🚧`, `🔄`) is kept for a heading with
  // an ID or a phase's number, and for one that turns out to hold tasks (weakStatus).
  let weak: { status: Status; text: string; range: [number, number] } | null = null;
  // Leading decoration: emoji and symbols before the words.
  const decorLength = leadingDecorationLength(text, start);
  if (decorLength > 0) {
    const decor = text.slice(start, start + decorLength);
    for (let i = 0; i < decor.length; ) {
      const g = glyphAt(decor, i);
      if (!status && STRONG_GLYPHS.has(g.replace('\uFE0F', ''))) {
        status = statusOfGlyph(g);
        statusText = g;
        statusRange = [start + i, start + i + g.length];
      } else if (!status && !weak) {
        const s = statusOfGlyph(g);
        const end = start + i + g.length;
        const range: [number, number] = [start + i, text.charCodeAt(end) === 0xfe0f ? end + 1 : end];
        if (s) weak = { status: s, text: text.slice(...range), range };
      }
      i += g.length;
    }
    start += decorLength;
    // A status word set off after the glyphs (`✅ Done: Migrate the ledger`, `⏳ Next — Instant
    // payouts`) is the mark's, as after a bullet's: it says the status, and the title follows it. The
    // mark runs from the status glyph, when one is there, to the word; an edit replaces both.
    const said = start < end ? statusWordAfterMark(text.slice(start, end)) : null;
    const word = said === null ? null : readStatusValue(said.word);
    if (said !== null && word !== null) {
      const from = statusRange?.[0] ?? weak?.range[0] ?? start + said.at;
      status = word.status;
      statusRange = [from, start + said.at + said.word.length];
      statusText = text.slice(...statusRange);
      weak = null;
      start += said.length;
    }
  }
  // An org-mode keyword opening the words (`## TODO Write the docs`), or a status word in brackets
  // (`### [DONE] Task 1: Schema`).
  if (!status) {
    const kw = leadingKeyword(text, start);
    const w = kw === null && text.charCodeAt(start) === 91 ? wrappedStatusWord(text.slice(start)) : null;
    if (kw) {
      status = kw.status;
      statusText = text.slice(start, kw.end);
      statusRange = [start, kw.end];
      start = kw.titleStart;
    } else if (w) {
      status = w.status;
      statusText = w.word;
      statusRange = [start + w.at, start + w.at + w.word.length];
      start += w.length;
    }
  }
  for (;;) {
    const m = trailingGlyph(text.slice(start, end));
    if (!m || m.index === 0) break;
    const g = m.glyph;
    // The variation selector after the glyph is part of its mark: an edit replaces both.
    const glyphEnd = start + m.glyphStart + g.length;
    const range: [number, number] = [
      start + m.glyphStart,
      text.charCodeAt(glyphEnd) === 0xfe0f ? glyphEnd + 1 : glyphEnd,
    ];
    if (!status && STRONG_GLYPHS.has(g)) {
      status = statusOfGlyph(g);
      statusText = text.slice(...range);
      statusRange = range;
    } else if (!status && !weak) {
      const s = statusOfGlyph(g);
      if (s) weak = { status: s, text: text.slice(...range), range };
    }
    end = start + m.index;
  }
  // A glyph and a status word ending the heading (`Phase 2: Sync ✅ COMPLETE`, `… 🏗️ IN PROGRESS`):
  // the word says the status, so any glyph will do, `🔄` and `🚧` included.
  if (!status) {
    const gw = trailingGlyphWord(text, start, end);
    if (gw) {
      status = gw.status;
      statusText = text.slice(gw.start, gw.end);
      statusRange = [gw.start, gw.end];
      end = gw.before;
    }
  }
  // Trailing annotation: `(NOT IMPLEMENTED)`, `[DONE]`, `- COMPLETED`.
  const body = text.slice(start, end);
  const ann = trailingAnnotation(body);
  if (ann) {
    const inner = body.slice(ann.innerStart, ann.innerEnd);
    // A glyph may open it: `(✅ Done)`, `[🔄 IN PROGRESS]`.
    const lead = leadingDecorationLength(inner, 0);
    const word = findStatusWord(lead > 0 ? inner.slice(lead) : inner);
    const rest = word ? inner.slice(lead + word.text.length) : '';
    if (word && word.index === 0 && (rest.length <= 2 || isDateRemark(rest) || SHARE_REMARK_RE.test(rest))) {
      if (!status || statusRange) {
        status = word.status;
        // The date after the word (`Completed 2026-01-20`) or the share done (`In Progress - 60%`,
        // which the dashboards check) is not the plan's word for the status; an edit replaces both.
        statusText = rest.length <= 2 ? inner : inner.slice(0, lead + word.text.length);
        statusRange = [start + ann.innerStart, start + ann.innerEnd];
      }
      end = start + ann.start;
      // A glyph before the annotation says the same (`Foundation ✅ (Completed)`): not the title's.
      for (let m = trailingGlyph(text.slice(start, end)); m && m.index > 0; ) {
        end = start + m.index;
        m = trailingGlyph(text.slice(start, end));
      }
    }
  }
  // A status mark between a heading's number and its name (`Phase 1 ✅ — Scaffolding`, `Milestone 2
  // 🔄 In progress — Beta`): the mark is cut from the title, which keeps the number and the name.
  let cut: readonly [number, number] | null = null;
  if (!status) {
    const mid = markBeforeDash(text, start, end);
    if (mid) {
      status = mid.status;
      statusText = text.slice(mid.start, mid.end);
      statusRange = [mid.start, mid.end];
      cut = [mid.before, mid.dash];
    }
  }
  // A dash segment that opens with a status word: `Week 8 - Completed (Federation …)`.
  if (!status) {
    const seg = /\s[-–—]\s+/u.exec(text.slice(start, end));
    if (seg) {
      const after = start + seg.index + seg[0].length;
      // A glyph may open it: `Phase 1 — ✅ Done (2026-01-02)`.
      const lead = leadingDecorationLength(text, after);
      const word = findStatusWord(text.slice(after + lead, end));
      if (word && word.index === 0) {
        status = word.status;
        statusText = text.slice(after, after + lead + word.text.length);
        statusRange = [after, after + lead + word.text.length];
        // Nothing after it but the date it was reached (`Polish — ✅ COMPLETE (2026-01-20)`): the
        // segment is the status's, not the title's.
        const rest = text.slice(after + lead + word.text.length, end).trim();
        const remark = /^\((.*)\)$/s.exec(rest);
        if (rest === '' || (remark !== null && isDateRemark(remark[1]!))) end = start + seg.index;
      }
    }
  }
  // Story points ending the title (`Replay queue (8 pts)`): an estimate of the item's, not its name.
  const trailing = readTrailingPoints(text.slice(start, end));
  let points: HeadingInfo['points'] = null;
  if (trailing) {
    const valueAt = start + trailing.valueAt;
    points = {
      value: trailing.value,
      range: [valueAt, valueAt + trailing.value.length],
      span: [start + trailing.open, start + trailing.end],
    };
    end = start + trailing.start;
  }
  // A title struck before the status said after it (`~~Task 3: GraphQL~~ (dropped)`) is read
  // without its strike, which says cancelled when nothing else does.
  if (!struck) {
    let a = start;
    let b = end;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (
      b - a > 4 &&
      text.startsWith('~~', a) &&
      text.startsWith('~~', b - 2) &&
      !text.slice(a + 2, b - 2).includes('~~')
    ) {
      start = a + 2;
      end = b - 2;
      if (!status) {
        status = 'cancelled';
        statusText = '~~';
      }
    }
  }
  let title = text.slice(start, end).trim();
  const titleStart = start + text.slice(start, end).indexOf(title);
  const id = readLeadingId(title);
  let titleRange: [number, number] = [titleStart, titleStart + title.length];
  if (id) {
    titleRange = [titleStart + id.length, titleStart + title.length];
    title = title.slice(id.length).trim();
  }
  if (cut) title = withoutMark(text, titleRange, cut);
  // `### TASK-10: Webhooks 🚧`: an item by its ID, whose last mark is its status, as is a numbered
  // phase's (`## Phase 2: Auth 🔄`, `## Sprint 3 ⏳`). Without either such a glyph decorates a section
  // as often as it marks one (`## Roadmap 🚧`).
  const phase = PHASE_RE.exec(text);
  let weakStatus: WeakStatus | null = null;
  if (!status && weak && (id || phase)) {
    status = weak.status;
    statusText = weak.text;
    statusRange = weak.range;
  } else if (!status && weak) {
    const g = weak.text.replace('\uFE0F', '');
    if (!TOPIC_GLYPHS.has(g)) weakStatus = { ...weak, series: !WORK_GLYPHS.has(g) };
  }
  const bare = (title.includes('*') || title.includes('_') ? title.replace(/[*_]/g, '') : title).trim();
  // A board's column may count its cards (`## To Do (2)`, `## Done [12]`): the count is no part of
  // the status it names.
  const named = withoutLanePeriod(withoutLaneCount(bare));
  let statusSection = sectionStatusOf(named);
  if (!statusSection && !id && status && bare === '') statusSection = status;
  // A heading that is nothing but a status word names a status section (read only when it can count).
  const whole = !statusSection && !id ? readStatusValue(named) : null;
  if (whole && whole.index === 0 && whole.text.length === named.length) {
    statusSection = whole.status;
  }
  // A circle before the name of a lane of work begun or ended (`## 🟢 On track`, `## 🔴 Blocked`)
  // colours the status: it is no priority of the lane's items. Before a lane of work to do it ranks
  // the lane as a priority would (`## 🔴 Critical` above `## 🟡 Later`).
  const priority = readHeadingPriority(text);
  const circled =
    priority !== null &&
    statusSection !== null &&
    statusSection !== 'todo' &&
    TRAFFIC_CIRCLES.has(priority.label);
  return {
    title: title.startsWith('**') ? title.replace(/^\*\*(.+)\*\*$/, '$1') : title,
    id: id?.id ?? null,
    idKind: id?.kind ?? null,
    status: statusSection ? null : status,
    statusText: statusSection ? null : statusText,
    statusRange: statusSection ? null : statusRange,
    statusSection,
    todoList: statusSection === 'todo' && TODO_LIST_RE.test(named),
    weakStatus: statusSection ? null : weakStatus,
    priority: circled ? null : priority,
    phase: phase ? `${capital(phase[1]!)} ${phase[2]}` : null,
    window: readWindow(text),
    titleRange,
    points,
  };
}

const TRAFFIC_CIRCLES: ReadonlySet<string> = new Set(['🔴', '🟠', '🟡', '🟢']);

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}
