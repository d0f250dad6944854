/** The SQLite store: one file (WAL mode), created with its folder on first use. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { TmError } from '../core/errors.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import type { Database as Schema } from './schema.js';
import { sqliteSearch } from './search/backends.js';
import { runSearch } from './search/run.js';

export interface SqliteOptions {
  readonly now?: () => Date;
  /** Open without migrating or writing (reading a backup file). */
  readonly readonly?: boolean;
}

/** Opens (creating when missing) the SQLite database at `path` and migrates it to the latest schema. */
export async function openSqliteStore(path: string, options: SqliteOptions = {}): Promise<KyselyStore> {
  const database = openDatabase(path, options.readonly === true);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  if (!options.readonly) await migrateToLatest(db, 'sqlite');
  return new KyselyStore(
    db,
    {
      backend: 'sqlite',
      // The write lock is taken by the transaction's first write; rows need no lock of their own.
      lockDocument: async () => {},
      search: (kdb, request) => runSearch(kdb, request, sqliteSearch),
      // In WAL mode a read transaction sees one snapshot while writers carry on.
      snapshot: (kdb, fn) => kdb.transaction().execute(fn),
      afterRestore: async () => {},
      close: async () => {},
    },
    options.now,
  );
}

/** The raw database handle, for the online backup API. */
export function openDatabase(path: string, readonly = false): Database.Database {
  try {
    if (!readonly) mkdirSync(dirname(path), { recursive: true });
    const database = new Database(path, { readonly, fileMustExist: readonly });
    database.pragma('busy_timeout = 10000');
    if (!readonly) {
      database.pragma('journal_mode = WAL');
      // With WAL, NORMAL stays consistent after a crash and only the last commits may roll back.
      database.pragma('synchronous = NORMAL');
    }
    database.pragma('foreign_keys = ON');
    return database;
  } catch (e) {
    throw new TmError(
      'TM_IO',
      `${path}: cannot open the SQLite database (${(e as Error).message}); check the path and its permissions.`,
      { path },
    );
  }
}
