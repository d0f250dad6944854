/** Setting and clearing attributes in the notation the line or the plan already uses. */
import { TmError } from '../errors.js';
import { type Field, type Item, type Plan, type Span, STATUSES, type Status } from '../model.js';
import {
  dateLike,
  isMonthDay,
  monthFirst,
  type RangeEnd,
  rangeStart,
  resolveDate,
  wholeDateRange,
} from '../plan/attributes/dates.js';
import { readEffort } from '../plan/attributes/effort.js';
import { isMentionName, normaliseKey } from '../plan/attributes/fields.js';
import { isOwnerName, isOwnerPhrase } from '../plan/attributes/pieces.js';
import { foreignPriorityLike, readPriorityValue } from '../plan/attributes/priority.js';
import { readStatusValue } from '../plan/attributes/status.js';
import { codePointBefore, isBlank, isLetterOrDigit, setOffDashAt } from '../plan/chars.js';
import { lineAt } from '../plan/lines.js';
import { trailingStatusMark } from '../plan/marks.js';
import { parsePlan } from '../plan/parse.js';
import { holdsFieldLines, insertFieldLine } from './fieldline.js';
import { inOwnNotation } from './notation.js';
import { applyEdits, type Edit } from './splice.js';
import {
  boxAfterMarker,
  boxlessSiblings,
  keepingOthers,
  legendGlyphStatus,
  type SetStatusOptions,
  setStatus,
} from './status.js';
import { cellText, eolOf, keySpelling, lineStartAt, markFor, nextLineStart, usesEmojiFor } from './style.js';

const EMOJI_KEYS: Readonly<Record<string, string>> = {
  due: '📅',
  scheduled: '⏳',
  start: '🛫',
  created: '➕',
  done: '✅',
  id: '🆔',
  depends: '⛔',
};

/**
 * Edits that set `key` to `value` on the item, or remove it when `value` is null. The status is set
 * as setStatus sets it, with `options` (today's date, for a todo.txt line marked done).
 */
