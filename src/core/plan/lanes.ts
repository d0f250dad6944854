/**
 * Status sections (`## Done`, `## In Progress`, the lanes of a Kanban board) as the editor and lint
 * see them in a parsed plan; the parser applies the same rule while it builds the plan
 * (passes/context.ts), walking the sections it has open.
 */
import type { Item, Plan, Section, Status } from '../model.js';

/** Whether a section's status says more than "todo" about an open item: doing, blocked, cancelled. */
export function refinesTodo(status: Status): boolean {
  return status === 'doing' || status === 'blocked' || status === 'cancelled';
}

/**
 * The innermost section around a top-level item that names a status, not counting a heading item's
 * own section; null when there is none or the item is a sub-task (its parent speaks for it).
 */
export function statusSectionOf(plan: Plan, item: Item): Section | null {
  if (item.parent !== null) return null;
  let found: Section | null = null;
  for (const s of plan.sections) {
    if (s.span.start > item.lineSpan.start) break;
    if (s.span.start === item.lineSpan.start || s.span.end < item.lineSpan.end) continue;
    if (s.status !== null) found = s;
  }
  return found;
}

/** The doing, blocked or cancelled section whose status an open item at its top takes, or null. */
export function laneOf(plan: Plan, item: Item): Section | null {
  const s = statusSectionOf(plan, item);
  return s?.status && refinesTodo(s.status) ? s : null;
}
