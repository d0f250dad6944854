/** Writing a new `**Key:** value` field line under a heading item, in the style of the plan's own. */
import type { Field, Item, Plan, Status } from '../model.js';
import { normaliseKey, RECORD_NAME_KEYS } from '../plan/attributes/keys.js';
import { iconPrefixLength } from '../plan/chars.js';
import { lineAt } from '../plan/lines.js';
import type { Edit } from './splice.js';
import { cellText, eolOf, keySpelling, nextLineStart, statusText } from './style.js';

/**
 * Whether `item` is a line with its fields on lines of their own under it (`**Task 2.1: Query
 * parser**` over `- **Status:** Done`, `1. Migrate auth` over `- Owner: Kim`): a heading in all but
 * its markup, whose new fields go there. A bullet's fields are the bullets of its own list.
 */
export function holdsFieldLines(plan: Plan, item: Item): boolean {
  return (
    item.kind === 'status-bullet' &&
    item.fields.some(
      (f) => f.span.start >= item.lineSpan.end && (item.list === null || isFieldBullet(plan, f)),
    )
  );
}

/**
 * A record (`**Task:** Rotate the keys` over its field lines, a paragraph of them): the key head its
 * name is written under (`**Task:** `), or null when `item` is no record.
 */
export function recordHead(plan: Plan, item: Item): string | null {
  if (item.kind !== 'status-bullet' || item.list !== null || !holdsFieldLines(plan, item)) return null;
  const m = RECORD_HEAD_RE.exec(plan.text.slice(item.lineSpan.start, item.titleSpan.start));
  return m === null ? null : m[1]!;
}
/** A key, bold or not, and its colon (the head), with an ID after it or not (`**Task:** `, `Story: US-4 `). */
const RECORD_HEAD_RE =
  /^((?:(\*\*|__)[\p{L} ]{1,30}:\2|(\*\*|__)[\p{L} ]{1,30}\3:|[\p{L} ]{1,30}:)[ \t]+)(?:\S+[ \t]+)?$/u;

/**
 * The lines of a new record like `last` (see recordHead): its name under `head`, and its status under
 * the key `last` writes it with, which makes the paragraph an item.
 */
export function recordLines(plan: Plan, last: Item, head: string, title: string, status: Status): string[] {
  const name = `${head}${title}`;
  const field = last.fields.find((f) => f.key === 'status' && f.span.start >= last.lineSpan.end);
  const statusHead = field ? keyHead(plan.text, field) : `**${keySpelling(plan, 'status', 'bold-line')}:** `;
  // The plan's own words for the status in a field where it has them, else its words in that shape.
  const same = plan.items.find(
    (i) =>
      i.status === status &&
      i.statusSource === 'field' &&
      i.statusText !== null &&
      /^\p{L}[\p{L} -]{0,23}$/u.test(i.statusText),
  );
  return [name, `${statusHead}${same?.statusText ?? statusText(plan, status, field?.value ?? null)}`];
}

/** Where the paragraph holding line `l` starts, not before `floor` (the heading's end). */
function paragraphStart(plan: Plan, l: number, floor: number): number {
  const { start, end } = plan.lines;
  while (l > 0 && start[l - 1]! >= floor && plan.text.slice(start[l - 1], end[l - 1]).trim() !== '') l--;
  return start[l]!;
}

/** Whether `line` opens with a key naming a record's item (`**Task:**`, `Story:`). */
function namesRecord(line: string): boolean {
  const m = RECORD_KEY_RE.exec(line);
  return m !== null && RECORD_NAME_KEYS.has(normaliseKey(m[1]!));
}
const RECORD_KEY_RE = /^[ \t]*(?:\*\*|__)?(\p{L}[\p{L} ]{0,30}?)[ \t]*(?:[:：]|(?:\*\*|__)[:：])/u;

