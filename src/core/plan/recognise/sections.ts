/**
 * Headings and sections: a heading opens a section and closes those it ends; it is the plan's title,
 * or an item where it states a status, an ID or a field (addHeadingDraft), or a field of the heading
 * item over it (`### Dependencies: 12.1`). Also a legend's title, and a line in bold whole read as a
 * heading (boldTitle).
 */
import type { Field, Section } from '../../model.js';
import { DEFAULT_HOURS_PER_DAY } from '../attributes/effort.js';
import { readFieldLine } from '../attributes/field-lines.js';
import { readInlineFields } from '../attributes/inline.js';
import { ITEM_KEYS } from '../attributes/keys.js';
import { maskCode } from '../attributes/mask.js';
import { trailingCircle } from '../attributes/priority-marks.js';
import { readStatusValue, statusOfGlyph, statusOfMark } from '../attributes/status.js';
import { readTail } from '../attributes/tail.js';
import type { DocumentBlock, HeadingBlock, LineSlice } from '../block-types.js';
import { isSpace } from '../chars.js';
import { readCheckbox } from '../checkbox.js';
import { repairForMatching, repairWithOffsets } from '../encoding.js';
import { readHeadingField } from '../file-item.js';
import { type HeadingInfo, headingOwner, readHeading } from '../headings.js';
import { newItem } from './draft.js';
import { headingItem, lineEndOffset, type OpenSection, type State } from './state.js';

/**
 * A legend's title names the section as one: "Legend", "Status Legend", "Task Status Legend",
 * "Legend for status emoji", "Status key", "Status codes", "Statuses", "Key to statuses", with any
 * decoration around it. A title
 * that only mentions statuses ("Lint rules for dashboards, statuses and references") is not one: its
 * checkboxes are tasks.
 */
const LEGEND_TITLE =
  /^(?:(?:[a-z0-9]+[\s_-]+){0,3}legende?|legend (?:for|of) (?:the )?(?:[a-z]+ )?(?:status(?:es)?|marks?|emojis?|symbols?|icons?)|(?:status|state)(?:es)?[\s_-]+(?:key|codes?)|statuses|key to status(?:es)?)$/i;

/** A legend's title is a few words: a longer one is not looked at. */
const MAX_LEGEND_TITLE = 80;

