/**
 * Every table's rows out and back in, in a backend-neutral shape: the heart of backup, restore and
 * moving a workspace between SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { TmError } from '../core/errors.js';
import type { TableDump } from '../core/store/port.js';
import type { Tx } from './kysely-store.js';
import { TABLES } from './schema.js';

type Row = Record<string, string | number | null>;

/** Rows per INSERT when restoring: well under both backends' limit on bound parameters. */
const CHUNK = 400;

/** Every table's rows in key order; run inside a snapshot so the tables agree with each other. */
export async function exportTables(trx: Tx): Promise<TableDump[]> {
  const out: TableDump[] = [];
  for (const t of TABLES) {
    const cols = sql.join(t.columns.map((c) => sql.ref(c)));
    const order = sql.join(t.order.map((c) => sql.ref(c)));
    const { rows } = await sql<Row>`select ${cols} from ${sql.table(t.name)} order by ${order}`.execute(trx);
    out.push({ table: t.name, rows: rows.map((r) => normalise(r, t.columns)) });
  }
  return out;
}

/** Replaces every table's rows with `tables`; unknown tables or columns are refused before anything changes. */
export async function importTables(trx: Tx, tables: readonly TableDump[]): Promise<void> {
  const byName = new Map(tables.map((t) => [t.table, t]));
  for (const t of tables) {
    const spec = TABLES.find((s) => s.name === t.table);
    if (!spec) throw badBackup(`it has a table "${t.table}" taskmark does not know`);
    for (const row of t.rows) {
      for (const col of Object.keys(row))
        if (!spec.columns.includes(col)) throw badBackup(`table ${t.table} has an unknown column "${col}"`);
    }
  }
  for (const t of [...TABLES].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(trx);
  for (const spec of TABLES) {
    const rows = byName.get(spec.name)?.rows ?? [];
    const cols = sql.join(spec.columns.map((c) => sql.ref(c)));
    for (let i = 0; i < rows.length; i += CHUNK) {
      const values = sql.join(
        rows
          .slice(i, i + CHUNK)
          .map((r) => sql`(${sql.join(spec.columns.map((c) => sql`${r[c] ?? null}`))})`),
      );
      await sql`insert into ${sql.table(spec.name)} (${cols}) values ${values}`.execute(trx);
    }
  }
}

/** The same value whichever driver read it: numbers as numbers, text as text. */
function normalise(row: Row, columns: readonly string[]): Row {
  const out: Row = {};
  for (const c of columns) {
    const v = row[c];
    out[c] = typeof v === 'bigint' ? Number(v) : (v ?? null);
  }
  return out;
}

function badBackup(why: string): TmError {
  return new TmError('TM_BAD_INPUT', `The backup cannot be restored: ${why}. Was it written by taskmark?`);
}
