/** Adding an item under a parent item or at the end of a section, with the right marker and indent. */
import { TmError } from '../errors.js';
import type { Item, Plan, Section, Status } from '../model.js';
import { ORG_KEYWORDS } from '../plan/attributes/status.js';
import { lineAt } from '../plan/lines.js';
import { parsePlan } from '../plan/parse.js';
import { cellsOf } from '../plan/table-items.js';
import { todoTxtItemLead } from '../plan/todotxt.js';
import { afterFieldBullet, holdsFieldLines, recordHead, recordLines } from './fieldline.js';
import { applyEdits, type Edit } from './splice.js';
import { cellText, eolOf, markFor, nextLineStart, statingStatusText, statusText } from './style.js';
import { keywordFor, taskPaperTag } from './vocabulary.js';

/** Where an item is added: under a parent item, in a section, or at the top of a plan without headings. */
export interface AddTarget {
  readonly parent?: Item;
  readonly section?: Section;
  /** The plan's top level, outside every section: a plan without headings (a TODO.md of boxes, a todo.txt). */
  readonly top?: true;
}

export interface AddInput {
  readonly title: string;
  readonly status?: Status;
  /** Today as YYYY-MM-DD: the completion date a done todo.txt line is given (`x 2026-12-07 …`). */
  readonly today?: string;
}

/** The edit that adds a checkbox item as the last child of `parent`, or at the end of `section`. */
export function addItem(plan: Plan, target: AddTarget, input: AddInput): Edit[] {
  const title = input.title.trim();
  if (title === '' || /[\r\n]/.test(title))
    throw new TmError('TM_INVALID_EDIT', 'An item title is one non-empty line.');
  const status = input.status ?? 'todo';
  const mark = markFor(plan, status);
  if (target.parent)
    return [placed(plan, target, title, status, underParent(plan, target.parent, title, mark, status))];
  if (target.section)
    return [
      asRecord(plan, target.section, title, status) ??
        placed(
          plan,
          target,
          title,
          status,
          underSection(plan, target.section, title, mark, status, input.today),
        ),
    ];
  if (target.top) return [placed(plan, target, title, status, atTop(plan, title, mark, status, input.today))];
  throw new TmError('TM_INVALID_EDIT', 'Say where the item goes: a parent item or a section.');
}

/**
 * The ways to write the new item: its line with a box, and the line as its siblings are written,
 * preferred where it reads as an item of the status asked for: after a plain bullet that is an item
 * by where it stands (a card of a lane: `## In progress` / `## P0 - Reliability` over plain bullets)
 * the line without a box, after a line opened by its status glyph (`- ⏳ Pending thing`, `○ Retire
 * the cluster` in a paragraph of such lines) the line opened by the plan's glyph for the status.
 */
interface Written {
  readonly boxed: Edit;
  readonly native: Edit | null;
}

/**
 * The first way of `written` whose item lands where it was asked for (see lands); else the boxed line
 * with another bullet, which starts a list of its own: a list started after a loose list would go on
 * with that list (and its items be the children of whatever holds it), as a blank line does not end
 * one. Refused when none lands. Each try parses the plan once.
 */
function placed(plan: Plan, target: AddTarget, title: string, status: Status, written: Written): Edit {
  if (written.native !== null && lands(plan, target, written.native, status)) return written.native;
  const edit = written.boxed;
  if (lands(plan, target, edit, null)) return edit;
  const at = edit.text.search(/\S/);
  const bullet = edit.text[at];
  if (at >= 0 && (bullet === '-' || bullet === '*' || bullet === '+') && edit.text[at + 1] === ' ') {
    const retry = {
      ...edit,
      text: `${edit.text.slice(0, at)}${bullet === '*' ? '-' : '*'}${edit.text.slice(at + 1)}`,
    };
    if (lands(plan, target, retry, null)) return retry;
  }
  throw new TmError(
    'TM_INVALID_EDIT',
    `"${title}" would not read as an item ${target.parent ? `under ${target.parent.key}` : target.section ? `in ${target.section.title}` : 'at the top of the plan'} where it would be written; add it by hand.`,
  );
}

/**
 * Whether the item `edit` adds reads back under the target's parent, or in its section, and as
 * `status` when one is given.
 */
