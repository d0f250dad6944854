/**
 * `import --watch`: re-imports when files under the workspace change. Changes are debounced (an
 * editor's save is several events; a `git checkout` is hundreds) and imports never overlap: a change
 * during an import schedules one more import after it.
 */
import { type FSWatcher, watch } from 'node:fs';
import type { Store } from '../core/store/port.js';
import { type ImportResult, type ImportSettings, importWorkspace } from './import.js';

export interface WatchOptions {
  /** Quiet time after the last change before importing (default 200 ms). */
  readonly debounceMs?: number;
  readonly onImport: (result: ImportResult) => void;
  readonly onError: (error: unknown) => void;
}

export interface Watcher {
  /** Stops watching and waits for a running import to finish. */
  close(): Promise<void>;
}

/** Folders whose changes never concern plans (the database itself lives in .taskmark). */
const IGNORED = /(?:^|[/\\])(?:\.taskmark|\.git|node_modules)(?:[/\\]|$)/;

export function watchWorkspace(store: Store, settings: ImportSettings, options: WatchOptions): Watcher {
  const debounceMs = options.debounceMs ?? 200;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const run = () => {
    timer = undefined;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = importWorkspace(store, settings)
      .then(options.onImport, options.onError)
      .finally(() => {
        running = null;
        if (again && !closed) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  const watcher: FSWatcher = watch(settings.root, { recursive: true }, (_event, name) => {
    if (name !== null && IGNORED.test(String(name))) return;
    schedule();
  });
  watcher.on('error', options.onError);

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
      await running;
    },
  };
}
