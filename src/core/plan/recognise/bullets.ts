/**
 * The drafts a bullet's first line makes by itself, whatever its list: a box (checkboxDraft), a status
 * glyph or word opening it (statusBulletDraft; keywordBulletDraft and the keywords in bold, in brackets
 * or with an owner), a status after its name and a colon (keyedStatusDraft); and whether a line ends
 * with a status mark of its own.
 */
import type { Span, Status } from '../../model.js';
import { isKnownFieldKey, readFieldLine } from '../attributes/field-lines.js';
import { readLeadingId } from '../attributes/ids.js';
import { ITEM_KEYS, normaliseKey } from '../attributes/keys.js';
import {
  ORG_KEYWORDS,
  readStatusValue,
  reasonedStatus,
  STATING_TODO_WORDS,
  statusOfMark,
  statusWordAfterMark,
} from '../attributes/status.js';
import type { LineSlice, ListItemBlock, ParagraphBlock } from '../block-types.js';
import { isAsciiLetter, isSpace } from '../chars.js';
import { repairWithOffsets, SAME_OFFSET } from '../encoding.js';
import { boxStatusMark, KEYWORD_RE, leadingGlyph, startsBeyondAscii, wrappedStatusWord } from '../marks.js';
import { endsWithStatusMark, statusProbe, takeTrailingStatus } from '../trailing-marks.js';
import { type MadeItem, newItem } from './draft.js';
import type { State } from './state.js';

/** A list item's paragraph when it opens the item, on its marker's line or the next; else null. */
export function leadParagraph(li: ListItemBlock): ParagraphBlock | null {
  const p = li.children[0];
  return p?.type === 'paragraph' && p.startLine <= li.startLine + 1 ? p : null;
}

export function checkboxDraft(
  st: State,
  li: ListItemBlock,
  para: ParagraphBlock,
  mark: string,
  markOffset: number,
  gfm: boolean,
  optional: boolean,
  textStart: number,
) {
  const l0 = para.lines[0]!;
  const item = newItem('checkbox', li.startLine);
  item.checkbox = mark;
  item.gfm = gfm;
  item.optional = optional;
  item.markSpan = { start: markOffset, end: markOffset + 1 };
  item.status = statusOfMark(mark);
  item.statusSource = 'checkbox';
  item.statusText = mark;
  const raw = st.text.slice(textStart, l0.end);
  const repaired = repairWithOffsets(raw);
  const matchText = repaired?.text ?? raw;
  const rawOffset = repaired?.rawOffset ?? SAME_OFFSET;
  // `- [ ] BLOCKED: Vendor reply`, `- [ ] 🚧 Importer`: a status mark after the box says more.
  const lead = mark === ' ' ? boxStatusMark(matchText, st.glyphStatus) : null;
  if (lead) {
    item.status = lead.status;
    item.statusSource = 'marker';
    item.statusText = lead.text;
    item.statusSpan = {
      start: textStart + rawOffset(lead.at),
      end: textStart + rawOffset(lead.at + lead.text.length),
    };
  }
  const cut = lead?.length ?? 0;
  const rest = cut > 0 ? matchText.slice(cut) : matchText;
  const id = readLeadingId(rest);
  item.id = id?.id ?? null;
  const titleAt = cut + (id?.length ?? 0);
  const titleStart = textStart + rawOffset(titleAt);
  item.titleSpan = { start: titleStart, end: l0.end };
  let body = titleAt > 0 ? matchText.slice(titleAt) : matchText;
  // `- [ ] Fix login [blocked]`, `- [ ] Ship 🚧`: a mark ending the line says more, as one after the
  // box does; a todo or done one is the title's, as the box says those. After a ticked box only a
  // dropped one says more (`- [x] ~~IE11 support~~ (dropped)`: closed, not done).
  const ticked = item.status === 'done';
  if ((mark === ' ' || ticked) && lead === null && mayEndInMark(body)) {
    const probe = statusProbe(item);
    const kept = takeTrailingStatus(probe, body, (i) => textStart + rawOffset(titleAt + i), st.glyphStatus);
    const says = ticked ? probe.status === 'cancelled' : probe.status !== 'todo' && probe.status !== 'done';
    if (kept !== body && says && /[\p{L}\p{N}]/u.test(kept)) {
      item.status = probe.status;
      item.statusSource = probe.statusSource;
      item.statusText = probe.statusText;
      item.statusSpan = probe.statusSpan;
      body = kept;
    }
  }
  return {
    item,
    idKind: id?.kind ?? null,
    matchText: body,
    matchBase: repaired ? -1 : titleStart,
    repairMap: repaired ? (i: number) => textStart + rawOffset(titleAt + i) : undefined,
  };
}

