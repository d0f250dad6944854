/**
 * A paragraph: field lines of the item or heading it is under, or lines that are items themselves
 * (status-marked lines, todo.txt lines, a record of fields, lines opening with an ID or a ballot box,
 * struck headings, numbered lines); and a line in bold over an item's fields (boldTitleItem).
 */
import type { Field, Span, Status } from '../../model.js';
import { readFieldLine } from '../attributes/field-lines.js';
import { readLeadingId } from '../attributes/ids.js';
import { ITEM_KEYS, RECORD_NAME_KEYS } from '../attributes/keys.js';
import { BOX_GLYPHS, statusOfWord } from '../attributes/status.js';
import type { Block, LineSlice, ListBlock, ParagraphBlock } from '../block-types.js';
import { isSpace } from '../chars.js';
import { repairForMatching } from '../encoding.js';
import { readHeading } from '../headings.js';
import { leadingGlyph, startsBeyondAscii } from '../marks.js';
import { isTodoTxtList, opensAsTask, readTodoTxtLead } from '../todotxt.js';
import { TRAILING_GLYPH_RE, takeTrailingStatus } from '../trailing-marks.js';
import { isDigitCode, statusBulletDraft } from './bullets.js';
import { type MadeItem, newItem } from './draft.js';
import { plainKeyField, sectionFields } from './fields.js';
import { fieldBullets } from './list-items.js';
import { boldTitle } from './sections.js';
import { currentSection, headingItem, lineEndOffset, type State } from './state.js';
import { taskLineDraft } from './task-lines.js';

/** Field lines of a paragraph: attached to the heading item whose body this is, or to the plan. */
export function onParagraph(st: State, p: ParagraphBlock, parentItem: number) {
  const sec = currentSection(st);
  const inLegend = sec >= 0 && st.legendSections[sec]!;
  const numbered = inLegend ? null : numberedLines(st, p, parentItem);
  if (
    !inLegend &&
    numbered === null &&
    (recordItem(st, p, parentItem) || markedLines(st, p, parentItem) || todoTxtLines(st, p, parentItem))
  )
    return;
  for (let l = 0; l < p.lines.length; l++) {
    const slice = p.lines[l]!;
    if (numbered?.has(l)) continue;
    if (
      !inLegend &&
      startsBeyondAscii(st.text.slice(slice.start, slice.start + 4)) &&
      boxLine(st, slice, parentItem)
    )
      continue;
    if (st.text.charCodeAt(slice.start) === 126 && !inLegend && struckHeadingLine(st, slice, parentItem))
      continue;
    if (!inLegend && idLine(st, slice, parentItem)) continue;
    const fields = readFieldLine(st.text, slice.start, slice.end, true);
    if (!fields) continue;
    if (parentItem >= 0) {
      const own = st.drafts[parentItem]!.item.fields;
      for (const f of fields) own.push({ ...f, style: 'sub-bullet' });
    } else {
      sectionFields(st, fields);
    }
  }
}

/**
 * A paragraph whose every line opens with a status mark (`✔ Export schema` over `➜ Convert the
 * procedures`, the marks taskmark's or the plan's legend's): a checklist written without list
 * markers, each line an item as such a bullet is. One line among prose is not, but for a box
 * (boxLine); nor are lines of warnings (`⚠ The API moved.`).
 */
function markedLines(st: State, p: ParagraphBlock, parentItem: number): boolean {
  if (p.lines.length < 2) return false;
  const made: MadeItem[] = [];
  for (const slice of p.lines) {
    const head = st.text.slice(slice.start, slice.start + 4);
    if (!startsBeyondAscii(head)) return false;
    const glyph = leadingGlyph(head);
    if (glyph === null || DECORATION_GLYPHS.has(glyph.glyph.replace('\uFE0F', ''))) return false;
    const draft = statusBulletDraft(st, slice.line, slice);
    if (draft === null) return false;
    made.push(draft);
  }
  // Lines that each give a mark and only a status word (`✅ Done` over `⏳ Todo`) are a legend.
  if (made.every((m) => isStatusWordAlone(m.matchText))) return false;
  for (let l = 0; l < made.length; l++) pushLineItem(st, made[l]!, p.lines[l]!, parentItem);
  return true;
}

