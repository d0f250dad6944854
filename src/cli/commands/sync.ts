/** `taskmark sync`: rewrite dashboards to the truth (managed blocks; with flags, adopted and hand-written ones). */
import { analyseDashboards } from '../../core/dashboards/index.js';
import type { Plan } from '../../core/model.js';
import { managedEdits, syncSteps } from '../../core/sync/index.js';
import { applyChange } from '../change.js';
import { type CommonOptions, hoursOf, loadPlans } from '../context.js';
import { color, printJson, println } from '../output.js';

interface SyncFlags extends CommonOptions {
  readonly check?: boolean;
  readonly adopt?: boolean;
  readonly unmanaged?: boolean;
}

/** What sync would change in a plan, line by line, for --check and the report. */
function staleOf(plan: Plan, opts: SyncFlags): { line: number; message: string }[] {
  const out = managedEdits(plan).stale.map((s) => ({
    line: s.line,
    message: 'managed progress block is out of date',
  }));
  if (opts.unmanaged) {
    for (const m of analyseDashboards(plan, hoursOf(opts)).mismatches) {
      if (m.edits && m.edits.length > 0) out.push({ line: m.line, message: m.message });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** Points at --unmanaged when hand-written dashboards are stale too (sync leaves them alone by default). */
function hintHandWritten(plan: Plan, opts: SyncFlags, managedStale: number): void {
  const n = staleOf(plan, { ...opts, unmanaged: true }).length - managedStale;
  if (n === 0) return;
  const what = n === 1 ? 'dashboard is' : 'dashboards are';
  println(
    color.dim(`  ${n} hand-written ${what} stale too; \`taskmark sync --unmanaged\` rewrites them in place`),
  );
}

export async function run(files: string[], opts: SyncFlags): Promise<number> {
  const plans = await loadPlans(files, opts);
  const steps = syncSteps({
    adopt: opts.adopt === true,
    unmanaged: opts.unmanaged === true,
    hoursPerDay: hoursOf(opts),
  });
  const results = [];
  let failed = false;
  for (const plan of plans) {
    const problems = analyseDashboards(plan).problems;
    if (problems.length > 0) {
      failed = true;
      for (const p of problems) process.stderr.write(`taskmark: ${plan.file}:${p.line}: ${p.message}\n`);
      results.push({ file: plan.file, changed: false, stale: [], problems, diff: '' });
      continue;
    }
    const stale = staleOf(plan, opts);
    const change = await applyChange(plan, steps, {
      ...opts,
      dryRun: opts.dryRun === true || opts.check === true,
      json: opts.json === true || opts.check === true,
    });
    if (opts.check && change.changed) failed = true;
    results.push({ file: plan.file, changed: change.changed, stale, problems: [], diff: change.diff });
    if (opts.json) continue;
    if (opts.check) {
      if (!change.changed) println(`${plan.file}: dashboards are up to date`);
      else {
        println(color.bold(`${plan.file}: dashboards are stale`));
        for (const s of stale) println(`  ${plan.file}:${s.line}  ${s.message}`);
        if (stale.length === 0) println('  (adopting would change the plan)');
      }
    } else if (!opts.dryRun) {
      println(
        change.changed ? `${plan.file}: dashboards synced` : `${plan.file}: dashboards already up to date`,
      );
    }
    if (!opts.unmanaged) hintHandWritten(plan, opts, stale.length);
  }
  if (opts.json) printJson({ check: opts.check === true, dryRun: opts.dryRun === true, files: results });
  return failed ? 1 : 0;
}