/** `- ✅ Done thing`, `- **✅ Completed**: Thing`, `- ⏳ Pending thing`. */
export function statusBulletDraft(st: State, line: number, l0: LineSlice) {
  const raw = st.text.slice(l0.start, l0.end);
  const repaired = repairWithOffsets(raw);
  const matchText = repaired?.text ?? raw;
  const rawOffset = repaired?.rawOffset ?? SAME_OFFSET;
  // Every status glyph is outside ASCII: a bullet whose first character (after an opening `**` or
  // `__` and spaces) is ASCII has none.
  if (!startsBeyondAscii(matchText)) return null;
  const m = leadingGlyph(matchText);
  if (!m) return null;
  let status = st.glyphStatus(m.glyph);
  // A glyph of no status of its own (a coloured circle: `- 🟢 **Shipped** — SSO`, `- ⚪ Not started —
  // Data residency`) marks one by the status word after it.
  const said =
    status === null && m.bold === '' ? statusWordAfterMark(matchText.slice(m.end).trimStart()) : null;
  if (said !== null) status = readStatusValue(said.word)?.status ?? null;
  if (!status) return null;
  // `- ✅ Status: Done`: a status field under an icon, not a done item.
  if (m.bold === '' && readFieldLine(st.text, l0.start, l0.end, true)?.[0]?.key === 'status') return null;
  const item = newItem('status-bullet', line);
  let rest = matchText.slice(m.end);
  let markerText = m.glyph;
  if (m.bold) {
    // Bold marker: `**✅ Completed**: text`; the bold part is the status.
    const close = rest.indexOf(m.bold);
    if (close < 0) return null;
    markerText = `${m.glyph}${rest.slice(0, close)}`;
    rest = rest.slice(close + m.bold.length).replace(/^\s*:?\s*/, '');
  } else {
    rest = rest.replace(/^\s*:?\s*/, '');
    const word = statusWordAfterMark(rest);
    if (word) {
      markerText = `${m.glyph} ${word.word}`;
      rest = rest.slice(word.length);
    }
  }
  const markerStart = l0.start + rawOffset(m.bold.length);
  item.status = status;
  item.statusSource = 'marker';
  item.statusText = markerText.trim();
  item.statusSpan = { start: markerStart, end: Math.max(markerStart + 1, l0.start + rawOffset(m.end)) };
  const id = readLeadingId(rest);
  item.id = id?.id ?? null;
  const title = id ? rest.slice(id.length) : rest;
  const titleAt = matchText.length - title.length;
  const titleStart = l0.start + rawOffset(titleAt);
  item.titleSpan = { start: titleStart, end: l0.end };
  return {
    item,
    idKind: id?.kind ?? null,
    matchText: title,
    matchBase: repaired ? -1 : titleStart,
    repairMap: repaired ? (i: number) => l0.start + rawOffset(titleAt + i) : undefined,
  };
}

/** `- TODO Rotate the keys`, `- DONE: Remove the exporter`: an org-mode keyword opens the bullet. */
export function keywordBulletDraft(st: State, line: number, l0: LineSlice) {
  const c = st.text.charCodeAt(l0.start);
  if (c === 91) return bracketStatusDraft(st, line, l0);
  if (c === 42 || c === 95) return boldStatusDraft(st, line, l0) ?? actionLabelDraft(st, line, l0);
  if (c < 65 || c > 90) return null;
  KEYWORD_RE.lastIndex = l0.start;
  const m = KEYWORD_RE.exec(st.text);
  const at = l0.start;
  if (!m || m.index !== l0.start || m[0].length >= l0.end - l0.start) return keywordOwnerDraft(st, line, l0);
  // `TODO (kim): review the PR`: the owner in parentheses after the keyword and a space, its colon
  // after them.
  if (st.text.charCodeAt(at + m[0].length) === 40) {
    const owned = keywordOwnerDraft(st, line, l0);
    if (owned !== null) return owned;
  }
  return leadMarkDraft(
    st,
    line,
    l0,
    ORG_KEYWORDS.get(m[1]!)!,
    { start: at, end: at + m[1]!.length },
    at + m[0].length,
  );
}

