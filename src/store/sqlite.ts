/** The SQLite store: one file (WAL mode), created with its folder on first use. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect, sql } from 'kysely';
import { TmError } from '../core/errors.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import type { Database as Schema } from './schema.js';
import { sqliteSearch } from './search/backends.js';
import { runSearch } from './search/run.js';
import { sqliteWrites } from './writes.js';

const MMAP_BYTES = 256 * 1024 * 1024;
const PAGE_BYTES = 16 * 1024;
const CACHE_KIB = 64 * 1024;
/** Prepared statements kept for reuse (least recently used first out). */
const STATEMENTS = 128;

export interface SqliteOptions {
  readonly now?: () => Date;
  /** Open without migrating or writing (reading a backup file). */
  readonly readonly?: boolean;
}

/** Opens (creating when missing) the SQLite database at `path` and migrates it to the latest schema. */
export async function openSqliteStore(path: string, options: SqliteOptions = {}): Promise<KyselyStore> {
  const database = openDatabase(path, options.readonly === true);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: keepingStatements(database) }) });
  if (!options.readonly) await migrateToLatest(db, 'sqlite');
  return new KyselyStore(
    db,
    {
      backend: 'sqlite',
      // The write lock is taken by the transaction's first write; rows need no lock of their own.
      lockDocuments: async () => {},
      writes: sqliteWrites(database),
      search: (kdb, request) => runSearch(kdb, request, sqliteSearch),
      // In WAL mode a read transaction sees one snapshot while writers carry on.
      snapshot: (kdb, fn) => kdb.transaction().execute(fn),
      // The full-text index has no triggers (the store keeps it in step): restored rows are indexed anew.
      afterRestore: async (trx) => {
        await sql`insert into items_fts(items_fts) values ('rebuild')`.execute(trx);
      },
      close: async () => {},
    },
    options.now,
  );
}

/**
 * The connection as Kysely sees it, with prepared statements kept. Kysely prepares every query it
 * runs, and preparing a search (CTEs, unions, a dozen tables) costs about as much as running a small
 * one. Kysely runs one query at a time on its one SQLite connection, so a kept statement is never in
 * use twice at once.
 */
function keepingStatements(database: Database.Database): SqliteDatabase {
  const kept = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = kept.get(text);
      if (statement) kept.delete(text);
      else {
        statement = database.prepare(text);
        if (kept.size >= STATEMENTS) kept.delete(kept.keys().next().value!);
      }
      kept.set(text, statement);
      return statement;
    },
  };
}

/** The raw database handle, for the online backup API. */
export function openDatabase(path: string, readonly = false): Database.Database {
  try {
    if (!readonly) mkdirSync(dirname(path), { recursive: true });
    const database = new Database(path, { readonly, fileMustExist: readonly });
    database.pragma('busy_timeout = 10000');
    if (!readonly) {
      // Pages of 16 KiB rather than 4 KiB: a quarter as many page writes and checkpoint copies for
      // the same rows, and shallower trees. It takes effect when the file is created; an existing
      // database keeps the page size it has.
      database.pragma(`page_size = ${PAGE_BYTES}`);
      database.pragma('journal_mode = WAL');
      // With WAL, NORMAL stays consistent after a crash and only the last commits may roll back.
      database.pragma('synchronous = NORMAL');
    }
    database.pragma('foreign_keys = ON');
    // Searches read many pages: mapped pages and a larger cache spare a read call and a copy per page
    // (the defaults, 2 MB of cache and no mapping, suit small databases, not 100,000 items).
    database.pragma(`mmap_size = ${MMAP_BYTES}`);
    database.pragma(`cache_size = -${CACHE_KIB}`);
    return database;
  } catch (e) {
    throw new TmError(
      'TM_IO',
      `${path}: cannot open the SQLite database (${(e as Error).message}); check the path and its permissions.`,
      { path },
    );
  }
}
