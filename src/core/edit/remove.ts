/** Removing an item with its children. */
import { TmError } from '../errors.js';
import type { Item, Plan } from '../model.js';
import { lineAt } from '../plan/lines.js';
import { boxlessSiblings, keepingOthers } from './siblings.js';
import type { Edit } from './splice.js';

const isBlank = (plan: Plan, l: number) =>
  l >= 0 && l < plan.lines.count && plan.text.slice(plan.lines.start[l], plan.lines.end[l]).trim() === '';

/**
 * Deletes the item's lines and its children's (for a heading item, its whole section). Following
 * siblings of an ordered list keep their numbers: renumbering would touch lines the user did not
 * ask to change, and markdown renders the list correctly either way.
 */
export function removeItem(plan: Plan, item: Item): Edit[] {
  if (item.kind === 'file')
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: the item is the whole of ${plan.file}; delete the file to remove it.`,
    );
  const start = item.span.start;
  let end = item.span.end;
  const first = lineAt(plan.lines, start);
  const after = end >= plan.text.length ? plan.lines.count : lineAt(plan.lines, end);
  // Do not leave two blank lines where the item sat between two.
  if (isBlank(plan, first - 1) && isBlank(plan, after) && end < plan.text.length) {
    end = after + 1 < plan.lines.count ? plan.lines.start[after + 1]! : plan.text.length;
  }
  // A sibling that was an item by what this one said (its list a backlog by this item's signals)
  // stays one, with a box.
  return keepingOthers(plan, [{ start, end, text: '' }], boxlessSiblings(plan, item));
}
