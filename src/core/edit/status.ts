/** Setting an item's status by the smallest edit, in the plan's own style. */
import { TmError } from '../errors.js';
import type { Item, Plan, Status } from '../model.js';
import { statusOfMark } from '../plan/attributes/status.js';
import { isBlank } from '../plan/chars.js';
import { laneOf } from '../plan/lanes.js';
import { isStruck } from '../plan/marks.js';
import { boxEdits, boxMarkEdits, withStatusField } from './box.js';
import { doneCellEdit, isDoneCell, todoTxtEdits } from './donemarks.js';
import { holdsFieldLines, insertFieldLine } from './fieldline.js';
import { annotation, glyphBeforeEdits, leadingMarkEdits, markBeforeNameEdits } from './heading.js';
import { markerEdits } from './marker.js';
import { readsBack, throwUnlessReadsBack, todoInLane } from './readback.js';
import { boxAfterMarker, boxlessSiblings, keepingMarkedSiblings } from './siblings.js';
import type { Edit } from './splice.js';
import { lineWithoutFields, openWithoutStrike, strikeEdits } from './strike.js';
import { cellText, markFor, statingStatusText, statusText } from './style.js';
import { taskPaperTag } from './vocabulary.js';

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
