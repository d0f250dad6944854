/** Items as the surfaces show them. */
import type { ItemJson } from '../contract/items.js';
import type { Item, Plan } from '../model.js';

/** The `items --json` object for one item. */
export function itemToJson(item: Item, plan: Plan): ItemJson {
  return {
    key: item.key,
    id: item.id,
    refersTo: item.refersTo,
    title: item.title,
    status: item.status,
    statusSource: item.statusSource,
    checkbox: item.checkbox,
    kind: item.kind,
    optional: item.optional,
    file: plan.file,
    line: item.line,
    depth: item.depth,
    parent: item.parent,
    children: item.children,
    section: item.section,
    priority: item.priority,
    owner: item.owner,
    owners: item.owners,
    due: item.due,
    dueText: item.dueText,
    effortMinutes: item.effort?.minutes ?? null,
    effortMaxMinutes: item.effort?.maxMinutes ?? null,
    effortText: item.effort?.text ?? null,
    category: item.category,
    phase: item.phase,
    tags: item.tags,
    dependsOn: item.dependsOn,
    unresolvedDeps: item.unresolvedDeps,
    progress: { done: item.rollup.done, total: item.rollup.total },
  };
}

/** True for items that are finished one way or another. */
export function isClosed(item: Item): boolean {
  return item.status === 'done' || item.status === 'cancelled';
}