/**
 * A bullet opened by a status word in bold and its colon (`- **In progress:** Migrate the db`, `-
 * **Blocked**: vendor reply`, `- **TODO:** fix the flaky test`), as stand-up notes write them: an
 * item of that status. A to-do word must state one (`**New:**` opens a changelog's line), and a
 * count after the word is a dashboard's.
 */
function boldStatusDraft(st: State, line: number, l0: LineSlice) {
  const raw = st.text.slice(l0.start, Math.min(l0.end, l0.start + MAX_BOLD_STATUS));
  if (!raw.startsWith('**') && !raw.startsWith('__')) return null;
  const w = wrappedStatusWord(st.text.slice(l0.start, l0.end));
  if (w === null || (w.status === 'todo' && !STATING_TODO_WORDS.has(w.word.toLowerCase()))) return null;
  const at = l0.start;
  // A count after it is a dashboard's (`- **Completed:** 12`, `- **In progress:** 3 tasks`).
  if (isDigitCode(st.text.charCodeAt(at + w.length))) return null;
  return leadMarkDraft(
    st,
    line,
    l0,
    w.status,
    { start: at + w.at, end: at + w.at + w.word.length },
    at + w.length,
  );
}

/**
 * A bullet opened by the label of an action item in bold and its colon (`- **Action:** Kim to chase
 * finance`, `- **Action item**: send the deck`), as meeting notes give one amid the discussion: a task
 * to do, the label its mark, which an edit writes as the status (`**Done:**`). In plain words
 * (`Action:`) it is as often a runbook's step or prose, and is not read.
 */
function actionLabelDraft(st: State, line: number, l0: LineSlice) {
  ACTION_LABEL_RE.lastIndex = l0.start;
  const m = ACTION_LABEL_RE.exec(st.text);
  if (m === null || m.index !== l0.start || l0.start + m[0].length >= l0.end) return null;
  const at = l0.start + m[1]!.length;
  return leadMarkDraft(st, line, l0, 'todo', { start: at, end: at + m[2]!.length }, l0.start + m[0].length);
}
const ACTION_LABEL_RE = /(\*\*|__)([Aa]ction(?:[ -](?:[Ii]tems?|[Pp]oints?))?)(?::\1|\1[ \t]*:)[ \t]+/y;

/**
 * A bullet opened by a keyword and its owner in parentheses, as code comments write them (`-
 * TODO(kim): review the PR`, `- WAITING(@legal) sign-off`): an item of the keyword's status, owned.
 */
function keywordOwnerDraft(st: State, line: number, l0: LineSlice) {
  KEYWORD_OWNER_RE.lastIndex = l0.start;
  const m = KEYWORD_OWNER_RE.exec(st.text);
  if (!m || m.index !== l0.start || m[0].length >= l0.end - l0.start) return null;
  const at = l0.start;
  const made = leadMarkDraft(
    st,
    line,
    l0,
    ORG_KEYWORDS.get(m[1]!)!,
    { start: at, end: at + m[1]!.length },
    at + m[0].length,
  );
  // Where the parentheses open: after a space, the field holds it, so taking it off leaves `TODO:`.
  const spaced = m[3] !== undefined;
  const open = at + m[1]!.length + (spaced ? 1 : 0);
  const name = m[2] ?? m[3]!;
  // `(@legal)` is a mention, `(kim)` a name in the keyword's list: an edit writes a mention there.
  const mention = name.charCodeAt(0) === 64;
  const valueAt = open + 1 + (mention ? 1 : 0);
  made.item.fields.push({
    key: 'owner',
    rawKey: mention ? '@' : '',
    value: st.text.slice(valueAt, open + 1 + name.length),
    span: { start: spaced ? open - 1 : open, end: open + name.length + 2 },
    valueSpan: { start: valueAt, end: open + 1 + name.length },
    style: 'kv',
  });
  return made;
}