export function setAttribute(
  plan: Plan,
  item: Item,
  key: string,
  value: string | null,
  options: SetStatusOptions = {},
): Edit[] {
  const k = normaliseKey(key);
  if (value !== null && /[\r\n]/.test(value))
    throw new TmError('TM_INVALID_EDIT', 'Attribute values cannot contain line breaks.');
  if (k === 'status') {
    if (value === null)
      throw new TmError(
        'TM_INVALID_EDIT',
        'An item always has a status; set another one instead of removing it.',
      );
    const lower = value.toLowerCase();
    const status = (STATUSES as readonly string[]).includes(lower)
      ? (lower as Status)
      : readStatusValue(value)?.status;
    if (!status)
      throw new TmError('TM_INVALID_EDIT', `"${value}" is not a status; use one of ${STATUSES.join(', ')}.`);
    return setStatus(plan, item, status, options);
  }
  // Story points are written in brackets after a number (`(5 pts)`): a value that is not one would not
  // read back.
  if (k === 'points' && value !== null && !/^\d{1,3}(?:\.\d)?$/.test(value.trim()))
    throw new TmError(
      'TM_INVALID_EDIT',
      `"${value}" is not a number of story points; write it like 3 or 0.5.`,
    );
  // Where an item states a key twice (`(A) Call [priority:: P2]`), the parser reads the last of them
  // (the first owner): every one is set, so the plan stops contradicting itself, and every one is
  // removed. An item's several owners are its mentions: setting the owner changes the first.
  // `#tag` and `+project` marks are words of the title, not the item's tags field.
  let stated = item.fields.filter((f) => f.key === k && f.rawKey !== '#' && f.rawKey !== '+');
  // A due date read from a target that is a date (a roadmap's `Target` column), or from the end of a
  // schedule's work (`| End |`, `| Dates |`), is set there.
  if (k === 'due' && stated.length === 0 && item.dueText !== null)
    stated = item.fields.filter((f) => DUE_LIKE_KEYS.has(f.key) && f.value.trim() === item.dueText);
  // A field inside another (the `@kim` of `(owner: @kim)`) goes with the outer one.
  const existing = outermost(stated);
  if (existing.length > 0) {
    if (value === null)
      return keepingOthers(
        plan,
        keepingItem(plan, item, removeFields(plan, existing)),
        boxlessSiblings(plan, item),
      );
    const v = value;
    return (k === 'owner' ? existing.slice(0, 1) : existing).flatMap((f) =>
      replaceValue(plan, item, f, k, v),
    );
  }
  if (value === null) return [];
  if (item.kind === 'heading' || holdsFieldLines(plan, item)) return [addToHeading(plan, item, k, value)];
  if (item.kind === 'file') return [addToFile(plan, item, k, value)];
  if (item.kind === 'table-row')
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its table has no ${key} column; add the column to the table to give rows a ${key}.`,
    );
  return [addInline(plan, item, k, value)];
}

/**
 * The fields not inside another of `fields`, in their order; of two on the same span, the first.
 * Ordered by start, the longer first, a field is inside another when one before it reaches as far:
 * one sort and a pass, where testing every pair was quadratic in a line of thousands of fields.
 */
export function outermost(fields: readonly Field[]): Field[] {
  if (fields.length < 2) return [...fields];
  const order = fields.map((_, i) => i);
  order.sort((a, b) => {
    const f = fields[a]!.span;
    const g = fields[b]!.span;
    return f.start - g.start || g.end - f.end || a - b;
  });
  const inner = new Set<number>();
  let reach = -1;
  for (const i of order) {
    const end = fields[i]!.span.end;
    if (end <= reach) inner.add(i);
    else reach = end;
  }
  return fields.filter((_, i) => !inner.has(i));
}

/**
 * `edits` that take a field off a bullet that is an item by the metadata it carries (`- Write docs
 * (2d, @ana)`), and, when the plan would no longer have it, a box that keeps it one (`- [ ] Write
 * docs (2d)`): an item is never dropped from the plan by taking a field off it. A line of a
 * paragraph or a heading has no list marker to put a box after: the edit is refused instead.
 */
function keepingItem(plan: Plan, item: Item, edits: Edit[]): Edit[] {
  const from = item.lineSpan.start;
  // A line of a paragraph is an item this way when it opens with an ID (`ENG-42 Fix it — @kim, 2d`).
  const idLine =
    item.list === null && item.id !== null && /^[A-Z]/.test(plan.text.slice(from, item.lineSpan.end));
  const titled = holdsFieldLines(plan, item);
  // A heading may be an item by its fields alone too (`## Plan` over `**Owner:** Bo`).
  const heading = item.kind === 'heading';
  if (!heading && (item.kind !== 'status-bullet' || (item.list === null && !idLine && !titled))) return edits;
  // Whether it is still an item, in its plan: a card of a lane stays one without its metadata. Its
  // line starts where it did, as the edits are its fields', on it or after it.
  const after = parsePlan(applyEdits(plan.text, edits), { file: plan.file });
  if (after.items.some((i) => i.lineSpan.start === from)) return edits;
  if (heading || (titled && item.list === null))
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its ${heading ? 'heading' : 'line'} is an item by the fields under it; without this one it would not be one. Set another value, or give the item a status first.`,
    );
  if (item.list === null)
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its line is a task by the metadata it carries; without this field it would not be one. Set another value, or make the line a list item (\`- [ ] …\`) first.`,
    );
  return [...edits, boxAfterMarker(plan, item, markFor(plan, item.status))];
}

