/** Setting an item's status by the smallest edit, in the plan's own style. */
import { TmError } from '../errors.js';
import type { Field, Item, Plan, Section, Span, Status } from '../model.js';
import { trailingCircle } from '../plan/attributes/priority.js';
import {
  BOX_GLYPHS,
  ORG_KEYWORDS,
  statusOfGlyph,
  statusOfMark,
  statusWordAfterMark,
} from '../plan/attributes/status.js';
import { isBlank } from '../plan/chars.js';
import { repairForMatching } from '../plan/encoding.js';
import { type HeadingInfo, readHeading } from '../plan/headings.js';
import { laneOf } from '../plan/lanes.js';
import {
  boxStatusMark,
  closingWrapper,
  endsWithStatusMark,
  isStruck,
  STRONG_WRAPPERS,
  statusProbe,
  takeTrailingStatus,
} from '../plan/marks.js';
import { parsePlan } from '../plan/parse.js';
import { inShortcodesLike } from '../plan/shortcodes.js';
import { withoutDoneDate } from '../plan/table-items.js';
import { todoTxtItemLead } from '../plan/todotxt.js';
import { holdsFieldLines, insertFieldLine } from './fieldline.js';
import { applyEdits, type Edit } from './splice.js';
import { cellText, markFor, statingStatusText, statusText } from './style.js';

export interface SetStatusOptions {
  /** Also tick or untick every checkbox under the item. */
  readonly children?: boolean;
  /** Today as YYYY-MM-DD: the completion date a done todo.txt line is given (`x 2026-12-07 …`). */
  readonly today?: string;
}

/** Edits that give `item` the status `status` (none when it already has it). */
export function setStatus(plan: Plan, item: Item, status: Status, options: SetStatusOptions = {}): Edit[] {
  const edits: Edit[] = item.status === status ? [] : ownStatusEdits(plan, item, status, options.today);
  if (options.children) {
    const mark = markFor(plan, status);
    const stack = [...item.children];
    while (stack.length > 0) {
      const child = plan.byKey.get(stack.pop()!);
      if (!child) continue;
      for (const k of child.children) stack.push(k);
      if (child.markSpan && child.statusSpan && child.statusSource === 'marker') {
        if (child.status !== status) edits.push(...boxMarkEdits(plan, child, status));
      } else if (
        child.markSpan &&
        child.checkbox !== null &&
        statusOfMark(child.checkbox, plan.boxMarks) !== status
      ) {
        edits.push({ start: child.markSpan.start, end: child.markSpan.end, text: mark });
      }
    }
  }
  return keepingMarkedSiblings(plan, item, edits);
}

/**
 * `edits`, and a box for each bullet without one that is an item by what is around it, when the
 * edits would make it stop being one: a bullet of a list whose bullets end with status marks (`-
 * Deploy staging (blocked)`), whose marks the edits take off, a card of a board written without
 * boxes, whose lanes a box given to `item` ends, or a bullet of a backlog that `item` made one by its
 * metadata (`- Fix the login (P1) @kim` over `- Update the docs (P2)`), which a box given to it ends. A
 * status change never drops another item from the plan. The plan is parsed again to know, only where such a bullet is there.
 */
function keepingMarkedSiblings(plan: Plan, item: Item, edits: Edit[]): Edit[] {
  if (edits.length === 0 || item.list === null) return edits;
  // Only a box given to a bullet without one, or a mark taken off the end of a line, changes what
  // is around the others: a box's mark changed in place (a lint fix ticking parents) does not.
  const ending = item.statusSpan !== null && item.statusSpan.start >= item.titleSpan.start;
  if (item.checkbox !== null && !ending) return edits;
  const marked = plan.items.filter(
    (i) =>
      i !== item &&
      i.kind === 'status-bullet' &&
      i.list !== null &&
      i.checkbox === null &&
      (i.statusSource === 'section' || endsWithStatusMark(plan.text, i.lineSpan.start, i.lineSpan.end)),
  );
  // And its siblings without boxes, when a box given to it ends the backlog its metadata made.
  if (item.checkbox === null)
    for (const i of boxlessSiblings(plan, item)) if (!marked.includes(i)) marked.push(i);
  return keepingOthers(plan, edits, marked);
}

/**
 * `edits`, and a box for each of `others` (bullets without one, items by what is around them) that
 * the edits would make stop being an item: an edit never drops another item from the plan. Besides
 * keepingMarkedSiblings, a field taken off or an item removed whose signals made its list a backlog
 * (`- Fix the login (P1) @kim` over `- Update the docs (P2)`). The plan is parsed again only when
 * there are such bullets.
 */
export function keepingOthers(plan: Plan, edits: Edit[], others: readonly Item[]): Edit[] {
  if (others.length === 0 || edits.length === 0) return edits;
  const after = parsePlan(applyEdits(plan.text, edits), { file: plan.file });
  const starts = new Set(after.items.map((i) => i.lineSpan.start));
  // Where a line starts once the edits before it are made (keys may move to a twin's title).
  const moved = (p: number) => {
    let q = p;
    for (const e of edits) if (e.end <= p) q += e.text.length - (e.end - e.start);
    return q;
  };
  const out = [...edits];
  for (const i of others) {
    const at = i.lineSpan.start;
    // A line the edits take away or rewrite is theirs.
    if (edits.some((e) => e.start <= at && at < e.end)) continue;
    if (starts.has(moved(at))) continue;
    // An open box with the mark after it says doing, blocked or cancelled; a box says todo and done.
    out.push(
      boxAfterMarker(plan, i, i.status === 'todo' || i.status === 'done' ? markFor(plan, i.status) : ' '),
    );
  }
  return out;
}

/** The bullets beside `item`, under the same parent, without a box: those keepingOthers keeps. */
export function boxlessSiblings(plan: Plan, item: Item): Item[] {
  return plan.items.filter(
    (i) =>
      i.key !== item.key &&
      i.parent === item.parent &&
      i.kind === 'status-bullet' &&
      i.list !== null &&
      i.checkbox === null,
  );
}

/**
 * A status mark for a numbered step at the end of its line, in the shape of its siblings' marks when
 * two or more of them end their lines so (`✅`, `🚧 In progress`), as the parser reads such steps;
 * null otherwise.
 */