/**
 * A status bullet whose mark opens its line (`statusSpan`, saying `status`), its title, after an ID
 * or not, from `titleStart`.
 */
function leadMarkDraft(
  st: State,
  line: number,
  l0: LineSlice,
  status: Status,
  statusSpan: Span,
  titleStart: number,
) {
  const item = newItem('status-bullet', line);
  item.status = status;
  item.statusSource = 'marker';
  item.statusText = st.text.slice(statusSpan.start, statusSpan.end);
  item.statusSpan = statusSpan;
  const id = readLeadingId(st.text.slice(titleStart, l0.end));
  item.id = id?.id ?? null;
  const at = titleStart + (id?.length ?? 0);
  item.titleSpan = { start: at, end: l0.end };
  return { item, idKind: id?.kind ?? null, matchText: st.text.slice(at, l0.end), matchBase: at };
}

/**
 * A bullet opened by a status word in brackets, as trackers export them: `- [DONE] Rate limiting`,
 * `- [In Progress] Billing`, `- [WIP]: Search`. The word is the status whole (not a box, not `[P1]`).
 */
function bracketStatusDraft(st: State, line: number, l0: LineSlice) {
  // Looked for near the line's start only: a line without `]` must not send the search on.
  let close = l0.start + 2;
  const limit = Math.min(l0.end, l0.start + 2 + MAX_BRACKET_STATUS);
  while (close < limit && st.text.charCodeAt(close) !== 93) close++;
  if (close >= limit) return null;
  const word = st.text.slice(l0.start + 1, close);
  if (word.length < 2 || word.trim() !== word) return null;
  const read = readStatusValue(word);
  if (read === null || read.index !== 0 || read.text.length !== word.length) return null;
  let titleStart = close + 1;
  if (st.text.charCodeAt(titleStart) === 58) titleStart++;
  if (!isSpace(st.text.charCodeAt(titleStart))) return null;
  while (titleStart < l0.end && isSpace(st.text.charCodeAt(titleStart))) titleStart++;
  if (titleStart >= l0.end) return null;
  return leadMarkDraft(st, line, l0, read.status, { start: l0.start + 1, end: close }, titleStart);
}

/**
 * A bullet that names a piece of work and gives its status after a colon, as status reports write
 * them (`- **Auth service**: ✅ Complete`, `- Search: not started`): an item of that status, its
 * title the name. A name that is a field's key (`- **Owner:** Kim`) makes a field line instead, and
 * the value must be the status whole, a remark in parentheses after it or not.
 */
