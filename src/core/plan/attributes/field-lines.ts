/**
 * Field lines: `**Key:** value`, joined ones (`**A:** x | **B:** y`), plain known keys (`Status: Done`),
 * a field opened by an icon (`👤 **Owner:** Kim`).
 */
import type { Field } from '../../model.js';
import { iconPrefixLength } from '../chars.js';
import { readLeadingId } from './ids.js';
import { FOREIGN_KEYS, ITEM_KEYS, normaliseKey } from './keys.js';

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
  String.raw`(status|state|priority|owners?|assignees?|assigned to|dri|due|due date|deadline|eta|scheduled|effort|estimated (?:time|effort)|time estimate|estimated?|est\.?|category|story points|depends on|dependencies|blocked by|tags|labels|target(?: date)?|plan date|last updated|${FOREIGN_KEYS.map(([w]) => w).join('|')})\s*::?[ \t]*`,
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
