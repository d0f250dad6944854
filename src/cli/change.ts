/** Changing a plan from the CLI: the shared write-back, plus --dry-run's diff on stdout. */
import type { Plan } from '../core/model.js';
import { type Change, changePlan, type EditStep } from '../workspace/change.js';
import type { WriteHooks } from '../workspace/write.js';
import { type CommonOptions, hoursOf } from './context.js';
import { print } from './output.js';

export type { EditStep } from '../workspace/change.js';

/**
 * Applies edit steps to a plan and writes it back (see `changePlan`); with --dry-run prints a
 * unified diff instead and writes nothing.
 */
export async function applyChange(
  plan: Plan,
  steps: readonly EditStep[],
  opts: CommonOptions,
  hooks: WriteHooks = {},
): Promise<Change> {
  const change = await changePlan(plan, steps, {
    hoursPerDay: hoursOf(opts),
    dryRun: opts.dryRun === true,
    hooks,
  });
  if (change.changed && opts.dryRun && !opts.json) print(change.diff);
  return change;
}
