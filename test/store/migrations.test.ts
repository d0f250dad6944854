import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/core/query/parse.js';
import type { Store } from '../../src/core/store/port.js';
import { item, revision } from '../../src/store/contract.js';
import {
  appliedMigrations,
  type Backend,
  migrateTo,
  migrateToLatest,
  migrationsFor,
} from '../../src/store/migrations.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openDatabase, openSqliteStore } from '../../src/store/sqlite.js';
import { PG_URL, postgresAvailable, schemas } from './pg.js';

const dir = mkdtempSync(join(tmpdir(), 'taskmark-migrate-'));
const schema = schemas();
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await schema.dropAll();
});

interface Target {
  readonly backend: Backend;
  readonly schema: string | undefined;
  /** A raw connection to the target database (the schema changes under the test, so it is untyped). */
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  raw(): Kysely<any>;
  store(): Promise<Store>;
}

function sqliteTarget(): Target {
  const path = join(dir, `m-${randomUUID()}.db`);
  return {
    backend: 'sqlite',
    schema: undefined,
    raw: () => new Kysely({ dialect: new SqliteDialect({ database: openDatabase(path) }) }),
    store: () => openSqliteStore(path),
  };
}

function postgresTarget(): Target {
  const s = schema.next();
  return {
    backend: 'postgres',
    schema: s,
    raw: () =>
      new Kysely({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: PG_URL, max: 1, options: `-c search_path=${s}` }),
        }),
      }),
    store: () => openPostgresStore(PG_URL, { schema: s, poolSize: 1 }),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: see Target.