/** Whether a section with this title explains the plan's status marks: its lines are a legend, not items. */
export function isLegendTitle(title: string): boolean {
  // The decoration at both ends is stepped over by hand: `/[^A-Za-z0-9]+$/` is tried at every offset
  // of a long run of such characters, which made a long heading quadratic.
  let start = 0;
  let end = title.length;
  while (start < end && !isAsciiAlnum(title.charCodeAt(start))) start++;
  while (end > start && !isAsciiAlnum(title.charCodeAt(end - 1))) end--;
  return end - start <= MAX_LEGEND_TITLE && LEGEND_TITLE.test(title.slice(start, end));
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A copyright or licence line written as a heading is not the plan's title. */
const NOTICE_RE = /^(?:copyright\b|©|\(c\)|licen[cs]ed?\b|spdx-)/i;

/** Closes the open sections of `level` or deeper at `atLine`, but for the first `floor`. */
export function closeSections(st: State, level: number, atLine: number, floor = 0) {
  while (st.open.length > floor && st.open[st.open.length - 1]!.level >= level) closeLastSection(st, atLine);
}

/** Closes the sections opened after the first `count`, at `atLine`. */
export function closeSectionsAbove(st: State, count: number, atLine: number) {
  while (st.open.length > count) closeLastSection(st, atLine);
}

function closeLastSection(st: State, atLine: number) {
  const s = st.open.pop()!;
  const sec = st.sections[s.index]!;
  sec.span = { start: sec.span.start, end: lineEndOffset(st, atLine) };
  if (s.draft >= 0) {
    const d = st.drafts[s.draft]!;
    d.endLine = atLine;
    d.item.span = { start: d.item.span.start, end: lineEndOffset(st, atLine) };
  }
}

/** `info` with the circle ending `heading` as its status, when the plan's legend gives it one. */
function legendCircle(st: State, heading: string, info: HeadingInfo): HeadingInfo {
  if (info.status !== null || info.priority === null || st.glyphStatus === statusOfGlyph) return info;
  const circle = trailingCircle(heading);
  const status = circle ? st.glyphStatus(circle.priority.label) : null;
  if (status === null) return info;
  const label = circle!.priority.label;
  const at = heading.lastIndexOf(label);
  return { ...info, status, statusText: label, statusRange: [at, at + label.length], priority: null };
}

/** Reads a heading: the section it opens, after closing those it ends, and the item it may be. */
export function onHeading(st: State, b: HeadingBlock) {
  // A heading may open with a box, as a task does (`## [x] Phase 1`): the box is its status, and
  // the heading is read after it.
  const boxed = readCheckbox(st.text, b.lines[0]!.start, b.lines[0]!.end, false);
  const first = boxed ? { ...b.lines[0]!, start: boxed.textStart } : b.lines[0]!;
  const last = b.lines.length === 1 ? first : b.lines[b.lines.length - 1]!;
  const raw =
    b.lines.length === 1
      ? st.text.slice(first.start, first.end)
      : [first, ...b.lines.slice(1)].map((l) => st.text.slice(l.start, l.end)).join(' ');
  const repaired = repairForMatching(raw);
  const read = readHeading(repaired);
  // readHeading is pure: undamaged text gives the same analysis again, so reuse it.
  const asWritten = b.lines.length !== 1 ? null : repaired === raw ? read : rangesAsWritten(raw, read);
  // A circle ending it is a status where the plan's legend makes it one (`🟡 In progress`), else its
  // priority.
  const info = legendCircle(st, repaired, read);
  const plain = asWritten === null ? null : asWritten === read ? info : legendCircle(st, raw, asWritten);
  // A heading in a block quote closes no section opened outside it.
  closeSections(st, b.level, b.startLine, quoteFloor(st));
  const parentPath = st.open.length > 0 ? st.sections[st.open[st.open.length - 1]!.index]!.path : [];
  const index = st.sections.length;
  const lineSpan = { start: st.lines.start[b.startLine]!, end: st.lines.end[b.endLine - 1]! };
  const isTitle =
    !boxed &&
    !st.seenHeading &&
    b.level === st.titleAt &&
    !NOTICE_RE.test(info.title) &&
    info.id === null &&
    info.status === null;
  if (!NOTICE_RE.test(info.title)) st.seenHeading = true;
  if (isTitle) st.titleSection = index;
  const section: Section = {
    title: info.title,
    level: b.level,
    line: b.startLine + 1,
    path: [...parentPath, info.title],
    span: { start: lineSpan.start, end: st.text.length },
    lineSpan,
    priority: info.priority,
    phase: info.phase,
    // A board's stage (`### Review` beside `### In progress` and `### Done`) holds work under way.
    status: info.statusSection ?? (st.stageLanes.has(b) ? 'doing' : null),
    due: info.window,
    owner: headingOwner(info.title)?.owner ?? null,
    itemKey: null,
  };
  st.sections.push(section);
  st.legendSections.push(isLegendTitle(info.title));
  st.sectionDrafts.push(null);
  st.sectionLines.push(b.startLine);
  const entry: OpenSection = { index, level: b.level, draft: -1, body: true };
  // `### Dependencies: 12.1` under a heading item (Taskmaster's subtasks) is a field of that item.
  const owner = st.open.length > 0 ? st.open[st.open.length - 1]! : null;
  const asField =
    owner !== null && owner.draft >= 0 && b.lines.length === 1 ? readHeadingField(st.text, first) : null;
  if (asField !== null && SUB_HEADING_KEYS.has(asField.key)) {
    st.drafts[owner!.draft]!.item.fields.push(asField);
    // What follows it (field lines, items) is still the item's.
    entry.draft = owner!.draft;
    st.open.push(entry);
    return;
  }
  const isItem =
    boxed !== null ||
    (!isTitle &&
      (info.id !== null ||
        info.status !== null ||
        info.weakStatus !== null ||
        statesStatusField(info.title)));
  if (isItem) {
    entry.draft = addHeadingDraft(st, b, info, index, first, last, plain);
  }
  if (boxed !== null) {
    const item = st.drafts[entry.draft]!.item;
    item.checkbox = boxed.mark;
    item.markSpan = { start: boxed.markOffset, end: boxed.markOffset + 1 };
    item.status = statusOfMark(boxed.mark);
    item.statusSource = 'checkbox';
    item.statusText = boxed.mark;
    item.statusSpan = null;
  }
  st.open.push(entry);
}

export function addHeadingDraft(
  st: State,
  b: HeadingBlock,
  info: ReturnType<typeof readHeading>,
  sectionIndex: number,
  first: LineSlice,
  last: LineSlice,
  plain: ReturnType<typeof readHeading> | null,
): number {
  const item = newItem('heading', b.startLine);
  item.title = info.title;
  item.id = info.id;
  // A priority the heading states (`### 1. Migrate 🔴`, `## P0 - Login`) is the item's own; a field
  // line under it says more. A circle ending the heading is a mark an edit changes in place.
  item.priority = info.priority;
  if (plain?.points) {
    // The field spans the brackets, so removing it takes them too.
    const { value, range, span } = plain.points;
    item.fields.push({
      key: 'points',
      rawKey: st.text.slice(first.start + range[1], first.start + span[1] - 1).trim(),
      value,
      span: { start: first.start + span[0], end: first.start + span[1] },
      valueSpan: { start: first.start + range[0], end: first.start + range[1] },
      style: 'kv',
    });
  }
  const circle = plain && info.priority ? trailingCircle(st.text.slice(first.start, first.end)) : null;
  if (circle) {
    const at = first.start + circle.index;
    const glyph = at + circle.length - circle.priority.label.length;
    item.fields.push({
      key: 'priority',
      rawKey: '',
      value: circle.priority.label,
      span: { start: at, end: at + circle.length },
      valueSpan: { start: glyph, end: glyph + circle.priority.label.length },
      style: 'mark',
    });
  }
  item.headingLevel = b.level;
  item.lineSpan = { start: st.lines.start[b.startLine]!, end: st.lines.end[b.endLine - 1]! };
  item.span = { start: item.lineSpan.start, end: st.text.length };
  item.titleSpan = plain
    ? { start: first.start + plain.titleRange[0], end: first.start + plain.titleRange[1] }
    : { start: first.start, end: last.end };
  if (info.status) {
    item.status = info.status;
    item.statusSource = info.statusText === '~~' ? 'strike' : 'heading';
    item.statusText = info.statusText;
    if (plain?.statusRange) {
      item.statusSpan = {
        start: first.start + plain.statusRange[0],
        end: first.start + plain.statusRange[1],
      };
    }
  } else if (info.weakStatus) {
    item.status = info.weakStatus.status;
    item.statusSource = 'heading';
    item.statusText = info.weakStatus.text;
    const range = plain?.weakStatus?.range;
    if (range) item.statusSpan = { start: first.start + range[0], end: first.start + range[1] };
  }
  // Fields written on the heading line (`### T-6: Export [due:: 2026-12-09]`, `— @kim, 2d`) are read
  // as on an item line, where the title is the heading's text as written.
  const own = plain ? st.text.slice(item.titleSpan.start, item.titleSpan.end) : null;
  st.drafts.push({
    item,
    parent: headingItem(st),
    section: sectionIndex,
    idKind: info.idKind,
    // A heading that is only an ID (`### PAY-203` over notes on it) is an item when it holds one's
    // fields or tasks, as a numbered heading is.
    tentative:
      (info.idKind === 'numeric' || info.title === '' || info.weakStatus !== null) && info.status === null,
    series: info.status === null && info.weakStatus?.series === true,
    endLine: st.lines.count,
    matchText: info.title,
    matchBase: own === info.title ? item.titleSpan.start : -1,
    list: -1,
  });
  st.sectionDrafts[sectionIndex] = st.drafts[st.drafts.length - 1]!;
  return st.drafts.length - 1;
}

/**
 * The heading a line bold whole gives (`**Task 2.1: Query parser**`, `__Export:__`), and where the
 * text inside the bold starts and ends; null when the line is more than that, or is a field line
 * (`**Status: Done**`), or states a status itself, as its fields do.
 */
export function boldTitle(
  st: State,
  slice: LineSlice,
): { info: HeadingInfo; start: number; end: number; repaired: boolean } | null {
  const c = st.text.charCodeAt(slice.start);
  if ((c !== 42 && c !== 95) || st.text.charCodeAt(slice.start + 1) !== c) return null;
  let end = slice.end;
  while (end > slice.start && isSpace(st.text.charCodeAt(end - 1))) end--;
  if (st.text.charCodeAt(end - 1) === 58) end--;
  if (
    end - slice.start > MAX_BOLD_TITLE + 4 ||
    st.text.charCodeAt(end - 1) !== c ||
    st.text.charCodeAt(end - 2) !== c
  )
    return null;
  const start = slice.start + 2;
  let innerEnd = end - 2;
  if (innerEnd <= start || isSpace(st.text.charCodeAt(start)) || isSpace(st.text.charCodeAt(innerEnd - 1)))
    return null;
  const delimiter = c === 42 ? '**' : '__';
  if (st.text.slice(start, innerEnd).includes(delimiter)) return null;
  // `**Status: Done**` is a field; `**Backend:**` a label, read as a key without a value.
  const field = readFieldLine(st.text, slice.start, slice.end, true);
  if (field?.some((f) => f.value.trim() !== '')) return null;
  if (st.text.charCodeAt(innerEnd - 1) === 58) innerEnd--;
  const inner = st.text.slice(start, innerEnd);
  const repaired = repairForMatching(inner);
  const info = readHeading(repaired);
  if (info.title === '' || info.status !== null || info.statusSection !== null) return null;
  return {
    info: repaired === inner ? info : { ...info, titleRange: [0, inner.length] },
    start,
    end: innerEnd,
    repaired: repaired !== inner,
  };
}

/** The heading block on `line`, its first and last lines and its text: a heading promoted by its fields. */
export function findHeadingBlockLine(st: State, line: number) {
  const block = st.headingByLine.get(line)!;
  const first = block.lines[0]!;
  const last = block.lines[block.lines.length - 1]!;
  return { block, first, last, raw: block.lines.map((l) => st.text.slice(l.start, l.end)).join(' ') };
}

/** How many sections were open where the innermost block quote being walked starts; 0 outside one. */
function quoteFloor(st: State) {
  for (let i = st.stack.length - 1; i >= 0; i--) {
    const q = st.stack[i]!.quote;
    if (q !== undefined) return q.open;
  }
  return 0;
}

/**
 * A heading read through a repair (damage, or GitHub's shortcodes: `### Importer :white_check_mark:`),
 * with its title and status ranges moved to the text as written, where an edit lands.
 */
export function rangesAsWritten(raw: string, info: HeadingInfo): HeadingInfo {
  const rep = repairWithOffsets(raw);
  if (rep === null) return info;
  const map = (r: readonly [number, number]): [number, number] => [rep.rawOffset(r[0]), rep.rawOffset(r[1])];
  return {
    ...info,
    titleRange: map(info.titleRange),
    statusRange: info.statusRange ? map(info.statusRange) : null,
    weakStatus: info.weakStatus && { ...info.weakStatus, range: map(info.weakStatus.range) },
    points: info.points && { ...info.points, range: map(info.points.range), span: map(info.points.span) },
  };
}

/** The longest title in bold that stands as an item's heading (see boldTitleItem). */
const MAX_BOLD_TITLE = 120;

/**
 * Whether a heading states its own status as a field (`## Export — Status: Done`, `## Import (Status:
 * In progress)`), as a field line under it would: such a heading is an item, its fields read on its line.
 */
function statesStatusField(title: string): boolean {
  if (!title.includes(':') && !title.includes('：')) return false;
  const masked = maskCode(title);
  const fields = readInlineFields(title, 0, masked);
  if (fields.some(isStatusField)) return true;
  return readTail(masked, fields, 0, null, null, DEFAULT_HOURS_PER_DAY)?.fields.some(isStatusField) ?? false;
}

function isStatusField(f: Field): boolean {
  return f.key === 'status' && readStatusValue(f.value) !== null;
}

/** Keys of the `### Key: value` headings under a heading item that are its fields. */
const SUB_HEADING_KEYS: ReadonlySet<string> = new Set([...ITEM_KEYS, 'effort', 'depends']);

/**
 * The level a plan's title heading may have: the top level among its headings, when that is `#` or
 * one heading only has it; 0 when none may be a title. A plan whose top headings are several `##`
 * (`## Backlog`, `## Doing`, `## Done`) has no title among them: the first is a section like the rest.
 */
export function titleLevel(doc: DocumentBlock): number {
  let min = 7;
  let count = 0;
  for (const b of doc.children) {
    if (b.type !== 'heading' || b.level > min) continue;
    count = b.level < min ? 1 : count + 1;
    min = b.level;
  }
  return min === 1 || count === 1 ? min : 0;
}