export function keyedStatusDraft(st: State, li: ListItemBlock, l0: LineSlice): MadeItem | null {
  const raw = st.text.slice(l0.start, l0.end);
  // The first colon that is not a dataview field's `::` (`- Search [due:: 2026-03-01]: not started`),
  // or a full-width one as Chinese and Japanese write it (`- 编写文档：未开始`).
  let colon = raw.indexOf(':');
  while (colon >= 0 && colon <= MAX_KEYED_TITLE && raw.charCodeAt(colon + 1) === 58)
    colon = raw.indexOf(':', colon + 2);
  const wide = raw.indexOf('：');
  if (wide >= 0 && (colon < 0 || wide < colon)) colon = wide;
  if (colon < 1 || colon > MAX_KEYED_TITLE) return null;
  // A colon inside brackets is their text's (`Ship it (blocked: waiting for v2.1)`), not the name's.
  if (!closesBrackets(raw, colon)) return null;
  let valueAt = colon + 1;
  // `**Auth service:** ✅ Complete`: the bold closes after the colon.
  if (raw.startsWith('**', valueAt) || raw.startsWith('__', valueAt)) valueAt += 2;
  // After a full-width colon no space is needed.
  if (valueAt < raw.length && !isSpace(raw.charCodeAt(valueAt)) && raw.charCodeAt(colon) !== 0xff1a)
    return null;
  const name = raw
    .slice(0, colon)
    .replace(/^(\*\*|__)(.*?)\1/, '$2')
    .replace(/^\*\*|^__|\*\*$|__$/g, '')
    .trim();
  // An icon may open a field's key (`- ✅ Status: Done`).
  const key = name.replace(/^[^\p{L}\p{N}]+/u, '');
  if (key === '' || ITEM_KEYS.has(normaliseKey(key)) || isKnownFieldKey(key)) return null;
  // Nor is a key ending the name after a separator (`Tidy — State: blocked`, `Exports. Status: Done`):
  // the title came before it, and the status is that field's.
  const last = LAST_PIECE_RE.exec(key)?.[1];
  if (last !== undefined && (ITEM_KEYS.has(normaliseKey(last)) || isKnownFieldKey(last))) return null;
  while (valueAt < raw.length && isSpace(raw.charCodeAt(valueAt))) valueAt++;
  // The status runs to what follows it: a remark or fields in parentheses, a list after a dash or a
  // comma (`in progress — @ana, 3d`). A status word with its reason is one too (`blocked on vendor`).
  const valueEnd = valueAt + statusValueEnd(raw.slice(valueAt));
  const value = raw.slice(valueAt, valueEnd).trimEnd();
  const read = value === '' ? null : readStatusValue(value);
  if (read === null) return null;
  if (read.index + read.text.length !== value.length && reasonedStatus(value.slice(read.index)) === null)
    return null;
  // A glyph may lead the word: a status glyph, or one of no status of its own that the word gives
  // one (`⚪ Not started`), as opening a bullet.
  const lead = value.slice(0, read.index).trim();
  const leadStatus = lead === '' ? null : st.glyphStatus(lead);
  if (lead !== '' && leadStatus === null && leadingGlyph(lead)?.end !== lead.length) return null;
  // A to-do word alone is as often a description (`- Notes: draft`).
  const word = value.slice(read.index).toLowerCase();
  if (leadStatus === null && read.status === 'todo' && !STATING_TODO_WORDS.has(word)) return null;
  const item = newItem('status-bullet', li.startLine);
  item.status = read.status;
  item.statusSource = 'field';
  item.statusText = value;
  const at = l0.start + valueAt;
  item.statusSpan = { start: at, end: at + value.length };
  item.fields.push({
    key: 'status',
    rawKey: '',
    value,
    span: { start: at, end: at + value.length },
    valueSpan: { start: at, end: at + value.length },
    style: 'kv',
  });
  item.titleSpan = { start: l0.start, end: l0.start + colon };
  const id = readLeadingId(raw.slice(0, colon));
  item.id = id?.id ?? null;
  const made = { item, idKind: id?.kind ?? null, matchText: raw.slice(0, colon), matchBase: l0.start };
  if (raw.slice(valueEnd).trim() === '') return made;
  // What follows the status is read for fields, the status blanked so no reader takes it again.
  const blanked = `${raw.slice(0, colon)}${' '.repeat(valueEnd - colon)}${raw.slice(valueEnd)}`;
  return { ...made, matchText: blanked, titleEnd: colon };
}

/**
 * Whether a bullet's line ends with a status mark of its own: a known field's (`- Status: ⏸️
 * Blocked`) is the field's, while a name's (`- **Auth service**: ✅ Complete`) is its item's.
 */
export function endsWithOwnMark(st: State, l0: LineSlice): boolean {
  if (!endsWithStatusMark(st.text, l0.start, l0.end, st.glyphStatus)) return false;
  const field = readFieldLine(st.text, l0.start, l0.end, true)?.[0];
  return field === undefined || !(ITEM_KEYS.has(field.key) || isKnownFieldKey(field.rawKey));
}

/** The longest status word in brackets opening a bullet (`[NOT STARTED]`, `[IN PROGRESS]`). */
const MAX_BRACKET_STATUS = 24;

/** Whether `s` ends, but for white space, in what a status mark may end in. */
export function mayEndInMark(s: string): boolean {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  const c = s.charCodeAt(i - 1);
  // `]` `)` `*` `_` close a wrapped word, a glyph is beyond ASCII, a letter ends `@done` or the word
  // after a glyph (`🚧 In progress`), a letter or a digit the reason after one (`⏸️ on hold until Q2`).
  return c === 93 || c === 41 || c === 42 || c === 95 || c >= 128 || isAsciiLetter(c) || isDigitCode(c);
}

