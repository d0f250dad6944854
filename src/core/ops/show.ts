/** One item with its children, fields, roll-up and source. */
import type { ShowResult } from '../contract/items.js';
import type { Item, Plan } from '../model.js';
import { lineAt } from '../plan/lines.js';
import { itemToJson } from './items.js';

/** Everything taskmark knows about one item. */
export function showItem(plan: Plan, item: Item): ShowResult {
  const startLine = item.line;
  const endLine = lineAt(plan.lines, Math.max(item.span.start, item.span.end - 1)) + 1;
  return {
    item: itemToJson(item, plan),
    children: item.children.map((k) => itemToJson(plan.byKey.get(k)!, plan)),
    fields: item.fields.map((f) => ({
      key: f.key,
      rawKey: f.rawKey,
      value: f.value,
      line: lineAt(plan.lines, f.span.start) + 1,
    })),
    rollup: { ...item.rollup },
    span: { startLine, endLine },
    source: plan.text.slice(item.span.start, item.span.end).replace(/(\r?\n|\r)$/, ''),
  };
}