function endingMarkEdit(plan: Plan, item: Item, status: Status): Edit | null {
  if (!item.list?.ordered) return null;
  const marked = boxlessSiblings(plan, item).filter(
    (i) =>
      i.statusSource === 'marker' &&
      i.statusSpan !== null &&
      i.statusSpan.start >= i.titleSpan.end &&
      plan.text.charCodeAt(i.statusSpan.start) !== 64,
  );
  if (marked.length < 2) return null;
  const old = plan.text.slice(marked[0]!.statusSpan!.start, marked[0]!.statusSpan!.end);
  let at = item.lineSpan.end;
  while (at > item.lineSpan.start && isBlank(plan.text.charCodeAt(at - 1))) at--;
  return { start: at, end: at, text: ` ${statusText(plan, status, old).trim()}` };
}

/** The edit that gives a bullet without a box one, marked `mark`, after its list marker. */
export function boxAfterMarker(plan: Plan, item: Item, mark: string): Edit {
  let at = item.list!.markerStart + item.list!.marker.length;
  while (isBlank(plan.text.charCodeAt(at))) at++;
  return { start: at, end: at, text: `[${mark}] ` };
}

/**
 * `unstrike` on a struck bullet without a box set to todo, and an open box (with `boxed` instead of
 * `unstrike`, when given) when the bullet unstruck would not read as todo: in a lane of done work it
 * takes the lane's status (`## Done`, `- ~~Dark mode~~`), and a bullet that was an item by its strike
 * alone is none without it. The plan is parsed again to know; the strike's edits leave the line's
 * start where it was. Refused when neither reads as todo: an open box in a lane of work under way
 * takes the lane's status.
 */