/** The edits that give field `f` of `item` the value `value`, written as the field is. */
function replaceValue(plan: Plan, item: Item, f: Field, key: string, value: string): Edit[] {
  // An owner written as a mention (`assignee: ['@kim']`, `**Owner:** @kim`) stays one, and one
  // written in a list without a key (`— unassigned`) becomes one: a bare name there is no owner.
  const bare = f.rawKey === '' && f.style === 'kv';
  if (key === 'owner' && bare && /\s/.test(value.trim()))
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: "${value}" would not read as one owner where "${f.value}" stands; write it as one word (a handle).`,
    );
  const mention = f.value.startsWith('@') || bare || f.rawKey === '@';
  let v = key === 'owner' && mention && !value.startsWith('@') ? `@${value.trim()}` : value;
  // A mention's value is the name after its `@`.
  if (key === 'owner' && f.rawKey === '@') v = value.trim().replace(/^@/, '');
  // `@Zed Q` or `@ann@corp` would read as another owner, or as none. After a key (`Owner: @cy`) the
  // name is written plain, as the key says whose it is; a mention alone must stay a mention. Front
  // matter holds any value, quoted as YAML needs.
  const handle = f.rawKey === '@' ? v : v.slice(1);
  if (key === 'owner' && mention && f.style !== 'front-matter' && !isMentionName(handle)) {
    if (f.rawKey === '' || f.rawKey === '@' || isOwnerPhrase(f))
      throw new TmError(
        'TM_INVALID_EDIT',
        `${item.key}: "${value}" would not read as one mention where "${f.rawKey === '@' ? '@' : ''}${f.value}" stands; write it as a handle (letters, digits and . _ - inside).`,
      );
    v = value.trim();
  }
  // An owner named by a phrase (`assigned to Bo`) is read as a name or a mention: another value is
  // written as a mention where it is one word, and refused where it is more.
  if (isOwnerPhrase(f) && !isOwnerName(v)) {
    if (!isOwnerName(`@${v}`))
      throw new TmError(
        'TM_INVALID_EDIT',
        `${item.key}: "${v}" would not read as the name after "${f.rawKey}"; write it with capitals (Kim Lee) or as one word.`,
      );
    v = `@${v}`;
  }
  if (f.style === 'mark') {
    const edit = { ...f.valueSpan, text: markText(key, f.value, v) };
    // A circle before a priority word (`🔴 **Critical**: Patch`, `Review 🔴 High`) changes with it.
    let at = f.span.start;
    while (at < f.valueSpan.start && isBlank(plan.text.charCodeAt(at))) at++;
    const circle = plan.text.slice(at, at + 2);
    if (key !== 'priority' || f.valueSpan.start === at || !TRAFFIC_LIGHTS.includes(circle))
      return [{ ...edit, text: notAStatus(plan, item, edit.text, value) }];
    const rank = readPriorityValue(v)!.rank;
    return [
      {
        start: at,
        end: at + 2,
        text: notAStatus(plan, item, TRAFFIC_LIGHTS[rank]!, value),
      },
      edit,
    ];
  }
  // A value linked to its page (`owner:: [[Mira]]`, `due:: [[Dec 12th, 2026]]`) stays linked.
  const page = /^\[\[([^\][]*)\]\]$/.exec(f.value);
  // Work scheduled over a range of days (`Dec 14–18`) is due by its last: that moves, the start stays.
  const range = key === 'due' && page === null && ISO_DATE_RE.test(v) ? wholeDateRange(f.value) : null;
  const end = range === null ? null : rangeEndEdit(plan, item, f, range, v);
  if (end !== null) return [end];
  // A date given in ISO is written as the field's date is (`Dec 14, 2026`, `14.12.2026`).
  v = dateLike(page ? page[1]! : f.value, v);
  if (page && !v.startsWith('[[')) v = `[[${v.trim()}]]`;
  if (f.style === 'dataview') refuseDataviewValue(f.rawKey, v);
  const text =
    f.style === 'front-matter'
      ? yamlScalar(v, plan.text.charAt(f.valueSpan.start - 1))
      : f.style === 'table-cell'
        ? f.value === ''
          ? ` ${cellText(v)} `
          : cellText(v)
        : v;
  // A mention or tag read right after the value (`Owner: Kim~~@carol`) stays one: a value ending in
  // a letter would join it (`zed@carol` is no mention).
  const joins =
    /[\p{L}\p{N}]$/u.test(text) &&
    item.fields.some((g) => g.span.start === f.valueSpan.end && (g.rawKey === '@' || g.rawKey === '#'));
  return [{ start: f.valueSpan.start, end: f.valueSpan.end, text: joins ? `${text} ` : text }];
}

/** The keys besides due whose date is the item's due date (see applyField). */
const DUE_LIKE_KEYS: ReadonlySet<string> = new Set(['target', 'end', 'dates']);
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The edit that moves the end of the range of days a due field's value is to `iso`, written as the
 * end was: the day alone in the start's month (`Dec 14–18` → `Dec 14–21`), else as the end's date was
 * (`Dec 14, 2026 – Jan 3, 2027`). Null where the range would not read back so: a new end before its
 * start, a year the plan's date would place elsewhere. Then the whole value is written as a date.
 */
function rangeEndEdit(plan: Plan, item: Item, f: Field, range: RangeEnd, iso: string): Edit | null {
  // Offsets in the value are offsets in the plan only where the value is the text its span holds.
  if (plan.text.slice(f.valueSpan.start, f.valueSpan.end) !== f.value) return null;
  if (item.due === null) return null;
  const anchor = plan.facts.date ?? item.due;
  const first = rangeStart(range, item.due);
  if (first === null || first > iso) return null;
  const endText = f.value.slice(range.endIndex, range.endIndex + range.endLength);
  const dayOnly = /^\d{1,2}(?:st|nd|rd|th)?$/i.test(endText);
  const text =
    dayOnly && first.slice(0, 7) === iso.slice(0, 7)
      ? String(Number(iso.slice(8)))
      : yearLessLike(dayOnly ? range.date : endText, iso);
  const value = f.value.slice(0, range.endIndex) + text + f.value.slice(range.endIndex + range.endLength);
  const read = wholeDateRange(value);
  if (read === null || resolveDate(read.date, plan.facts.date, anchor)?.date !== iso) return null;
  const at = f.valueSpan.start + range.endIndex;
  return { start: at, end: at + range.endLength, text };
}

/**
 * `iso` written as `old` is, where `old` is a day and month without a year (`Dec 18`, `18 Dec`): in
 * that shape without a year (`Jan 4`), which the caller checks reads back as `iso`; else as dateLike
 * writes it.
 */
function yearLessLike(old: string, iso: string): string {
  if (!isMonthDay(monthFirst(old))) return dateLike(old, iso);
  for (const withYear of [`${old}, 2000`, `${old} 2000`]) {
    const written = dateLike(withYear, iso);
    if (written !== iso) return written.replace(/,?\s+\d{4}$/, '');
  }
  return iso;
}

/**
 * `text`, a priority mark to be written, unless the plan's legend makes it a status (`🟢 done`):
 * written, it would say the status rather than the priority. Refused then.
 */
function notAStatus(plan: Plan, item: Item, text: string, value: string): string {
  const status = legendGlyphStatus(plan, text);
  if (status === null) return text;
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: the priority ${value} is written ${text} here, which this plan's legend makes the status ${status}; edit line ${item.line} by hand.`,
  );
}