async function tables(t: Target, db: Kysely<any>): Promise<string[]> {
  const q =
    t.backend === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table'
          and name not like 'kysely%' and name not like 'sqlite%' and name not like 'items_fts_%' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = ${t.schema} and table_name not like 'kysely%' order by table_name`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

const TABLES = ['blobs', 'documents', 'events', 'item_co_owners', 'item_tags', 'items', 'revisions', 'views'];

function migrationSuite(name: string, make: () => Target) {
  describe(`migrations on ${name}`, () => {
    it('applies every migration, reverts them all, and applies them again', async () => {
      const t = make();
      // The store creates the schema (and PostgreSQL's schema) on open.
      await (await t.store()).close();
      const db = t.raw();
      try {
        const names = Object.keys(migrationsFor(t.backend));
        expect(await appliedMigrations(db, t.backend, t.schema)).toEqual(names);
        const all = await tables(t, db);
        expect(all).toEqual(expect.arrayContaining(TABLES));

        expect(await migrateTo(db, t.backend, null, t.schema)).toEqual([...names].reverse());
        expect(await tables(t, db)).toEqual([]);
        expect(await appliedMigrations(db, t.backend, t.schema)).toEqual([]);

        await migrateToLatest(db, t.backend, t.schema);
        expect(await tables(t, db)).toEqual(all);
      } finally {
        await db.destroy();
      }
    });

    it('keeps the search index in step through a down and up of the bulk-write and index migrations', async () => {
      const t = make();
      const store = await t.store();
      await store.commitRevision(revision('A.md', 'a', [item('a', { title: 'rotate the secrets' })]));
      const before = await store.exportTables();
      await store.close();

      const db = t.raw();
      try {
        expect(await migrateTo(db, t.backend, '0005_webhooks', t.schema)).toEqual([
          '0008_owners',
          '0007_search_indexes',
          '0006_bulk_writes',
        ]);
        if (t.backend === 'sqlite') {
          // The triggers are back and the index answers for the rows written without them.
          const { rows } = await sql<{ n: number }>`select count(*) as n from items_fts
            where items_fts match 'secrets'`.execute(db);
          expect(rows[0]!.n).toBe(1);
          await sql`delete from items`.execute(db);
          const after = await sql<{ n: number }>`select count(*) as n from items_fts
            where items_fts match 'secrets'`.execute(db);
          expect(after.rows[0]!.n).toBe(0);
        }
      } finally {
        await db.destroy();
      }

      const again = await t.store();
      try {
        await again.importTables(before);
        expect(await again.exportTables()).toEqual(before);
        await again.commitRevision(
          revision('A.md', 'b', [item('b', { title: 'rotate the keys' }), item('c', { title: 'audit' })]),
        );
        const keys = async (text: string) =>
          (await again.search({ query: parseQuery(text), today: '2026-01-01' })).hits.map((h) => h.item.key);
        expect(await keys('secrets')).toEqual([]);
        expect(await keys('rotate')).toEqual(['b']);
        expect(await keys('rotate -keys')).toEqual([]);
        expect(await keys('audit')).toEqual(['c']);
      } finally {
        await again.close();
      }
    });

    it('keeps the data through a down and up of the search migration, and searches it again', async () => {
      const t = make();
      const store = await t.store();
      await store.commitRevision(revision('A.md', 'a', [item('a', { title: 'rotate the secrets' })]));
      const before = await store.exportTables();
      await store.close();

      const db = t.raw();
      expect(await migrateTo(db, t.backend, '0001_tables', t.schema)).toEqual([
        '0008_owners',
        '0007_search_indexes',
        '0006_bulk_writes',
        '0005_webhooks',
        '0004_planning',
        '0003_server',
        '0002_search',
      ]);
      await db.destroy();

      const again = await t.store();
      try {
        expect(await again.exportTables()).toEqual(before);
        const found = await again.search({ query: parseQuery('secr*'), today: '2026-01-01' });
        expect(found.hits.map((h) => h.item.key)).toEqual(['a']);
      } finally {
        await again.close();
      }
    });

    it('gives items written before 0008, and those of a backup taken before it, their owner as their one owner', async () => {
      const t = make();
      const store = await t.store();
      await store.commitRevision(
        revision('A.md', 'a', [
          item('a', { owner: 'Kim' }),
          item('b', { owner: 'Bo', owners: ['Bo', 'Li'] }),
          item('c'),
        ]),
      );
      const before = await store.exportTables();
      await store.close();
      const owned = async (s: Awaited<ReturnType<Target['store']>>, q: string) =>
        (await s.search({ query: parseQuery(q), today: '2026-01-01' })).hits.map((h) => h.item.key);

      const db = t.raw();
      try {
        expect(await migrateTo(db, t.backend, '0007_search_indexes', t.schema)).toEqual(['0008_owners']);
      } finally {
        await db.destroy();
      }
      const again = await t.store();
      try {
        // The co-owner went with the column that listed it; the owner on the row stays searchable.
        expect(await owned(again, 'owner:kim')).toEqual(['a']);
        expect(await owned(again, 'owner:bo')).toEqual(['b']);
        expect(await owned(again, 'owner:li')).toEqual([]);
        expect(await owned(again, 'owner:none')).toEqual(['c']);
        const b = (await again.search({ query: parseQuery('owner:bo'), today: '2026-01-01' })).hits[0]!.item;
        expect(b.owners).toEqual(['Bo']);

        // A backup of now restores every owner.
        await again.importTables(before);
        expect(await owned(again, 'owner:li')).toEqual(['b']);

        // A backup from before 0008: no owners column, no item_co_owners table.
        const old = before
          .filter((d) => d.table !== 'item_co_owners')
          .map((d) =>
            d.table === 'items' ? { ...d, rows: d.rows.map(({ owners: _owners, ...rest }) => rest) } : d,
          );
        await again.importTables(old);
        expect(await owned(again, 'owner:kim')).toEqual(['a']);
        expect(await owned(again, 'owner:bo')).toEqual(['b']);
        expect(await owned(again, 'owner:none')).toEqual(['c']);
        // The co-owners of the store before the restore went with it.
        expect(await owned(again, 'owner:li')).toEqual([]);
        const restored = (await again.search({ query: parseQuery('owner:bo'), today: '2026-01-01' }))
          .hits[0]!;
        expect(restored.item.owners).toEqual(['Bo']);
        await again.importTables(before);
        expect(await again.exportTables()).toEqual(before);
      } finally {
        await again.close();
      }
    });
  });
}

migrationSuite('SQLite', sqliteTarget);
if (await postgresAvailable('PostgreSQL migrations')) migrationSuite('PostgreSQL', postgresTarget);
else describe.skip('migrations on PostgreSQL (server unreachable)', () => {});