/**
 * A paragraph of todo.txt lines (`(A) 2026-11-20 Call the landlord +home` over `x 2026-11-21
 * Renew the passport`, see todotxt.ts): each line an item, done by its `x`, its dates fields
 * (`created`, and `done` for the completion date) that leave the title, its priority read with the
 * rest of its words. Lines among them that read as fields are not a todo.txt list.
 */
function todoTxtLines(st: State, p: ParagraphBlock, parentItem: number): boolean {
  if (p.lines.length < 2) return false;
  const leads = p.lines.map((s) => readTodoTxtLead(st.text, s.start, s.end));
  if (!isTodoTxtList(st.text, p.lines, leads)) return false;
  // A field line among them (`Owner: @dana · Status: In progress`) makes them a record's, not a
  // list, and a line opening as no task does (`| Push | ❌ |`) something else again.
  for (let l = 0; l < p.lines.length; l++) {
    const s = p.lines[l]!;
    if (
      leads[l] === null &&
      (!opensAsTask(st.text, s.start) || readFieldLine(st.text, s.start, s.end, true) !== null)
    )
      return false;
  }
  for (let l = 0; l < p.lines.length; l++) {
    const slice = p.lines[l]!;
    const lead = leads[l];
    const item = newItem('status-bullet', slice.line);
    if (lead?.done) {
      item.status = 'done';
      item.statusSource = 'marker';
      item.statusText = 'x';
      item.statusSpan = lead.done;
    }
    if (lead?.completed) item.fields.push(dateField(st, 'done', lead.completed));
    if (lead?.created) item.fields.push(dateField(st, 'created', lead.created));
    const words = lead?.wordsStart ?? slice.start;
    const from = lead?.priority?.start ?? words;
    item.titleSpan = { start: from, end: slice.end };
    if (lead?.priority && lead.created) {
      // The priority and the words, without the creation date between them.
      const { start, end } = lead.priority;
      const gap = words - (end + 1);
      const matchText = `${st.text.slice(start, end)} ${st.text.slice(words, slice.end)}`;
      const repairMap = (i: number) => (i <= end - start ? start + i : start + i + gap);
      pushLineItem(
        st,
        { item, idKind: null, matchText, matchBase: -1, repairMap, todoTxt: true },
        slice,
        parentItem,
      );
    } else {
      pushLineItem(
        st,
        { item, idKind: null, matchText: st.text.slice(from, slice.end), matchBase: from, todoTxt: true },
        slice,
        parentItem,
      );
    }
  }
  return true;
}

function dateField(st: State, key: string, at: Span): Field {
  const value = st.text.slice(at.start, at.end);
  return { key, rawKey: key, value, span: at, valueSpan: at, style: 'kv' };
}

/**
 * A paragraph of field lines that opens with the item's name under a key saying what it is
 * (`**Task:** Rotate the keys` over `**Owner:** Bo` and `**Status:** In progress`): a record, one
 * item, its other lines its fields, one at least a status, priority, owner or due date. Plans kept as
 * a run of such records have no headings or boxes for their tasks.
 */
