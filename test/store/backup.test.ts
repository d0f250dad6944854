import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store/port.js';
import { backup, restore } from '../../src/store/backup.js';
import { accountStoreOf } from '../../src/store/open.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { importWorkspace } from '../../src/workspace/import.js';
import { PG_URL, postgresAvailable, schemas } from './pg.js';

const dir = mkdtempSync(join(tmpdir(), 'taskmark-backup-'));
const schema = schemas();
const open: Store[] = [];
let n = 0;
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await schema.dropAll();
});

const sqlitePath = () => join(dir, `db-${n++}`, 'taskmark.db');
async function sqlite(path = sqlitePath()) {
  const store = await openSqliteStore(path);
  open.push(store);
  return { store, location: { databaseUrl: null, databasePath: path } };
}
async function postgres() {
  const store = await openPostgresStore(PG_URL, { schema: schema.next(), poolSize: 2 });
  open.push(store);
  return { store, location: { databaseUrl: PG_URL, databasePath: '' } };
}

/** A store with real content: two imports of a small workspace (revisions, events) and a view. */
async function populated() {
  const root = mkdtempSync(join(dir, 'ws-'));
  const target = await sqlite();
  const settings = {
    root,
    plans: { include: [], exclude: [], minTasks: 5, maxBytes: 1 << 20 },
    hoursPerDay: 8,
  };
  writeFileSync(
    join(root, 'ROADMAP.md'),
    '# Roadmap\n\n## P0 - Now\n\n### MH-001: Ship it 🚀\n\n**Owner:** alice\n**Due:** 2026-02-01\n\n- [ ] write docs #docs\n- [x] tests\n',
  );
  writeFileSync(join(root, 'TODO.md'), '- [ ] a\n- [/] b\n');
  await importWorkspace(target.store, settings);
  writeFileSync(join(root, 'TODO.md'), '- [x] a\n- [/] b renamed\n- [ ] c\n');
  await importWorkspace(target.store, settings);
  await target.store.saveView('open P0', { status: ['todo'], priority: ['P0'] });
  // The server's tables: a user with a membership, a setting and audit entries (identity ids).
  const accounts = accountStoreOf(target.store);
  await accounts.initSetting('jwt-secret', 's3cret');
  await accounts.createUser({
    id: 'u1',
    email: 'ana@example.com',
    name: 'Ana',
    passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
    createdAt: '2026-01-02T03:04:05.000Z',
  });
  await accounts.setMembership('ws', 'u1', 'owner');
  for (const action of ['project.create', 'item.update'])
    await accounts.appendAudit({
      workspace: 'ws',
      actor: 'u1',
      action,
      target: 'ROADMAP.md',
      details: { n: 1 },
      requestId: null,
    });
  return target;
}

describe('backup and restore', () => {
  it('restores a SQLite backup into an identical SQLite database', async () => {
    const a = await populated();
    const file = join(dir, 'a.db');
    const summary = await backup(a.store, a.location, file);
    expect(summary.format).toBe('sqlite');
    expect(summary.rows.items).toBe(6);
    expect(summary.rows).toMatchObject({ users: 1, memberships: 1, settings: 1, audit_log: 2 });
    const b = await sqlite();
    await restore(b.store, file);
    expect(await b.store.exportTables()).toEqual(await a.store.exportTables());
  });

  it('restores a JSON-lines backup into an identical SQLite database', async () => {
    const a = await populated();
    const file = join(dir, 'a.jsonl');
    await backup(a.store, a.location, file, 'jsonl');
    const b = await sqlite();
    await b.store.saveView('to be replaced', null);
    await restore(b.store, file);
    expect(await b.store.exportTables()).toEqual(await a.store.exportTables());
  });

  it('refuses a file that is not a backup, changing nothing', async () => {
    const a = await populated();
    const file = join(dir, 'not-a-backup.txt');
    writeFileSync(file, 'hello');
    const before = await a.store.exportTables();
    await expect(restore(a.store, file)).rejects.toThrow(/not a taskmark backup/);
    await expect(restore(a.store, join(dir, 'missing.db'))).rejects.toThrow(/cannot open/);
    expect(await a.store.exportTables()).toEqual(before);
  });
});

const pgUp = await postgresAvailable('backup round trip through PostgreSQL');
(pgUp ? describe : describe.skip)('backup and restore across backends', () => {
  it('goes SQLite -> PostgreSQL -> SQLite with every table identical', async () => {
    const a = await populated();
    const original = await a.store.exportTables();
    const fromSqlite = join(dir, 'x.db');
    await backup(a.store, a.location, fromSqlite);

    const p = await postgres();
    await restore(p.store, fromSqlite);
    expect(await p.store.exportTables()).toEqual(original);

    for (const format of ['jsonl', 'sqlite'] as const) {
      const fromPg = join(dir, `x-from-pg.${format}`);
      await backup(p.store, p.location, fromPg, format);
      const c = await sqlite();
      await restore(c.store, fromPg);
      expect(await c.store.exportTables()).toEqual(original);
    }
  });

  it('keeps a restored PostgreSQL database writable with new keys after the restored ones', async () => {
    const a = await populated();
    const file = join(dir, 'y.jsonl');
    await backup(a.store, a.location, file, 'jsonl');
    const p = await postgres();
    await restore(p.store, file);
    const hash = 'f'.repeat(64);
    await p.store.commitRevision({ path: 'NEW.md', text: 'new', hash, items: [], events: [] });
    expect((await p.store.listDocuments()).map((d) => d.path)).toContain('NEW.md');
  });
});
