/** `taskmark backup FILE`: a consistent snapshot of the workspace database. */
import { TmError } from '../../core/errors.js';
import { type BackupFormat, backup } from '../../store/backup.js';
import { color, printJson, println } from '../output.js';
import { configOf, type StoreOptions, withStore } from '../store.js';

export async function run(args: string[], opts: StoreOptions & { format?: string }): Promise<number> {
  const file = args[0]!;
  if (opts.format !== undefined && opts.format !== 'sqlite' && opts.format !== 'jsonl')
    throw new TmError('TM_USAGE', `--format must be sqlite or jsonl, not "${opts.format}".`);
  const config = configOf(opts);
  const summary = await withStore(config, (store) =>
    backup(store, config, file, opts.format as BackupFormat | undefined),
  );
  if (opts.json) {
    printJson(summary);
    return 0;
  }
  const rows = Object.entries(summary.rows).map(([t, n]) => `${n} ${t}`);
  println(`${color.green('backed up')} to ${file} (${summary.format}): ${rows.join(', ')}`);
  return 0;
}
