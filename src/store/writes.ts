/**
 * The bulk write path of imports: items, their tags and events, written a batch of documents at a
 * time. Kysely builds and compiles a query object per statement, which at 100,000 rows costs more
 * than the database's own work, so these writes go to each driver directly: prepared single-row
 * statements on SQLite (the fastest way into better-sqlite3, and its full-text index is kept in step
 * here, a batch at a time, rather than by a trigger per row), one statement per table with the rows
 * as a JSON array on PostgreSQL (parsed by the server, one round trip however many rows).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { Tx } from './kysely-store.js';
import type { ItemRow } from './rows.js';
import { TABLES } from './schema.js';

export interface TagRow {
  readonly item_id: number;
  readonly tag: string;
  readonly tag_f: string;
}

export interface EventRow {
  readonly document_id: number;
  readonly revision_id: number | null;
  readonly item_key: string;
  readonly previous_key: string | null;
  readonly type: string;
  readonly field: string | null;
  readonly from_value: string;
  readonly to_value: string;
  readonly at: string;
}

export interface BulkWrites {
  /** Deletes the items of these documents, with their tags and their search index entries. */
  deleteItems(trx: Tx, documentIds: readonly number[]): Promise<void>;
  /** Inserts items (and indexes them for search); their generated ids, in the order of `rows`. */
  insertItems(trx: Tx, rows: readonly ItemRow[]): Promise<number[]>;
  insertTags(trx: Tx, rows: readonly TagRow[]): Promise<void>;
  insertEvents(trx: Tx, rows: readonly EventRow[]): Promise<void>;
}

const columnsOf = (table: string, without: string) =>
  TABLES.find((t) => t.name === table)!.columns.filter((c) => c !== without);
const ITEM_COLUMNS = columnsOf('items', 'item_id');
const TAG_COLUMNS = columnsOf('item_tags', '');
const EVENT_COLUMNS = columnsOf('events', 'id');

/** Bulk writes on the store's better-sqlite3 connection, inside the transaction Kysely holds on it. */
export function sqliteWrites(database: BetterSqlite3.Database): BulkWrites {
  // Prepared on first use: a read-only store never writes, and the tables exist once migrated.
  const cache = new Map<string, BetterSqlite3.Statement>();
  const stmt = (text: string) => {
    let s = cache.get(text);
    if (!s) {
      s = database.prepare(text);
      cache.set(text, s);
    }
    return s;
  };
  const insert = (table: string, cols: readonly string[]) =>
    stmt(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
  return {
    async deleteItems(_trx, documentIds) {
      // The full-text table has external content and no triggers: its entries are removed with the
      // values they were indexed with, which are still in items.
      const unindex = stmt(`insert into items_fts(items_fts, rowid, fts_title, fts_text)
        select 'delete', item_id, fts_title, fts_text from items where document_id = ?`);
      const del = stmt('delete from items where document_id = ?');
      for (const id of documentIds) {
        unindex.run(id);
        del.run(id);
      }
    },
    async insertItems(_trx, rows) {
      const ins = insert('items', ITEM_COLUMNS);
      const ids: number[] = [];
      for (const row of rows) {
        const r = row as unknown as Record<string, unknown>;
        ids.push(Number(ins.run(ITEM_COLUMNS.map((c) => r[c])).lastInsertRowid));
      }
      // Each new rowid is one past the largest, so this batch's rows are exactly those in [first, last].
      if (ids.length > 0)
        stmt(`insert into items_fts(rowid, fts_title, fts_text)
          select item_id, fts_title, fts_text from items where item_id between ? and ?`).run(
          ids[0],
          ids.at(-1),
        );
      return ids;
    },
    async insertTags(_trx, rows) {
      const ins = insert('item_tags', TAG_COLUMNS);
      for (const r of rows) ins.run(r.item_id, r.tag, r.tag_f);
    },
    async insertEvents(_trx, rows) {
      const ins = insert('events', EVENT_COLUMNS);
      for (const row of rows) {
        const r = row as unknown as Record<string, unknown>;
        ins.run(EVENT_COLUMNS.map((c) => r[c]));
      }
    },
  };
}

/** Rows per statement on PostgreSQL: big enough that round trips do not count, small enough to stream. */
const PG_ROWS = 5000;

/** Bulk writes on PostgreSQL: each batch of rows is one `json_populate_recordset` insert. */
export const postgresWrites: BulkWrites = {
  async deleteItems(trx, documentIds) {
    if (documentIds.length === 0) return;
    // Tags go by their foreign key's cascade; the tsvector column goes with its row.
    await sql`delete from items where document_id = any(${[...documentIds]}::integer[])`.execute(trx);
  },
  async insertItems(trx, rows) {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += PG_ROWS) {
      const chunk = rows.slice(i, i + PG_ROWS);
      const cols = sql.join(ITEM_COLUMNS.map((c) => sql.ref(c)));
      const from = sql.join(ITEM_COLUMNS.map((c) => sql.ref(`r.${c}`)));
      // RETURNING is not promised in input order, so ids are matched back by (document, key).
      const { rows: out } = await sql<{ item_id: number; document_id: number; key: string }>`
        insert into items (${cols})
        select ${from} from json_populate_recordset(null::items, ${JSON.stringify(chunk)}::json) r
        returning item_id, document_id, key`.execute(trx);
      const idOf = new Map(out.map((r) => [`${r.document_id} ${r.key}`, Number(r.item_id)]));
      for (const r of chunk) ids.push(idOf.get(`${r.document_id} ${r.key}`)!);
    }
    return ids;
  },
  insertTags: (trx, rows) => insertJson(trx, 'item_tags', TAG_COLUMNS, rows),
  insertEvents: (trx, rows) => insertJson(trx, 'events', EVENT_COLUMNS, rows),
};

async function insertJson(
  trx: Tx,
  table: 'item_tags' | 'events',
  columns: readonly string[],
  rows: readonly object[],
): Promise<void> {
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const from = sql.join(columns.map((c) => sql.ref(`r.${c}`)));
  for (let i = 0; i < rows.length; i += PG_ROWS) {
    const json = JSON.stringify(rows.slice(i, i + PG_ROWS));
    await sql`insert into ${sql.table(table)} (${cols})
      select ${from} from json_populate_recordset(null::${sql.table(table)}, ${json}::json) r`.execute(trx);
  }
}