function recordItem(st: State, p: ParagraphBlock, parentItem: number): boolean {
  if (p.lines.length < 2) return false;
  const l0 = p.lines[0]!;
  const head = readFieldLine(st.text, l0.start, l0.end, true) ?? plainKeyField(st, l0);
  const name = head?.length === 1 ? head[0]! : null;
  if (name === null || !RECORD_NAME_KEYS.has(name.key) || name.value === '') return false;
  const fields: Field[] = [];
  for (let l = 1; l < p.lines.length; l++) {
    const s = p.lines[l]!;
    const f = readFieldLine(st.text, s.start, s.end, true) ?? plainKeyField(st, s);
    if (f === null) return false;
    for (const x of f) fields.push(x);
  }
  if (!fields.some((f) => ITEM_KEYS.has(f.key))) return false;
  const item = newItem('status-bullet', l0.line);
  const id = readLeadingId(name.value);
  const titleAt = name.valueSpan.start + (id?.length ?? 0);
  item.id = id?.id ?? null;
  item.titleSpan = { start: titleAt, end: name.valueSpan.end };
  const matchText = st.text.slice(titleAt, name.valueSpan.end);
  pushLineItem(st, { item, idKind: id?.kind ?? null, matchText, matchBase: titleAt }, l0, parentItem);
  // The record is its lines: removing the item takes them all.
  const last = p.lines[p.lines.length - 1]!.line;
  item.span = { start: item.span.start, end: lineEndOffset(st, last + 1) };
  st.drafts[st.drafts.length - 1]!.endLine = last + 1;
  for (const f of fields) item.fields.push(f);
  return true;
}

/**
 * A paragraph that is one line in bold (`**Task 2.1: Query parser**`) over an item's fields, in the
 * same paragraph (`**Status:** Done` lines) or as the list after it (`- **Effort:** 2d`, `- Owner:
 * Kim`, then the task's own boxes): an item, as a heading with field lines under it is. Plans that
 * mark their tasks' headings in bold, not with `#`, write them so. A status, priority, owner or due
 * date must be among the fields; a bold line over other lines is a label. Returns the item's draft
 * and the list it holds, or null.
 */
export function boldTitleItem(
  st: State,
  p: ParagraphBlock,
  next: Block | undefined,
): { draft: number; list: ListBlock | null } | null {
  const title = boldTitle(st, p.lines[0]!);
  if (title === null) return null;
  let fields: Field[] | null = null;
  let list: ListBlock | null = null;
  if (p.lines.length > 1) {
    fields = [];
    for (let l = 1; l < p.lines.length; l++) {
      const f = readFieldLine(st.text, p.lines[l]!.start, p.lines[l]!.end, true);
      if (f === null) return null;
      for (const x of f) fields.push(x);
    }
  } else if (next?.type === 'list') {
    fields = fieldBullets(st, next);
    list = next;
  }
  if (fields === null || !fields.some((f) => ITEM_KEYS.has(f.key))) return null;
  const slice = p.lines[0]!;
  const { info, start, end } = title;
  const item = newItem('status-bullet', slice.line);
  item.id = info.id;
  item.priority = info.priority;
  const plain = st.text.slice(start, end) === info.title;
  item.titleSpan = plain
    ? { start, end }
    : { start: start + info.titleRange[0], end: start + info.titleRange[1] };
  if (p.lines.length > 1) for (const f of fields) item.fields.push(f);
  // A title read through a repair (damaged text) has offsets of its own: its fields are placed by
  // the attribute pass's search, not by offset.
  const matchBase = title.repaired ? -1 : item.titleSpan.start;
  const made = { item, idKind: info.idKind, matchText: info.title, matchBase };
  pushLineItem(st, made, slice, -1);
  const draft = st.drafts.length - 1;
  const endLine = list ? list.endLine : p.endLine;
  st.drafts[draft]!.endLine = endLine;
  item.span = { start: item.lineSpan.start, end: lineEndOffset(st, endLine) };
  return { draft, list };
}

/**
 * A line of a paragraph that opens with an ID and carries a task's metadata as a task bullet does
 * (`ENG-42 Fix the crash — In Progress — @kim`, as trackers export them) is an item.
 */
function idLine(st: State, slice: LineSlice, parentItem: number): boolean {
  const c = st.text.charCodeAt(slice.start);
  if (!(c >= 65 && c <= 90)) return false;
  const id = readLeadingId(st.text.slice(slice.start, Math.min(slice.end, slice.start + MAX_ID_LINE_LEAD)));
  if (id === null || id.kind === 'numeric') return false;
  const made = taskLineDraft(st, slice.line, slice, 2);
  if (made === null) return false;
  pushLineItem(st, made, slice, parentItem);
  return true;
}

