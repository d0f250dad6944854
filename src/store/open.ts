/** Opens the workspace's store: PostgreSQL when a postgres:// URL is configured, else the SQLite file. */
import type { Store } from '../core/store/port.js';

export interface StoreLocation {
  /** A postgres:// URL, or null for SQLite. */
  readonly databaseUrl: string | null;
  /** The SQLite file, used when `databaseUrl` is null. */
  readonly databasePath: string;
}

/** The configured store, migrated and ready; drivers load only for the backend in use. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.databaseUrl) {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(location.databaseUrl);
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(location.databasePath);
}

/** Where the store lives, for messages (passwords left out). */
export function describeLocation(location: StoreLocation): string {
  if (!location.databaseUrl) return location.databasePath;
  return location.databaseUrl.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@');
}
