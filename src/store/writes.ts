/**
 * The bulk write path of imports: items, their tags, co-owners and events, written a batch of documents at a
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

export interface CoOwnerRow {
  readonly item_id: number;
  readonly owner: string;
  readonly owner_f: string;
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

export interface DocumentUpdate {
  readonly id: number;
  readonly hash: string;
  readonly revision_count: number;
  readonly item_count: number;
  readonly updated_at: string;
}

export interface BulkWrites {
  /** Deletes the items of these documents, with their tags and their search index entries. */
  deleteItems(trx: Tx, documentIds: readonly number[]): Promise<void>;
  /**
   * Inserts items (and indexes them for search); their generated ids, in the order of `rows`. Rows
   * come as an iterable and are consumed as they are written, so a batch's rows are never all held
   * at once.
   */
  insertItems(trx: Tx, rows: Iterable<ItemRow>): Promise<number[]>;
  insertTags(trx: Tx, rows: Iterable<TagRow>): Promise<void>;
  /** Inserts the owners of items after their first (item_co_owners). */
  insertCoOwners(trx: Tx, rows: Iterable<CoOwnerRow>): Promise<void>;
  insertEvents(trx: Tx, rows: Iterable<EventRow>): Promise<void>;
  /** Sets each document's hash, counts and time after a new revision. */
  updateDocuments(trx: Tx, rows: readonly DocumentUpdate[]): Promise<void>;
}

const columnsOf = (table: string, without: string) =>
  TABLES.find((t) => t.name === table)!.columns.filter((c) => c !== without);
const ITEM_COLUMNS = columnsOf('items', 'item_id');
const TAG_COLUMNS = columnsOf('item_tags', '');
const CO_OWNER_COLUMNS = columnsOf('item_co_owners', '');
const EVENT_COLUMNS = columnsOf('events', 'id');

/**
 * Parameters per multi-row insert on SQLite: a statement of many rows costs one call into the driver
 * instead of one per row, which at 100,000 rows is a tenth of the work. Well under SQLite's limit of
 * 32,766 parameters.
 */
const SQLITE_PARAMS = 4096;

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
  /**
   * Inserts `rows` into `table`, as many to a statement as fit, and returns the rowid of the last row
   * of each statement with the number of rows it held.
   */
  const insertRows = <R>(
    table: string,
    cols: readonly string[],
    rows: Iterable<R>,
    values: (r: R, out: unknown[]) => void,
  ) => {
    const per = Math.max(1, Math.floor(SQLITE_PARAMS / cols.length));
    const one = `(${cols.map(() => '?').join(', ')})`;
    const text = (n: number) =>
      `insert into ${table} (${cols.join(', ')}) values ${Array.from({ length: n }, () => one).join(', ')}`;
    const single = stmt(text(1));
    let many: BetterSqlite3.Statement | null = null;
    const done: { last: number; count: number }[] = [];
    const params: unknown[] = [];
    let held = 0;
    for (const row of rows) {
      values(row, params);
      if (++held === per) {
        many ??= stmt(text(per));
        done.push({ last: Number(many.run(params).lastInsertRowid), count: per });
        params.length = 0;
        held = 0;
      }
    }
    // The rest one row at a time: two statements to prepare and keep per table, whatever the sizes.
    for (let k = 0; k < held; k++)
      done.push({
        last: Number(single.run(params.slice(k * cols.length, (k + 1) * cols.length)).lastInsertRowid),
        count: 1,
      });
    return done;
  };
  const byColumns =
    (cols: readonly string[]) =>
    (row: object, out: unknown[]): void => {
      const r = row as Record<string, unknown>;
      for (const c of cols) out.push(r[c]);
    };
  const itemValues = byColumns(ITEM_COLUMNS);
  const eventValues = byColumns(EVENT_COLUMNS);
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
      const ids: number[] = [];
      // A row without an explicit rowid gets one past the largest, so the rows of one statement have
      // consecutive rowids ending at its last, and this batch's rows are exactly those in [first, last].
      for (const { last, count } of insertRows('items', ITEM_COLUMNS, rows, itemValues))
        for (let k = count - 1; k >= 0; k--) ids.push(last - k);
      if (ids.length > 0) {
        if (ids.at(-1)! - ids[0]! + 1 !== ids.length)
          throw new Error('items were given rowids out of sequence; the import is rolled back');
        stmt(`insert into items_fts(rowid, fts_title, fts_text)
          select item_id, fts_title, fts_text from items where item_id between ? and ?`).run(
          ids[0],
          ids.at(-1),
        );
      }
      return ids;
    },
    async insertTags(_trx, rows) {
      insertRows('item_tags', TAG_COLUMNS, rows, (r, out) => out.push(r.item_id, r.tag, r.tag_f));
    },
    async insertCoOwners(_trx, rows) {
      insertRows('item_co_owners', CO_OWNER_COLUMNS, rows, (r, out) =>
        out.push(r.item_id, r.owner, r.owner_f),
      );
    },
    async insertEvents(_trx, rows) {
      insertRows('events', EVENT_COLUMNS, rows, eventValues);
    },
    async updateDocuments(_trx, rows) {
      const update = stmt(
        'update documents set hash = ?, revision_count = ?, item_count = ?, updated_at = ? where id = ?',
      );
      for (const r of rows) update.run(r.hash, r.revision_count, r.item_count, r.updated_at, r.id);
    },
  };
}

/** Rows per statement on PostgreSQL: big enough that round trips do not count, small enough to stream. */
const PG_ROWS = 5000;

/** Bulk writes on PostgreSQL: each batch of rows is one `json_populate_recordset` insert. */
export const postgresWrites: BulkWrites = {
  async deleteItems(trx, documentIds) {
    if (documentIds.length === 0) return;
    // Tags and co-owners go by their foreign keys' cascade; the tsvector column goes with its row.
    await sql`delete from items where document_id = any(${[...documentIds]}::integer[])`.execute(trx);
  },
  async insertItems(trx, rows) {
    const ids: number[] = [];
    for (const chunk of chunks(rows, PG_ROWS)) {
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
  insertCoOwners: (trx, rows) => insertJson(trx, 'item_co_owners', CO_OWNER_COLUMNS, rows),
  insertEvents: (trx, rows) => insertJson(trx, 'events', EVENT_COLUMNS, rows),
  async updateDocuments(trx, rows) {
    for (const chunk of chunks(rows, PG_ROWS))
      await sql`update documents d set hash = r.hash, revision_count = r.revision_count,
          item_count = r.item_count, updated_at = r.updated_at
        from json_populate_recordset(null::documents, ${JSON.stringify(chunk)}::json) r
        where d.id = r.id`.execute(trx);
  },
};

async function insertJson(
  trx: Tx,
  table: 'item_tags' | 'item_co_owners' | 'events',
  columns: readonly string[],
  rows: Iterable<object>,
): Promise<void> {
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const from = sql.join(columns.map((c) => sql.ref(`r.${c}`)));
  for (const chunk of chunks(rows, PG_ROWS)) {
    const json = JSON.stringify(chunk);
    await sql`insert into ${sql.table(table)} (${cols})
      select ${from} from json_populate_recordset(null::${sql.table(table)}, ${json}::json) r`.execute(trx);
  }
}

/** The rows in arrays of at most `size`. */
function* chunks<R>(rows: Iterable<R>, size: number): Generator<R[]> {
  let chunk: R[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
