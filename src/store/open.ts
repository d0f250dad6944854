/** Opens the workspace's store: PostgreSQL when a postgres:// URL is configured, else the SQLite file. */
import type { AccountStore } from '../core/store/accounts.js';
import type { Store } from '../core/store/port.js';
import type { TeamStore } from '../core/store/team.js';
import type { WebhookStore } from '../core/store/webhooks.js';
import { KyselyAccountStore } from './accounts.js';
import type { KyselyStore } from './kysely-store.js';
import { postgresSearch, sqliteSearch } from './search/backends.js';
import { KyselyTeamStore } from './team.js';
import { KyselyWebhookStore } from './webhooks.js';

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

/** The server's stores: the workspace Store and the AccountStore, on one connection. */
export interface ServerStores {
  readonly store: Store & { poolStats(): { total: number; idle: number; waiting: number } | null };
  readonly accounts: AccountStore;
  readonly team: TeamStore;
  readonly webhooks: WebhookStore;
}

/** Opens the configured store and the server's AccountStore beside it (closing `store` closes both). */
export async function openServerStores(location: StoreLocation): Promise<ServerStores> {
  let store: KyselyStore;
  if (location.databaseUrl) {
    const { openPostgresStore } = await import('./postgres.js');
    store = await openPostgresStore(location.databaseUrl);
  } else {
    const { openSqliteStore } = await import('./sqlite.js');
    store = await openSqliteStore(location.databasePath);
  }
  return {
    store,
    accounts: accountStoreOf(store),
    team: teamStoreOf(store),
    webhooks: webhookStoreOf(store),
  };
}

/** The TeamStore (sprints, action lists) over an open store's connection. */
export function teamStoreOf(store: KyselyStore): TeamStore {
  return new KyselyTeamStore(store.db);
}

/** The WebhookStore over an open store's connection. */
export function webhookStoreOf(store: KyselyStore): WebhookStore {
  return new KyselyWebhookStore(store.db);
}

/** The AccountStore over an open store's connection. */
export function accountStoreOf(store: KyselyStore): AccountStore {
  return new KyselyAccountStore(store.db, store.backend === 'postgres' ? postgresSearch : sqliteSearch);
}
