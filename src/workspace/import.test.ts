import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePlan } from '../core/plan/parse.js';
import type { Store } from '../core/store/port.js';
import { openSqliteStore } from '../store/sqlite.js';
import { type ImportResult, type ImportSettings, importPlan, importWorkspace } from './import.js';
import { watchWorkspace } from './watch.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function workspace(
  files: Record<string, string | Uint8Array>,
  plans: Partial<ImportSettings['plans']> = {},
) {
  const root = mkdtempSync(join(tmpdir(), 'taskmark-import-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) write(root, name, content);
  const store = await openSqliteStore(join(root, '.taskmark', 'taskmark.db'));
  cleanups.push(() => store.close());
  const settings: ImportSettings = {
    root,
    plans: { include: [], exclude: [], minTasks: 3, maxBytes: 1024 * 1024, ...plans },
    hoursPerDay: 8,
  };
  return { root, store, settings, run: () => importWorkspace(store, settings) };
}

function write(root: string, name: string, content: string | Uint8Array) {
  mkdirSync(join(root, name, '..'), { recursive: true });
  writeFileSync(join(root, name), content);
}

const TODO = '# Todo\n\n## This week\n\n- [ ] rotate the secrets\n- [x] back up the database\n';

async function eventTypes(store: Store) {
  return (await store.listEvents()).map((e) => `${e.type}:${e.key}`);
}

describe('importWorkspace', () => {
  it('stores each plan with its items and a created event per item', async () => {
    const w = await workspace({ 'TODO.md': TODO, 'docs/ROADMAP.md': '# Roadmap\n\n- [ ] ship 1.0\n' });
    const r = await w.run();
    expect(r).toMatchObject({ files: 2, changed: ['TODO.md', 'docs/ROADMAP.md'], unchanged: 0, events: 3 });
    expect((await w.store.listItems()).map((i) => `${i.file}:${i.title}:${i.status}`)).toEqual([
      'TODO.md:rotate the secrets:todo',
      'TODO.md:back up the database:done',
      'docs/ROADMAP.md:ship 1.0:todo',
    ]);
  });

  it('writes nothing when it runs again over unchanged files', async () => {
    const w = await workspace({ 'TODO.md': TODO });
    await w.run();
    const before = await w.store.exportTables();
    const again = await w.run();
    expect(again).toMatchObject({ changed: [], unchanged: 1, removed: [], events: 0 });
    expect(await w.store.exportTables()).toEqual(before);
  });

  it('records a changed file as a new revision with the events of the change', async () => {
    const w = await workspace({ 'TODO.md': TODO });
    await w.run();
    write(w.root, 'TODO.md', TODO.replace('- [ ] rotate', '- [x] rotate'));
    const r = await w.run();
    expect(r).toMatchObject({ changed: ['TODO.md'], events: 1 });
    const [, , last] = await w.store.listEvents();
    expect(last).toMatchObject({ type: 'status_changed', from: 'todo', to: 'done' });
    expect(await w.store.listRevisions('TODO.md')).toHaveLength(2);
  });

  it('imports more plans than one write batch holds, and then only the changed ones', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 230; n++) files[`plans/p${String(n).padStart(3, '0')}/TODO.md`] = TODO;
    const w = await workspace(files);
    const first = await w.run();
    expect(first).toMatchObject({ files: 230, unchanged: 0, events: 460 });
    expect(first.changed).toHaveLength(230);
    expect(await w.store.listItems()).toHaveLength(460);
    write(w.root, 'plans/p229/TODO.md', TODO.replace('- [ ] rotate', '- [x] rotate'));
    const second = await w.run();
    expect(second).toMatchObject({ changed: ['plans/p229/TODO.md'], unchanged: 229, events: 1 });
    const found = await w.store.search({ query: { terms: [] }, today: '2026-01-01', limit: 1, offset: 458 });
    expect(found.hits.map((h) => `${h.item.file}:${h.item.title}:${h.item.status}`)).toEqual([
      'plans/p229/TODO.md:rotate the secrets:done',
    ]);
  });

  it('reads and parses a big import of new plans on worker threads with the result of this thread', async () => {
    const files: Record<string, string | Uint8Array> = {};
    const path = (n: number) => `plans/p${String(n).padStart(3, '0')}/TODO.md`;
    for (let n = 0; n < 100; n++) files[path(n)] = TODO.replace('rotate', `rotate ${n} 📅 2026-03-0${n % 9}`);
    files[path(50)] = new Uint8Array([0x2d, 0x20, 0x00, 0x01, 0x02]);
    files[path(70)] = `- [ ] big\n${'x'.repeat(5000)}\n`;
    files[path(80)] = new Uint8Array([0x2d, 0x20, 0x5b, 0x20, 0x5d, 0x20, 0xc3, 0x28, 0x0a]);
    const big = await workspace(files, { maxBytes: 4096 });
    const r = await big.run();
    expect(r.findings.map((f) => [f.file, f.code])).toEqual([
      [path(50), 'TM_BINARY_FILE'],
      [path(70), 'TM_TOO_LARGE'],
      [path(80), 'TM_BAD_ENCODING'],
    ]);
    expect(r.changed).toHaveLength(97);
    // A few of the same plans alone stay on this thread: the same items, and the same text stored.
    const some = [0, 1, 49, 99].map(path);
    const small = await workspace(Object.fromEntries(some.map((p) => [p, files[p]!])), { maxBytes: 4096 });
    expect((await small.run()).changed).toEqual(some);
    for (const p of some) expect(await big.store.listItems(p)).toEqual(await small.store.listItems(p));
    const hashes = await small.store.documentHashes();
    const bigHashes = await big.store.documentHashes();
    for (const p of some) expect(bigHashes.get(p)).toBe(hashes.get(p));
    expect((await big.run()).changed).toEqual([]);
  });

  it('keeps the history of an item whose title is reworded', async () => {
    const w = await workspace({ 'TODO.md': TODO });
    await w.run();
    write(w.root, 'TODO.md', TODO.replace('rotate the secrets', 'rotate the API secrets'));
    await w.run();
    const item = (await w.store.listItems()).find((i) => i.title === 'rotate the API secrets')!;
    expect((await w.store.listEvents({ key: item.key })).map((e) => e.type)).toEqual(['created', 'renamed']);
  });

  it('removes the items of a deleted plan', async () => {
    const w = await workspace({ 'TODO.md': TODO, 'PLAN.md': '- [ ] one\n' });
    await w.run();
    unlinkSync(join(w.root, 'PLAN.md'));
    const r = await w.run();
    expect(r).toMatchObject({ removed: ['PLAN.md'], events: 1 });
    expect((await w.store.listItems()).map((i) => i.file)).toEqual(['TODO.md', 'TODO.md']);
    expect(await eventTypes(w.store)).toContain('removed:one');
  });

  it('skips binary and oversized files with a finding and imports the rest', async () => {
    const w = await workspace(
      {
        'TODO.md': TODO,
        'tasks.md': new Uint8Array([0x2d, 0x20, 0x00, 0x01, 0x02]),
        'PLAN.md': `- [ ] big\n${'x'.repeat(5000)}\n`,
      },
      { maxBytes: 4096 },
    );
    const r = await w.run();
    expect(r.findings.map((f) => [f.file, f.code])).toEqual([
      ['PLAN.md', 'TM_TOO_LARGE'],
      ['tasks.md', 'TM_BINARY_FILE'],
    ]);
    expect(r.changed).toEqual(['TODO.md']);
  });

  it('imports markdown not named like a plan only when it has enough tasks', async () => {
    const w = await workspace({
      'notes/sprint.md': '- [ ] a\n- [ ] b\n- [x] c\n',
      'notes/readme.md': '- [ ] a\n- [ ] b\n',
    });
    expect((await w.run()).changed).toEqual(['notes/sprint.md']);
  });

  it('follows the configured include and exclude globs', async () => {
    const w = await workspace(
      { 'plans/a.md': '- [ ] a\n', 'plans/old/b.md': '- [ ] b\n', 'TODO.md': TODO },
      { include: ['plans/**/*.md'], exclude: ['plans/old/'] },
    );
    expect((await w.run()).changed).toEqual(['plans/a.md']);
  });
});

