/** The store's flat item records, made from a parsed plan. */
import type { Plan } from '../model.js';
import type { ItemRecord } from './port.js';

/** The items of `plan` as the store keeps them; `file` is the workspace-relative path. */
export function itemRecords(plan: Plan, file: string): ItemRecord[] {
  return plan.items.map((item, position) => ({
    file,
    key: item.key,
    id: item.id,
    title: item.title,
    kind: item.kind,
    status: item.status,
    checkbox: item.checkbox,
    line: item.line,
    position,
    depth: item.depth,
    parent: item.parent,
    section: item.section,
    priorityRank: item.priority?.rank ?? null,
    priorityLabel: item.priority?.label ?? null,
    owner: item.owner,
    owners: item.owners,
    due: item.due,
    effortMinutes: item.effort?.minutes ?? null,
    category: item.category,
    phase: item.phase,
    tags: item.tags,
    dependsOn: item.dependsOn,
  }));
}
