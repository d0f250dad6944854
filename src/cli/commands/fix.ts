/**
 * `taskmark fix`: applies the safe fixes lint offers (encoding repair, parent status, stale
 * dashboards) as minimal edits, written back atomically; `--dry-run` prints the diff instead.
 */
import { collectFixes, lintPlan } from '../../core/lint/engine.js';
import type { Finding } from '../../core/lint/types.js';
import type { Plan } from '../../core/model.js';
import { applyChange, type EditStep } from '../change.js';
import { type CommonOptions, loadPlans } from '../context.js';
import { lintSetup } from '../lint-context.js';
import { color, printJson, println } from '../output.js';

/**
 * A fix can make another one possible (a parent becomes all-done once its child is fixed), so fixes
 * are applied in passes, each on the text the last pass left, until a pass has nothing to do.
 */
const MAX_PASSES = 8;

interface FixReport {
  readonly file: string;
  readonly changed: boolean;
  /** Findings fixed, by rule. */
  readonly fixed: Record<string, number>;
  /** Findings left that have no safe fix. */
  readonly remaining: number;
}

export async function run(files: string[], opts: CommonOptions): Promise<number> {
  const setup = lintSetup(opts);
  const lint = (plan: Plan) => lintPlan(plan, setup.ctx, setup.config.lint.rules, setup.rules);
  const plans = await loadPlans(files, setup.loadOptions);
  const reports: FixReport[] = [];
  for (const plan of plans) {
    let idleText: string | null = null;
    const pass: EditStep = (current) => {
      if (current.text === idleText) return [];
      const { edits } = collectFixes(lint(current));
      if (edits.length === 0) idleText = current.text;
      return edits;
    };
    const change = await applyChange(
      plan,
      Array.from({ length: MAX_PASSES }, () => pass),
      setup.loadOptions,
    );
    const before = lint(change.before);
    const after = lint(change.after);
    reports.push({
      file: plan.file,
      changed: change.changed,
      fixed: fixedByRule(before, after),
      remaining: after.length,
    });
  }
  if (opts.json) {
    printJson(reports);
    return 0;
  }
  for (const r of reports) {
    const fixed = Object.entries(r.fixed);
    const verb = opts.dryRun ? 'would fix' : 'fixed';
    if (fixed.length === 0) println(`${r.file}: ${color.dim('nothing to fix')}`);
    else
      println(
        `${r.file}: ${verb} ${fixed.reduce((n, [, c]) => n + c, 0)} (${fixed.map(([rule, c]) => `${rule} ${c}`).join(', ')})`,
      );
    if (r.remaining > 0)
      println(color.dim(`  ${r.remaining} finding(s) need a person: run \`taskmark lint ${r.file}\``));
  }
  return 0;
}

function fixedByRule(before: readonly Finding[], after: readonly Finding[]): Record<string, number> {
  const count = (fs: readonly Finding[]) => {
    const m = new Map<string, number>();
    for (const f of fs) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
    return m;
  };
  const b = count(before.filter((f) => f.fix !== null));
  const a = count(after);
  const out: Record<string, number> = {};
  for (const [rule, n] of b) {
    const left = Math.min(a.get(rule) ?? 0, n);
    if (n - left > 0) out[rule] = n - left;
  }
  return out;
}
