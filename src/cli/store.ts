/** What the database commands share: the resolved configuration and an open store, closed afterwards. */
import { type ResolvedConfig, resolveConfig } from '../config/config.js';
import type { Store } from '../core/store/port.js';
import { openStore } from '../store/open.js';

export interface StoreOptions {
  readonly json?: boolean;
  readonly databaseUrl?: string;
  readonly today?: string;
  readonly hoursPerDay?: string;
}

/** The workspace configuration for the current directory, with the command's flags applied. */
export function configOf(opts: StoreOptions): ResolvedConfig {
  return resolveConfig({
    cwd: process.cwd(),
    env: process.env,
    flags: { databaseUrl: opts.databaseUrl, today: opts.today, hoursPerDay: opts.hoursPerDay },
  });
}

/** Runs `fn` with the workspace's store (created and migrated on first use) and closes it. */
export async function withStore<T>(config: ResolvedConfig, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
