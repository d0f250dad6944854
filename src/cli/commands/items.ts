/** `taskmark items`: the items of the plans. */
import { itemToJson } from '../../core/ops/items.js';
import { type CommonOptions, loadPlans } from '../context.js';
import { color, duration, printJson, println, statusMark } from '../output.js';

export async function run(files: string[], opts: CommonOptions): Promise<number> {
  const plans = await loadPlans(files, opts);
  if (opts.json) {
    printJson(plans.flatMap((p) => p.items.map((i) => itemToJson(i, p))));
    return 0;
  }
  for (const plan of plans) {
    println(color.bold(`${plan.file}${plan.title ? ` — ${plan.title}` : ''}`));
    for (const item of plan.items) {
      // Set apart by middle dots, not parentheses: labels such as `(A)` bring their own.
      const meta = [
        item.priority?.label,
        item.owners.length > 0 ? item.owners.map((o) => `@${o}`).join(' ') : undefined,
        item.due ? `due ${item.due}` : undefined,
        item.effort ? duration(item.effort.minutes) : undefined,
      ].filter(Boolean);
      const indent = '  '.repeat(item.depth + 1);
      const where = color.dim(`:${item.line}`);
      println(
        `${indent}${statusMark(item.status)} ${color.cyan(item.key)} ${item.title}${meta.length ? color.dim(`  · ${meta.join(' · ')}`) : ''} ${where}`,
      );
    }
  }
  return 0;
}
