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
  const index = sectionIndex(plan);
  const at = item.lineSpan.start;
  // The last section that starts at or before the item: the innermost one around it.
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  let k = lo - 1;
  // A heading item's own section, and sections that end before the item does, are not around it.
  while (k >= 0 && (index.starts[k] === at || plan.sections[k]!.span.end < item.lineSpan.end))
    k = index.parent[k]!;
  const found = k >= 0 ? index.statusUp[k]! : -1;
  return found >= 0 ? plan.sections[found]! : null;
}

interface SectionIndex {
  readonly starts: number[];
  /** The enclosing section of each section, or -1. */
  readonly parent: Int32Array;
  /** The innermost section naming a status among each section and those around it, or -1. */
  readonly statusUp: Int32Array;
}

/**
 * The plan's sections indexed once per plan: looking a section up for every item by walking the
 * sections before it made lint quadratic on plans of many sections.
 */
const indexes = new WeakMap<Plan, SectionIndex>();

function sectionIndex(plan: Plan): SectionIndex {
  const cached = indexes.get(plan);
  if (cached) return cached;
  const n = plan.sections.length;
  const index: SectionIndex = { starts: [], parent: new Int32Array(n), statusUp: new Int32Array(n) };
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = plan.sections[i]!;
    while (open.length > 0 && plan.sections[open[open.length - 1]!]!.span.end < s.span.end) open.pop();
    const parent = open.length > 0 ? open[open.length - 1]! : -1;
    index.starts.push(s.span.start);
    index.parent[i] = parent;
    index.statusUp[i] = s.status !== null ? i : parent >= 0 ? index.statusUp[parent]! : -1;
    open.push(i);
  }
  indexes.set(plan, index);
  return index;
}

/** The doing, blocked or cancelled section whose status an open item at its top takes, or null. */
export function laneOf(plan: Plan, item: Item): Section | null {
  const s = statusSectionOf(plan, item);
  return s?.status && refinesTodo(s.status) ? s : null;
}
