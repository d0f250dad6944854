/** Whether an edited line reads back with the status it was given, and the refusals when it would not. */
import { TmError } from '../errors.js';
import type { Item, Plan, Section, Status } from '../model.js';
import { boxStatusMark } from '../plan/marks.js';
import { parsePlan } from '../plan/parse.js';
import { statusProbe, takeTrailingStatus } from '../plan/trailing-marks.js';
import { applyEdits, type Edit } from './splice.js';

/**
 * Whether `item` reads as `status` once `edits`, which leave its line's start in place, are made;
 * with `keepsAll`, also whether the plan still has as many items (the edits dropped none).
 */
export function readsBack(plan: Plan, item: Item, edits: Edit[], status: Status, keepsAll = false): boolean {
  const after = parsePlan(applyEdits(plan.text, edits), { file: plan.file });
  if (keepsAll && after.items.length !== plan.items.length) return false;
  return after.items.find((i) => i.lineSpan.start === item.lineSpan.start)?.status === status;
}

/**
 * Refuses `edits` unless `item`'s line reads back with its title and `status` once they are made:
 * the plan is parsed again, where the line's words may read otherwise (see markBeforeTail).
 */
export function throwUnlessReadsBack(plan: Plan, item: Item, edits: readonly Edit[], status: Status): void {
  const again = parsePlan(applyEdits(plan.text, edits), { file: plan.file }).items.find(
    (i) => i.lineSpan.start === item.lineSpan.start,
  );
  if (again?.status === status && again.title === item.title) return;
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: ${status} could not be written so that line ${item.line} reads back with its title and that status${again ? ` (it would read ${again.status}, "${again.title}")` : ''}; edit it by hand.`,
  );
}

/** An open box reads a status mark opening the title (`- [x] 🔄 Migrate`) as the item's status. */
export function throwIfOpenBoxReads(item: Item, title: string, status: Status): void {
  const lead = boxStatusMark(title);
  if (lead && lead.status !== status)
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its title opens with "${lead.text}", which an open box reads as ${lead.status}; edit line ${item.line} by hand.`,
    );
}

/** An open box reads a status mark ending its line (`- [x] Ship 🔄`) as the item's status. */
export function throwIfOpenBoxEndReads(item: Item, title: string, status: Status): void {
  const probe = statusProbe(item);
  if (takeTrailingStatus(probe, title, (i) => i) === title) return;
  if (probe.status === 'todo' || probe.status === 'done' || probe.status === status) return;
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: its title ends with "${probe.statusText}", which an open box reads as ${probe.status}; edit line ${item.line} by hand.`,
  );
}

/** Where a list of metadata may start in a title: a spaced dash, bar or dot, a comma or semicolon. */
export const LIST_SEPARATOR_RE = /[ \t][—–|·•-][ \t]|[,;][ \t]/;

/** An open item in a lane takes the lane's status: todo cannot be written there. */
export function todoInLane(item: Item, lane: Section): TmError {
  return new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: an open item in the section "${lane.title}" is ${lane.status}; move it to another section to make it todo.`,
  );
}
