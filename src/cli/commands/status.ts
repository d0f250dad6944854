/** `taskmark status`: progress of each plan. */
import { planStatus } from '../../core/ops/status.js';
import { type CommonOptions, loadPlans, todayOf } from '../context.js';
import { bar, color, duration, printJson, println } from '../output.js';

export async function run(files: string[], opts: CommonOptions): Promise<number> {
  const today = todayOf(opts);
  const reports = (await loadPlans(files, opts)).map((p) => planStatus(p, today));
  if (opts.json) {
    printJson(reports);
    return 0;
  }
  for (const r of reports) {
    const c = r.byStatus;
    println(color.bold(`${r.file}${r.title ? ` — ${r.title}` : ''}`));
    println(`  ${bar(c.done + c.cancelled, c.total)}  ${c.done + c.cancelled}/${c.total} done`);
    println(
      color.dim(
        `  todo ${c.todo} · doing ${c.doing} · blocked ${c.blocked} · done ${c.done} · cancelled ${c.cancelled}`,
      ),
    );
    const width = Math.min(
      40,
      r.bySection.reduce((m, s) => Math.max(m, s.section.length), 8),
    );
    if (r.bySection.length > 0) println(color.bold('  Sections'));
    for (const s of r.bySection) {
      const name = s.section.length > width ? `${s.section.slice(0, width - 1)}…` : s.section.padEnd(width);
      println(
        `    ${name}  ${bar(s.counts.done + s.counts.cancelled, s.counts.total, 12)}  ${s.counts.done + s.counts.cancelled}/${s.counts.total}`,
      );
    }
    if (r.byPriority.some((p) => p.rank !== null)) {
      println(color.bold('  Priorities'));
      for (const p of r.byPriority)
        println(
          `    ${p.label.padEnd(12)}  ${bar(p.counts.done + p.counts.cancelled, p.counts.total, 12)}  ${p.counts.done + p.counts.cancelled}/${p.counts.total}`,
        );
    }
    if (r.effort.doneMinutes + r.effort.remainingMinutes > 0) {
      println(
        `  Effort: ${duration(r.effort.doneMinutes)} done, ${duration(r.effort.remainingMinutes)} remaining`,
      );
    }
    if (r.overdue.length > 0) {
      println(color.red(`  Overdue (${r.overdue.length})`));
      for (const o of r.overdue.slice(0, 10))
        println(`    ${color.cyan(o.key)} ${o.title} ${color.red(`due ${o.due}, ${o.daysOverdue}d late`)}`);
      if (r.overdue.length > 10)
        println(color.dim(`    … and ${r.overdue.length - 10} more (--json lists all)`));
    }
    if (r.dueSoon.length > 0) println(color.yellow(`  Due within a week: ${r.dueSoon.length}`));
    if (r.encodingAnomalies > 0) println(color.yellow(`  Encoding damage: ${r.encodingAnomalies} place(s)`));
    println();
  }
  return 0;
}