/** Whether field `f` is a bullet of its own (`   - Owner: Kim`), not a line a paragraph runs on to. */
function isFieldBullet(plan: Plan, f: Field): boolean {
  const l = lineAt(plan.lines, f.span.start);
  return FIELD_BULLET_LEAD_RE.test(plan.text.slice(plan.lines.start[l]!, f.span.start));
}
const FIELD_BULLET_LEAD_RE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$/;

/** A bold field line of the plan to copy the style of: this item's, else any heading item's. */
function sampleField(plan: Plan, item: Item): Field | undefined {
  // A label (`**Search box:**`) is read as a key without a value: no field line to write like.
  const own = item.fields.filter((f) => f.style === 'bold-line' && f.value !== '');
  if (own.length > 0) return own[own.length - 1];
  for (const i of plan.items) {
    if (i.kind !== 'heading') continue;
    const f = i.fields.find((x) => x.style === 'bold-line' && x.value !== '');
    if (f) return f;
  }
  return undefined;
}

/**
 * An edit that adds `**Key:** value` as a line after the heading item's last field line (or after
 * the heading, separated by a blank line), with the plan's bold/colon style and trailing spaces.
 */
export function insertFieldLine(plan: Plan, item: Item, key: string, value: string): Edit {
  const text = plan.text;
  const eol = eolOf(plan);
  const bullet = afterFieldBullets(plan, item, key, value) ?? afterFieldRow(plan, item, key, value);
  if (bullet) return bullet;
  const sample = sampleField(plan, item);
  const spelled = keySpelling(plan, key, 'bold-line');
  let prefix = `**${spelled}:** `;
  let trailing = '';
  if (sample) {
    prefix = keyHead(text, sample).replace(sample.rawKey, spelled);
    const l = lineAt(plan.lines, sample.span.start);
    const lineEnd = plan.lines.end[l]!;
    const tail = text.slice(sample.valueSpan.end, lineEnd);
    trailing = /^[ \t]*$/.test(tail) ? tail : '';
  }
  const line = `${prefix}${value}${trailing}`;
  const own = item.fields.filter(
    (f) => (f.style === 'bold-line' || f.style === 'bold-pipe') && f.value !== '',
  );
  if (own.length > 0) {
    // Field lines led by a name (`**Task:** Rotate the keys`, `Story: …`) would read as a record of
    // their own with one more field: the new one goes first.
    const first = own.reduce((a, b) => (a.span.start < b.span.start ? a : b));
    const at = paragraphStart(plan, lineAt(plan.lines, first.span.start), item.lineSpan.end);
    if (namesRecord(text.slice(at, plan.lines.end[lineAt(plan.lines, at)]))) {
      return { start: at, end: at, text: `${line}${eol}` };
    }
    // The item's own field lines end where a paragraph led by a name starts (`**Task:** Rotate the
    // keys` under them): the new line after that one would make the name a record with the field.
    const sorted = [...own].sort((a, b) => a.span.start - b.span.start);
    let last = sorted[0]!;
    for (const f of sorted) {
      const p = paragraphStart(plan, lineAt(plan.lines, f.span.start), item.lineSpan.end);
      if (p !== at && namesRecord(text.slice(p, plan.lines.end[lineAt(plan.lines, p)]))) break;
      last = f;
    }
    return lineAfter(plan, last.span.start, line);
  }
  const headingEnd = item.lineSpan.end;
  // Set apart from what follows the heading too: a line right after it would otherwise continue the
  // new field's paragraph, and be read with it.
  const next = nextLineStart(plan, headingEnd);
  const l = next < text.length ? lineAt(plan.lines, next) : -1;
  const apart = l >= 0 && text.slice(plan.lines.start[l], plan.lines.end[l]).trim() !== '' ? eol : '';
  return { start: headingEnd, end: headingEnd, text: `${eol}${eol}${line}${apart}` };
}

