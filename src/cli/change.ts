/** Changing a plan: edits applied in memory, shown as a diff, or written back atomically. */
import { createTwoFilesPatch } from 'diff';
import { applyEdits, type Edit } from '../core/edit/index.js';
import type { Plan } from '../core/model.js';
import { needsYamlParser, parsePlan } from '../core/plan/parse.js';
import { writePlanAtomic } from '../workspace/write.js';
import { type CommonOptions, hoursOf, yamlParser } from './context.js';
import { print } from './output.js';

/** One step of a change: computes edits on the plan as it stands after the previous steps. */
export type EditStep = (plan: Plan) => readonly Edit[];

export interface Change {
  readonly file: string;
  /** The plan as it reads after the change (also with --dry-run, where it is not written). */
  readonly after: Plan;
  readonly changed: boolean;
  readonly diff: string;
}

/**
 * Applies edit steps to a plan in memory (re-parsing between steps, so each is computed on the text
 * it changes), then with --dry-run prints a unified diff, or else writes the file atomically,
 * failing with a conflict if it changed on disk since it was read.
 */
export async function applyChange(
  plan: Plan,
  steps: readonly EditStep[],
  opts: CommonOptions,
): Promise<Change> {
  let current = plan;
  let text = plan.text;
  const parseYaml = needsYamlParser(text) ? await yamlParser() : undefined;
  for (const step of steps) {
    text = applyEdits(text, step(current));
    current = parsePlan(text, {
      file: plan.file,
      hoursPerDay: hoursOf(opts),
      ...(parseYaml ? { parseYaml } : {}),
    });
  }
  const changed = text !== plan.text;
  const diff = changed
    ? createTwoFilesPatch(`a/${plan.file}`, `b/${plan.file}`, plan.text, text, '', '', { context: 3 })
    : '';
  if (changed && opts.dryRun && !opts.json) print(diff);
  if (changed && !opts.dryRun) writePlanAtomic(plan.file, plan.text, text);
  return { file: plan.file, after: current, changed, diff };
}