/** A plain line that opens with a ballot box (`☐ Book the van`, `☑ Cancel the internet`) is an item. */
function boxLine(st: State, slice: LineSlice, parentItem: number): boolean {
  const m = leadingGlyph(st.text.slice(slice.start, slice.start + 4));
  if (!m || m.bold || !BOX_GLYPHS.has(m.glyph)) return false;
  const made = statusBulletDraft(st, slice.line, slice);
  if (!made) return false;
  pushLineItem(st, made, slice, parentItem);
  return true;
}

/**
 * A heading struck through whole (`~~## Native app~~`, `~~### T-9: Fax~~`) is a paragraph, not a
 * heading, to markdown: a heading the plan dropped. It is a cancelled item, read as a heading is.
 */
function struckHeadingLine(st: State, slice: LineSlice, parentItem: number): boolean {
  if (!st.text.startsWith('~~#', slice.start)) return false;
  let end = slice.end;
  while (end > slice.start && isSpace(st.text.charCodeAt(end - 1))) end--;
  if (!st.text.startsWith('~~', end - 2)) return false;
  let h = slice.start + 2;
  while (h < end && st.text.charCodeAt(h) === 35) h++;
  const level = h - slice.start - 2;
  if (level > 6 || (st.text.charCodeAt(h) !== 32 && st.text.charCodeAt(h) !== 9)) return false;
  const inner = st.text.slice(h, end - 2).trim();
  if (inner === '' || inner.includes('~~')) return false;
  const info = readHeading(repairForMatching(inner));
  if (info.title === '') return false;
  const item = newItem('status-bullet', slice.line);
  item.id = info.id;
  item.title = info.title;
  item.priority = info.priority;
  item.status = 'cancelled';
  item.statusSource = 'strike';
  item.statusText = '~~';
  // The title's span holds the strike, as a struck list item's does: an edit takes it off there.
  item.titleSpan = { start: slice.start, end };
  // Where the heading would stand: under the nearest open heading of a higher level, not in the
  // section it would have closed.
  let at = st.open.length - 1;
  while (parentItem < 0 && at >= 0 && st.open[at]!.level >= level) at--;
  let parent = parentItem;
  for (let i = at; parent < 0 && i >= 0; i--) parent = st.open[i]!.draft;
  const made = { item, idKind: info.idKind, matchText: info.title, matchBase: -1 };
  pushLineItem(st, made, slice, parentItem, { parent, section: at >= 0 ? st.open[at]!.index : -1 });
  return true;
}

/**
 * Numbered lines without boxes (`0.1 Set up CI`, `1.2 Announce ✅`) are items when two or more
 * open a paragraph's lines and one of them carries a status mark: that mark shows the lines are
 * tasks, not a numbered outline of prose.
 */