/**
 * A heading item whose fields are a list of bullets (`- **Status:** Done`, `- Owner: Kim`) gets the
 * new field as one more bullet after the last, written as that one is; null when it has none.
 */
function afterFieldBullets(plan: Plan, item: Item, key: string, value: string): Edit | null {
  const last = lastFieldBullet(plan, item);
  if (last === null) return null;
  const text = plan.text;
  const l = lineAt(plan.lines, last.span.start);
  const head = keyHead(text, last).replace(last.rawKey, keySpelling(plan, key, 'sub-bullet'));
  const tail = text.slice(last.valueSpan.end, plan.lines.end[l]!);
  return bulletAfter(plan, last, `${head}${value}${/^[ \t]*$/.test(tail) ? tail : ''}`);
}

/**
 * A bullet after the item's last field bullet, with that bullet's marker (numbered on), holding
 * `content`; null when the item has no field bullets.
 */
export function afterFieldBullet(plan: Plan, item: Item, content: string): Edit | null {
  const last = lastFieldBullet(plan, item);
  return last === null ? null : bulletAfter(plan, last, content);
}

/**
 * The item's field bullet written last (`   - Owner: Kim`), or null: not a field of a paragraph the
 * item runs on to (`  owner:: alice`), which is read as one of its bullets' is.
 */
function lastFieldBullet(plan: Plan, item: Item): Field | null {
  let last: Field | null = null;
  for (const f of item.fields)
    if (f.style === 'sub-bullet' && (!last || f.span.start > last.span.start) && isFieldBullet(plan, f))
      last = f;
  return last;
}

function bulletAfter(plan: Plan, last: Field, content: string): Edit | null {
  const l = lineAt(plan.lines, last.span.start);
  const lead = plan.text.slice(plan.lines.start[l]!, last.span.start);
  const marker = /^([ \t]*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)$/.exec(lead);
  if (marker === null) return null;
  const next =
    marker[3] === undefined ? lead : `${marker[1]}${Number(marker[3]) + 1}${marker[4]}${marker[5]}`;
  return lineAfter(plan, last.span.start, `${next}${content}`);
}

/**
 * A heading item whose fields are the rows of a table (`| Status | Draft |`) gets the new field as
 * one more row after the last, written as that one is; null when it has none.
 */
function afterFieldRow(plan: Plan, item: Item, key: string, value: string): Edit | null {
  const last = lastField(item, 'table-cell');
  if (last === null) return null;
  const text = plan.text;
  const l = lineAt(plan.lines, last.span.start);
  const v = cellText(value);
  const line =
    text.slice(plan.lines.start[l]!, last.span.start) +
    keySpelling(plan, key, 'table-cell') +
    text.slice(last.span.start + last.rawKey.length, last.valueSpan.start) +
    (last.value === '' ? ` ${v} ` : v) +
    text.slice(last.valueSpan.end, plan.lines.end[l]!);
  return lineAfter(plan, last.span.start, line);
}

/** How field `f` writes its key, up to its value: `**Owner:** `, without an icon that opens it (`👤`). */
function keyHead(text: string, f: Field): string {
  const at = f.span.start + iconPrefixLength(text, f.span.start, f.valueSpan.start);
  return text.slice(at, f.valueSpan.start);
}

/** The item's field of `style` written last, or null. */
function lastField(item: Item, style: Field['style']): Field | null {
  let last: Field | null = null;
  for (const f of item.fields) if (f.style === style && (!last || f.span.start > last.span.start)) last = f;
  return last;
}

/** An edit that adds `line` after the line holding `offset`, ending it first when the text does not. */
function lineAfter(plan: Plan, offset: number, line: string): Edit {
  const at = nextLineStart(plan, offset);
  const eol = eolOf(plan);
  const atEnd = at === plan.text.length && !/[\r\n]$/.test(plan.text);
  return { start: at, end: at, text: atEnd ? `${eol}${line}` : `${line}${eol}` };
}