const OBSIDIAN_PRIORITY = ['🔺', '⏫', '🔼', '🔽', '⏬'];
const TRAFFIC_LIGHTS = ['🔴', '🟠', '🟡', '🟢', '🟢'];
/** The word for each rank, for a priority mark written as a word. */
const PRIORITY_WORDS = ['critical', 'high', 'medium', 'low', 'lowest'];

/**
 * A new value for a priority or estimate mark, in the mark's own notation: `P0`–`P4`, a todo.txt or
 * org letter (A high, B medium, C low), an Obsidian Tasks or traffic-light emoji, `!!!` or `!!`, a
 * priority word (`[HIGH]`, `(low)`), or an estimate. A value the mark cannot show is refused rather than written
 * where it would no longer be read.
 */
function markText(key: string, old: string, value: string): string {
  if (key === 'effort') {
    const v = value.trim();
    const e = readEffort(v);
    if (e === null || e.text !== v)
      throw new TmError(
        'TM_INVALID_EDIT',
        `"${value}" is not an estimate; write it like 3d, 4h, 30 min or 2-3 days.`,
      );
    return v;
  }
  const p = readPriorityValue(value);
  if (p === null)
    throw new TmError(
      'TM_INVALID_EDIT',
      `"${value}" is not a priority; use P0–P4, a letter A–E, or a word such as high or low.`,
    );
  if (/^P[0-4]$/.test(old)) return `P${p.rank}`;
  if (/^[A-E]$/.test(old)) return 'AABCD'.charAt(p.rank);
  if (OBSIDIAN_PRIORITY.includes(old)) return OBSIDIAN_PRIORITY[p.rank]!;
  if (TRAFFIC_LIGHTS.includes(old)) return TRAFFIC_LIGHTS[p.rank]!;
  if (old === '!!' || old === '!!!') {
    if (p.rank === 1 || p.rank === 2) return p.rank === 1 ? '!!!' : '!!';
    throw new TmError(
      'TM_INVALID_EDIT',
      `"${value}" cannot be shown by ${old}, which says high (!!!) or medium (!!); unset the priority first to write it another way.`,
    );
  }
  // A phrase of another language (`prioridad alta`, `Hohe Priorität`) stays in it where it has a word.
  const foreign = foreignPriorityLike(old, p.rank);
  if (foreign !== null) return foreign;
  // A word (`[HIGH]`, `(low)`): the word of the rank, in the case the old one was written.
  const word = PRIORITY_WORDS[p.rank]!;
  if (/^[A-Z]+$/.test(old)) return word.toUpperCase();
  if (/^[A-Z]/.test(old)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/**
 * `value` as YAML reads it back: inside the quotes a value already has (`'` doubled, `"` and `\`
 * escaped), or bare when YAML takes it as plain text, else double-quoted.
 */
function yamlScalar(value: string, quote: string): string {
  if (quote === "'") return value.replace(/'/g, "''");
  if (quote === '"') return JSON.stringify(value).slice(1, -1);
  const plain =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/.test(value) &&
    !/\s$/.test(value) &&
    !/^(?:true|false|null|~|yes|no|on|off)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * A new field of a file item, in the form of its others: a `key: value` line at the end of the
 * front matter, or a `# Key: value` heading after the last of the opening headings that have a value
 * (a `# Details:` heading after them opens content of its own).
 */
function addToFile(plan: Plan, item: Item, key: string, value: string): Edit {
  const eol = eolOf(plan);
  const text = plan.text;
  const last = item.fields[item.fields.length - 1]!;
  if (last.style === 'front-matter') {
    // Before the closing `---`, after whatever else the front matter holds.
    let l = lineAt(plan.lines, last.span.end) + 1;
    while (
      l < plan.lines.count &&
      !/^(?:---|\.\.\.)\s*$/.test(text.slice(plan.lines.start[l], plan.lines.end[l]))
    )
      l++;
    const at = plan.lines.start[Math.min(l, plan.lines.count - 1)]!;
    return {
      start: at,
      end: at,
      text: `${keySpelling(plan, key, 'front-matter').toLowerCase()}: ${yamlScalar(value, '')}${eol}`,
    };
  }
  let anchor = item.fields[0]!;
  for (const f of item.fields) {
    if (lineAt(plan.lines, f.span.start) > lineAt(plan.lines, anchor.span.start) + 1) break;
    if (f.value !== '') anchor = f;
    else break;
  }
  const lineStart = lineStartAt(plan, anchor.span.start);
  const hashes = text.slice(lineStart, anchor.span.start);
  const at = nextLineStart(plan, anchor.span.start);
  const line = `${hashes}${keySpelling(plan, key, 'heading-field')}: ${value}`;
  const atEnd = at === text.length && !/[\r\n]$/.test(text);
  return { start: at, end: at, text: atEnd ? `${eol}${line}` : `${line}${eol}` };
}

function removeField(plan: Plan, f: Field): Edit {
  const text = plan.text;
  switch (f.style) {
    case 'bold-pipe': {
      // With the separator before it (` | `, ` · `, ` • `).
      let start = separatorBefore(text, f) - 1;
      while (start > 0 && text[start - 1] === ' ') start--;
      return { start, end: f.span.end, text: '' };
    }
    case 'bold-line':
      // First field of a joined line (`**Owner:** Kim | **Due:** …`, `Owner: @kai. Target: …`): it
      // goes with the separator after it; alone on its line, the line goes.
      return oneOfLine(plan, f) ?? removeLine(plan, f.span.start);
    case 'table-cell':
      // The cell stays, empty.
      return { start: f.valueSpan.start, end: f.valueSpan.end, text: '' };
    case 'sub-bullet': {
      // One of several fields on its line (`Owner: @dana · Target: Q1 2026`, `Owner: @kai. Target:
      // 2026-12-20.`): it goes alone, with a separator next to it; the others stay.
      const shared = oneOfLine(plan, f);
      if (shared !== null) return shared;
      // The bullet goes whole: the lines its paragraph runs on to (`  owner:: alice` under `- Owner:
      // Kim`, lazily continued) and the lines nested in it are its own, not the item's, and would be
      // read as the item's alone.
      const line = removeLine(plan, f.span.start);
      const first = lineAt(plan.lines, f.span.start);
      const indent = indentOf(text.slice(plan.lines.start[first], plan.lines.end[first]));
      let end = line.end;
      for (let l = first + 1; l < plan.lines.count; l++) {
        const s = text.slice(plan.lines.start[l], plan.lines.end[l]);
        if (s.trim() === '' || (opensBlock(plan, l, s) && indentOf(s) <= indent)) break;
        end = nextLineStart(plan, plan.lines.start[l]!);
      }
      return { ...line, end };
    }
    case 'front-matter':
    case 'heading-field':
      return removeLine(plan, f.span.start);
    default:
      return removeInline(plan, f);
  }
}

/** What opens a field line before its fields: indentation, quote markers, a list marker. */
const LINE_OPENING_RE = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;

/**
 * The edit removing `f` alone from a line that holds more than it (its other fields, or text), with
 * the separator after it (` · `, ` | `, `, `, `. `), else the one before it, else one space; null when
 * the field is all its line holds.
 */
function oneOfLine(plan: Plan, f: Field): Edit | null {
  const text = plan.text;
  const l = lineAt(plan.lines, f.span.start);
  const lineStart = plan.lines.start[l]!;
  const lineEnd = plan.lines.end[l]!;
  const line = text.slice(lineStart, lineEnd);
  const opening = LINE_OPENING_RE.exec(line)![0].length;
  const before = text.slice(lineStart + opening, f.span.start);
  const after = text.slice(f.span.end, lineEnd);
  const bold = (s: string) => s.replace(/[*_]/g, '');
  if (bold(before).trim() === '' && /^[\s|·•;,.*_]*$/.test(after)) return null;
  const next = /^[ \t]*[|·•;,.][ \t]*(?=\S)/.exec(after);
  if (next && bold(before).trim() === '')
    return { start: f.span.start, end: f.span.end + next[0].length, text: '' };
  const prev = /[ \t]*[|·•;,.][ \t]*$/.exec(before);
  if (prev) return { start: f.span.start - prev[0].length, end: f.span.end, text: '' };
  if (next) return { start: f.span.start, end: f.span.end + next[0].length, text: '' };
  return withOneSpace(text, f.span.start, f.span.end);
}

/** The width of a line's leading white space, a tab counted as four columns, as CommonMark does to a tab stop. */
function indentOf(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) w++;
    else if (c === 9) w += 4 - (w % 4);
    else break;
  }
  return w;
}

/** A line that starts a block of its own, not one a paragraph runs on to: a list item, a heading, a fence, a quote. */
const OPENS_BLOCK_RE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|#{1,6}(?:[ \t]|$)|```|~~~|>)/;
/** A table's delimiter row: `|---|:--:|`, `--- | ---`. */
const DELIMITER_ROW_RE = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * Whether line `l` (text `s`) opens a block rather than running a paragraph on: a row of bars does only
 * over a delimiter row, as a table's header; without one it is the paragraph's text.
 */
function opensBlock(plan: Plan, l: number, s: string): boolean {
  if (OPENS_BLOCK_RE.test(s)) return true;
  if (!/^[ \t]*\|/.test(s) || l + 1 >= plan.lines.count) return false;
  return DELIMITER_ROW_RE.test(plan.text.slice(plan.lines.start[l + 1], plan.lines.end[l + 1]));
}

/** Where the separator before a field after the first of a field line is: just after it. */
function separatorBefore(text: string, f: Field): number {
  let at = f.span.start;
  while (at > 0 && text[at - 1] === ' ') at--;
  return at;
}

/**
 * Removes a field written in an item's line, and what goes with it: the parentheses it is alone in,
 * the comma between it and its neighbour in a list (`(owner: Priya, due: …)`, `— @li, 3d, due …`),
 * the separator before the last piece of a list ending the line (`Write docs - 2d`), the period that
 * sets off a `Key: value` sentence (`Search v2. Owner: Dana.`), or else one space.
 */
function removeInline(plan: Plan, f: Field): Edit {
  const text = plan.text;
  const l = lineAt(plan.lines, f.span.start);
  const lineStart = plan.lines.start[l]!;
  const before = text.slice(lineStart, f.span.start);
  const after = text.slice(f.span.end, plan.lines.end[l]);
  const alone = aloneInParentheses(plan, f.span.start, f.span.end);
  if (alone !== null) return alone;
  const open = /[(（[][ \t]*$/.exec(before);
  // Opening the title, set off from it (`- [ ] @carol — review …`): it goes with its separator.
  const opening = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[.\][ \t]+)?$/.test(before)
    ? /^[ \t]*(?:[:—–]|-(?=[ \t]))[ \t]*(?=\S)/.exec(after)
    : null;
  if (opening) return { start: f.span.start, end: f.span.end + opening[0].length, text: '' };
  // The separators of a list (`(P1, 2d)`, `(P1 · 2d)`, `— @kim · 2d`), as the parser reads them.
  const next = /^[ \t]*[,;，；·•][ \t]*/.exec(after);
  if (open && next) return { start: f.span.start, end: f.span.end + next[0].length, text: '' };
  const prev = /[ \t]*[,;，；·•][ \t]*$/.exec(before);
  if (prev) return { start: f.span.start - prev[0].length, end: f.span.end, text: '' };
  // A `Key: value` sentence (`… on BM25. Owner: @dana. Target: Dec 2026`): the sentence after it takes
  // its place, or the last one goes with the period before it, a period ending the line staying.
  const sentence = /(?<=\S)\.[ \t]+$/.exec(before);
  if (sentence && text.slice(f.span.start, f.span.end).includes(':')) {
    const nextSentence = /^\.[ \t]+(?=\S)/.exec(after);
    if (nextSentence) return { start: f.span.start, end: f.span.end + nextSentence[0].length, text: '' };
    if (/^\.?[ \t]*$/.test(after))
      return { start: f.span.start - sentence[0].length, end: f.span.end, text: '' };
  }
  const sepAt = setOffDashAt(before, true);
  const sep = sepAt >= 0;
  if (sep && next) return { start: f.span.start, end: f.span.end + next[0].length, text: '' };
  // Between two dashes (`Boxes — Owner: Jonas — Due: …`): the field goes with the dash after it.
  const nextDash = sep ? /^[ \t]+(?:[—–|·•]|-)[ \t]+/.exec(after) : null;
  if (nextDash) return { start: f.span.start, end: f.span.end + nextDash[0].length, text: '' };
  if (sep && after.trim() === '') return { start: lineStart + sepAt, end: f.span.end, text: '' };
  return withOneSpace(text, f.span.start, f.span.end);
}

/**
 * Removes `start`..`end` when parentheses or square brackets hold it alone: they go, with one space
 * next to them, and with the dash before them when they end the line (`Plugins — (owner: Bo)`). Null
 * when they do not.
 */
function aloneInParentheses(plan: Plan, start: number, end: number): Edit | null {
  const text = plan.text;
  const l = lineAt(plan.lines, start);
  const lineStart = plan.lines.start[l]!;
  const lineEnd = plan.lines.end[l]!;
  // Full-width punctuation too (`（负责人：王伟，截止日期：…）`), and square brackets (`[Depends: none]`),
  // as the parser reads them.
  const open = /[(（[][ \t]*$/.exec(text.slice(lineStart, start));
  const close = /^[ \t]*[)）\]]/.exec(text.slice(end, lineEnd));
  if (!open || !close || (open[0][0] === '[') !== close[0].endsWith(']')) return null;
  const from = start - open[0].length;
  const to = end + close[0].length;
  const dash = setOffDashAt(text.slice(lineStart, from), true);
  if (dash >= 0 && text.slice(to, lineEnd).trim() === '')
    return { start: lineStart + dash, end: to, text: '' };
  return withOneSpace(text, from, to);
}

/**
 * The edits removing `fields`, removeField's one each; but two that meet in one list (`Port it (@ana,
 * @bo)`, where each takes the comma between them) are one edit, and a list they empty goes with its
 * parentheses.
 */
function removeFields(plan: Plan, fields: readonly Field[]): Edit[] {
  const edits = fields.map((f) => removeField(plan, f)).sort((a, b) => a.start - b.start);
  const merged: Edit[] = [];
  for (const e of edits) {
    const last = merged[merged.length - 1];
    // removeField only deletes: the union of two deletions that overlap is what both take.
    if (last !== undefined && e.start < last.end)
      merged[merged.length - 1] = { ...last, end: Math.max(last.end, e.end) };
    else merged.push(e);
  }
  if (merged.length === edits.length) return merged;
  return merged.map((e) => aloneInParentheses(plan, e.start, e.end) ?? withDashEndingLine(plan, e));
}

/** A deletion that takes the rest of its line, widened to the dash that set it off (`Review — @sam, @li`). */
function withDashEndingLine(plan: Plan, e: Edit): Edit {
  const l = lineAt(plan.lines, e.start);
  const lineStart = plan.lines.start[l]!;
  if (plan.text.slice(e.end, plan.lines.end[l]).trim() !== '') return e;
  const sepAt = setOffDashAt(plan.text.slice(lineStart, e.start), true);
  return sepAt >= 0 ? { start: lineStart + sepAt, end: e.end, text: '' } : e;
}

/**
 * Removes `start`..`end` and one space next to it; not the space after it where a word touches its
 * start (`WAITING(@legal) DPA` keeps the space of `WAITING DPA`).
 */
function withOneSpace(text: string, start: number, end: number): Edit {
  if (text[start - 1] === ' ') return { start: start - 1, end, text: '' };
  if (text[end] === ' ' && !(start > 0 && isLetterOrDigit(codePointBefore(text, start))))
    return { start, end: end + 1, text: '' };
  return { start, end, text: '' };
}

/** Removes the line at `offset`, and one of the blank lines around it when it stood alone between two. */
function removeLine(plan: Plan, offset: number): Edit {
  const l = lineAt(plan.lines, offset);
  const blank = (k: number) =>
    k >= 0 && k < plan.lines.count && plan.text.slice(plan.lines.start[k], plan.lines.end[k]).trim() === '';
  const start = lineStartAt(plan, offset);
  const end = nextLineStart(plan, offset);
  if (blank(l - 1) && (blank(l + 1) || l + 1 >= plan.lines.count))
    return { start: plan.lines.start[l - 1]!, end, text: '' };
  return { start, end, text: '' };
}

function addToHeading(plan: Plan, item: Item, key: string, value: string): Edit {
  const pipe = item.fields.find((f) => f.style === 'bold-pipe');
  if (pipe) {
    // Append to the pipe-joined line, before its trailing spaces.
    const lineEnd = plan.lines.end[lineAt(plan.lines, pipe.span.start)]!;
    let at = lineEnd;
    while (at > 0 && (plan.text[at - 1] === ' ' || plan.text[at - 1] === '\t')) at--;
    const head = plan.text
      .slice(pipe.span.start, pipe.valueSpan.start)
      .replace(pipe.rawKey, keySpelling(plan, key, 'bold-pipe'));
    const sep = plan.text[separatorBefore(plan.text, pipe) - 1];
    return { start: at, end: at, text: ` ${sep} ${head}${value}` };
  }
  return insertFieldLine(plan, item, key, value);
}

function addInline(plan: Plan, item: Item, key: string, value: string): Edit {
  const text = plan.text;
  let at = item.lineSpan.end;
  while (at > item.titleSpan.start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  // Keep a trailing block reference (`^abc123`) last.
  const block = /\s\^[\w-]+$/.exec(text.slice(item.titleSpan.start, at));
  if (block) at -= block[0].length;
  // A status after the name and a colon (`- Search: not started (P1)`, `- **Auth**: ✅ Complete`) is
  // followed by the item's fields: the new one goes last on the line, as a status report writes it.
  if (!statusAfterColon(text, item)) at = beforeEndingStatus(text, item, at);
  const emoji = EMOJI_KEYS[key];
  // A line tagged TaskPaper's way (`@due(2026-03-09)`) gets its new field as a tag too.
  const taskPaper =
    !/[()]/.test(value) && item.fields.some((f) => f.rawKey.length > 1 && f.rawKey.charCodeAt(0) === 64);
  if (taskPaper) return { start: at, end: at, text: ` @${key}(${value})` };
  if (emoji && usesEmojiFor(plan, key)) return { start: at, end: at, text: ` ${emoji} ${value}` };
  const dataview = `[${keySpelling(plan, key, 'dataview')}:: ${refuseDataviewValue(key, value)}]`;
  return inOwnNotation(plan, item, key, value, { start: at, end: at, text: ` ${dataview}` });
}

/**
 * Where a field added at `at`, the end of the item's line, goes instead so that a status ending the
 * line still ends it: before a status mark that ends a bullet (`Tag the release ✅`: the line may be
 * an item by it, an open box say more by it, `- [ ] Fix login [blocked]`, or its list be read as one
 * whose bullets end with their statuses by it and its neighbours', `- [ ] Ship the beta (done)`),
 * with the dash that sets it off (`Billing — **Done**`), or before a status alone in parentheses
 * (`Dark theme (🟡 at risk)`), read as its status by ending the line.
 */
function beforeEndingStatus(text: string, item: Item, end: number): number {
  let at = end;
  const mark = trailingStatusMark(text.slice(item.titleSpan.start, at));
  const group =
    item.statusSource === 'field' && item.statusSpan !== null ? statusGroupAt(text, item.statusSpan, at) : -1;
  if (group > item.titleSpan.start) {
    at = group;
    while (at > item.titleSpan.start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  } else if (mark > 0) {
    at = item.titleSpan.start + mark;
    while (at > item.titleSpan.start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
    const dash = setOffDashAt(text.slice(item.titleSpan.start, at));
    if (dash >= 0) at = item.titleSpan.start + dash;
  }
  return at;
}

/**
 * Whether the item's line is its name, a colon and its status (`- **Auth**: ✅ Complete`, `- **Auth:**
 * Done`), a status line under it saying another or not.
 */
function statusAfterColon(text: string, item: Item): boolean {
  if (item.kind !== 'status-bullet' || item.statusSource !== 'field') return false;
  return /^[*_]*:[*_]*[ \t]+\S/.test(text.slice(item.titleSpan.end, item.lineSpan.end));
}

/**
 * Where the parentheses around a status that ends the text at `end` open (`(` of `(🟡 at risk)`), or
 * -1 when the status is not alone in parentheses there.
 */
function statusGroupAt(text: string, status: Span, end: number): number {
  if (!/^\s*\)\s*$/.test(text.slice(status.end, end))) return -1;
  let open = status.start - 1;
  while (open >= 0 && (text[open] === ' ' || text[open] === '\t')) open--;
  return text[open] === '(' ? open : -1;
}

/**
 * `value`, when it can be written as a dataview field's (`[key:: value]`): a `]` or `)` in it would
 * end the field there, the rest left in the title, so it is refused rather than written.
 */
function refuseDataviewValue(key: string, value: string): string {
  // A page link (`[[Mira]]`) is read whole.
  if (/[\])]/.test(value.replace(/\[\[[^\][]*\]\]/g, '')))
    throw new TmError(
      'TM_INVALID_EDIT',
      `"${value}" cannot be written as [${key}:: …]: a ] or ) in it would end the field; leave them out.`,
    );
  return value;
}