function openWithoutStrike(plan: Plan, item: Item, unstrike: Edit[], boxed: Edit[] = unstrike): Edit[] {
  if (readsBack(plan, item, unstrike, 'todo')) return unstrike;
  const open = [...boxed, boxAfterMarker(plan, item, markFor(plan, 'todo'))];
  if (readsBack(plan, item, open, 'todo')) return open;
  // An open box in a lane of work under way or done takes the lane's status: todo is no status there.
  const lane = laneOf(plan, item);
  if (lane !== null) throw todoInLane(item, lane);
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: todo could not be written on its struck line so that it reads back; edit line ${item.line} by hand.`,
  );
}

/**
 * Whether `item` reads as `status` once `edits`, which leave its line's start in place, are made;
 * with `keepsAll`, also whether the plan still has as many items (the edits dropped none).
 */
function readsBack(plan: Plan, item: Item, edits: Edit[], status: Status, keepsAll = false): boolean {
  const after = parsePlan(applyEdits(plan.text, edits), { file: plan.file });
  if (keepsAll && after.items.length !== plan.items.length) return false;
  return after.items.find((i) => i.lineSpan.start === item.lineSpan.start)?.status === status;
}

/** Where the run of spaces and tabs ending at `at` starts. */
function blankStart(text: string, at: number): number {
  let p = at;
  while (p > 0 && isBlank(text.charCodeAt(p - 1))) p--;
  return p;
}

function ownStatusEdits(plan: Plan, item: Item, status: Status, today?: string): Edit[] {
  const text = plan.text;
  if (item.statusSource === 'strike') {
    // Cancelled by its struck title (`~~Old~~ (no demand)`): another status takes the strike off,
    // and then is written as on any item of its kind.
    const unstrike = strikeEdits(plan, item);
    if (item.list === null && text.startsWith('~~#', item.lineSpan.start)) {
      // A heading struck whole (`~~## Native app~~`): unstruck it is a heading, which states its status
      // as a heading does, at its end; one with an ID is an item, and todo, without a mark.
      if (status === 'todo' && item.id !== null) return unstrike;
      const mark = annotation(plan, status, '✅');
      return [unstrike[0]!, { ...unstrike[1]!, text: ` ${mark}` }];
    }
    const lane = status === 'todo' ? laneOf(plan, item) : null;
    if (lane !== null) throw todoInLane(item, lane);
    // A heading is an item by what it states: without the strike it needs a status line to stay one.
    if (status === 'todo' && (item.checkbox === null || item.checkbox === ' ') && item.kind !== 'heading')
      return item.checkbox === null && item.list !== null
        ? openWithoutStrike(plan, item, unstrike)
        : unstrike;
    // Its status as written under the strike: a box or a status mark, else none.
    const source = item.markSpan || item.statusSpan ? 'marker' : 'default';
    const edits = [
      ...unstrike,
      ...ownStatusEdits(plan, { ...item, status: 'todo', statusSource: source }, status),
    ];
    if (item.checkbox !== null || item.list === null || readsBack(plan, item, edits, status)) return edits;
    // A bullet that was an item by its strike may be none with the status written as its kind writes
    // one (beside the lines it continues): a box of the status says it.
    const boxed = [...unstrike, boxAfterMarker(plan, item, markFor(plan, status))];
    if (readsBack(plan, item, boxed, status)) return boxed;
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: ${status} could not be written on its struck line so that it reads back; edit line ${item.line} by hand.`,
    );
  }
  if (item.list === null && item.kind === 'status-bullet') {
    const todo = todoTxtEdits(plan, item, status, today);
    if (todo !== null) return todo;
  }
  if (item.markSpan) {
    const box = boxEdits(plan, item, status);
    const boxCount = box.length;
    const edits = withStatusField(plan, item, status, box);
    // An open box under a struck title is cancelled unless its status field says more: written todo
    // there, it would read as cancelled again, so the strike goes too.
    const field = edits.length > boxCount;
    if (field && status === 'todo' && isStruck(lineWithoutFields(plan, item)))
      for (const e of strikeEdits(plan, item)) edits.push(e);
    // A line that states its status in two fields or more (`(In Review, @ana) — … **Done**`) may read
    // otherwise once each says the new status: one of them a mark that says more than the box.
    if (edits.length - boxCount > 1) throwUnlessReadsBack(plan, item, edits, status);
    return edits;
  }
  const span = item.statusSpan;
  switch (item.statusSource) {
    case 'field':
      if (span && item.kind === 'table-row' && item.fields.some((f) => isDoneCell(f, span)))
        return [doneCellEdit(plan, item, span, status)];
      if (span) {
        const old = text.slice(span.start, span.end);
        const field = item.fields.find((f) => f.key === 'status' && f.valueSpan.start === span.start);
        // A status without a key (`Caching — on hold`) must state one alone.
        const said =
          field?.rawKey === '' ? statingStatusText(plan, status, old) : statusText(plan, status, old);
        let value = cellText(said);
        // Task files written by tools (`# Status: pending`) spell statuses as one lower-case word:
        // `in-progress`, as the tool reads it back, not `in progress`.
        const style = field?.style;
        if (style === 'heading-field' && /^[a-z-]+$/.test(old)) value = value.replace(/ /g, '-');
        const edits: Edit[] = [{ start: span.start, end: span.end, text: value }];
        // A status stated again (a field line repeated) says the new one too: the other would be read.
        for (const f of item.fields) {
          if (f.key !== 'status' || f.style === 'mark' || f.valueSpan.start === span.start) continue;
          if (f.valueSpan.end <= f.valueSpan.start) continue;
          const was = text.slice(f.valueSpan.start, f.valueSpan.end);
          const again =
            f.rawKey === '' ? statingStatusText(plan, status, was) : statusText(plan, status, was);
          edits.push({ start: f.valueSpan.start, end: f.valueSpan.end, text: cellText(again) });
        }
        // A struck title reads as dropped under a field that says todo (`- ~~Webhooks~~ — dropped`): the
        // strike goes too, as under an open box.
        if (
          status === 'todo' &&
          item.kind !== 'heading' &&
          isStruck(lineWithoutFields(plan, item).replace(/[\s—–:-]+$/, ''))
        ) {
          for (const e of strikeEdits(plan, item)) edits.push(e);
          // A bullet that was an item by its strike may be none without it: a box keeps it one.
          if (item.list !== null && item.checkbox === null) return openWithoutStrike(plan, item, edits);
        }
        return edits;
      }
      break;
    case 'heading':
      if (span && span.end <= item.titleSpan.start) return leadingMarkEdits(plan, item, span, status);
      if (span && span.end < item.titleSpan.end) return markBeforeNameEdits(plan, item, span, status);
      if (span)
        return [
          ...glyphBeforeEdits(plan, item, span, status),
          {
            start: span.start,
            end: span.end,
            text: annotation(
              plan,
              status,
              text.slice(span.start, span.end),
              text.slice(item.lineSpan.start, span.start).replace(/^[ \t]*#+[ \t]*/, ''),
              text.slice(span.end, item.lineSpan.end),
            ),
          },
        ];
      break;
    case 'marker':
      // A TaskPaper tag (`@done(2026-11-20)`): open is without it, where its list still reads so
      // (its plain bullets stay tasks).
      if (span && status === 'todo' && item.list !== null && item.statusText?.startsWith('@')) {
        const untagged = [{ start: blankStart(text, span.start), end: span.end, text: '' }];
        if (readsBack(plan, item, untagged, 'todo', true)) return untagged;
      }
      if (span) {
        const edits = markerEdits(plan, item, status);
        // A struck title reads as dropped under a mark that says todo (`- ~~Book flights~~ (done)`):
        // the strike goes too, as under a field, and a bullet that would not read as todo without it
        // is given a box.
        const title = text.slice(item.titleSpan.start, item.titleSpan.end);
        if (status !== 'todo' || item.kind === 'heading') return edits;
        if (!isStruck(title)) {
          // A to-do mark may read otherwise than the one it replaces (a glyph for `(blocked: …)`, where
          // a title of status words then reads as a piece): the line must read back.
          if (item.list !== null) throwUnlessReadsBack(plan, item, edits, status);
          return edits;
        }
        const unstrike = strikeEdits(plan, item);
        const open = [...edits, ...unstrike];
        if (item.list === null || item.checkbox !== null) return open;
        // Where the box says todo, the mark goes (`- [ ] Book flights`, not `- [ ] Book flights ⏳`).
        const unmarked = edits.map((e) => ({ start: blankStart(text, e.start), end: e.end, text: '' }));
        return openWithoutStrike(plan, item, open, [...unmarked, ...unstrike]);
      }
      break;
    default:
      break;
  }
  if (item.kind === 'heading' || holdsFieldLines(plan, item))
    return [insertFieldLine(plan, item, 'status', statusText(plan, status, null))];
  // A share of the work done says a status only where nothing else does: the edit says one as if none did.
  const unsaid = item.statusSource === 'default' || item.statusSource === 'progress';
  if (item.kind === 'status-bullet' && item.list && unsaid) {
    const tag = taskPaperTag(plan, item, status);
    if (tag) {
      let at = item.lineSpan.end;
      while (at > item.lineSpan.start && isBlank(text.charCodeAt(at - 1))) at--;
      return [{ start: at, end: at, text: ` ${tag}` }];
    }
  }
  if (
    item.kind === 'status-bullet' &&
    item.list &&
    (unsaid || item.statusSource === 'section' || item.statusSource === 'children')
  ) {
    // A task bullet without a mark of status (or counting its steps, `- Backend [1/2]`): a box after
    // the list marker gives it one. An open box at the top of a doing, blocked or cancelled section
    // takes the section's status, as above.
    const lane = status === 'todo' ? laneOf(plan, item) : null;
    if (lane !== null) throw todoInLane(item, lane);
    // A step among steps that end with their status marks (`3. Update docs` after `2. Move ✅`) ends
    // with the plan's mark too, where it reads back so.
    const ending = unsaid ? endingMarkEdit(plan, item, status) : null;
    if (ending !== null && readsBack(plan, item, [ending], status, true)) return [ending];
    return [boxAfterMarker(plan, item, markFor(plan, status))];
  }
  if (item.kind === 'status-bullet' && item.list === null && unsaid) {
    // A numbered line without a mark (`0.2 Add staging`): the mark goes at its end, as its
    // siblings' (`1.1 Write the notes ✅`).
    let at = item.lineSpan.end;
    while (at > item.lineSpan.start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
    return [{ start: at, end: at, text: ` ${statusText(plan, status, '✅').trim()}` }];
  }
  if (item.kind === 'table-row' && span) {
    // An empty status cell: written like the other rows' statuses.
    const sample = plan.items.find(
      (i) => i.kind === 'table-row' && i.statusSource === 'field' && i.statusSpan,
    );
    const old = sample ? text.slice(sample.statusSpan!.start, sample.statusSpan!.end) : null;
    return [{ start: span.start, end: span.end, text: ` ${cellText(statusText(plan, status, old))} ` }];
  }
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: its status is written in a way taskmark cannot change in place (${item.statusSource}); edit line ${item.line} by hand.`,
  );
}

/**
 * The edits of a line of a todo.txt list (see todotxt.ts), null for any other item: done is `x ` and
 * the completion date, `today`, opening the line, open is the line without them. todo.txt says
 * nothing else of a task's status, so another status is refused rather than written in a notation
 * its tools do not read.
 */
function todoTxtEdits(plan: Plan, item: Item, status: Status, today?: string): Edit[] | null {
  const lead = todoTxtItemLead(plan, plan.items.indexOf(item));
  if (lead === undefined) return null;
  if (status === 'done') {
    // Done on the day it is marked, as todo.txt's tools write it. A creation date must have the
    // completion date before it: alone after the `x`, a date is the completion date.
    const at = item.lineSpan.start;
    if (today !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(today))
      return [{ start: at, end: at, text: `x ${today} ` }];
    if (lead?.created)
      throw new TmError(
        'TM_INVALID_EDIT',
        `${item.key}: a done todo.txt line with a creation date needs its completion date before it; give today's date to mark line ${item.line} done.`,
      );
    return [{ start: at, end: at, text: 'x ' }];
  }
  if (status === 'todo') {
    // Under a heading that says otherwise (`## In progress`, `## Done`) no line of todo.txt says todo.
    const lane = laneOf(plan, item);
    if (lane !== null) throw todoInLane(item, lane);
    const done = lead?.done;
    if (!done) {
      if (item.status === 'todo') return [];
      // Its status is its section's (`## Done`): no todo.txt mark says todo against it.
      throw new TmError(
        'TM_INVALID_EDIT',
        `${item.key}: its section says ${item.status}, and a todo.txt line has no mark to say todo there; move line ${item.line} out of that section.`,
      );
    }
    const edits = [{ start: done.start, end: (lead.completed?.end ?? done.end) + 1, text: '' }];
    // The `x` may be what made the lines a todo.txt list (`x Buy milk` over `Water the plants`):
    // without it they are a paragraph, and no item of the plan may be lost to an edit.
    if (readsBack(plan, item, edits, 'todo', true)) return edits;
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: without its \`x\`, line ${item.line} and the lines around it would no longer read as a todo.txt list, and their items would be lost; edit the lines by hand.`,
    );
  }
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: a todo.txt line is open or done (\`x \`); ${status} cannot be written on line ${item.line}.`,
  );
}

