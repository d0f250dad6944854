/** `taskmark restore FILE`: replaces the workspace database's content with a backup, in one transaction. */
import { restore } from '../../store/backup.js';
import { color, printJson, println } from '../output.js';
import { configOf, type StoreOptions, withStore } from '../store.js';

export async function run(args: string[], opts: StoreOptions): Promise<number> {
  const file = args[0]!;
  const config = configOf(opts);
  const summary = await withStore(config, (store) => restore(store, file));
  if (opts.json) {
    printJson(summary);
    return 0;
  }
  const rows = Object.entries(summary.rows).map(([t, n]) => `${n} ${t}`);
  println(`${color.green('restored')} ${file} (${summary.format}): ${rows.join(', ')}`);
  return 0;
}