describe('watchWorkspace', () => {
  it('re-imports a plan after it changes on disk', async () => {
    const w = await workspace({ 'TODO.md': TODO });
    await w.run();
    const imported = new Promise<ImportResult>((resolve, reject) => {
      const watcher = watchWorkspace(w.store, w.settings, {
        debounceMs: 50,
        onImport: (r) => {
          if (r.changed.length > 0) resolve(r);
        },
        onError: reject,
      });
      cleanups.push(() => watcher.close());
    });
    // Give the watcher a moment to attach before the change it must see.
    await new Promise((r) => setTimeout(r, 100));
    write(w.root, 'TODO.md', `${TODO}- [ ] a new task\n`);
    const r = await imported;
    expect(r.changed).toEqual(['TODO.md']);
    expect(await eventTypes(w.store)).toContain('created:this-week/a-new-task');
  });
});

describe('importPlan', () => {
  it('records a written plan as the revision a later import finds unchanged, with its events', async () => {
    const w = await workspace({ 'TODO.md': TODO });
    await w.run();
    const next = TODO.replace('- [ ] rotate', '- [x] rotate');
    write(w.root, 'TODO.md', next);
    const events = await importPlan(w.store, parsePlan(next, { file: 'TODO.md', hoursPerDay: 8 }));
    expect(events).toBe(1);
    expect((await w.store.listItems('TODO.md')).map((i) => i.status)).toEqual(['done', 'done']);
    const again = await w.run();
    expect(again.changed).toEqual([]);
    expect(again.unchanged).toBe(1);
    expect((await eventTypes(w.store)).filter((e) => e.startsWith('status_changed'))).toEqual([
      'status_changed:this-week/rotate-the-secrets',
    ]);
  });
});