function lands(plan: Plan, target: AddTarget, edit: Edit, status: Status | null): boolean {
  const after = parsePlan(applyEdits(plan.text, [edit]), { file: plan.file });
  const end = edit.start + edit.text.length;
  // The one item on the lines the edit writes (its title as the parser reads it: `Fix it (P1)` is `Fix it`).
  const added = after.items.find((i) => i.lineSpan.start >= edit.start && i.lineSpan.start < end);
  if (added === undefined || (status !== null && added.status !== status)) return false;
  // Its parent's line, which the edit (after it) leaves where it was: keys may move with the plan.
  const parentLine = added.parent === null ? null : (after.byKey.get(added.parent)?.lineSpan.start ?? null);
  if (target.parent) return parentLine === target.parent.lineSpan.start;
  if (!target.section) return added.section.length === 0 && parentLine === null;
  const section = target.section;
  const path = section.path;
  const inSection = added.section.length >= path.length && path.every((t, k) => added.section[k] === t);
  // In the section itself, a child of the nearest heading around it that is an item, else of nothing.
  return inSection && parentLine === headingItemLine(plan, section);
}

/** Where the nearest heading that is an item, the section's own or one around it, starts; null when none is. */
function headingItemLine(plan: Plan, section: Section): number | null {
  let best: Section | null = null;
  for (const s of plan.sections) {
    const around =
      s.span.start <= section.span.start && s.span.end >= section.span.end && s.level <= section.level;
    if (around && s.itemKey !== null && (best === null || s.level > best.level)) best = s;
  }
  return best === null ? null : best.lineSpan.start;
}

/** The item written only as its boxed line. */
function boxedOnly(boxed: Edit): Written {
  return { boxed, native: null };
}

/** A line for a new sibling after `last`, continuing its marker (and its numbering). */
function siblingLine(plan: Plan, last: Item, title: string, mark: string | null): string {
  const list = last.list!;
  let marker = list.marker;
  const num = /^(\d+)([.)])$/.exec(marker);
  if (num) marker = `${Number(num[1]) + 1}${num[2]}`;
  const afterMarker = plan.text.slice(list.markerStart + list.marker.length, plan.lines.end[last.line - 1]!);
  const gap = /^[ \t]*/.exec(afterMarker)![0] || ' ';
  return `${list.indent}${marker}${gap}${mark === null ? '' : `[${mark}] `}${title}`;
}

/**
 * The ways of adding a sibling after `last`: a box of its mark, and first, after a plain bullet that
 * is an item without a box or a mark of its own (a card of a lane), a plain bullet as it is, and after
 * a bullet opened by its status glyph, a bullet opened by the plan's glyph for `status`.
 */
function siblingEdit(plan: Plan, last: Item, title: string, mark: string, status: Status): Written {
  const boxed = insertLine(plan, last.span.end, siblingLine(plan, last, title, mark));
  // In a TaskPaper list a task is a bullet, its status a tag ending it (none when open).
  const tag = last.checkbox === null ? taskPaperTag(plan, last, status, true) : null;
  if (tag !== null)
    return {
      boxed,
      native: insertLine(
        plan,
        last.span.end,
        siblingLine(plan, last, tag === '' ? title : `${title} ${tag}`, null),
      ),
    };
  const plain = last.checkbox === null && last.kind === 'status-bullet' && last.statusSpan === null;
  if (plain) return { boxed, native: insertLine(plan, last.span.end, siblingLine(plan, last, title, null)) };
  const keyed = keyedStatusLine(plan, last, title, status);
  if (keyed !== null)
    return { boxed, native: insertLine(plan, last.span.end, siblingLine(plan, last, keyed, null)) };
  const keyword = keywordOpening(plan, last, status);
  if (keyword !== null)
    return {
      boxed,
      native: insertLine(plan, last.span.end, siblingLine(plan, last, `${keyword}${title}`, null)),
    };
  const glyph = glyphOpening(plan, last, status);
  return {
    boxed,
    native:
      glyph === null
        ? null
        : insertLine(plan, last.span.end, siblingLine(plan, last, `${glyph} ${title}`, null)),
  };
}

/**
 * A line written as `item` is, when it gives its status after its name and a colon (`- Search: not
 * started`, `- **Billing:** 🚧 In progress`): the title, in the name's bold if any, and the status in
 * the shape of the item's (the plan's words for it); else null.
 */
