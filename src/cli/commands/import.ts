/** `taskmark import`: brings the workspace database in step with the plan files, once or continuously. */
import type { ImportResult } from '../../workspace/import.js';
import { importWorkspace } from '../../workspace/import.js';
import { watchWorkspace } from '../../workspace/watch.js';
import { color, flushOutput, printJson, println } from '../output.js';
import { configOf, type StoreOptions, withStore } from '../store.js';

export async function run(_args: string[], opts: StoreOptions & { watch?: boolean }): Promise<number> {
  const config = configOf(opts);
  return withStore(config, async (store) => {
    const first = await importWorkspace(store, config);
    if (!opts.watch) {
      if (opts.json) printJson(first);
      else report(first, false);
      return first.findings.length > 0 ? 1 : 0;
    }
    report(first, opts.json === true);
    println(color.dim(`watching ${config.root} for changes (Ctrl-C to stop)`));
    flushOutput();
    await new Promise<void>((resolve) => {
      const watcher = watchWorkspace(store, config, {
        onImport: (r) => {
          if (r.changed.length + r.removed.length > 0 || r.findings.length > 0) report(r, opts.json === true);
          flushOutput();
        },
        onError: (e) => process.stderr.write(`taskmark: ${(e as Error).message}\n`),
      });
      const stop = () => void watcher.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  });
}

function report(r: ImportResult, json: boolean): void {
  if (json) {
    // While watching, one JSON document per line: the first import, then one per change.
    println(JSON.stringify(r));
    return;
  }
  for (const f of r.findings) process.stderr.write(`taskmark: skipping ${f.message}\n`);
  for (const f of r.changed) println(`${color.green('imported')} ${f}`);
  for (const f of r.removed) println(`${color.red('removed')}  ${f}`);
  println(
    color.dim(
      `${r.files} plan file(s): ${r.changed.length} changed, ${r.unchanged} unchanged, ${r.removed.length} removed, ${r.events} event(s)`,
    ),
  );
}
