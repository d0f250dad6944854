/** Progress of a plan: totals by status, section and priority, effort, overdue and due-soon items. */
import type { PlanStatus, StatusCounts } from '../contract/items.js';
import type { Item, Plan } from '../model.js';
import { daysBetween } from '../plan/attributes/dates.js';
import { isClosed } from './items.js';

/** Days ahead in which an open item counts as due soon. */
const DUE_SOON_DAYS = 7;

function emptyCounts(): StatusCounts {
  return { total: 0, todo: 0, doing: 0, blocked: 0, done: 0, cancelled: 0, percent: 0 };
}

function count(c: StatusCounts, item: Item): void {
  c.total++;
  c[item.status]++;
}

function finish(c: StatusCounts): StatusCounts {
  c.percent = c.total === 0 ? 0 : Math.round(((c.done + c.cancelled) / c.total) * 1000) / 10;
  return c;
}

/**
 * Counts leaf items (items without children), so a parent and its checklist are not counted twice,
 * and skips lines that restate another item (a phase checklist's `- [ ] P0-001: …`).
 */
export function planStatus(plan: Plan, today: string): PlanStatus {
  const byStatus = emptyCounts();
  const sections = new Map<string, { line: number; counts: StatusCounts }>();
  const priorities = new Map<string, { rank: number | null; counts: StatusCounts }>();
  let doneMinutes = 0;
  let remainingMinutes = 0;
  const sectionLine = new Map<string, number>();
  for (let i = 0; i < plan.sections.length; i++) {
    const s = plan.sections[i]!;
    if (!sectionLine.has(s.title)) sectionLine.set(s.title, s.line);
  }
  const overdue: PlanStatus['overdue'] = [];
  const dueSoon: PlanStatus['dueSoon'] = [];
  for (let i = 0; i < plan.items.length; i++) {
    const item = plan.items[i]!;
    if (item.refersTo !== null) continue;
    if (!isClosed(item) && item.due !== null) {
      const days = daysBetween(today, item.due);
      if (days < 0) overdue.push({ key: item.key, title: item.title, due: item.due, daysOverdue: -days });
      else if (days <= DUE_SOON_DAYS)
        dueSoon.push({ key: item.key, title: item.title, due: item.due, daysLeft: days });
    }
    if (item.children.length > 0) continue;
    count(byStatus, item);
    const top = topSection(plan, item, sectionLine);
    const s = sections.get(top.title) ?? { line: top.line, counts: emptyCounts() };
    count(s.counts, item);
    sections.set(top.title, s);
    const label = item.priority?.label ?? 'none';
    const p = priorities.get(label) ?? { rank: item.priority?.rank ?? null, counts: emptyCounts() };
    count(p.counts, item);
    priorities.set(label, p);
  }
  for (let i = 0; i < plan.items.length; i++) {
    const item = plan.items[i]!;
    if (item.parent === null && item.refersTo === null) {
      doneMinutes += item.rollup.effortDoneMinutes;
      remainingMinutes += item.rollup.effortRemainingMinutes;
    }
  }
  return {
    file: plan.file,
    title: plan.title,
    date: plan.facts.date,
    items: plan.items.length,
    byStatus: finish(byStatus),
    bySection: [...sections].map(([section, v]) => ({ section, line: v.line, counts: finish(v.counts) })),
    byPriority: [...priorities]
      .map(([label, v]) => ({ rank: v.rank, label, counts: finish(v.counts) }))
      .sort((a, b) => (a.rank ?? 9) - (b.rank ?? 9)),
    effort: { doneMinutes, remainingMinutes },
    overdue: overdue.sort((a, b) => b.daysOverdue - a.daysOverdue),
    dueSoon: dueSoon.sort((a, b) => a.daysLeft - b.daysLeft),
    encodingAnomalies: plan.anomalies.length,
  };
}

/** The first section below the plan's title that encloses the item. */
function topSection(
  plan: Plan,
  item: Item,
  sectionLine: ReadonlyMap<string, number>,
): { title: string; line: number } {
  const path =
    item.section[0] === plan.title && item.section.length > 1 ? item.section.slice(1) : item.section;
  const title = path[0] ?? (item.kind === 'heading' || item.kind === 'file' ? item.title : '(no section)');
  return { title, line: sectionLine.get(title) ?? item.line };
}
