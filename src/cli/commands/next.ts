/** `taskmark next`: what to do next, with the reasons for each score. */
import { TmError } from '../../core/errors.js';
import { rankNext } from '../../core/rank/next.js';
import { type CommonOptions, loadPlans, todayOf } from '../context.js';
import { color, printJson, println } from '../output.js';

export async function run(files: string[], opts: CommonOptions & { limit?: string }): Promise<number> {
  const limit = opts.limit === undefined ? 10 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new TmError('TM_USAGE', `--limit must be a positive whole number, not "${opts.limit}".`);
  const ranked = rankNext(await loadPlans(files, opts), { today: todayOf(opts), limit });
  if (opts.json) {
    printJson(ranked);
    return 0;
  }
  if (ranked.length === 0)
    println(
      'Nothing to do next: every item is done, blocked, or waiting on another or on something outside the plan.',
    );
  for (const e of ranked) {
    println(
      `${String(e.rank).padStart(2)}. ${color.bold(String(e.score).padStart(3))}  ${color.cyan(e.item.key)}  ${e.item.title} ${color.dim(`${e.item.file}:${e.item.line}`)}`,
    );
    println(color.dim(`         ${e.reasons.map((r) => `+${r.points} ${r.detail}`).join(' · ')}`));
  }
  return 0;
}
