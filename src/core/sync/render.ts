/** The content of a managed progress block, rendered from the plan's items: deterministic, no items in it. */
import type { By, Format } from '../dashboards/index.js';
import type { Item, Plan } from '../model.js';

export interface Group {
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

const TITLE: Record<By, string> = {
  section: 'Section',
  priority: 'Priority',
  owner: 'Owner',
  phase: 'Phase',
};

/**
 * Leaf items (restating lines skipped), as `taskmark status` counts them, grouped by `by` in a
 * stable order: sections and phases as they first appear, priorities by rank, owners by name.
 */
function groups(plan: Plan, by: By | null): { rows: Group[]; total: Group } {
  const map = new Map<string, { done: number; total: number; order: number }>();
  let done = 0;
  let total = 0;
  for (const item of plan.items) {
    if (item.refersTo !== null || item.children.length > 0) continue;
    const isDone = item.status === 'done' || item.status === 'cancelled';
    total++;
    if (isDone) done++;
    if (by === null) continue;
    const [label, order] = groupOf(plan, item, by, map.size);
    const g = map.get(label) ?? { done: 0, total: 0, order };
    g.total++;
    if (isDone) g.done++;
    map.set(label, g);
  }
  const rows = [...map]
    .sort((a, b) => a[1].order - b[1].order || (by === 'owner' && a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : 0))
    .map(([label, g]) => ({ label, done: g.done, total: g.total }));
  return { rows, total: { label: 'TOTAL', done, total } };
}

function groupOf(plan: Plan, item: Item, by: By, seen: number): [string, number] {
  switch (by) {
    case 'section': {
      const path =
        item.section[0] === plan.title && item.section.length > 1 ? item.section.slice(1) : item.section;
      return [path[0] ?? '(no section)', seen];
    }
    case 'priority':
      return item.priority ? [item.priority.label, item.priority.rank] : ['(no priority)', 99];
    case 'owner':
      return [item.owner ?? '(unassigned)', item.owner ? 0 : 1];
    case 'phase':
      return [item.phase ?? '(no phase)', item.phase ? seen : Number.MAX_SAFE_INTEGER];
  }
}

function percent(g: Group): string {
  if (g.total === 0) return '0%';
  const p = Math.round((g.done / g.total) * 100);
  return `${p === 100 && g.done < g.total ? 99 : p}%`;
}

function bar(g: Group, width = 10): string {
  let cells = g.total === 0 ? 0 : Math.round((g.done / g.total) * width);
  if (cells === width && g.done < g.total) cells--;
  return `[${'█'.repeat(cells)}${'░'.repeat(width - cells)}]`;
}

/** A label safe inside a table cell or a line: one line, pipes escaped. */
function cellText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** The lines of a managed block's content (without line endings). */
export function render(plan: Plan, by: By | null, format: Format, label: string | null = null): string[] {
  const { rows, total } = groups(plan, by);
  if (format === 'table') {
    const body = [
      ...rows.map((g) => [cellText(g.label), String(g.done), String(g.total), percent(g)]),
      ['**TOTAL**', `**${total.done}**`, `**${total.total}**`, `**${percent(total)}**`],
    ];
    const header = [by ? TITLE[by] : 'Plan', 'Done', 'Total', 'Progress'];
    const widths = header.map((h, i) => Math.max(h.length, 3, ...body.map((r) => r[i]!.length)));
    const line = (cells: readonly string[]) =>
      `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
    const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
    return [line(header), rule, ...body.map(line)];
  }
  if (format === 'bar') {
    const all = [...rows, total];
    const width = all.reduce((m, g) => Math.max(m, cellText(g.label).length), 0);
    return [
      '```text',
      ...all.map((g) => `${cellText(g.label).padEnd(width)}  ${bar(g)} ${g.done}/${g.total} (${percent(g)})`),
      '```',
    ];
  }
  if (by === null) return [`**${label ?? 'Progress'}:** ${total.done}/${total.total} (${percent(total)})`];
  return [
    ...rows.map((g) => `- ${cellText(g.label)}: ${g.done}/${g.total} (${percent(g)})`),
    `- **Total:** ${total.done}/${total.total} (${percent(total)})`,
  ];
}
