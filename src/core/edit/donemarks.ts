/** Statuses in notations that say done or not: a todo.txt line's `x`, a table's Done column. */
import { TmError } from '../errors.js';
import type { Field, Item, Plan, Span, Status } from '../model.js';
import { laneOf } from '../plan/lanes.js';
import { withoutDoneDate } from '../plan/table-items.js';
import { todoTxtItemLead } from '../plan/todotxt.js';
import { readsBack, todoInLane } from './readback.js';
import type { Edit } from './splice.js';

/**
 * The edits of a line of a todo.txt list (see todotxt.ts), null for any other item: done is `x ` and
 * the completion date, `today`, opening the line, open is the line without them. todo.txt says
 * nothing else of a task's status, so another status is refused rather than written in a notation
 * its tools do not read.
 */
export function todoTxtEdits(plan: Plan, item: Item, status: Status, today?: string): Edit[] | null {
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

/** Whether `f` is the cell of a Done column (`| Task | Done |`) at `span`. */
export function isDoneCell(f: Field, span: Span): boolean {
  return f.key === 'done' && f.style === 'table-cell' && f.valueSpan.start === span.start;
}

/**
 * The mark of a Done column's cell for `status`, as the column's other rows write it (`✅`, `yes`,
 * an empty cell), else a check and a cross. The column says done or not, and nothing else.
 */
export function doneCellEdit(plan: Plan, item: Item, span: Span, status: Status): Edit {
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