function keyedStatusLine(plan: Plan, item: Item, title: string, status: Status): string | null {
  const span = item.statusSpan;
  if (
    item.kind !== 'status-bullet' ||
    item.checkbox !== null ||
    item.statusSource !== 'field' ||
    span === null
  )
    return null;
  const between = plan.text.slice(item.titleSpan.end, span.start);
  if (!/^(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]+$/.test(between)) return null;
  const name = plan.text.slice(item.titleSpan.start, item.titleSpan.end);
  const open = name.startsWith('**') ? '**' : name.startsWith('__') ? '__' : '';
  const close = open !== '' && name.length > 4 && name.endsWith(open) ? open : '';
  return `${open}${title}${close}${between}${statingStatusText(plan, status, plan.text.slice(span.start, span.end))}`;
}

/**
 * The plan's keyword for `status` and what follows it on `item`'s line (`TODO `, `DONE: `), when
 * `item` is a bullet opened by an org keyword (`- TODO Write the guide`, `- WAITING(@legal) DPA`);
 * else null. An owner in parentheses after the item's keyword is the item's, not the new one's.
 */
function keywordOpening(plan: Plan, item: Item, status: Status): string | null {
  const span = item.statusSpan;
  if (item.kind !== 'status-bullet' || item.checkbox !== null || span === null || item.list === null)
    return null;
  const old = plan.text.slice(span.start, span.end);
  const lead = plan.text.slice(item.list.markerStart + item.list.marker.length, span.start);
  if (!ORG_KEYWORDS.has(old) || !/^[ \t]+$/.test(lead)) return null;
  const after = /^(?:\([^()\s]*\))?(:?)/.exec(plan.text.slice(span.end, item.titleSpan.start))!;
  return `${keywordFor(plan, status)}${after[1] === ':' ? ':' : ''} `;
}

/**
 * The plan's glyph for `status` (`⏳`, or `○` where its legend says so) when `item` is a line opened
 * by its status glyph alone after its list marker, if any (`- ✅ Ship it`, `✔ Export the schema`);
 * else null.
 */
function glyphOpening(plan: Plan, item: Item, status: Status): string | null {
  const span = item.statusSpan;
  if (
    item.kind !== 'status-bullet' ||
    item.checkbox !== null ||
    span === null ||
    span.end > item.titleSpan.start
  )
    return null;
  const lead = plan.text.slice(item.lineSpan.start, span.start);
  const old = plan.text.slice(span.start, span.end);
  if (!/^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?$/.test(lead) || /[\p{L}\p{N}\s]/u.test(old)) return null;
  const glyph = statusText(plan, status, '✅').trim();
  return glyph === '' || /[\p{L}\p{N}\s]/u.test(glyph) ? null : glyph;
}

/** Inserts `line` at `at` (a line start), adding a line ending before it at the end of a file without one. */
function insertLine(plan: Plan, at: number, line: string): Edit {
  const eol = eolOf(plan);
  if (at >= plan.text.length && plan.text.length > 0 && !/[\r\n]$/.test(plan.text))
    return { start: at, end: at, text: `${eol}${line}` };
  return { start: at, end: at, text: `${line}${eol}` };
}

/** Offset after the last non-blank line in [from, to), and whether that line is a list item line. */
function endOfContent(plan: Plan, from: number, to: number): { at: number; lastLine: string } {
  const lines = plan.lines;
  let l = lineAt(lines, Math.max(from, Math.min(to, plan.text.length) - 1));
  const first = lineAt(lines, from);
  while (l > first && plan.text.slice(lines.start[l], lines.end[l]).trim() === '') l--;
  const at = l + 1 < lines.count ? lines.start[l + 1]! : plan.text.length;
  return { at, lastLine: plan.text.slice(lines.start[l], lines.end[l]) };
}

function underParent(plan: Plan, parent: Item, title: string, mark: string, status: Status): Written {
  const kids = parent.children.map((k) => plan.byKey.get(k)!).filter((c) => c.list !== null);
  const last = kids[kids.length - 1];
  // A bold title over a list of its fields holds the boxes after them: a new one goes after the last.
  if (holdsFieldLines(plan, parent)) {
    if (last) return boxedOnly(insertLine(plan, last.span.end, siblingLine(plan, last, title, mark)));
    const bullet = afterFieldBullet(plan, parent, `[${mark}] ${title}`);
    if (bullet) return boxedOnly(bullet);
  }
  // A ballot-box or numbered line is a line of a paragraph, and a table row a row: markdown nests
  // nothing under them, and a list written after one would not be its child.
  if ((parent.kind === 'status-bullet' && parent.list === null) || parent.kind === 'table-row')
    throw new TmError(
      'TM_INVALID_EDIT',
      `${parent.key} is a line of ${parent.kind === 'table-row' ? 'a table' : 'a paragraph'}, which cannot hold items; add the item to its section instead.`,
    );
  if (last) return siblingEdit(plan, last, outlineNumbered(plan, parent, last, title), mark, status);
  if (parent.list) {
    const { at } = endOfContent(plan, parent.span.start, parent.span.end);
    return boxedOnly(insertLine(plan, at, `${' '.repeat(parent.list.contentColumn)}- [${mark}] ${title}`));
  }
  return boxedOnly(newListAt(plan, parent.span.start, parent.span.end, title, mark));
}

