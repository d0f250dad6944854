/** `taskmark rm KEY`: remove an item and its children. */
import { removeItem } from '../../core/edit/index.js';
import { findItem } from '../../core/ops/find.js';
import { applyChange } from '../change.js';
import { type CommonOptions, loadPlans } from '../context.js';
import { color, printJson, println } from '../output.js';

export async function run([key, ...files]: string[], opts: CommonOptions): Promise<number> {
  const { plan, item } = findItem(await loadPlans(files, opts), key!);
  const removed = [item.key, ...collectDescendants(plan.byKey, item.children)];
  const change = await applyChange(plan, [(p) => removeItem(p, p.byKey.get(item.key)!)], opts);
  if (opts.json)
    printJson({
      file: plan.file,
      key: item.key,
      removed,
      changed: change.changed,
      dryRun: opts.dryRun === true,
      diff: change.diff,
    });
  else if (!opts.dryRun)
    println(
      `Removed ${color.cyan(item.key)}${removed.length > 1 ? ` and ${removed.length - 1} item(s) under it` : ''} from ${color.dim(plan.file)}`,
    );
  return 0;
}

function collectDescendants(
  byKey: ReadonlyMap<string, { children: string[] }>,
  keys: readonly string[],
): string[] {
  const out: string[] = [];
  const stack = [...keys];
  while (stack.length > 0) {
    const k = stack.pop()!;
    out.push(k);
    for (const c of byKey.get(k)?.children ?? []) stack.push(c);
  }
  return out;
}
