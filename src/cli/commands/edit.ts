/** `taskmark edit KEY --set key=value --unset key`: change attributes in the plan's own style. */
import { setAttribute } from '../../core/edit/index.js';
import { TmError } from '../../core/errors.js';
import { findItem } from '../../core/ops/find.js';
import { applyChange, type EditStep } from '../change.js';
import { type CommonOptions, loadPlans, todayOf } from '../context.js';
import { color, printJson, println } from '../output.js';

export async function run(
  [key, ...files]: string[],
  opts: CommonOptions & { set?: string[]; unset?: string[] },
): Promise<number> {
  const sets = (opts.set ?? []).map((kv) => {
    const eq = kv.indexOf('=');
    if (eq <= 0)
      throw new TmError('TM_USAGE', `--set takes key=value, as in --set owner=alice; got "${kv}".`);
    const [k, v] = [kv.slice(0, eq).trim(), kv.slice(eq + 1).trim()] as const;
    if (v === '') throw new TmError('TM_USAGE', `--set ${k}= has no value; to remove it use --unset ${k}.`);
    return [k, v] as const;
  });
  const unsets = opts.unset ?? [];
  if (sets.length + unsets.length === 0)
    throw new TmError('TM_USAGE', 'Nothing to change: give --set key=value or --unset key.');
  if ([...sets.map(([, v]) => v), ...unsets].some((v) => /[\r\n]/.test(v)))
    throw new TmError('TM_USAGE', 'Attribute values cannot contain line breaks.');
  const { plan, item } = findItem(await loadPlans(files, opts), key!);
  const today = todayOf(opts);
  const steps: EditStep[] = [
    ...sets.map(
      ([k, v]): EditStep =>
        (p) =>
          setAttribute(p, p.byKey.get(item.key)!, k, v, { today }),
    ),
    ...unsets.map(
      (k): EditStep =>
        (p) =>
          setAttribute(p, p.byKey.get(item.key)!, k, null),
    ),
  ];
  const change = await applyChange(plan, steps, opts);
  if (opts.json)
    printJson({
      file: plan.file,
      key: item.key,
      set: Object.fromEntries(sets),
      unset: unsets,
      changed: change.changed,
      dryRun: opts.dryRun === true,
      diff: change.diff,
    });
  else if (!opts.dryRun)
    println(
      change.changed
        ? `${color.cyan(item.key)}: updated ${color.dim(plan.file)}`
        : `${item.key}: nothing changed.`,
    );
  return 0;
}