/**
 * `title` opened by the next step's number where `parent`'s steps are numbered under it in its own
 * list (`- [ ] 2.3 Document model` after `- [ ] 2.2 User model`, under `- [ ] 2. Data models`),
 * written as the last step writes its number: there a step without one would not be the task's.
 */
function outlineNumbered(plan: Plan, parent: Item, last: Item, title: string): string {
  const m = parent.id === null || last.id === null ? null : /^(.*)\.(\d{1,3})$/.exec(last.id);
  if (m === null || m[1] !== parent.id || last.list?.indent !== parent.list?.indent) return title;
  const at = plan.text.indexOf(last.id!, last.lineSpan.start);
  if (at < 0 || at >= last.titleSpan.start) return title;
  const written = plan.text.slice(at, last.titleSpan.start);
  return `${written.replace(last.id!, `${m[1]}.${Number(m[2]) + 1}`)}${title}`;
}

/** Whether `item` stands in `section` itself, not in one of its sub-sections. */
function directlyIn(item: Item, section: Section): boolean {
  return (
    item.section.length === section.path.length &&
    item.section.every((t, k) => t === section.path[k]) &&
    item.span.start >= section.span.start &&
    item.span.end <= section.span.end
  );
}

/**
 * A section whose items are records (`**Task:** …` over its field lines) and no list gets a record
 * after its last one, written as that one is; null for any other section.
 */
function asRecord(plan: Plan, section: Section, title: string, status: Status): Edit | null {
  let last: Item | undefined;
  for (const i of plan.items) {
    if (!directlyIn(i, section)) continue;
    if (i.list !== null) return null;
    if (i.kind === 'status-bullet') last = i;
  }
  const head = last ? recordHead(plan, last) : null;
  if (last === undefined || head === null) return null;
  const eol = eolOf(plan);
  const { at } = endOfContent(plan, last.span.start, last.span.end);
  const lines = recordLines(plan, last, head, title, status);
  const block = lines.join(eol);
  if (at >= plan.text.length && !/[\r\n]$/.test(plan.text))
    return { start: at, end: at, text: `${eol}${eol}${block}` };
  const next = at < plan.text.length ? plan.text.charCodeAt(at) : -1;
  const apart = next !== -1 && next !== 10 && next !== 13 ? eol : '';
  return { start: at, end: at, text: `${eol}${block}${eol}${apart}` };
}

function underSection(
  plan: Plan,
  section: Section,
  title: string,
  mark: string,
  status: Status,
  today: string | undefined,
): Written {
  // The section's own top-level items (not those of its sub-sections or nested ones).
  const top = plan.items.filter(
    (i) => directlyIn(i, section) && (i.parent === null || plan.byKey.get(i.parent)!.kind === 'heading'),
  );
  const own = top.filter((i) => i.list !== null);
  const last = own[own.length - 1];
  const native = afterLines(plan, top[top.length - 1], last, title, status, today);
  if (last) return { ...siblingEdit(plan, last, title, mark, status), ...(native ? { native } : {}) };
  const row = top[top.length - 1];
  const next = plan.sections.find((s) => s.line > section.line && s.span.start >= section.span.start);
  const boxed = newListAt(plan, section.span.start, next ? next.span.start : section.span.end, title, mark);
  if (row?.kind === 'table-row') return { boxed, native: rowAfter(plan, row, title, status) };
  return { boxed, native };
}

/**
 * A row after `last`, a row of a status table, written as it is: the new title in its title cell, the
 * plan's word for `status` in its status cell, the next number in an ID column that numbers the rows,
 * the other cells empty. Null for a row not opened by its pipe (in a block quote, or without one).
 */
