/** Attribute fields as plans write them: bold key lines, pipe-joined lines, dataview, emoji, key:value. */
import type { Field, FieldStyle } from '../../model.js';
import { codePointBefore, iconPrefixLength, isLetterOrDigit, isSpace } from '../chars.js';
import { MONTH_NAME, namesDate, WEEKDAY_NAME } from './dates.js';
import { readLeadingId } from './ids.js';

/** Attribute keys in the languages plans are written in, as [key, attribute]. */
const FOREIGN_KEYS: readonly (readonly [string, string])[] = (
  [
    ['status', 'estado estatus statut stato zustand статус состояние 状态 狀態 状態 ステータス 状況 상태'],
    [
      'owner',
      'responsável responsable verantwortlich zuständig responsabile ответственный исполнитель 负责人 負責人 担当 担当者 담당자',
    ],
    [
      'priority',
      'prioridade prioridad priorité priorität priorità prioritas приоритет 优先级 優先度 우선순위',
    ],
    [
      'due',
      'prazo vencimento vencimiento échéance fälligkeit fällig fälligkeitsdatum stichtag frist scadenza tenggat срок 截止日期 截止时间 截止 到期日 期限 締切 締め切り 마감일 기한',
    ],
    [
      'effort',
      'esfuerzo estimación aufwand schätzung sforzo stima esforço estimativa оценка 工作量 预计 预估 估时 工时 見積 見積もり 工数 공수 예상',
    ],
  ] as const
).flatMap(([key, words]) => words.split(' ').map((w) => [w, key] as const));

/** Plan keys (lower case) mapped to taskmark's attribute names; other keys are kept as written. */
const KEY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['status', 'status'],
  ['state', 'status'],
  ['priority', 'priority'],
  ['prio', 'priority'],
  ['pri', 'priority'],
  ['owner', 'owner'],
  ['assignee', 'owner'],
  ['assigned to', 'owner'],
  ['assigned', 'owner'],
  // Notion's task template names its people column so.
  ['assign', 'owner'],
  ['responsible', 'owner'],
  ['dri', 'owner'],
  ['who', 'owner'],
  ['lead', 'owner'],
  ['owners', 'owner'],
  ['assignees', 'owner'],
  ['due', 'due'],
  ['due date', 'due'],
  ['deadline', 'due'],
  ['target date', 'due'],
  ['due by', 'due'],
  ['due on', 'due'],
  ['eta', 'due'],
  ['📅', 'due'],
  ['🗓', 'due'],
  ['scheduled', 'scheduled'],
  ['⏳', 'scheduled'],
  ['start', 'start'],
  ['start date', 'start'],
  // When a schedule's work ends, and the days it spans: its due date (see applyField).
  ['end date', 'end'],
  ['ends', 'end'],
  ['finish', 'end'],
  ['finish date', 'end'],
  ['date range', 'dates'],
  ['timeline', 'dates'],
  // The period a roadmap plans its work in (`| Quarter |` over `Q1 2027`, `Q2`): a target, due by its end.
  ['quarter', 'target'],
  ['month', 'target'],
  ['timeframe', 'target'],
  ['time frame', 'target'],
  ['🛫', 'start'],
  ['➕', 'created'],
  ['created', 'created'],
  ['✅', 'done'],
  // A tick before a date says when it was done, as Obsidian's ✅ does (`✔ 2026-11-30`).
  ['✔', 'done'],
  ['✓', 'done'],
  ['☑', 'done'],
  ['done', 'done'],
  ['completed', 'done'],
  ['❌', 'cancelled'],
  ['🔁', 'recurrence'],
  ['🆔', 'id'],
  ['id', 'id'],
  ['⛔', 'depends'],
  ['effort', 'effort'],
  ['estimate', 'effort'],
  ['estimated effort', 'effort'],
  ['estimated', 'effort'],
  ['est', 'effort'],
  ['estimated time', 'effort'],
  ['time estimate', 'effort'],
  ['duration', 'effort'],
  ['time', 'effort'],
  ['category', 'category'],
  ['type', 'category'],
  ['area', 'category'],
  ['component', 'category'],
  ['depends on', 'depends'],
  ['depends', 'depends'],
  ['dependencies', 'depends'],
  ['dependson', 'depends'],
  ['blocked by', 'depends'],
  ['requires', 'depends'],
  ['prerequisites', 'depends'],
  ['dep', 'depends'],
  ['after', 'depends'],
  ['tags', 'tags'],
  ['labels', 'tags'],
  ['tag', 'tags'],
  ['story points', 'points'],
  ['points', 'points'],
  ['pts', 'points'],
  ['sp', 'points'],
  ['phase', 'phase'],
  ['sprint', 'phase'],
  ['milestone', 'phase'],
  // The same keys in the languages plans are written in (their status words are in status.ts).
  ...FOREIGN_KEYS,
  // Keys of more than one word.
  ['fecha límite', 'due'],
  ['fecha de entrega', 'due'],
  ['date limite', 'due'],
  ["date d'échéance", 'due'],
  ['data di scadenza', 'due'],
  ['data limite', 'due'],
  ['prazo final', 'due'],
  ['data de entrega', 'due'],
]);

/** Keys that name the item a record is (`**Task:** Rotate the keys`), as normaliseKey gives them. */
export const RECORD_NAME_KEYS: ReadonlySet<string> = new Set([
  'task',
  'title',
  'item',
  'work item',
  'action',
  'action item',
  'story',
  'user story',
  'feature',
  'epic',
  'issue',
  'bug',
  'ticket',
  'todo',
  'deliverable',
  'milestone',
  'goal',
  'objective',
  'aufgabe',
  'tarea',
  'tâche',
  'tache',
  '任务',
]);

/** Keys that make a heading an item when they appear under it. */
export const ITEM_KEYS: ReadonlySet<string> = new Set(['status', 'priority', 'owner', 'due']);

/** The keys a field opened by an icon may have: taskmark's attributes (`📊 Status:`, `👤 Owner:`). */
const ICON_FIELD_KEYS: ReadonlySet<string> = new Set([
  ...ITEM_KEYS,
  'effort',
  'category',
  'tags',
  'depends',
  'phase',
  'start',
  'scheduled',
]);