/**
 * The TaskPaper tag saying `status` (`@done`, `@cancelled`, `@waiting`) for a bullet of a list whose
 * bullets say their statuses so, spelt as they spell it, and `''` for todo, which no tag says; null for
 * another list, or for a status TaskPaper has no tag for (doing). `withItem` counts `item` among the
 * list's bullets (a new bullet goes after it). A list says its statuses so where two of its bullets
 * are tagged, as the recogniser reads it: a tag written beside one other would make it such a list,
 * and its plain bullets tasks.
 */
export function taskPaperTag(plan: Plan, item: Item, status: Status, withItem = false): string | null {
  if (status === 'doing') return null;
  let tagged = 0;
  let spelt: string | null = null;
  for (const other of plan.items) {
    if (
      (other === item && !withItem) ||
      other.parent !== item.parent ||
      other.list === null ||
      !other.statusText?.startsWith('@')
    )
      continue;
    tagged++;
    if (other.status === status) spelt = /^@[a-z]+/.exec(other.statusText)?.[0] ?? null;
  }
  if (tagged < 2) return null;
  if (status === 'todo') return '';
  return spelt ?? (status === 'done' ? '@done' : status === 'cancelled' ? '@cancelled' : '@waiting');
}

/** Whether `f` is the cell of a Done column (`| Task | Done |`) at `span`. */
function isDoneCell(f: Field, span: Span): boolean {
  return f.key === 'done' && f.style === 'table-cell' && f.valueSpan.start === span.start;
}

/**
 * The mark of a Done column's cell for `status`, as the column's other rows write it (`✅`, `yes`,
 * an empty cell), else a check and a cross. The column says done or not, and nothing else.
 */
function doneCellEdit(plan: Plan, item: Item, span: Span, status: Status): Edit {
  if (status !== 'done' && status !== 'todo')
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its status is the mark of a Done column, which says done or not, not ${status}; add a Status column to say more.`,
    );
  const rawKey = item.fields.find((f) => isDoneCell(f, span))!.rawKey;
  const table = tableAround(plan.text, item.lineSpan.start);
  const counts = new Map<string, number>();
  for (const i of plan.items) {
    if (i.kind !== 'table-row' || i.status !== status) continue;
    if (i.lineSpan.start < table.start || i.lineSpan.start >= table.end) continue;
    const cell = i.fields.find((f) => f.key === 'done' && f.style === 'table-cell' && f.rawKey === rawKey);
    if (cell === undefined) continue;
    // The mark without the date a row was done on (`[x] 2026-09-20`): that date is the row's own.
    const mark = withoutDoneDate(cell.value);
    if (mark !== '' || cell.value === '') counts.set(mark, (counts.get(mark) ?? 0) + 1);
  }
  let mark = status === 'done' ? '✅' : '❌';
  let n = 0;
  for (const [t, c] of counts) if (c > n) [mark, n] = [t, c];
  const old = plan.text.slice(span.start, span.end);
  // An empty cell's span is all of it: the mark goes between a space on each side.
  return { start: span.start, end: span.end, text: old.trim() === '' && mark !== '' ? ` ${mark} ` : mark };
}

/** The offsets of the lines around `at` that open with a pipe: the table whose row is there. */
function tableAround(text: string, at: number): Span {
  const isRow = (from: number) => /^[ \t]*\|/.test(text.slice(from, from + 8));
  let start = at;
  for (;;) {
    if (start === 0) break;
    const prev = text.lastIndexOf('\n', start - 2) + 1;
    if (!isRow(prev)) break;
    start = prev;
  }
  let end = at;
  for (;;) {
    const next = text.indexOf('\n', end);
    if (next < 0 || !isRow(next + 1)) {
      end = next < 0 ? text.length : next;
      break;
    }
    end = next + 1;
  }
  return { start, end };
}

/** The edits of a checkbox item's box, and of the status mark after it when it has one. */
function boxEdits(plan: Plan, item: Item, status: Status): Edit[] {
  const box = item.markSpan!;
  if (item.statusSpan && item.statusSource === 'marker') return boxMarkEdits(plan, item, status);
  // In a doing, blocked or cancelled section (a Kanban lane) an open box takes the section's
  // status: the box opens again for that status, and cannot say todo there.
  const lane = laneOf(plan, item);
  if (lane !== null && status === 'todo') throw todoInLane(item, lane);
  if (item.statusSpan && item.statusSource === 'field') {
    // An open box refined by a status field (`- [ ] Upgrade [status:: blocked]`): the field says the
    // new status (withStatusField), and the box is ticked for done and stays open for the rest.
    return status === 'done' ? [{ start: box.start, end: box.end, text: markFor(plan, 'done') }] : [];
  }
  const mark = lane?.status === status ? ' ' : markFor(plan, status);
  const edits = [{ start: box.start, end: box.end, text: mark }];
  if (mark === ' ') {
    const title = plan.text.slice(item.titleSpan.start, item.lineSpan.end);
    if (item.id === null) throwIfOpenBoxReads(item, title, status);
    throwIfOpenBoxEndReads(item, title, status);
    // A mark ending the words before a list says more after an open box (`- [x] Ship it (blocked) —
    // XL` opened reads blocked).
    if (LIST_SEPARATOR_RE.test(title)) throwUnlessReadsBack(plan, item, edits, status);
  }
  return edits;
}

