/** Keeping the items around an edited one: a box for each bullet the edit would drop from the plan. */
import type { Item, Plan } from '../model.js';
import { isBlank } from '../plan/chars.js';
import { parsePlan } from '../plan/parse.js';
import { endsWithStatusMark } from '../plan/trailing-marks.js';
import { applyEdits, type Edit } from './splice.js';
import { markFor } from './style.js';

/**
 * `edits`, and a box for each bullet without one that is an item by what is around it, when the
 * edits would make it stop being one: a bullet of a list whose bullets end with status marks (`-
 * Deploy staging (blocked)`), whose marks the edits take off, a card of a board written without
 * boxes, whose lanes a box given to `item` ends, or a bullet of a backlog that `item` made one by its
 * metadata (`- Fix the login (P1) @kim` over `- Update the docs (P2)`), which a box given to it ends. A
 * status change never drops another item from the plan. The plan is parsed again to know, only where such a bullet is there.
 */
export function keepingMarkedSiblings(plan: Plan, item: Item, edits: Edit[]): Edit[] {
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

/** The edit that gives a bullet without a box one, marked `mark`, after its list marker. */
export function boxAfterMarker(plan: Plan, item: Item, mark: string): Edit {
  let at = item.list!.markerStart + item.list!.marker.length;
  while (isBlank(plan.text.charCodeAt(at))) at++;
  return { start: at, end: at, text: `[${mark}] ` };
}
