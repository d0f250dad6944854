/** `taskmark set KEY STATUS`: change an item's status in the plan's own style. */
import { setStatus } from '../../core/edit/index.js';
import { findItem } from '../../core/ops/find.js';
import { applyChange } from '../change.js';
import { type CommonOptions, loadPlans, todayOf } from '../context.js';
import { color, printJson, println } from '../output.js';
import { statusArg } from '../status-arg.js';

export async function run(
  [key, status, ...files]: string[],
  opts: CommonOptions & { children?: boolean },
): Promise<number> {
  const to = statusArg(status!);
  const { plan, item } = findItem(await loadPlans(files, opts), key!);
  const from = item.status;
  const change = await applyChange(
    plan,
    [
      (p) =>
        setStatus(p, p.byKey.get(item.key)!, to, { children: opts.children === true, today: todayOf(opts) }),
    ],
    opts,
  );
  if (opts.json) {
    printJson({
      file: plan.file,
      key: item.key,
      from,
      to,
      changed: change.changed,
      dryRun: opts.dryRun === true,
      diff: change.diff,
    });
  } else if (!opts.dryRun) {
    println(
      change.changed
        ? `${color.cyan(item.key)}: ${from} → ${color.bold(to)}  ${color.dim(plan.file)}`
        : `${item.key} is already ${to}; nothing changed.`,
    );
  }
  return 0;
}
