/** The PostgreSQL store, chosen when a postgres:// URL is configured; several servers may share it. */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { TmError } from '../core/errors.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import { describeLocation } from './open.js';
import { IDENTITY_COLUMNS, type Database as Schema } from './schema.js';
import { postgresSearch } from './search/backends.js';
import { runSearch } from './search/run.js';
import { postgresWrites } from './writes.js';

export interface PostgresOptions {
  readonly now?: () => Date;
  /** A schema to keep taskmark's tables in (created when missing); the server's search_path otherwise. */
  readonly schema?: string;
  readonly poolSize?: number;
}

/** Connects, checks the server answers, and migrates the schema to the latest version. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<KyselyStore> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new TmError('TM_USAGE', `"${schema}" is not a usable schema name (lower-case letters, digits, _).`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 4,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let own: string;
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
    own = rows[0]!.s;
  } catch (e) {
    await db.destroy();
    throw new TmError(
      'TM_IO',
      `Cannot connect to PostgreSQL at ${describeLocation({ databaseUrl: url, databasePath: '' })} (${(e as Error).message}); check the URL and that the server is running.`,
    );
  }
  await migrateToLatest(db, 'postgres', own);
  return new KyselyStore(
    db,
    {
      backend: 'postgres',
      // In id order, so two writers locking overlapping documents cannot deadlock.
      lockDocuments: async (trx, paths) => {
        await sql`select id from documents where path = any(${[...paths]}::text[]) order by id for update`.execute(
          trx,
        );
      },
      writes: postgresWrites,
      search: (kdb, request) => runSearch(kdb, request, postgresSearch),
      snapshot: (kdb, fn) =>
        kdb
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute(async (trx) => {
            await sql`set transaction read only`.execute(trx);
            return fn(trx);
          }),
      afterRestore: async (trx) => {
        for (const [table, column] of IDENTITY_COLUMNS) {
          await sql`select setval(pg_get_serial_sequence(${table}, ${column}),
            coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
        }
      },
      close: async () => {},
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    },
    options.now,
  );
}
