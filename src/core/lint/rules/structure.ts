/** Parent and child statuses, and restated items (a phase checklist line naming an item by its ID). */
import { setStatus } from '../../edit/status.js';
import type { Item } from '../../model.js';
import { statusSectionOf } from '../../plan/lanes.js';
import type { Rule } from '../types.js';
import { describe, isClosed, itemSpan } from '../util.js';

/** A parent marked done while some of its children are still open. */
export const parentDoneChildOpen: Rule = {
  id: 'parent-done-child-open',
  severity: 'error',
  description: 'An item is marked done while some of its children are still open.',
  *check(plan) {
    for (const item of plan.items) {
      if (item.status !== 'done' || item.children.length === 0) continue;
      const open = openChildren(item, plan.byKey);
      if (open.length === 0) continue;
      const names = open.slice(0, 3).map(describe).join(', ');
      const more = open.length > 3 ? ` and ${open.length - 3} more` : '';
      yield {
        span: itemSpan(item),
        message: `${describe(item)} is marked done but ${open.length} of its ${item.children.length} children ${open.length === 1 ? 'is' : 'are'} open: ${names}${more}.`,
      };
    }
  },
};

/** An open parent whose children are all done: the parent is done too (the safe fix says so). */
export const parentOpenChildrenDone: Rule = {
  id: 'parent-open-children-done',
  severity: 'warning',
  description: 'An open item whose children are all done or cancelled.',
  *check(plan) {
    for (const item of plan.items) {
      if (isClosed(item) || item.children.length < 1) continue;
      const kids = item.children.map((k) => plan.byKey.get(k)).filter((c): c is Item => c !== undefined);
      if (kids.length === 0 || !kids.every(isClosed) || !kids.some((k) => k.status === 'done')) continue;
      // An item whose status comes from its children already says done; nothing is written there.
      if (item.statusSource === 'children') continue;
      const edits = safeEdits(() => setStatus(plan, item, 'done'));
      yield {
        span: itemSpan(item),
        message: `${describe(item)} is ${item.status} but all ${kids.length} of its children are done.`,
        fix: edits ? { description: `mark ${item.id ?? 'the item'} done`, edits } : null,
      };
    }
  },
};

/** A line that restates an item by its ID (a phase or summary checklist) with another state. */
export const restatedStatusMismatch: Rule = {
  id: 'restated-status-mismatch',
  severity: 'error',
  description: 'A checklist line that refers to an item by its ID contradicts that item’s state.',
  *check(plan) {
    for (const item of plan.items) {
      if (item.refersTo === null) continue;
      const target = plan.byKey.get(item.refersTo);
      if (!target || target === item) continue;
      if (isClosed(item) === isClosed(target)) continue;
      yield {
        span: itemSpan(item),
        message: `Line ${item.line} lists ${target.id ?? target.key} as ${item.status} but the item itself (line ${target.line}) is ${target.status}.`,
      };
    }
  },
};

/** An item marked done while an item it depends on is still open: one of the two statuses is wrong. */
export const doneWithOpenDependency: Rule = {
  id: 'done-with-open-dependency',
  severity: 'warning',
  description: 'An item is marked done while an item it depends on is still open.',
  *check(plan) {
    for (const item of plan.items) {
      if (item.status !== 'done' || item.dependsOn.length === 0) continue;
      const open = item.dependsOn
        .map((k) => plan.byKey.get(k))
        .filter((d): d is Item => d !== undefined && !isClosed(d));
      if (open.length === 0) continue;
      yield {
        span: itemSpan(item),
        message: `${describe(item)} is marked done but depends on ${open.map((d) => `${describe(d)}, which is ${d.status}`).join('; ')}.`,
      };
    }
  },
};

function openChildren(item: Item, byKey: ReadonlyMap<string, Item>): Item[] {
  const out: Item[] = [];
  for (const k of item.children) {
    const c = byKey.get(k);
    if (c && !isClosed(c)) out.push(c);
  }
  return out;
}

/** Edits from an editor, or null when the item's status is not written anywhere an editor can change. */
function safeEdits(make: () => import('../../edit/splice.js').Edit[]) {
  try {
    const e = make();
    return e.length > 0 ? e : null;
  } catch {
    return null;
  }
}

/** An item left open in a section that says its items are done: the box or the place is wrong. */
export const openInDoneSection: Rule = {
  id: 'open-in-done-section',
  severity: 'warning',
  description: 'An open item sits in a section whose heading says its items are done.',
  *check(plan) {
    for (const item of plan.items) {
      if (isClosed(item) || item.statusSource === 'section') continue;
      const section = statusSectionOf(plan, item);
      if (section?.status !== 'done') continue;
      yield {
        span: itemSpan(item),
        message: `${describe(item)} is ${item.status} but sits in the section "${section.title}"; mark it done or move it out.`,
      };
    }
  },
};

/**
 * A finished item still in a section of open work (`## In Progress`, a Kanban lane) when the plan
 * has a section for finished work to move it to.
 */
export const doneInOpenSection: Rule = {
  id: 'done-in-open-section',
  severity: 'info',
  description: 'A done item sits in a section of open work while the plan has a section for done items.',
  *check(plan) {
    const doneSection = plan.sections.find((s) => s.status === 'done');
    if (!doneSection) return;
    for (const item of plan.items) {
      if (item.status !== 'done') continue;
      const section = statusSectionOf(plan, item);
      if (
        !section ||
        (section.status !== 'todo' && section.status !== 'doing' && section.status !== 'blocked')
      )
        continue;
      yield {
        span: itemSpan(item),
        message: `${describe(item)} is done but still sits in the section "${section.title}"; move it to "${doneSection.title}".`,
      };
    }
  },
};
