/**
 * Backup and restore. Two file formats, both restorable into either backend:
 * - `sqlite`: a SQLite database file (from SQLite, taken with the online backup API while the
 *   workspace stays usable; from PostgreSQL, a fresh SQLite store filled from a snapshot);
 * - `jsonl`: a header line, then one line per row, from one consistent snapshot.
 * A restore replaces the whole content of the target in one transaction.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { TmError } from '../core/errors.js';
import type { Store, TableDump } from '../core/store/port.js';
import { migrationsFor } from './migrations.js';
import type { StoreLocation } from './open.js';
import { openDatabase, openSqliteStore } from './sqlite.js';

export type BackupFormat = 'sqlite' | 'jsonl';

const JSONL_FORMAT = 'taskmark-backup';
const JSONL_VERSION = 1;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface BackupSummary {
  readonly file: string;
  readonly format: BackupFormat;
  /** Rows per table. */
  readonly rows: Readonly<Record<string, number>>;
}

/** Writes a consistent snapshot of `store` to `file` (atomically: a temp file renamed into place). */
export async function backup(
  store: Store,
  location: StoreLocation,
  file: string,
  format: BackupFormat = store.backend === 'sqlite' ? 'sqlite' : 'jsonl',
): Promise<BackupSummary> {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  try {
    let tables: TableDump[];
    if (format === 'sqlite' && store.backend === 'sqlite') {
      const source = openDatabase(location.databasePath);
      try {
        await source.backup(temp);
      } finally {
        source.close();
      }
      tables = await readSqliteBackup(temp);
    } else {
      tables = await store.exportTables();
      if (format === 'jsonl') writeFileSync(temp, toJsonLines(tables, store.backend));
      else await writeSqliteFile(temp, tables);
    }
    renameSync(temp, file);
    return { file, format, rows: counts(tables) };
  } catch (e) {
    rmSync(temp, { force: true });
    if (e instanceof TmError) throw e;
    throw new TmError('TM_IO', `${file}: the backup could not be written (${(e as Error).message}).`, {
      file,
    });
  }
}

/** Replaces the content of `store` with the backup in `file` (either format, from either backend). */
export async function restore(store: Store, file: string): Promise<BackupSummary> {
  const format = detectFormat(file);
  const tables = format === 'sqlite' ? await readSqliteBackup(file) : fromJsonLines(file, readText(file));
  await store.importTables(tables);
  return { file, format, rows: counts(tables) };
}

function counts(tables: readonly TableDump[]): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t.table, t.rows.length]));
}

function detectFormat(file: string): BackupFormat {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TmError(
      code === 'ENOENT' ? 'TM_NOT_FOUND' : 'TM_IO',
      `${file}: cannot open the backup (${code}).`,
      { file },
    );
  }
  const head = Buffer.alloc(16);
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === SQLITE_MAGIC) return 'sqlite';
  if (head.toString('utf8').startsWith(`{"format":"${JSONL_FORMAT}"`.slice(0, 16))) return 'jsonl';
  throw new TmError(
    'TM_BAD_INPUT',
    `${file}: not a taskmark backup (neither a SQLite database nor a taskmark JSON-lines export).`,
    { file },
  );
}

/**
 * Every table of a SQLite backup. The backup is copied and opened as a store, so a backup made by an
 * older taskmark is migrated on the copy and the file itself is never changed.
 */
async function readSqliteBackup(file: string): Promise<TableDump[]> {
  const copy = `${file}.${process.pid}.read`;
  writeFileSync(copy, readFileSync(file));
  try {
    const store = await openSqliteStore(copy);
    try {
      return await store.exportTables();
    } finally {
      await store.close();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
}

async function writeSqliteFile(file: string, tables: readonly TableDump[]): Promise<void> {
  const target = await openSqliteStore(file);
  try {
    await target.importTables(tables);
  } finally {
    await target.close();
  }
  // Fold the write-ahead log into the file so the backup is one self-contained file.
  const db = openDatabase(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
}

function toJsonLines(tables: readonly TableDump[], backend: string): string {
  const header = {
    format: JSONL_FORMAT,
    version: JSONL_VERSION,
    from: backend,
    migrations: Object.keys(migrationsFor('sqlite')),
    tables: tables.map((t) => t.table),
  };
  const lines = [JSON.stringify(header)];
  for (const t of tables) for (const row of t.rows) lines.push(JSON.stringify({ t: t.table, r: row }));
  return `${lines.join('\n')}\n`;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new TmError('TM_IO', `${file}: cannot read the backup (${(e as Error).message}).`, { file });
  }
}

function fromJsonLines(file: string, text: string): TableDump[] {
  const lines = text.split('\n');
  const parse = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new TmError('TM_BAD_INPUT', `${file}:${n}: not a JSON line; the backup is damaged.`, {
        file,
        line: n,
      });
    }
  };
  const header = parse(lines[0] ?? '', 1) as { format?: string; version?: number; tables?: string[] };
  if (header.format !== JSONL_FORMAT || header.version !== JSONL_VERSION) {
    throw new TmError(
      'TM_BAD_INPUT',
      `${file}: a backup of format version ${String(header.version)}; this taskmark reads version ${JSONL_VERSION}.`,
      { file },
    );
  }
  const rows = new Map<string, Record<string, string | number | null>[]>(
    (header.tables ?? []).map((t) => [t, []]),
  );
  lines.slice(1).forEach((line, i) => {
    if (line === '') return;
    const { t, r } = parse(line, i + 2) as { t: string; r: Record<string, string | number | null> };
    if (!rows.has(t)) rows.set(t, []);
    rows.get(t)!.push(r);
  });
  return [...rows].map(([table, r]) => ({ table, rows: r }));
}
