/** `taskmark history`: a plan's progress over its git history, as a table and a sparkline, or --json. */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { PlanHistory } from '../../core/history/contract.js';
import { progressSeries } from '../../core/history/progress.js';
import { sparkline } from '../../core/history/sparkline.js';
import { discoverPlans } from '../../workspace/discover.js';
import { readPlanHistory, recordPlanHistory } from '../../workspace/history.js';
import { color, duration, printJson, println } from '../output.js';
import { progressBar } from '../progress.js';
import { configOf, type StoreOptions, withStore } from '../store.js';

interface HistoryOptions extends StoreOptions {
  readonly record?: boolean;
  readonly limit?: string;
}

export async function run(files: string[], opts: HistoryOptions): Promise<number> {
  const config = configOf(opts);
  const cwd = process.cwd();
  // Named plans are taken as given: a plan deleted from the working tree still has a history.
  const plans = files.length > 0 ? files : await discoverPlans([], cwd);
  // Recording needs a workspace database; a read-only look at history never creates one.
  const record = opts.record !== false && (config.databaseUrl !== null || existsSync(config.databasePath));
  const results: PlanHistory[] = [];
  for (const file of plans) {
    const docPath = relative(config.root, resolve(cwd, file)).split(sep).join('/');
    const bar = progressBar(`history ${file}`);
    const read = await readPlanHistory(cwd, file, {
      hoursPerDay: config.hoursPerDay,
      ...(record ? { keepAs: docPath } : {}),
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.done();
    const recorded = record
      ? await withStore(config, (store) => recordPlanHistory(store, docPath, read))
      : null;
    const points = progressSeries(read.versions, read.outcomes);
    results.push({
      file,
      path: read.path,
      commits: points.length,
      versions: read.outcomes.size,
      points,
      recorded,
    });
  }
  if (opts.json) printJson(results);
  else for (const h of results) render(h, limitOf(opts));
  return 0;
}

function limitOf(opts: HistoryOptions): number {
  const n = opts.limit === undefined ? 20 : Number(opts.limit);
  return Number.isInteger(n) && n > 0 ? n : 20;
}

function render(h: PlanHistory, limit: number): void {
  println(color.bold(`${h.file}: ${h.commits} commit(s), ${h.versions} distinct version(s)`));
  if (h.points.length === 0) {
    println(color.dim('  no commits change this file (is it committed?)'));
    return;
  }
  println(color.dim('  date        commit   done/total      %  effort left  change'));
  const shown = h.points.slice(-limit);
  if (shown.length < h.points.length)
    println(color.dim(`  … ${h.points.length - shown.length} older (--limit, --json)`));
  for (const p of shown) {
    const counts =
      p.state === 'deleted'
        ? color.red('deleted'.padEnd(10))
        : `${p.done + p.cancelled}/${p.total}`.padStart(10);
    const delta =
      p.closedDelta > 0
        ? color.green(`+${p.closedDelta}`)
        : p.closedDelta < 0
          ? color.red(String(p.closedDelta))
          : '';
    const note = p.state === 'unreadable' ? color.yellow(` unreadable: ${p.error}`) : '';
    println(
      `  ${p.date.slice(0, 10)}  ${color.cyan(p.commit.slice(0, 7))}  ${counts}  ${`${p.percent}%`.padStart(5)}  ${duration(p.effortRemainingMinutes).padStart(11)}  ${delta}${note}`,
    );
  }
  const first = h.points[0]!;
  const last = h.points.at(-1)!;
  println(
    `  ${color.green(
      sparkline(
        h.points.map((p) => p.percent),
        0,
        100,
      ),
    )}  ${first.percent}% → ${last.percent}%`,
  );
  if (h.recorded?.skipped) println(color.dim(`  not recorded: ${h.recorded.skipped}`));
  else if (h.recorded)
    println(color.dim(`  recorded ${h.recorded.revisions} revision(s), ${h.recorded.events} event(s)`));
}