function rowAfter(plan: Plan, last: Item, title: string, status: Status): Edit | null {
  const text = plan.text;
  const { start, end } = last.lineSpan;
  const line = text.slice(start, end);
  if (!/^[ \t]*\|/.test(line)) return null;
  const within = (c: { start: number; end: number }, at: number) => c.start <= at && at <= c.end;
  const id = last.id !== null && /^\d{1,6}$/.test(last.id) ? last.id : null;
  const cells = cellsOf(text, { start, end }).map((c) => {
    if (within(c, last.titleSpan.start)) return cellText(title);
    const stated = last.statusSpan;
    if (stated !== null && within(c, stated.start))
      return cellText(statusText(plan, status, text.slice(stated.start, stated.end)));
    return id !== null && c.text.trim() === id ? String(Number(id) + 1) : '';
  });
  const indent = /^[ \t]*/.exec(line)![0];
  const row = `${indent}| ${cells.join(' | ')}${/\|[ \t]*$/.test(line) ? ' |' : ''}`;
  return insertLine(plan, nextLineStart(plan, end), row);
}

/** At the top of a plan without headings: after its last item outside a section, else a new list. */
function atTop(plan: Plan, title: string, mark: string, status: Status, today: string | undefined): Written {
  const top = plan.items.filter((i) => i.section.length === 0 && i.parent === null);
  const own = top.filter((i) => i.list !== null);
  const last = own[own.length - 1];
  const native = afterLines(plan, top[top.length - 1], last, title, status, today);
  if (last) return { ...siblingEdit(plan, last, title, mark, status), ...(native ? { native } : {}) };
  const end = plan.sections[0]?.span.start ?? plan.text.length;
  return { boxed: newListAt(plan, 0, end, title, mark), native };
}

/**
 * The new item as one more line of the paragraph of line items `line` ends, when it is after the last
 * bullet `last`: opened by the plan's glyph for `status` after lines opened by their status glyphs,
 * a todo.txt line (`x ` and `today`, when given, when done) after todo.txt lines. Null otherwise.
 */
function afterLines(
  plan: Plan,
  line: Item | undefined,
  last: Item | undefined,
  title: string,
  status: Status,
  today: string | undefined,
): Edit | null {
  if (line === undefined || line.list !== null || line === last) return null;
  const glyph = glyphOpening(plan, line, status);
  if (glyph !== null) return insertLine(plan, line.span.end, `${glyph} ${title}`);
  if (
    (status !== 'todo' && status !== 'done') ||
    todoTxtItemLead(plan, plan.items.indexOf(line)) === undefined
  )
    return null;
  const done = status !== 'done' ? '' : today === undefined ? 'x ' : `x ${today} `;
  return insertLine(plan, line.span.end, `${done}${title}`);
}

/** Starts a new list after the last content line in [from, to), with a blank line before it when needed. */
function newListAt(plan: Plan, from: number, to: number, title: string, mark: string): Edit {
  const eol = eolOf(plan);
  const { at, lastLine } = endOfContent(plan, from, to);
  const line = `- [${mark}] ${title}`;
  // A title in bold holds the list of its fields and boxes: a list started after that one would join
  // it, and be the title's. The new list goes before the first such title instead, set apart from it.
  const held = plan.items.some(
    (i) => i.span.end === at && holdsFieldLines(plan, i) && i.fields.some((f) => f.style === 'sub-bullet'),
  );
  const first = held ? plan.items.find((i) => i.span.start >= from && holdsFieldLines(plan, i)) : undefined;
  if (first) return { start: first.lineSpan.start, end: first.lineSpan.start, text: `${line}${eol}${eol}` };
  // A plan of nothing but white space goes on with the list, no blank line before it.
  if (plan.text.trim() === '') {
    const end = plan.text.length;
    const sep = end === 0 || /[\r\n]$/.test(plan.text) ? '' : eol;
    return { start: end, end, text: `${sep}${line}${eol}` };
  }
  const blankBefore = /^\s*(?:[-*+]|\d+[.)])\s/.test(lastLine) ? '' : eol;
  if (at >= plan.text.length && !/[\r\n]$/.test(plan.text))
    return { start: at, end: at, text: `${eol}${blankBefore}${line}` };
  const needsBlankAfter =
    at < plan.text.length && plan.text.slice(at, at + 1) !== '\r' && plan.text.slice(at, at + 1) !== '\n';
  return { start: at, end: at, text: `${blankBefore}${line}${eol}${needsBlankAfter ? eol : ''}` };
}
