/** Stage 5a: heading context and parent attributes inherited by items; heading status from children. */
import type { Section, Status } from '../../model.js';
import { resolveDate } from '../attributes/dates.js';
import { refinesTodo } from '../lanes.js';
import type { Draft, ListLabel } from '../recognise.js';
import { settleOwners } from './field-rules.js';

/** Resolves each section's schedule window against the plan date and links sections to their parents. */
export function resolveSections(sections: Section[], planDate: string | null): number[] {
  const parents: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    // The sections around it are those still open where it starts: by level, as markdown nests
    // headings, but for a heading in a block quote, whose section ends with the quote.
    while (stack.length > 0 && sections[stack[stack.length - 1]!]!.span.end <= s.lineSpan.start) stack.pop();
    parents.push(stack.length > 0 ? stack[stack.length - 1]! : -1);
    stack.push(i);
    s.due = s.due ? (resolveDate(s.due, planDate)?.date ?? null) : null;
  }
  return parents;
}

/** Per section, its date (see resolveSections) or the nearest enclosing section's, or null. */
export function sectionDates(sections: readonly Section[], parents: readonly number[]): (string | null)[] {
  const out: (string | null)[] = [];
  // A section's parent comes before it: its entry is filled already.
  for (let i = 0; i < sections.length; i++)
    out.push(sections[i]!.due ?? (parents[i]! >= 0 ? out[parents[i]!]! : null));
  return out;
}

const priorityOf = (s: Section) => s.priority;
const phaseOf = (s: Section) => s.phase;
const dueOf = (s: Section) => s.due;
const ownerOf = (s: Section) => s.owner;
const statusOf = (s: Section) => s.status;

/**
 * Items inherit what they do not state: priority, phase, due date and owner from a label over their
 * list (`**Phase 2 — Ingestion** (Weeks 3–5)` over boxes), then priority, owner, due date and category
 * from their parent item, then priority, phase, due date and owner from the nearest enclosing section
 * that states one.
 *
 * A status section (`## In Progress`, `### Blocked`, `## Won't do`, the lanes of a Kanban board)
 * gives its status to the items in it that say nothing more precise: items that state no status at
 * all, and open checkboxes (`[ ]`) in a doing, blocked or cancelled section, where the lane refines
 * "not finished". It applies to the items at the top of the section, not to the sub-tasks of an
 * item, and a heading item's children, once any of them is begun, say more than its section. A box
 * the item marks itself (`[x]`, `[/]`) and a `[ ]` under `## Done` keep their own status: the plan
 * says two things there, the item's own mark is the more specific, and lint reports the conflict.
 */
export function inheritContext(
  drafts: readonly Draft[],
  sections: readonly Section[],
  sectionParents: readonly number[],
  planDate: string | null,
): void {
  // A label's schedule resolved once for all the items of its list.
  const labelDues = new Map<ListLabel, string | null>();
  const labelDue = (label: ListLabel | undefined): string | null => {
    if (label === undefined || label.window === null) return null;
    let due = labelDues.get(label);
    if (due === undefined) {
      due = resolveDate(label.window, planDate)?.date ?? null;
      labelDues.set(label, due);
    }
    return due;
  };
  const fromSections = <T>(start: number, pick: (s: Section) => T | null): T | null => {
    for (let s = start; s >= 0; s = sectionParents[s]!) {
      const v = pick(sections[s]!);
      if (v !== null) return v;
    }
    return null;
  };
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const item = d.item;
    const parent = d.parent >= 0 ? drafts[d.parent]!.item : null;
    // A heading item's own section is its heading: context starts at the enclosing one.
    const start = item.kind === 'heading' ? (d.section >= 0 ? sectionParents[d.section]! : -1) : d.section;
    item.section =
      d.section >= 0 ? sections[d.section]!.path.slice(0, item.kind === 'heading' ? -1 : undefined) : [];
    // A label over the item's list is nearer than the item or heading the list is in.
    const label = d.label;
    item.priority ??= label?.priority ?? parent?.priority ?? fromSections(start, priorityOf);
    if (item.owner === null) {
      item.owner = label?.owner ?? parent?.owner ?? fromSections(start, ownerOf);
      // A sub-task of work several own is theirs too (settleOwners keeps the one inherited otherwise).
      if (parent !== null && label?.owner == null && item.owner === parent.owner)
        for (const o of parent.owners) item.owners.push(o);
    }
    settleOwners(item);
    item.category ??= parent?.category ?? null;
    item.phase ??= label?.phase ?? parent?.phase ?? fromSections(start, phaseOf);
    if (item.due === null && item.dueText === null)
      item.due = labelDue(label) ?? parent?.due ?? fromSections(start, dueOf);
    // The lane describes the items at its top (Kanban cards); a card's sub-tasks have their own.
    const open = item.statusSource === 'default' || (item.checkbox === ' ' && item.status === 'todo');
    // A card struck through and saying nothing more is done in a lane of done work, not dropped.
    const struck = item.statusSource === 'strike' && item.statusText === '~~' && item.status === 'cancelled';
    const lane = (open || struck) && parent === null ? fromSections(start, statusOf) : null;
    if (struck) {
      if (lane === 'done') item.status = 'done';
    } else if (lane !== null && (item.statusSource === 'default' || refinesTodo(lane))) {
      item.status = lane;
      item.statusSource = 'section';
    }
  }
}

/**
 * Children lists, depth, and the status of heading items that state none (derived from children,
 * which say more about a heading item than the section it sits in).
 */
export function linkChildren(drafts: readonly Draft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    d.item.parent = d.parent >= 0 ? drafts[d.parent]!.item.key : null;
    if (d.parent >= 0) drafts[d.parent]!.item.children.push(d.item.key);
    d.item.depth = d.parent >= 0 ? drafts[d.parent]!.item.depth + 1 : 0;
  }
  const statusByKey = new Map<string, Status>();
  for (let i = drafts.length - 1; i >= 0; i--) {
    const item = drafts[i]!.item;
    const unstated = item.statusSource === 'default' || item.statusSource === 'section';
    // A bullet counting its steps (`- Backend [1/2]`) is as they are.
    if (item.statusSource === 'children' && item.kind === 'status-bullet') {
      if (item.children.length > 0)
        item.status = deriveStatus(item.children.map((k) => statusByKey.get(k) ?? 'todo'));
      else item.statusSource = 'default';
    } else if (item.kind === 'heading' && unstated && item.children.length > 0) {
      const kids = item.children.map((k) => statusByKey.get(k) ?? 'todo');
      const derived = deriveStatus(kids);
      // Children with nothing begun say less than a doing, blocked or cancelled section.
      if (!(item.statusSource === 'section' && derived === 'todo' && refinesTodo(item.status))) {
        item.status = derived;
        item.statusSource = 'children';
      }
    }
    statusByKey.set(item.key, item.status);
  }
}

/** The status a set of children implies for their parent. */
function deriveStatus(kids: readonly Status[]): Status {
  const closed = kids.filter((s) => s === 'done' || s === 'cancelled').length;
  if (closed === kids.length) return kids.every((s) => s === 'cancelled') ? 'cancelled' : 'done';
  if (kids.some((s) => s === 'doing' || s === 'done')) return 'doing';
  if (kids.some((s) => s === 'blocked')) return 'blocked';
  return 'todo';
}