function numberedLines(st: State, p: ParagraphBlock, parentItem: number): Set<number> | null {
  if (p.lines.length < 2 || !isDigitCode(st.text.charCodeAt(p.lines[0]!.start))) return null;
  const numbered: number[] = [];
  let marked = false;
  for (let l = 0; l < p.lines.length; l++) {
    const s = p.lines[l]!;
    const line = st.text.slice(s.start, s.end);
    if (!NUMBERED_LINE_RE.test(line)) continue;
    numbered.push(l);
    const tail = TRAILING_GLYPH_RE.exec(line);
    if ((tail && st.glyphStatus(tail[1]!)) || leadingMark(st, afterNumber(line)) !== null) marked = true;
  }
  if (numbered.length < 2 || !marked) return null;
  for (const l of numbered) {
    const slice = p.lines[l]!;
    const raw = st.text.slice(slice.start, slice.end);
    const item = newItem('status-bullet', slice.line);
    const id = NUMBERED_LINE_RE.exec(raw)![1]!;
    item.id = id;
    let rest = afterNumber(raw);
    // A mark after the number (`1.1 ✓ Cut the branch`, `1.3 ☐ Announce it`) is the line's status.
    const lead = leadingMark(st, rest);
    if (lead !== null) {
      const at = slice.end - rest.length;
      item.status = lead.status;
      item.statusSource = 'marker';
      item.statusText = lead.glyph;
      item.statusSpan = { start: at, end: at + lead.glyph.length };
      rest = rest.slice(lead.end).trimStart();
    }
    const bodyStart = slice.end - rest.length;
    const body = lead === null ? takeTrailingStatus(item, rest, (i) => bodyStart + i, st.glyphStatus) : rest;
    item.titleSpan = { start: bodyStart, end: bodyStart + body.length };
    pushLineItem(st, { item, idKind: 'numeric', matchText: body, matchBase: bodyStart }, slice, parentItem);
  }
  return new Set(numbered);
}

/**
 * Adds an item that is one line of a paragraph (a ballot box line, a numbered line), under the
 * enclosing item and in the current section unless `place` says where (a struck heading line).
 */
function pushLineItem(
  st: State,
  made: MadeItem,
  slice: LineSlice,
  parentItem: number,
  place?: { readonly parent: number; readonly section: number },
) {
  const parent = place ? place.parent : parentItem >= 0 ? parentItem : headingItem(st);
  const { item } = made;
  item.depth = parent >= 0 ? st.drafts[parent]!.item.depth + 1 : 0;
  item.lineSpan = { start: st.lines.start[slice.line]!, end: st.lines.end[slice.line]! };
  item.span = { start: item.lineSpan.start, end: lineEndOffset(st, slice.line + 1) };
  st.drafts.push({
    item,
    parent,
    section: place ? place.section : currentSection(st),
    idKind: made.idKind,
    tentative: false,
    endLine: slice.line + 1,
    matchText: made.matchText,
    matchBase: made.matchBase,
    repairMap: made.repairMap,
    list: -1,
    ...(made.todoTxt ? { todoTxt: true } : {}),
    ...(made.titleEnd !== undefined ? { titleEnd: made.titleEnd } : {}),
  });
}

/** What follows a numbered line's number and the blanks after it. */
function afterNumber(line: string): string {
  const id = NUMBERED_LINE_RE.exec(line)![1]!;
  return line.slice(line.indexOf(id) + id.length).replace(/^\.?[ \t]+/, '');
}

/** A status glyph opening `s` and set off from the words after it (`✓ Cut the branch`, `☐ Freeze`). */
function leadingMark(st: State, s: string): { status: Status; glyph: string; end: number } | null {
  if (s.charCodeAt(0) < 128) return null;
  const g = leadingGlyph(s);
  if (g === null || g.bold !== '' || !isSpace(s.charCodeAt(g.end))) return null;
  const status = st.glyphStatus(g.glyph);
  return status === null ? null : { status, glyph: g.glyph, end: g.end };
}

/** How much of a line's start is read for the ID opening it: the longest ID and what sets it off. */
const MAX_ID_LINE_LEAD = 48;

/** A line that opens with a dotted number, an outline ID: `0.1 Set up CI`, `1.2.3 Tag it`. */
const NUMBERED_LINE_RE = /^(\d{1,3}(?:\.\d{1,3})+)\.?[ \t]+\S/;

/** Whether `text` is a status word and nothing more (`Done`, `In progress`, `todo.`). */
function isStatusWordAlone(text: string): boolean {
  return statusOfWord(text.replace(/[\s.:*_-]+$/u, '').trim()) !== null;
}

/** Status glyphs that open warnings and notes as often as tasks: they alone make no checklist of lines. */
const DECORATION_GLYPHS: ReadonlySet<string> = new Set(['⚠', '📋', '▶']);