/**
 * Refuses `edits` unless `item`'s line reads back with its title and `status` once they are made:
 * the plan is parsed again, where the line's words may read otherwise (see markBeforeTail).
 */
function throwUnlessReadsBack(plan: Plan, item: Item, edits: readonly Edit[], status: Status): void {
  const again = parsePlan(applyEdits(plan.text, edits), { file: plan.file }).items.find(
    (i) => i.lineSpan.start === item.lineSpan.start,
  );
  if (again?.status === status && again.title === item.title) return;
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: ${status} could not be written so that line ${item.line} reads back with its title and that status${again ? ` (it would read ${again.status}, "${again.title}")` : ''}; edit it by hand.`,
  );
}

/**
 * `edits` and, when the item states a status in a field as well as by its box (`- [ ] Upgrade
 * [status:: blocked]`), the field's new value in the plan's words: an open box is refined by the
 * field, so the field must say the new status too.
 */
function withStatusField(plan: Plan, item: Item, status: Status, edits: Edit[]): Edit[] {
  for (const f of item.fields) {
    if (f.key !== 'status' || f.style === 'mark' || f.valueSpan.end <= f.valueSpan.start) continue;
    const old = plan.text.slice(f.valueSpan.start, f.valueSpan.end);
    const said = f.rawKey === '' ? statingStatusText(plan, status, old) : statusText(plan, status, old);
    edits.push({ start: f.valueSpan.start, end: f.valueSpan.end, text: said });
  }
  return edits;
}

/** An open box reads a status mark opening the title (`- [x] 🔄 Migrate`) as the item's status. */
function throwIfOpenBoxReads(item: Item, title: string, status: Status): void {
  const lead = boxStatusMark(title);
  if (lead && lead.status !== status)
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its title opens with "${lead.text}", which an open box reads as ${lead.status}; edit line ${item.line} by hand.`,
    );
}

/** An open box reads a status mark ending its line (`- [x] Ship 🔄`) as the item's status. */
function throwIfOpenBoxEndReads(item: Item, title: string, status: Status): void {
  const probe = statusProbe(item);
  if (takeTrailingStatus(probe, title, (i) => i) === title) return;
  if (probe.status === 'todo' || probe.status === 'done' || probe.status === status) return;
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: its title ends with "${probe.statusText}", which an open box reads as ${probe.status}; edit line ${item.line} by hand.`,
  );
}

/** Where a list of metadata may start in a title: a spaced dash, bar or dot, a comma or semicolon. */
const LIST_SEPARATOR_RE = /[ \t][—–|·•-][ \t]|[,;][ \t]/;

/** An open item in a lane takes the lane's status: todo cannot be written there. */
function todoInLane(item: Item, lane: Section): TmError {
  return new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: an open item in the section "${lane.title}" is ${lane.status}; move it to another section to make it todo.`,
  );
}

/**
 * A status mark between a heading's number and its name (`## Phase 1 ✅ — Scaffolding`): a glyph
 * for a glyph where one reads as the status, else a glyph and a word (`🔄 IN PROGRESS`), which read
 * there. Not taken away for todo: the heading would stop being an item.
 */