/**
 * Keys already normalised, by the key as written: plans repeat a handful of keys (`Status`, `Due`,
 * `#`, `@`) on every item. Bounded, so a plan of a million distinct keys cannot grow it without end.
 */
const normalisedKeys = new Map<string, string>();
const MAX_CACHED_KEYS = 4096;

/** Normalises a field key as written to taskmark's attribute name. */
export function normaliseKey(raw: string): string {
  const cached = normalisedKeys.get(raw);
  if (cached !== undefined) return cached;
  // A key's closing dot is an abbreviation's (`Est.`, `Resp.`), not the key's.
  const k = raw
    .replace(/[*_`]/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(?<=\p{L})\.$/u, '')
    .toLowerCase();
  const key = KEY_ALIASES.get(k) ?? k;
  if (normalisedKeys.size >= MAX_CACHED_KEYS) normalisedKeys.clear();
  normalisedKeys.set(raw, key);
  return key;
}

/** taskmark's attribute names, which KEY_ALIASES maps the keys plans write to. */
const ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(KEY_ALIASES.values());

/** Whether a key as written names one of taskmark's attributes, in any spelling (`Owner`, `ETA`, `Estado`). */
export function isAttributeKey(raw: string): boolean {
  return ATTRIBUTE_NAMES.has(normaliseKey(raw));
}

/**
 * `**Key:** value`, `**Key**: value`, or in italics (`*Owner:* Kim`); the colon may be the full-width
 * one CJK text uses (`**状态：**`).
 */
const BOLD_FIELD_RE = /(\*\*|__|[*_])([^*_\n|]{1,40}?)(?:[:：]\1|\1\s*[:：])[ \t]*/y;
/** Whether `s` is an ID and nothing else (`KR1.2`, `MH-001`, `Task 3`). */
function isWholeId(s: string): boolean {
  return readLeadingId(s)?.length === s.length;
}

/** Whether `rawKey` is one of the keys PLAIN_KNOWN_RE knows, whole. */
export function isKnownFieldKey(rawKey: string): boolean {
  PLAIN_KNOWN_RE.lastIndex = 0;
  const m = PLAIN_KNOWN_RE.exec(`${rawKey}:`);
  return m !== null && m[0].length === rawKey.length + 1;
}
const PLAIN_KNOWN_RE = new RegExp(
  String.raw`(status|state|priority|owner|assignee|assigned to|due|due date|deadline|scheduled|effort|estimated (?:time|effort)|time estimate|estimated?|est\.?|category|story points|depends on|dependencies|blocked by|tags|labels|target(?: date)?|plan date|last updated|${FOREIGN_KEYS.map(([w]) => w).join('|')})\s*::?[ \t]*`,
  'iy',
);

/** A plain key after the first field of a line of them (`Owner: @dana · Target: Q1 2026`). */
const PLAIN_KEY_RE = /([\p{L}][\p{L}\p{N} _-]{0,23}?)[ \t]*[:：][ \t]*(?=\S)/uy;

/**
 * Reads `**Key:** value` fields from one line of text (content from `start` to `end`), including
 * joined lines (`**A:** x | **B:** y`, `Owner: Kim · Status: Done`: a bar always separates fields, a
 * middle dot or bullet `•` only before another key). Returns null when the line is not a field line.
 * With `plainKnownKeys`, also reads `Status: Done` (or Logseq's `status:: done`) for taskmark's own
 * attribute names, and any plain key after it.
 */
export function readFieldLine(
  text: string,
  start: number,
  end: number,
  plainKnownKeys = false,
): Field[] | null {
  const fields: Field[] = [];
  let pos = start;
  let first = true;
  while (pos < end) {
    const segStart = pos;
    // An icon may open a field (`👤 **Owner:** Kim`, `- 📅 Due: 2026-12-01`); the field spans it.
    const icon = text.charCodeAt(pos) >= 128 ? iconPrefixLength(text, pos, end) : 0;
    pos += icon;
    BOLD_FIELD_RE.lastIndex = pos;
    let m = BOLD_FIELD_RE.exec(text);
    let rawKey: string;
    // In italics only a key a plan's fields use (`*Owner:* Kim`): `_Note_:` opens a remark. An ID in
    // bold is the label of what follows (`**KR1.2**: Zero outages — 🟢 on track`), no key.
    if (
      m &&
      m.index === pos &&
      (m[1]!.length === 2 || isKnownFieldKey(m[2]!.trim())) &&
      !isWholeId(m[2]!.trim())
    ) {
      rawKey = m[2]!.trim();
    } else if (plainKnownKeys) {
      const re = first ? PLAIN_KNOWN_RE : PLAIN_KEY_RE;
      re.lastIndex = pos;
      m = re.exec(text);
      if (!m || m.index !== pos) return fields.length > 0 ? fields : null;
      rawKey = m[1]!;
    } else {
      return fields.length > 0 ? fields : null;
    }
    // After an icon only an attribute's key: `- ✅ **Completed**: Login` is a done item, not a field.
    if (icon > 0 && !ICON_FIELD_KEYS.has(normaliseKey(rawKey))) return fields.length > 0 ? fields : null;
    const valueStart = pos + m[0].length;
    const valueEnd = valueEndOf(text, valueStart, end, plainKnownKeys);
    let trimmedEnd = valueEnd;
    while (trimmedEnd > valueStart && /\s/.test(text[trimmedEnd - 1]!)) trimmedEnd--;
    const value = text.slice(valueStart, trimmedEnd);
    fields.push({
      key: normaliseKey(rawKey),
      rawKey,
      value,
      span: { start: segStart, end: trimmedEnd },
      valueSpan: { start: valueStart, end: trimmedEnd },
      style: first ? 'bold-line' : 'bold-pipe',
    });
    first = false;
    if (valueEnd >= end) break;
    // Past the separator: ` | `, ` · `, ` • `, a period or a space after an org timestamp, and the white
    // space after it.
    const c = text.charCodeAt(valueEnd);
    pos = valueEnd + (c === 46 ? 1 : c === 32 && text.charCodeAt(valueEnd - 1) === 62 ? 1 : 3);
    while (pos < end && text[pos] === ' ') pos++;
  }
  return fields.length > 0 ? fields : null;
}

/**
 * Where the value of a field of a field line that starts at `from` ends: at ` | `, or at ` · ` or
 * ` • ` before another key, or at the space after an org timestamp before a known key; else at
 * `end`. A scan to the first separator that ends it, so a line of many fields costs its length once,
 * not once per field.
 */
function valueEndOf(text: string, from: number, end: number, plainKeys: boolean): number {
  for (let i = text.indexOf(' ', from); i >= 0 && i + 2 < end; i = text.indexOf(' ', i + 1)) {
    // A sentence's end before a known key (`Owner: @kai. Target: 2026-12-20.`): the period is no value's.
    if (text.charCodeAt(i - 1) === 46 && i - 1 > from && opensKnownField(text, i + 1, plainKeys))
      return i - 1;
    // Org's timestamp closes a value (`DEADLINE: <2026-12-12 Sat> SCHEDULED: <2026-12-11 Fri>`).
    if (text.charCodeAt(i - 1) === 62 && opensKnownField(text, i + 1, plainKeys)) return i;
    if (text.charCodeAt(i + 2) !== 32) continue;
    const c = text.charCodeAt(i + 1);
    if (c === 124) return i;
    if ((c === 0xb7 || c === 0x2022) && opensField(text, i + 3, plainKeys)) return i;
  }
  return end;
}

/** Whether a field's key starts at `pos`, after an icon or not: a bold one, or a plain one where plain keys are read. */
function opensField(text: string, from: number, plainKeys: boolean): boolean {
  const pos = text.charCodeAt(from) >= 128 ? from + iconPrefixLength(text, from, text.length) : from;
  BOLD_FIELD_RE.lastIndex = pos;
  if (BOLD_FIELD_RE.test(text)) return true;
  if (!plainKeys) return false;
  PLAIN_KEY_RE.lastIndex = pos;
  return PLAIN_KEY_RE.test(text);
}

/** Whether a key a plan's fields use starts at `from`: in bold, or plain where plain keys are read. */
function opensKnownField(text: string, from: number, plainKeys: boolean): boolean {
  BOLD_FIELD_RE.lastIndex = from;
  const m = BOLD_FIELD_RE.exec(text);
  if (m !== null && m.index === from) return isKnownFieldKey(m[2]!.trim());
  if (!plainKeys) return false;
  PLAIN_KNOWN_RE.lastIndex = from;
  return PLAIN_KNOWN_RE.test(text);
}

/** A dataview field, `[key:: value]` or `(key:: value)`; the value may hold page links (`[owner:: [[Bo]]]`). */
const DATAVIEW_RE = /[[(]([\p{L}][\p{L}\p{N} _-]{0,30})::\s*((?:\[\[[^\][]*\]\]|[^\])])*?)\s*[\])]/gu;
/** Story points in brackets: `(3 pts)`, `[5 SP]`, `(8 story points)`, `(0.5 pt)`. */
const POINTS_SOURCE = String.raw`[([][ \t]*(\d{1,3}(?:\.\d)?)[ \t]*((?:story[ \t]+)?points?|pts?|sp)[ \t]*[)\]]`;
const POINTS_RE = new RegExp(POINTS_SOURCE, 'gi');
/** The inside of brackets that hold story points and nothing else: `8 pts`, ` 0.5 story points `. */
const POINTS_INSIDE_RE = /^[ \t]*(\d{1,3}(?:\.\d)?)[ \t]*(?:(?:story[ \t]+)?points?|pts?|sp)[ \t]*$/i;
/** The longest inside POINTS_INSIDE_RE reads, with room for white space. */
const MAX_POINTS_INSIDE = 32;
const POINTS_HINT_RE = /\d[ \t]*(?:story[ \t]|p|sp)/i;

/**
 * Story points ending a heading's text (`Replay queue (8 pts)`), set off by white space: where they
 * start (the white space), where their bracket opens, where they end, the number and its offset. A
 * scan from the end, over no more than the longest brackets of points: a regex anchored at the end
 * tries every offset of a long run of white space.
 */
export function readTrailingPoints(
  s: string,
): { start: number; open: number; end: number; value: string; valueAt: number } | null {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  const close = s.charCodeAt(end - 1);
  if (close !== 41 && close !== 93) return null;
  const open = s.lastIndexOf(close === 41 ? '(' : '[', end - 2);
  if (open < 0 || end - open > MAX_POINTS_INSIDE) return null;
  const m = POINTS_INSIDE_RE.exec(s.slice(open + 1, end - 1));
  if (!m) return null;
  let start = open;
  while (start > 0 && (s.charCodeAt(start - 1) === 32 || s.charCodeAt(start - 1) === 9)) start--;
  if (start === open) return null;
  return { start, open, end, value: m[1]!, valueAt: s.indexOf(m[1]!, open + 1) };
}
/**
 * An Obsidian Tasks date: ISO as the plugin writes it, or a month and day as people do (`📅 Dec 11`,
 * `⏳ March 3rd, 2026`), read against the plan's date.
 */
const EMOJI_DATE_RE = new RegExp(
  String.raw`(📅|🗓|⏳|🛫|➕|✅|✔|✓|☑|❌)\uFE0F?\s*(\d{4}-\d{2}-\d{2}|${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?![\p{L}\p{N}]))`,
  'giu',
);
const EMOJI_TEXT_RE =
  /(🆔|⛔|🔁)\uFE0F?\s*([^📅⏳🛫➕✅❌🆔⛔🔁🔺⏫🔼🔽⏬#\n]+?)(?=\s*(?:[📅⏳🛫➕✅❌🆔⛔🔁🔺⏫🔼🔽⏬#]|$))/gu;
/**
 * An owner after a bust emoji (`👤 Kim`, `👤 @kim`, `👤 Kim Lee`): a name, maybe a capitalised surname,
 * then the end, a mark or punctuation; not the words of a sentence (`👤 Kim to draft it`).
 */
const OWNER_EMOJI_RE =
  /👤\uFE0F?[ \t]*(@?[\p{L}][\p{L}\p{N}._-]*(?:[ \t]+\p{Lu}[\p{L}.-]*)?)(?=[ \t]*(?:$|[^\p{L}\p{N}\s:]))/gu;
/**
 * An estimate after a stopwatch or an hourglass with its sand run (`⏱ 3h`, `⏱️ 1-2d`, `⌛ 30 min`):
 * a number, a unit, maybe a range. (`⏳` is Obsidian's scheduled date.)
 */
const EFFORT_EMOJI_RE =
  /(⏱|⌛)\uFE0F?[ \t]*(~?\d+(?:\.\d+)?(?:[ \t]*[-–][ \t]*\d+(?:\.\d+)?)?[ \t]*(?:minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo))(?![\p{L}\p{N}])/gu;
const KV_RE =
  /(?<![\p{L}\p{N}/:.])(due|start|scheduled|owner|assignee|est|estimate|effort|priority|prio|id|dep|depends|threshold)[:=]((?:\d{4}-\d{2}-\d{2})|[\p{L}\p{N}._,-]+)/giu;
/**
 * What every KV_RE match contains, without its costly lookbehind: a key, `:` or `=`, and a character
 * a value can start with (any non-ASCII one, or an ASCII letter, digit, `.`, `_`, `,` or `-`). Most
 * lines with a colon have no such key, and `[owner:: alice]` is a dataview field, not one of these.
 */
const KV_HINT_RE =
  /(?:due|start|scheduled|owner|assignee|est|estimate|effort|priority|prio|id|dep|depends|threshold)[:=](?:[A-Za-z0-9._,-]|[^\x00-\x7f])/iu;
/** A priority or an estimate standing alone as a piece of a parenthesised list: it ends the piece before it. */
const PAREN_MARK = String.raw`(?:P[0-4]|~?\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(?:minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo))`;
/**
 * A parenthesised list of fields that opens with an item's key: `(owner: Bob)`, `(owner: Priya, due:
 * 2026-12-01)`, `(due: Friday; priority: high)`. Each piece runs to the next `, key:` or `; key:`.
 */
/** The keys that open a parenthesised list of fields: `(owner: Kim, due: Fri)`, `(fällig: 05.12.2026)`. */
const PAREN_OPENERS = [
  ...'owner owners assignee assignees due deadline eta priority prio effort estimate est status state points sp target'.split(
    ' ',
  ),
  'assigned to',
  'due date',
  'target date',
  'story points',
  ...FOREIGN_KEYS.map(([w]) => w),
];
/**
 * In square brackets too (`[owner: Omar]`, `[est: 2h]`), as agents write them; not a Dataview field
 * (`[due:: …]`), whose reader reads it.
 */
const PAREN_OPEN_RE = new RegExp(
  String.raw`\(\s*(?=(?:${PAREN_OPENERS.join('|')})\s*:)|\[\s*(?=(?:${PAREN_OPENERS.join('|')})\s*:(?!:))`,
  'giu',
);
/** The first characters of PAREN_OPENERS, lower case: a list opens only where one follows `(` or `[`. */
const PAREN_FIRST = new Set(PAREN_OPENERS.map((k) => k.charAt(0)));
const pieceSource = (close: string) =>
  String.raw`([\p{L}][\p{L} _-]{0,20}?)\s*:\s*((?:(?![,;]\s*(?:\p{L}[\p{L} _-]{0,20}:|${PAREN_MARK}\s*[,;${close}]))[^${close}])*)`;
const PAREN_PIECE_RE = new RegExp(pieceSource(')'), 'uy');
const BRACKET_PIECE_RE = new RegExp(pieceSource('\\]'), 'uy');
/**
 * A bold field written on an item's line after its title: `Switch DNS **Due:** Week 2`, `**Owner**:
 * Kim`, keys as field lines write them, or in italics (`— *Owner:* Kim`). The value is words
 * (letters, digits, spaces and `. , ' / : -`, an owner's `@` first): it ends before a mark, a
 * bracket, a tag or an emoji, which are fields of their own.
 */
const INLINE_BOLD_RE =
  /(\*\*|__|(?<![\p{L}\p{N}*_\\])[*_])([^*_\n|]{1,40}?)(?:[:：]\1|\1\s*[:：])[ \t]*(@?[\p{L}\p{N}][\p{L}\p{N} .,'’/:-]*)/gu;
/** The keys a bold field on an item's line gives it; other bold text ending in a colon is the title's. */
const BOLD_FIELD_KEYS: ReadonlySet<string> = new Set([
  'status',
  'priority',
  'owner',
  'due',
  'effort',
  'depends',
  // A date it is the deadline (`— **Target:** Feb 2027`), as a roadmap's Target column is.
  'target',
]);

/** The bold fields of an item's line (see INLINE_BOLD_RE). */
export function readBoldFields(s: string, base: number): Field[] {
  const out: Field[] = [];
  for (let m = first(INLINE_BOLD_RE, s); m; m = INLINE_BOLD_RE.exec(s)) {
    const rawKey = m[2]!.trim();
    const key = normaliseKey(rawKey);
    const value = m[3]!.replace(/[\s,.:-]+$/, '');
    if (!BOLD_FIELD_KEYS.has(key) || value === '') continue;
    const full = m[0].slice(0, m[0].length - (m[3]!.length - value.length));
    out.push(tok(key, rawKey, value, base, m.index, full, full.length - value.length, 'kv'));
  }
  return out;
}

/** The keys a parenthesised list gives its item; other pieces (`note: call first`) stay text. */
const PAREN_KEYS: ReadonlySet<string> = new Set([
  'owner',
  'due',
  'priority',
  'effort',
  'status',
  'points',
  'target',
]);

/** Where a mention may open: an `@` not after a word or an address's characters, a name after it. */
const MENTION_START_RE = /(?<![\p{L}\p{N}._%+-])@(?=[\p{L}\p{N}])/gu;
/** The run of a mention's characters from an offset (sticky). */
const MENTION_RUN_RE = /[\p{L}\p{N}._-]*/uy;
const isMentionJoiner = (c: number) => c === 46 || c === 95 || c === 45;

/**
 * The first mention at or after `from`: `@` not after a letter, a digit or `._%+-`, then a name of
 * letters, digits and `._-` that ends in a letter or digit, the longest such name that is not an
 * address's local part (letters or digits and then `@` after it). That is what
 * `/(?<![\p{L}\p{N}._%+-])@([\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}]|[\p{L}\p{N}])(?![\p{L}\p{N}]*@)/gu`
 * matches (the reference the tests hold), found by a scan: the regex tries its lookahead again at
 * each character it gives back, quadratic in a long name before an `@`. The name may end only where a
 * joiner (`._-`) follows it, or the run ends: when an `@` ends the run, the name stops before its last
 * joiner (`@ann.lee@corp` names `ann`), and a run without one is no mention.
 */
function nextMention(s: string, from: number): { index: number; name: string; end: number } | null {
  MENTION_START_RE.lastIndex = from;
  for (let m = MENTION_START_RE.exec(s); m; m = MENTION_START_RE.exec(s)) {
    const start = m.index + 1;
    MENTION_RUN_RE.lastIndex = start;
    MENTION_RUN_RE.exec(s);
    let end = MENTION_RUN_RE.lastIndex;
    if (s.charCodeAt(end) === 64) {
      while (end > start && !isMentionJoiner(s.charCodeAt(end - 1))) end--;
      if (end === start) {
        MENTION_START_RE.lastIndex = start;
        continue;
      }
    }
    // The first character is a letter or digit (the lookahead), so the name is never empty.
    while (isMentionJoiner(s.charCodeAt(end - 1))) end--;
    return { index: m.index, name: s.slice(start, end), end };
  }
  return null;
}
/** Whether `@name` reads as one mention of `name` whole (`kim`, `ann.lee`; not `Zed Q`, `a@b`). */
export function isMentionName(name: string): boolean {
  const m = nextMention(`@${name}`, 0);
  return m !== null && m.index === 0 && m.name === name;
}
const TAG_RE = /(?<![\p{L}\p{N}&#/[])#([\p{L}_][\p{L}\p{N}_/-]*)/gu;
/** todo.txt's `+project`, after white space or at the start (not `C++`, not `+1`). */
const PROJECT_RE = /(?<![^\s(])\+([\p{L}_][\p{L}\p{N}_./-]*[\p{L}\p{N}_]|[\p{L}_])/gu;

/** TaskPaper's tags that mark a task rather than name a person: `@done`, `@today`, `@flagged`, `@waiting`. */
const TASKPAPER_FLAGS: ReadonlySet<string> = new Set([
  'done',
  'today',
  'flagged',
  'next',
  'someday',
  'waiting',
  'blocked',
  'cancelled',
  'canceled',
]);
/** The longest value read inside a TaskPaper tag's parentheses. */
const MAX_TAG_VALUE = 80;

/**
 * TaskPaper's tag with a value, `@due(2026-03-09)`, `@priority(high)`, `@done(2026-02-27)`, whose `@`
 * is at `at` and `(` at `open`: a field of that key, not a mention; null when no value closes it.
 */
function taskPaperTag(s: string, at: number, open: number, name: string, base: number): Field | null {
  const close = s.indexOf(')', open);
  if (close < 0 || close - open > MAX_TAG_VALUE) return null;
  const inner = s.slice(open + 1, close);
  const value = inner.trim();
  if (value === '' || inner.includes('(')) return null;
  const full = s.slice(at, close + 1);
  return tok(
    normaliseKey(name),
    `@${name}`,
    value,
    base,
    at,
    full,
    open + 1 - at + inner.indexOf(value),
    'kv',
  );
}

/**
 * Whether offsets, asked in increasing order, are inside the value of one of `fields`: the values
 * sorted once and passed in step, so a line of many fields and many mentions is read in linear time.
 */
function valueCover(fields: readonly Field[]): (at: number) => boolean {
  if (fields.length === 0) return () => false;
  const spans = fields.map((f) => f.valueSpan).sort((a, b) => a.start - b.start);
  let k = 0;
  let reach = -1;
  return (at) => {
    for (; k < spans.length && spans[k]!.start <= at; k++) if (spans[k]!.end > reach) reach = spans[k]!.end;
    return at < reach;
  };
}

/**
 * Whether a field is a mark written in the title's words, `@owner`, `#tag` or `+project`: such marks
 * stay in the title as written, and a list of fields does not end at them.
 */
export function isWordMark(f: Field): boolean {
  return f.rawKey === '@' || f.rawKey === '#' || f.rawKey === '+';
}

/** The emoji EMOJI_DATE_RE and EMOJI_TEXT_RE start with: a line without one needs neither regex. */
const DATE_EMOJI = ['📅', '🗓', '⏳', '🛫', '➕', '✅', '✔', '✓', '☑', '❌'];
const TEXT_EMOJI = ['🆔', '⛔', '🔁'];

function hasAny(s: string, needles: readonly string[]): boolean {
  for (const n of needles) if (s.includes(n)) return true;
  return false;
}

/**
 * Whether PAREN_OPEN_RE can match: an opening parenthesis before one of its keys, in any case. `ſ` and
 * the Kelvin sign are the characters its case folding maps onto a key's letters that lower-casing keeps.
 */
function mayOpenParenFields(s: string): boolean {
  if (s.includes('\u017f') || s.includes('\u212a')) return true;
  const lower = s.toLowerCase();
  for (const opener of ['(', '[']) {
    for (let i = lower.indexOf(opener); i >= 0; i = lower.indexOf(opener, i + 1)) {
      let k = i + 1;
      while (lower.charCodeAt(k) === 32 || lower.charCodeAt(k) === 9) k++;
      if (PAREN_FIRST.has(lower.charAt(k))) return true;
    }
  }
  return false;
}

/**
 * The fields of every parenthesised list in `s` (see PAREN_OPEN_RE). A field spans its `key: value`;
 * the parentheses and separators stay, and go with the fields when an edit removes them.
 */
export function readParenFields(s: string, base: number): Field[] {
  const out: Field[] = [];
  for (let m = first(PAREN_OPEN_RE, s); m; m = PAREN_OPEN_RE.exec(s)) {
    let pos = m.index + m[0].length;
    const opened = pos;
    const square = s.charCodeAt(m.index) === 91;
    // A link's or an image's text, a wiki link, an escaped bracket: no list.
    if (square && !isOwnBracket(s, m.index)) {
      PAREN_OPEN_RE.lastIndex = m.index + 1;
      continue;
    }
    const pieceRe = square ? BRACKET_PIECE_RE : PAREN_PIECE_RE;
    for (;;) {
      pieceRe.lastIndex = pos;
      const p = pieceRe.exec(s);
      if (!p) break;
      const key = normaliseKey(p[1]!);
      const value = p[2]!.trimEnd();
      // A target opens a list where it is a date (`(target: Dec 2026)`), a deadline: `(target: 100
      // req/s)` is what the work aims at, and the title's.
      if (key === 'target' && pos === opened && !namesDate(value)) break;
      if (PAREN_KEYS.has(key) && value !== '') {
        const valueAt = p[0].indexOf(value, p[1]!.length + 1);
        out.push(tok(key, p[1]!, value, base, p.index, p[0].slice(0, valueAt + value.length), valueAt, 'kv'));
      }
      pos = p.index + p[0].length;
      const c = s.charCodeAt(pos);
      if (c !== 44 && c !== 59) break;
      pos++;
      while (s.charCodeAt(pos) === 32 || s.charCodeAt(pos) === 9) pos++;
    }
    PAREN_OPEN_RE.lastIndex = Math.max(pos, m.index + 1);
  }
  return out;
}

/**
 * Whether the square bracket at `open` opens a group of its own, closed on the line: not a link's or
 * an image's text (`[owner: Bo](…)`, `![…]`), a reference (`[…]: url`), a wiki link or an escape.
 */
function isOwnBracket(s: string, open: number): boolean {
  const before = s.charCodeAt(open - 1);
  if (before === 91 || before === 33 || before === 92) return false;
  const close = s.indexOf(']', open);
  if (close < 0) return false;
  const after = s.charCodeAt(close + 1);
  return after !== 40 && after !== 91 && after !== 93 && after !== 58;
}

/** The first match of a global regex from the start; call `re.exec(s)` for the next ones (no iterator per call). */
function first(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(s);
}

/**
 * Replaces the inside of inline code spans with spaces so nothing is read from code, a backtick left
 * at each end: the span is still something, not white space a reader may take as a gap (the tail of
 * `Fix \`parse()\` — @li, 2d` starts after the code, not before it). Same length as the input.
 * A span is what `/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g` matches: an opening run of backticks (the
 * whole run, or the longest end of it that has a match) and the next run of exactly its length. Found
 * by a scan of the runs, with the next run of each length looked up: the regex backtracks through a
 * long run of backticks at every offset, quadratic in the run.
 */
export function maskCode(s: string): string {
  const masked = maskCodeSpans(s);
  // Full-width punctuation, as Chinese and Japanese plans write it (`（负责人：王伟）`, `鈴木、`), is read as its
  // ASCII form: one UTF-16 unit each, so offsets stay those of the text.
  return FULL_WIDTH_RE.test(masked) ? masked.replace(FULL_WIDTH_ALL_RE, (c) => FULL_WIDTH[c]!) : masked;
}
const FULL_WIDTH: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '，': ',',
  // Japanese lists with the ideographic comma (`（担当：鈴木、期限：2026-05-10）`).
  '、': ',',
  '；': ';',
};
const FULL_WIDTH_RE = /[（）：，、；]/;
const FULL_WIDTH_ALL_RE = /[（）：，、；]/g;

function maskCodeSpans(s: string): string {
  let i = s.indexOf('`');
  if (i < 0) return s;
  const starts: number[] = [];
  const lengths: number[] = [];
  const byLength = new Map<number, number[]>();
  while (i >= 0) {
    let j = i + 1;
    while (s.charCodeAt(j) === 96) j++;
    const list = byLength.get(j - i);
    if (list) list.push(starts.length);
    else byLength.set(j - i, [starts.length]);
    starts.push(i);
    lengths.push(j - i);
    i = s.indexOf('`', j);
  }
  // Per length, where the search for a later run of that length resumes (runs are taken in order).
  const cursor = new Map<number, number>();
  let out = '';
  let copied = 0;
  for (let r = 0; r < starts.length; r++) {
    const run = lengths[r]!;
    for (let n = run; n >= 1; n--) {
      const list = byLength.get(n);
      if (list === undefined) continue;
      let k = cursor.get(n) ?? 0;
      while (k < list.length && list[k]! <= r) k++;
      cursor.set(n, k);
      if (k === list.length) continue;
      const close = list[k]!;
      const from = starts[r]! + run - n;
      const to = starts[close]! + n;
      out += `${s.slice(copied, from)}\`${' '.repeat(to - from - 2)}\``;
      copied = to;
      r = close;
      break;
    }
  }
  return copied === 0 ? s : out + s.slice(copied);
}

function tok(
  key: string,
  rawKey: string,
  value: string,
  base: number,
  index: number,
  full: string,
  valueOffset: number,
  style: FieldStyle,
): Field {
  const start = base + index;
  return {
    key,
    rawKey,
    value,
    span: { start, end: start + full.length },
    valueSpan: { start: start + valueOffset, end: start + valueOffset + value.length },
    style,
  };
}

/**
 * Inline fields on an item line: dataview `[key:: value]`, Obsidian Tasks emoji, `key:value`,
 * `(owner: Bob)`, `@owner`, `#tag`, `:org:tags:`. `base` is the offset of `s` in the plan text.
 */
export function readInlineFields(s: string, base: number, masked = maskCode(s)): Field[] {
  const out: Field[] = [];
  // Cheap checks first: most item lines carry no inline fields at all.
  const has = (c: string) => masked.includes(c);
  const nonAscii = /[^\x00-\x7f]/.test(masked);
  if (has('::'))
    for (let m = first(DATAVIEW_RE, masked); m; m = DATAVIEW_RE.exec(masked)) {
      out.push(
        tok(
          normaliseKey(m[1]!),
          m[1]!,
          m[2]!,
          base,
          m.index,
          m[0],
          m[0].indexOf(m[2]!, m[1]!.length + 3),
          'dataview',
        ),
      );
    }
  if (nonAscii && hasAny(masked, DATE_EMOJI))
    for (let m = first(EMOJI_DATE_RE, masked); m; m = EMOJI_DATE_RE.exec(masked)) {
      out.push(
        tok(normaliseKey(m[1]!), m[1]!, m[2]!, base, m.index, m[0], m[0].length - m[2]!.length, 'emoji'),
      );
    }
  if (nonAscii && hasAny(masked, TEXT_EMOJI))
    for (let m = first(EMOJI_TEXT_RE, masked); m; m = EMOJI_TEXT_RE.exec(masked)) {
      out.push(
        tok(
          normaliseKey(m[1]!),
          m[1]!,
          m[2]!.trim(),
          base,
          m.index,
          m[0],
          m[0].indexOf(m[2]!.trim()),
          'emoji',
        ),
      );
    }
  if (nonAscii && has('👤'))
    for (let m = first(OWNER_EMOJI_RE, masked); m; m = OWNER_EMOJI_RE.exec(masked)) {
      out.push(tok('owner', '👤', m[1]!, base, m.index, m[0], m[0].length - m[1]!.length, 'emoji'));
    }
  if (nonAscii && (has('⏱') || has('⌛')))
    for (let m = first(EFFORT_EMOJI_RE, masked); m; m = EFFORT_EMOJI_RE.exec(masked)) {
      out.push(tok('effort', m[1]!, m[2]!, base, m.index, m[0], m[0].length - m[2]!.length, 'emoji'));
    }
  if ((has(':') || has('=')) && KV_HINT_RE.test(masked))
    for (let m = first(KV_RE, masked); m; m = KV_RE.exec(masked)) {
      out.push(tok(normaliseKey(m[1]!), m[1]!, m[2]!, base, m.index, m[0], m[1]!.length + 1, 'kv'));
    }
  if ((has('(') || has('[')) && mayOpenParenFields(masked))
    for (const f of readParenFields(masked, base)) out.push(f);
  if ((has('*') || has('_')) && (has(':') || has('：')))
    for (const f of readBoldFields(masked, base)) out.push(f);
  if ((has('(') || has('[')) && POINTS_HINT_RE.test(masked))
    for (let m = first(POINTS_RE, masked); m; m = POINTS_RE.exec(masked)) {
      out.push(tok('points', m[2]!, m[1]!, base, m.index, m[0], m[0].indexOf(m[1]!), 'kv'));
    }
  if (has('@')) {
    // A mention that is a field's value already read (`[owner:: @kim]`, `👤 @kim`) is that field.
    const inValue = valueCover(out);
    for (let m = nextMention(masked, 0); m; m = nextMention(masked, m.end)) {
      if (inValue(base + m.index)) continue;
      if (masked.charCodeAt(m.end) === 40) {
        const tag = taskPaperTag(masked, m.index, m.end, m.name, base);
        if (tag !== null) {
          out.push(tag);
          m.end = tag.span.end - base;
        }
        continue;
      }
      if (!TASKPAPER_FLAGS.has(m.name.toLowerCase()))
        out.push(tok('owner', '@', m.name, base, m.index, `@${m.name}`, 1, 'kv'));
    }
  }
  if (has('#'))
    for (let m = first(TAG_RE, masked); m; m = TAG_RE.exec(masked)) {
      out.push(tok('tags', '#', m[1]!, base, m.index, m[0], 1, 'kv'));
    }
  if (has('+'))
    for (let m = first(PROJECT_RE, masked); m; m = PROJECT_RE.exec(masked)) {
      out.push(tok('tags', '+', m[1]!, base, m.index, m[0], 1, 'kv'));
    }
  const org = orgTags(masked);
  if (org)
    out.push(tok('tags', ':', org.tags.slice(1, -1).replace(/:/g, ','), base, org.start, org.tags, 1, 'kv'));
  // Array sort allocates even for a list already in order, the usual case: sort only when needed.
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.span.start < out[i - 1]!.span.start) return out.sort((a, b) => a.span.start - b.span.start);
  }
  return out;
}

/**
 * `by` in the languages plans are written in, with the article a date takes there (`bis 15.12.2026`,
 * `hasta el 15/01/2027`, `entro il 2027-01-15`, `avant le 15/01/2027`, `до 20.01.2027`): read before a
 * date written in figures, as the month names are English.
 */
const FOREIGN_BY = String.raw`bis(?:\s+zum)?|hasta(?:\s+el)?|até(?:\s+(?:o|dia))?|entro(?:\s+il)?|avant(?:\s+le)?|до`;
/** The words of a due phrase read only before figures: a target, and `by` in other languages. */
const FIGURES_ONLY_RE = new RegExp(`^(?:target|${FOREIGN_BY})`, 'iu');

/**
 * The rest of a range after its first day, in a due phrase: the last day, alone or with its month
 * (`due Dec 14–18`, `by Dec 14 – Dec 18`), or an ISO date after an arrow or dots. Its dash is a hyphen
 * or an en dash unspaced, or an en dash spaced: a spaced hyphen or em dash separates what follows.
 */
const RANGE_REST = String.raw`(?:(?:[-–]|[ \t]+–[ \t]+)(?:${MONTH_NAME}\s+)?\d{1,2}(?:st|nd|rd|th)?(?![\p{L}\p{N}:./-])|[ \t]*(?:→|->|\.\.)[ \t]*\d{4}-\d{2}-\d{2}(?!\d))?`;

const DUE_PHRASE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(due(?:[ \t]+(?:by|on))?|by|before|eta|deadline|target(?:ing|\s+date)?|${FOREIGN_BY})\s+(\d{4}-\d{2}-\d{2}(?!\d)${RANGE_REST}|\d{4}\/\d{1,2}\/\d{1,2}(?![\d/])|\d{1,2}([./])\d{1,2}\3\d{4}(?![\d/]|\.\d)|(?:day|week)\s+\d{1,3}(?![\p{L}\p{N}])|${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?${RANGE_REST}(?:,?\s+\d{4}(?!\d)|(?![\p{L}\p{N}]))|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_NAME},?\s+\d{4}(?!\d)|(?:(?:this|next)\s+)?${WEEKDAY_NAME}(?![\p{L}\p{N}'’])|in\s+\d{1,3}\s+(?:days?|weeks?)(?![\p{L}\p{N}])|(?:today|tomorrow)(?![\p{L}\p{N}'’])|EO[DWMQ](?![\p{L}\p{N}])|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month|quarter)(?![\p{L}\p{N}])|(?:(?:the\s+)?end\s+of\s+)?(?:[QH][1-4][ \t]*[-/]?[ \t]*\d{4}|\d{4}[ \t]*[-/]?[ \t]*[QH][1-4]|${MONTH_NAME}\s+\d{4})(?![\p{L}\p{N}]))|@\{(\d{4}-\d{2}-\d{2})\}`,
  'iu',
);
const HAS_DIGIT_RE = /\d/;
/** What a due phrase naming a weekday, today or tomorrow has: the day's name after one of its words. */
const WEEKDAY_HINT_RE =
  /(?:due(?:\s+on)?|by|before|eta|deadline|target(?:ing|\s+date)?)\s+(?:(?:this|next)\s+)?(?:mon|tue|wed|thu|fri|sat|sun|today|tomorrow)/i;
/** What a due phrase naming the end of the plan's day, week, month or quarter has: `EOW`, `end of`. */
const PERIOD_END_HINT_RE = /\bEO[DWMQ]\b|\bend\s+of\b/i;
/** What a due phrase needs besides its digits: one of its words, or a Kanban card's `@{`. */
const DUE_WORD_RE = /due|by|before|eta|deadline|target|bis|hasta|até|entro|avant|до|@\{/iu;

/** A date opening a title, set off by a dash or colon: `2026-03-01 — Kickoff`. */
const LEADING_DATE_RE = /^(\d{4}-\d{2}-\d{2})[ \t]*(?:[—–:|]|-(?=[ \t]))/;

/**
 * The date opening an item's title, set off by a dash or colon (`2026-03-01 — Kickoff`), as its due
 * date: the field spans the date and the separator. Read on items only: a changelog's dated bullets
 * are not tasks by it.
 */
export function readLeadingDate(s: string, base: number): Field | null {
  const lead = LEADING_DATE_RE.exec(s);
  if (lead === null) return null;
  const value = lead[1]!;
  return {
    key: 'due',
    rawKey: '',
    value,
    span: { start: base, end: base + lead[0].length },
    valueSpan: { start: base, end: base + value.length },
    style: 'kv',
  };
}

/**
 * A due date said in words on an item line: `due 2026-02-06`, `by 2025-02-01`, `before March 3, 2026`,
 * `ETA Jan 20`, `deadline 2026-03-01`, `due Day 3`, `by Week 2`, `due Mar 18`, `by Friday` and `by
 * next Friday` (against the plan's date), a period whose end it is (`by Q2 2027`, `by the end of March
 * 2027`, `due 2027-H1`), the end of the plan's day, week, month or quarter (`by EOW`, `due end of
 * month`), a target with figures (`target Q1 2027`, `targeting Dec 2026`), or an Obsidian Kanban
 * card's `@{2026-01-20}`. A period without its year (`by Q3`) is not
 * read: which year is meant is a guess.
 */
export function readDuePhrase(s: string, base: number): Field | null {
  if (
    !DUE_WORD_RE.test(s) ||
    !(HAS_DIGIT_RE.test(s) || WEEKDAY_HINT_RE.test(s) || PERIOD_END_HINT_RE.test(s))
  )
    return null;
  const m = DUE_PHRASE_RE.exec(s);
  if (!m) return null;
  // A target is a deadline when a date or period with its figures follows: `target Friday` may be a
  // build's target, `target Q1 2027` is not. So is `by` in another language (`bis Freitag` is not read).
  if (m[1] !== undefined && FIGURES_ONLY_RE.test(m[1]) && !HAS_DIGIT_RE.test(m[2]!)) return null;
  const start = base + m.index;
  const value = m[2] ?? m[4]!;
  const valueStart = m[2] ? start + m[0].length - value.length : start + 2;
  return {
    key: 'due',
    rawKey: m[1] ?? '@{',
    value,
    span: { start, end: start + m[0].length },
    valueSpan: { start: valueStart, end: valueStart + value.length },
    style: 'kv',
  };
}

const MARKER_RE = /\[(P|US\d{1,3})\][ \t]*/y;

/**
 * spec-kit's markers leading a task's text, after its ID: `[P]` (can run in parallel) and `[US1]`
 * (the user story it serves), read as the tags `parallel` and `us1`. Only at the start: a `[P]` in
 * the middle of a sentence is the sentence's.
 */
export function readLeadingMarkers(s: string, base: number): Field[] {
  let i = 0;
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  if (s.charCodeAt(i) !== 91) return [];
  const out: Field[] = [];
  MARKER_RE.lastIndex = i;
  for (let m = MARKER_RE.exec(s); m; m = MARKER_RE.exec(s)) {
    const code = m[1]!;
    const value = code === 'P' ? 'parallel' : code.toLowerCase();
    const start = base + m.index;
    out.push({
      key: 'tags',
      rawKey: '[]',
      value,
      span: { start, end: start + code.length + 2 },
      valueSpan: { start: start + 1, end: start + 1 + code.length },
      style: 'kv',
    });
  }
  return out;
}

/**
 * Org-mode tags ending a line after white space (`Title :work:urgent:`), as
 * `/\s(:(?:[\p{L}\p{N}_@]+:)+)\s*$/u` reads them: where they start and the tags with their colons.
 * The tags are the letters, digits, `_`, `@` and colons that end the line, so they are found from the end.
 */
export function orgTags(s: string): { start: number; tags: string } | null {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  if (end < 3 || s.charCodeAt(end - 1) !== 58) return null;
  let start = end - 1;
  for (let cp = codePointBefore(s, start); cp === 58 || cp === 64 || cp === 95 || isLetterOrDigit(cp); ) {
    if (cp === 58 && s.charCodeAt(start) === 58) return null;
    start -= cp >= 0x10000 ? 2 : 1;
    cp = codePointBefore(s, start);
  }
  if (start === 0 || !isSpace(s.charCodeAt(start - 1)) || s.charCodeAt(start) !== 58 || end - start < 3)
    return null;
  return { start, tags: s.slice(start, end) };
}

/** Values that mean "nobody" or "not set". */
export function isPlaceholder(value: string): boolean {
  return /^(?:tbd|tba|n\/a|na|none|-|—|unassigned|nobody|\?|todo)$/i.test(value.replace(/[*_`]/g, '').trim());
}