/** The longest name read before a status after a colon (`- **Auth service**: ✅ Complete`). */
const MAX_KEYED_TITLE = 80;

/** The last piece of a name after a separator: a dash set off by spaces, a period, a pipe, a comma. */
const LAST_PIECE_RE = /(?:\s[-–—]\s|[.|,;·]\s*)\s*(?:\*\*|__)?([^-–—.|,;·]+?)(?:\*\*|__)?\s*$/u;

/** Whether every bracket opened in `s` before `end` closes before it. */
function closesBrackets(s: string, end: number): boolean {
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 || c === 91) depth++;
    else if ((c === 41 || c === 93) && depth > 0) depth--;
  }
  return depth === 0;
}

/** Obsidian Tasks' glyphs that open a field whatever follows: dates, ID, dependencies, recurrence, priority. */
const TASKS_FIELD_GLYPHS: ReadonlySet<number> = new Set(
  [...'📅🗓🛫➕🆔⛔🔁🔺⏫🔼🔽⏬'].map((c) => c.codePointAt(0)!),
);

/** Glyphs that open a Tasks date field when a date follows, and are status glyphs else (`⏳ In progress`). */
const TASKS_DATE_GLYPHS: ReadonlySet<number> = new Set([...'⏳✅'].map((c) => c.codePointAt(0)!));

/** Whether an Obsidian Tasks field opens at `i` of `s` (`📅 2026-12-10`, `⏫`, `✅ 2026-12-01`). */
function opensTasksField(s: string, i: number): boolean {
  const c = s.codePointAt(i)!;
  if (TASKS_FIELD_GLYPHS.has(c)) return true;
  if (!TASKS_DATE_GLYPHS.has(c)) return false;
  let j = i + 1;
  if (s.charCodeAt(j) === 0xfe0f) j++;
  while (isSpace(s.charCodeAt(j))) j++;
  return isDigitCode(s.charCodeAt(j));
}

/**
 * Where a status value after a name's colon ends (`Done (shipped Jan 3)`, `In progress — @ana, 3d`,
 * `Blocked, waiting for legal`, `Not started 📅 2026-12-10`): at a bracket, a comma, a semicolon, a
 * pipe, a mention, an Obsidian Tasks field or a dash set off by spaces; else the whole of `s`.
 */
function statusValueEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 || c === 91 || c === 44 || c === 59 || c === 124 || c === 0xb7) return i;
    // Full-width brackets and commas, as Chinese and Japanese write them (`进行中（负责人：李雷）`).
    if (c === 0xff08 || c === 0xff0c || c === 0xff1b || c === 0x3001 || c === 0x3010) return i;
    if ((c === 64 || c >= 0x2300) && isSpace(s.charCodeAt(i - 1)) && (c === 64 || opensTasksField(s, i)))
      return i;
    if (
      (c === 45 || c === 0x2013 || c === 0x2014) &&
      isSpace(s.charCodeAt(i - 1)) &&
      isSpace(s.charCodeAt(i + 1))
    )
      return i;
  }
  return s.length;
}

/** How far into a bullet a status word in bold opening it is looked for: its bold, word and colon. */
const MAX_BOLD_STATUS = 32;

/** An owner in a keyword's parentheses: a name or a mention. */
const KEYWORD_OWNER = String.raw`@?[\p{L}\p{N}][\p{L}\p{N}._-]{0,31}`;

/**
 * An org keyword and an owner in parentheses right after it, then a colon or white space (`TODO(kim):
 * `), or after a space and then a colon (`TODO (kim): `): without the colon, `TODO (later) tidy up`
 * says when, not who.
 */
const KEYWORD_OWNER_RE = new RegExp(
  String.raw`(${[...ORG_KEYWORDS.keys()].filter((k) => !k.includes(' ')).join('|')})(?:\((${KEYWORD_OWNER})\)(?::[ \t]*|[ \t]+)|[ \t]\((${KEYWORD_OWNER})\):[ \t]*)(?=\S)`,
  'uy',
);

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
