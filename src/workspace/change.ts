/**
 * Changing a plan file: edit steps applied in memory, then written back atomically with conflict
 * detection. Shared by every surface (the CLI's set/add/edit/rm, the server's item routes).
 */
import { createTwoFilesPatch } from 'diff';
import { applyEdits, type Edit } from '../core/edit/index.js';
import { TmError } from '../core/errors.js';
import type { Plan } from '../core/model.js';
import { needsYamlParser, parsePlan } from '../core/plan/parse.js';
import { rewritePlanAtomic, type WriteHooks } from './write.js';

/**
 * One step of a change: computes edits on the plan as it stands after the previous steps. Steps
 * find their item by key, so they can be run again on a newer text of the plan.
 */
export type EditStep = (plan: Plan) => readonly Edit[];

export interface Change {
  readonly file: string;
  /** The plan the edit was computed on: as read, or as the file held when it was written. */
  readonly before: Plan;
  /** The plan as it reads after the change (also with dryRun, where it is not written). */
  readonly after: Plan;
  readonly changed: boolean;
  readonly diff: string;
}

export interface ChangeOptions {
  readonly hoursPerDay: number;
  readonly dryRun?: boolean;
  /** The file to write; `plan.file` when omitted (the CLI parses plans under their own path). */
  readonly path?: string;
  /**
   * Runs on the plan as the file holds it when that differs from the text the change was computed
   * on; throwing refuses the change (the server refuses an edit of an item changed meanwhile).
   */
  readonly verifyRebase?: (current: Plan) => void;
  readonly hooks?: WriteHooks;
}

/**
 * Applies edit steps to a plan in memory (re-parsing between steps, so each is computed on the text
 * it changes), then, unless `dryRun`, writes the file atomically.
 *
 * The write holds the plan's lock from reading the file to renaming the new text over it. If the
 * file changed since it was read (another taskmark process, an editor), the steps are run again on
 * what the file holds now, so both changes survive; if they no longer apply (the item was removed),
 * the change fails with TM_PLAN_CONFLICT and nothing is written. A change computed from an old text
 * is never written.
 */
export async function changePlan(
  plan: Plan,
  steps: readonly EditStep[],
  options: ChangeOptions,
): Promise<Change> {
  const parseYaml = needsYamlParser(plan.text) ? await yamlParser() : undefined;
  const parse = (text: string): Plan => {
    if (!parseYaml && needsYamlParser(text)) {
      throw new TmError('TM_PLAN_CONFLICT', `${plan.file} gained front matter since it was read.`);
    }
    return parsePlan(text, {
      file: plan.file,
      hoursPerDay: options.hoursPerDay,
      ...(parseYaml ? { parseYaml } : {}),
    });
  };
  let before = plan;
  let after = runSteps(plan, steps, parse);
  if (after.text !== plan.text && !options.dryRun) {
    rewritePlanAtomic(
      options.path ?? plan.file,
      (current) => {
        if (current === plan.text) return after.text;
        before = rebase(plan.file, current, parse);
        options.verifyRebase?.(before);
        after = rebaseSteps(plan.file, before, steps, parse);
        return after.text;
      },
      options.hooks ?? {},
    );
  }
  const changed = after.text !== before.text;
  const diff = changed
    ? createTwoFilesPatch(`a/${plan.file}`, `b/${plan.file}`, before.text, after.text, '', '', { context: 3 })
    : '';
  return { file: plan.file, before, after, changed, diff };
}

async function yamlParser(): Promise<(s: string) => unknown> {
  const { parse } = await import('yaml');
  return (s) => parse(s, { maxAliasCount: 100 });
}

function runSteps(plan: Plan, steps: readonly EditStep[], parse: (text: string) => Plan): Plan {
  let current = plan;
  for (const step of steps) current = parse(applyEdits(current.text, step(current)));
  return current;
}

function rebase(file: string, text: string, parse: (text: string) => Plan): Plan {
  try {
    return parse(text);
  } catch (e) {
    throw noLongerApplies(file, e);
  }
}

function rebaseSteps(
  file: string,
  plan: Plan,
  steps: readonly EditStep[],
  parse: (text: string) => Plan,
): Plan {
  try {
    return runSteps(plan, steps, parse);
  } catch (e) {
    throw noLongerApplies(file, e);
  }
}

/** A step that fails on the newer text (its item is gone: a TypeError from a missing key, or a TmError). */
function noLongerApplies(file: string, e: unknown): TmError {
  const why = e instanceof TmError ? ` (${e.message})` : '';
  return new TmError(
    'TM_PLAN_CONFLICT',
    `${file} changed since it was read and the change no longer applies to it${why}; nothing was written. Check the plan and run the command again.`,
    { path: file },
  );
}