function markBeforeNameEdits(plan: Plan, item: Item, span: Span, status: Status): Edit[] {
  const text = plan.text;
  const old = text.slice(span.start, span.end);
  const glyphAlone = statusOfGlyph(repairForMatching(old).trim()) !== null;
  // The heading as it would read with another mark.
  const before = text.slice(item.lineSpan.start, span.start).replace(/^[ \t]*#+[ \t]*/, '');
  const after = text.slice(span.end, item.lineSpan.end);
  const reads = (mark: string) => readHeading(`${before}${mark}${after}`).status === status;
  const glyph = statusText(plan, status, '✅').trim();
  if (glyphAlone && reads(glyph))
    return [{ start: span.start, end: span.end, text: inShortcodesLike(glyph, old) }];
  const both = statusText(plan, status, glyphAlone ? null : old);
  if (reads(both)) return [{ start: span.start, end: span.end, text: both }];
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: the status mark before its name cannot say ${status}; edit line ${item.line} by hand.`,
  );
}

/**
 * A status mark opening a heading (`## ✅ Phase 1`, `## TODO Write the docs`): a keyword for a
 * keyword, another glyph where one reads there (`❌`), else the glyph goes and the status is written in
 * words at the heading's end, where it reads.
 */
function leadingMarkEdits(plan: Plan, item: Item, span: Span, status: Status): Edit[] {
  const text = plan.text;
  const head = text.slice(item.lineSpan.start, span.start);
  const before = head.replace(/^[ \t]*#+[ \t]*/, '');
  let lineEnd = item.lineSpan.end;
  while (lineEnd > span.end && (text[lineEnd - 1] === ' ' || text[lineEnd - 1] === '\t')) lineEnd--;
  const after = text.slice(span.end, lineEnd);
  const old = text.slice(span.start, span.end);
  if (ORG_KEYWORDS.has(old)) {
    // The plan's keyword where a heading reads it (`NOW` opens bullets only), else org's.
    for (const keyword of [keywordFor(plan, status), DEFAULT_KEYWORD[status]])
      if (readHeading(`${before}${keyword}${after}`).status === status)
        return [{ start: span.start, end: span.end, text: keyword }];
  }
  // A heading holding tasks reads a construction sign or an empty box opening it as its status, but
  // not the plan's first heading, which it would make the plan's title.
  const reads = (h: HeadingInfo) =>
    h.status === status ||
    (h.status === null &&
      h.weakStatus?.status === status &&
      !h.weakStatus.series &&
      item.children.length > 0 &&
      plan.sections[0]?.line !== item.line);
  // A word after the glyphs (`✅ Done: Migrate`, `💤 Later: Crypto`) stays a word, a glyph before it
  // when there was one, in the plan's words and the old case.
  if (/\p{L}/u.test(old)) {
    const said = statusText(plan, status, old);
    if (reads(readHeading(`${before}${said}${after}`)))
      return [{ start: span.start, end: span.end, text: said }];
  }
  const glyph = statusText(plan, status, '✅').trim();
  if (reads(readHeading(`${before}${glyph}${after}`)))
    return [
      { start: span.start, end: span.end, text: inShortcodesLike(glyph, text.slice(span.start, span.end)) },
    ];
  let rest = span.end;
  while (rest < lineEnd && (text[rest] === ' ' || text[rest] === '\t')) rest++;
  const word = ` (${statusText(plan, status, 'DONE')
    .replace(/^[^\p{L}]+/u, '')
    .toUpperCase()})`;
  if (readHeading(`${before}${text.slice(rest, lineEnd)}${word}`).status !== status)
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: the status glyph opening its heading cannot say ${status}; edit line ${item.line} by hand.`,
    );
  return [
    { start: span.start, end: rest, text: '' },
    { start: lineEnd, end: lineEnd, text: word },
  ];
}

/**
 * A heading annotation in kind: an emoji for an emoji, a word in the same case for a word. The new
 * text is checked in the heading, between `before` and `after`, where it must read as the status.
 */
function annotation(plan: Plan, status: Status, old: string, before = 'Title ', after = ''): string {
  const repaired = repairForMatching(old);
  const word = statusText(plan, status, 'DONE').replace(/^[^\p{L}]+/u, '');
  if (statusOfGlyph(repaired.trim()) !== null || legendGlyphStatus(plan, repaired.trim()) !== null) {
    // A glyph the heading is read by (`✅`, `❌`; `🔄` after an ID; a circle the plan's legend gives a
    // status), else the status in words: a heading without an ID does not take `🔄` or `🚧` for a
    // status, as they decorate headings as often as they mark one.
    const glyph = statusText(plan, status, '✅').trim();
    return readHeading(`${before}${glyph}${after}`).status === status ||
      (legendGlyphStatus(plan, glyph) === status && trailingCircle(`${before}${glyph}${after}`) !== null)
      ? inShortcodesLike(glyph, old)
      : `(${word.toUpperCase()})`;
  }
  // A glyph and a word (`✅ COMPLETE`): both change, the glyph as the plan writes it for the status.
  if (/^[^\p{L}\s]+\s*\p{L}/u.test(repaired)) {
    const both = statusText(plan, status, old);
    if (readHeading(`${before}${both}${after}`).status === status) return both;
  }
  return old === old.toUpperCase()
    ? word.toUpperCase()
    : old === old.toLowerCase()
      ? word.toLowerCase()
      : word.toLowerCase().replace(/^\p{L}/u, (c) => c.toUpperCase());
}

/**
 * A glyph between a heading's title and its annotation saying the same (`Core ✅ (Completed)`): it
 * goes when the annotation changes, so the heading does not say two statuses.
 */
function glyphBeforeEdits(plan: Plan, item: Item, span: Span, status: Status): Edit[] {
  const text = plan.text;
  let at = span.start;
  while (
    at > item.titleSpan.end &&
    (text[at - 1] === '(' || text[at - 1] === '[' || isBlank(text.charCodeAt(at - 1)))
  )
    at--;
  const before = text.slice(item.titleSpan.end, at);
  const m = /(\s*)(\S{1,2}?)\uFE0F?$/u.exec(before);
  const said = m === null || m[2]!.length === 0 ? null : glyphMeaning(plan, m[2]!);
  if (said === null || said === status) return [];
  const start = item.titleSpan.end + m!.index;
  return [{ start, end: item.titleSpan.end + before.length, text: '' }];
}

/** What a glyph says in this plan: what its legend gives it (`✖ blocked`), else taskmark's own reading. */
function glyphMeaning(plan: Plan, glyph: string): Status | null {
  return legendGlyphStatus(plan, glyph) ?? statusOfGlyph(glyph);
}

/** The status the plan's legend gives a glyph (`🟢 Done`), or null. */
export function legendGlyphStatus(plan: Plan, glyph: string): Status | null {
  const g = glyph.replace('\uFE0F', '');
  if (g === '' || /[\p{L}\p{N}\s]/u.test(g)) return null;
  return plan.vocabulary.find((v) => v.text.replace('\uFE0F', '') === g)?.status ?? null;
}

const DEFAULT_KEYWORD: Record<Status, string> = {
  todo: 'TODO',
  doing: 'DOING',
  blocked: 'WAITING',
  done: 'DONE',
  cancelled: 'CANCELLED',
};

/** The keyword the plan's keyword bullets use most for `status`, else org's own. */
export function keywordFor(plan: Plan, status: Status): string {
  const counts = new Map<string, number>();
  for (const i of plan.items) {
    if (i.statusText !== null && i.status === status && ORG_KEYWORDS.get(i.statusText) === status)
      counts.set(i.statusText, (counts.get(i.statusText) ?? 0) + 1);
  }
  let best = DEFAULT_KEYWORD[status];
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

const DEFAULT_BOX: Partial<Record<Status, string>> = { todo: '☐', done: '☑', cancelled: '✗' };

/** `- ✅ Thing` → `- 🔄 Thing`; `- **✅ Completed**: Thing` → `- **🔄 In Progress**: Thing`. */
function markerEdits(plan: Plan, item: Item, status: Status): Edit[] {
  const span = item.statusSpan!;
  const text = plan.text;
  const old = repairForMatching(text.slice(span.start, span.end)).replace('\uFE0F', '');
  // A status word wrapped (`… [in progress]`, `… **Done**`, `… (blocked)`) stays a word, in the plan's
  // words and the old case.
  const wrapped = wrapperAround(text, span);
  if (wrapped !== null && /\p{L}/u.test(old)) {
    // One opening the line must state its status alone (`- **TODO:** …`, not `- **Later:** …`).
    const said =
      span.start < item.titleSpan.start
        ? statingStatusText(plan, status, old)
        : statusText(plan, status, old);
    if (status !== 'todo' || STRONG_WRAPPERS.has(wrapped.open))
      return [{ start: span.start, end: span.end, text: said }];
    // A to-do word in parentheses or emphasis would read as a description: the glyph says it.
    return [{ start: wrapped.start, end: wrapped.end, text: statusText(plan, status, '✅').trim() }];
  }
  // An org keyword (`- TODO …`) stays a keyword: the plan's own for the status, else org's.
  if (ORG_KEYWORDS.has(old)) return [{ start: span.start, end: span.end, text: keywordFor(plan, status) }];
  // A glyph and a word (`… 🚧 IN PROGRESS`) stay both, in the plan's words and the old case.
  if (isGlyphAndWord(old)) return [{ start: span.start, end: span.end, text: statusText(plan, status, old) }];
  // TaskPaper's tag (`@done(2026-11-28)`) stays a tag for the statuses TaskPaper has one for (blocked
  // is `@waiting`, or `@blocked` where the line said so); the others are said by a glyph, as TaskPaper
  // has no tag for them.
  if (old.charCodeAt(0) === 64 && (status === 'done' || status === 'cancelled' || status === 'blocked')) {
    const tag = status !== 'blocked' ? `@${status}` : old.startsWith('@blocked') ? '@blocked' : '@waiting';
    return [{ start: span.start, end: span.end, text: tag }];
  }
  let emoji = statusText(plan, status, '✅').trim();
  const own = (mark: string): Edit[] => [
    { start: span.start, end: span.end, text: inShortcodesLike(mark, text.slice(span.start, span.end)) },
  ];
  // A ballot box stays a box where there is one for the status (☐ becomes ☑, not ✅), unless the
  // plan's legend gives the status a glyph of its own (`○ todo`). A plain line alone is an item only
  // by its box; in a paragraph of lines each opening with a mark it is one by any mark: there a glyph
  // is written where the line reads back by it, and the edit refused where no mark would do.
  if (BOX_GLYPHS.has(old) && !BOX_GLYPHS.has(emoji)) {
    const box = DEFAULT_BOX[status];
    if (box && legendGlyphStatus(plan, emoji) !== status) emoji = box;
    else if (!readsBack(plan, item, own(emoji), status)) {
      if (box) emoji = box;
      else if (item.list === null)
        throw new TmError(
          'TM_INVALID_EDIT',
          `${item.key}: a line that opens with a ballot box has no box for ${status}; make it a list item (\`- [/] …\`) to mark it so.`,
        );
    }
  }
  const edits = own(emoji);
  // A status word right after the mark inside the bold (`**✅ Completed**`) changes with it; only
  // there: in `- ✅ Ship it **Due:** …` the words after the mark are the title.
  const bold = /(\*\*|__)[ \t]*$/.exec(text.slice(item.lineSpan.start, span.start));
  const after = bold
    ? new RegExp(`^(\\s+)([\\p{L}][\\p{L} ]*?)(?=${bold[1] === '**' ? '\\*\\*' : '__'})`, 'u').exec(
        text.slice(span.end, item.lineSpan.end),
      )
    : null;
  // Or set off from the title by `:` or a dash (`- ✅ Done: Remove the exporter`, `- ✅ **Done**: …`), read
  // as the parser reads it, without the line's trailing white space.
  const rest = bold ? '' : text.slice(span.end, item.lineSpan.end).trimEnd();
  const lead = bold ? 0 : rest.length - rest.trimStart().length;
  const said = bold ? null : statusWordAfterMark(rest.slice(lead));
  const word = after
    ? { at: span.end + after[1]!.length, text: after[2]! }
    : said && { at: span.end + lead + said.at, text: said.word };
  if (word) {
    const next = statusText(plan, status, `✅ ${word.text}`).replace(/^[^\p{L}]+/u, '');
    edits.push({ start: word.at, end: word.at + word.text.length, text: next });
  }
  return edits;
}

/**
 * An open box with a status mark after it (`- [ ] BLOCKED: …`, `- [ ] 🚧 …`). Doing, blocked and
 * cancelled are said by the mark in kind: a keyword as the plan's keyword for the status, a glyph as
 * its glyph (a keyword where the plan's glyph for it is not one taskmark reads). Todo and done are the
 * box's to say: the mark goes, with the separator after it, and the box is ticked for done.
 */
function boxMarkEdits(plan: Plan, item: Item, status: Status): Edit[] {
  const edits = openBoxMarkEdits(plan, item, status);
  // A ticked box dropped by its mark (`- [x] ~~IE11~~ (dropped)`) opens for a status under way or not
  // begun: after a ticked box only a dropped mark is read.
  const box = item.markSpan!;
  const ticked = plan.text[box.start] !== ' ';
  if (ticked && status !== 'done' && status !== 'cancelled' && !edits.some((e) => e.start === box.start))
    edits.push({ start: box.start, end: box.end, text: ' ' });
  // A title struck through whole says dropped under an open box: work taken up again is unstruck.
  if (status !== 'done' && status !== 'cancelled' && plan.text.startsWith('~~', item.titleSpan.start))
    edits.push(...strikeEdits(plan, item));
  return edits;
}

function openBoxMarkEdits(plan: Plan, item: Item, status: Status): Edit[] {
  const text = plan.text;
  const box = item.markSpan!;
  const span = item.statusSpan!;
  // A word in bold, brackets or both (`**In progress:**`, `(on hold)`, `*(blocked)*`): the wrapper is
  // the mark's too.
  const wrapped = wrapperAround(text, span);
  if (status === 'todo' || status === 'done') {
    const lane = status === 'todo' ? laneOf(plan, item) : null;
    if (lane !== null) throw todoInLane(item, lane);
    let end = wrapped?.end ?? span.end;
    while (text[end] === ' ' || text[end] === '\t') end++;
    if (text[end] === ':') end++;
    while (text[end] === ' ' || text[end] === '\t') end++;
    if (status === 'todo') {
      throwIfOpenBoxReads(item, text.slice(end, item.lineSpan.end), status);
      if (span.start < item.titleSpan.start)
        throwIfOpenBoxEndReads(item, text.slice(end, item.lineSpan.end), status);
    }
    let start = wrapped?.start ?? span.start;
    if (span.start >= item.titleSpan.start) {
      // A mark ending the line (`Fix login [blocked]`, `Ship — 🚧`): it goes with what sets it off.
      if (wrapped !== null) end = wrapped.end;
      else end = text.charCodeAt(span.end) === 0xfe0f ? span.end + 1 : span.end;
      start = setOffStart(text, item.titleSpan.start, start);
      // Another mark before it would end the line then (`Ship 🔄 🔄`).
      if (status === 'todo') throwIfOpenBoxEndReads(item, text.slice(item.titleSpan.start, start), status);
    }
    const edits: Edit[] = [{ start, end, text: '' }];
    if (status === 'done') edits.push({ start: box.start, end: box.end, text: markFor(plan, 'done') });
    // With a list of metadata left on the line, the words the mark opened, ended or set off may read
    // otherwise without it (`Ship [in progress] — 5 pts (blocked: …)`, where `[in progress]` would
    // end the title before the list): the line must read back with its title and the status.
    const rest =
      span.start >= item.titleSpan.start
        ? text.slice(item.titleSpan.start, start) + text.slice(end, item.lineSpan.end)
        : text.slice(end, item.lineSpan.end);
    if (LIST_SEPARATOR_RE.test(rest)) throwUnlessReadsBack(plan, item, edits, status);
    return edits;
  }
  // A wrapped word stays a word, in the plan's words and the old case.
  if (wrapped !== null)
    return [
      { start: span.start, end: span.end, text: statusText(plan, status, text.slice(span.start, span.end)) },
    ];
  const old = repairForMatching(text.slice(span.start, span.end));
  // A glyph and a word ending the line (`Stripe 🚧 In progress`) stay both, in the plan's words.
  if (span.start >= item.titleSpan.start && isGlyphAndWord(old))
    return [{ start: span.start, end: span.end, text: statusText(plan, status, old) }];
  const glyph = statusText(plan, status, '✅').trim();
  const readable = glyphMeaning(plan, glyph) === status;
  // A keyword is read only where it opens the title: one ending the line is written as a word in
  // brackets (`Tag it [in progress]`).
  const mark =
    !ORG_KEYWORDS.has(old) && readable
      ? glyph
      : span.start >= item.titleSpan.start
        ? `[${statusText(plan, status, 'done').replace(/^[^\p{L}]+/u, '')}]`
        : keywordFor(plan, status);
  return [
    { start: span.start, end: span.end, text: inShortcodesLike(mark, text.slice(span.start, span.end)) },
  ];
}

/** Whether a status mark as written is a glyph and a word (`🚧 In progress`), not a glyph alone. */
function isGlyphAndWord(mark: string): boolean {
  return mark.charCodeAt(0) >= 128 && /\s\p{L}/u.test(mark);
}

/** The wrappers a status word may have: bold, emphasis, brackets (lenticular ones too), and brackets in emphasis. */
const WRAPPERS = ['**(', '__(', '**[', '__[', '*(', '_(', '*[', '_[', '**', '__', '(', '[', '【', '*', '_'];

/** A status word's wrapper: its opener, where the opener starts and where its closer ends. */
interface Wrapped {
  open: string;
  start: number;
  end: number;
}

/**
 * The wrapper around a mark's word, white space inside it or not (`**In progress:**`, `(on hold)`,
 * `[ blocked ]`, `*(blocked)*`), or null for a mark written bare.
 */
function wrapperAround(text: string, span: Span): Wrapped | null {
  let before = span.start;
  while (text[before - 1] === ' ' || text[before - 1] === '\t') before--;
  let after = span.end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  for (const open of WRAPPERS) {
    if (!text.startsWith(open, before - open.length)) continue;
    const close = closingWrapper(open);
    // A bold word may take its colon inside the bold: `**Blocked:**`.
    const at = (open === '**' || open === '__') && text[after] === ':' ? after + 1 : after;
    if (text.startsWith(close, at)) return { open, start: before - open.length, end: at + close.length };
  }
  return null;
}

/**
 * Where the set-off of a mark that starts at `at` and ends a line begins: the white space before it
 * and a dash between white space (`Ship — 🚧`), no further back than `from`.
 */
function setOffStart(text: string, from: number, at: number): number {
  let p = at;
  while (p > from && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  const c = text[p - 1];
  if (
    p - 1 > from &&
    (c === '-' || c === '–' || c === '—') &&
    (text[p - 2] === ' ' || text[p - 2] === '\t')
  ) {
    p--;
    while (p > from && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  }
  return p;
}

/** The item's line from its title on, without the fields written in it: the title as the parser tests it. */
function lineWithoutFields(plan: Plan, item: Item): string {
  const { start } = item.titleSpan;
  const end = item.lineSpan.end;
  const cuts = item.fields
    .filter((f) => f.span.start >= start && f.span.end <= end)
    .sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let at = start;
  for (const f of cuts) {
    if (f.span.start < at) continue;
    out += plan.text.slice(at, f.span.start);
    at = f.span.end;
  }
  return out + plan.text.slice(at, end);
}

/** The edits that take the `~~` off a struck title, which the item's line opens with. */
function strikeEdits(plan: Plan, item: Item): Edit[] {
  const text = plan.text;
  // A heading's strike opens its text (`## ~~Old~~`), before the title; a list item's follows its box.
  const open = text.indexOf('~~', item.kind === 'heading' ? item.lineSpan.start : item.titleSpan.start);
  const close = open < 0 ? -1 : text.indexOf('~~', open + 2);
  if (open < 0 || close < 0 || close >= item.lineSpan.end)
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its struck title could not be found; edit line ${item.line} by hand.`,
    );
  return [
    { start: open, end: open + 2, text: '' },
    { start: close, end: close + 2, text: '' },
  ];
}
