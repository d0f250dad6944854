/**
 * The Store contract: one suite every backend passes (test/store/sqlite.test.ts and
 * test/store/postgres.test.ts run it against real databases).
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseQuery } from '../core/query/parse.js';
import type { ItemEventDraft, ItemRecord, RevisionInput, Store } from '../core/store/port.js';
import { searchContract } from './search-contract.js';

/** Makes a fresh, empty, migrated store; the suite closes it. */
export type MakeStore = (options: { now: () => Date }) => Promise<Store>;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** An item record with defaults for what a test does not care about. */
export function item(key: string, over: Partial<ItemRecord> = {}): ItemRecord {
  return {
    file: 'PLAN.md',
    key,
    id: null,
    title: key,
    kind: 'checkbox',
    status: 'todo',
    checkbox: ' ',
    line: 1,
    position: 0,
    depth: 0,
    parent: null,
    section: [],
    priorityRank: null,
    priorityLabel: null,
    owner: null,
    due: null,
    effortMinutes: null,
    category: null,
    phase: null,
    tags: [],
    dependsOn: [],
    ...over,
    // The owner alone, unless the test names several.
    owners: over.owners ?? (over.owner ? [over.owner] : []),
  };
}

export function revision(
  path: string,
  text: string,
  items: readonly ItemRecord[],
  events: readonly ItemEventDraft[] = [],
): RevisionInput {
  return { path, text, hash: sha256(text), items: items.map((i) => ({ ...i, file: path })), events };
}

const created = (key: string, title = key): ItemEventDraft => ({
  type: 'created',
  key,
  previousKey: null,
  field: null,
  from: null,
  to: title,
});

export function storeContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    const open: Store[] = [];
    let tick = 0;
    // A clock that moves one second per reading, so times are distinct and predictable.
    const now = () => new Date(Date.UTC(2026, 0, 1) + 1000 * tick++);
    const fresh = async () => {
      const s = await makeStore({ now });
      open.push(s);
      return s;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    it('starts empty', async () => {
      const s = await fresh();
      expect(await s.listDocuments()).toEqual([]);
      expect(await s.listItems()).toEqual([]);
      expect(await s.listEvents()).toEqual([]);
      expect(await s.listViews()).toEqual([]);
    });

    it('stores a revision with its items and events', async () => {
      const s = await fresh();
      const r = revision('TODO.md', '- [ ] a\n', [item('a')], [created('a')]);
      expect(await s.commitRevision(r)).toEqual({ changed: true, events: 1 });
      expect(await s.getDocument('TODO.md')).toMatchObject({
        path: 'TODO.md',
        hash: r.hash,
        revisions: 1,
        itemCount: 1,
      });
      expect(await s.getText(r.hash)).toBe('- [ ] a\n');
      expect(await s.listItems()).toEqual([item('a', { file: 'TODO.md' })]);
      const [e] = await s.listEvents();
      expect(e).toMatchObject({ type: 'created', key: 'a', file: 'TODO.md', revision: r.hash, to: 'a' });
      expect(Date.parse(e!.at)).not.toBeNaN();
    });

    it('writes nothing for a revision whose text it already has', async () => {
      const s = await fresh();
      const r = revision('TODO.md', '- [ ] a\n', [item('a')], [created('a')]);
      await s.commitRevision(r);
      const before = await s.exportTables();
      expect(await s.commitRevision(r)).toEqual({ changed: false, events: 0 });
      expect(await s.exportTables()).toEqual(before);
    });

    it('stores each distinct text once, however many revisions share it', async () => {
      const s = await fresh();
      await s.commitRevision(revision('A.md', 'same\n', []));
      await s.commitRevision(revision('B.md', 'same\n', []));
      await s.commitRevision(revision('A.md', 'other\n', []));
      await s.commitRevision(revision('A.md', 'same\n', []));
      const blobs = (await s.exportTables()).find((t) => t.table === 'blobs')!;
      expect(blobs.rows).toHaveLength(2);
      expect((await s.listRevisions('A.md')).map((r) => [r.seq, r.hash])).toEqual([
        [1, sha256('same\n')],
        [2, sha256('other\n')],
        [3, sha256('same\n')],
      ]);
    });

    it('keeps every field of an item exactly', async () => {
      const s = await fresh();
      const full = item('MH-001', {
        id: 'MH-001',
        title: 'Résumé «export» ✅ with `code`',
        kind: 'heading',
        status: 'doing',
        checkbox: null,
        line: 42,
        position: 3,
        depth: 2,
        parent: 'phase-1',
        section: ['Plan', 'Phase 1: Ünïcode'],
        priorityRank: 0,
        priorityLabel: 'P0',
        owner: 'alice',
        due: '2026-02-01',
        effortMinutes: 1.5 * 480,
        category: 'Ops',
        phase: 'Phase 1',
        tags: ['docker', 'k8s'],
        dependsOn: ['MH-000'],
      });
      await s.commitRevision(revision('PLAN.md', 'x', [full]));
      expect(await s.getItem('PLAN.md', 'MH-001')).toEqual(full);
      expect(await s.getItem('PLAN.md', 'nope')).toBeNull();
    });

    it('replaces the items with those of the latest revision, in document order', async () => {
      const s = await fresh();
      await s.commitRevision(revision('B.md', '1', [item('b1')]));
      await s.commitRevision(
        revision('A.md', '1', [item('a2', { position: 1 }), item('a1', { position: 0 })]),
      );
      await s.commitRevision(revision('B.md', '2', [item('b2')]));
      expect((await s.listItems()).map((i) => `${i.file}:${i.key}`)).toEqual([
        'A.md:a1',
        'A.md:a2',
        'B.md:b2',
      ]);
      expect((await s.listItems('B.md')).map((i) => i.key)).toEqual(['b2']);
      expect(await s.documentHashes()).toEqual(
        new Map([
          ['A.md', sha256('1')],
          ['B.md', sha256('2')],
        ]),
      );
    });

    it('lists events by file, by key, after an id and up to a limit', async () => {
      const s = await fresh();
      await s.commitRevision(revision('A.md', '1', [item('a'), item('b')], [created('a'), created('b')]));
      await s.commitRevision(revision('B.md', '1', [item('a')], [created('a')]));
      const all = await s.listEvents();
      expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((x, y) => x - y));
      expect(all).toHaveLength(3);
      expect((await s.listEvents({ file: 'B.md' })).map((e) => e.key)).toEqual(['a']);
      expect((await s.listEvents({ key: 'a' })).map((e) => e.file)).toEqual(['A.md', 'B.md']);
      expect(await s.listEvents({ after: all[0]!.id, limit: 1 })).toEqual([all[1]]);
    });

    it("carries an item's history to its new key when it is renamed", async () => {
      const s = await fresh();
      await s.commitRevision(revision('A.md', '1', [item('old')], [created('old')]));
      const renamed: ItemEventDraft = {
        type: 'renamed',
        key: 'new',
        previousKey: 'old',
        field: 'title',
        from: 'old',
        to: 'new',
      };
      await s.commitRevision(revision('A.md', '2', [item('new')], [renamed]));
      expect((await s.listEvents({ key: 'new' })).map((e) => e.type)).toEqual(['created', 'renamed']);
      expect(await s.listEvents({ key: 'old' })).toEqual([]);
    });

    it('drops the items of a removed document with removed events, and takes it back later', async () => {
      const s = await fresh();
      await s.commitRevision(revision('A.md', '1', [item('a')]));
      expect(await s.removeDocument('A.md')).toEqual({ changed: true, events: 1 });
      expect(await s.removeDocument('A.md')).toEqual({ changed: false, events: 0 });
      expect(await s.removeDocument('never.md')).toEqual({ changed: false, events: 0 });
      expect(await s.listItems()).toEqual([]);
      expect(await s.documentHashes()).toEqual(new Map());
      expect(await s.getDocument('A.md')).toMatchObject({ hash: null, itemCount: 0, revisions: 1 });
      expect((await s.listEvents()).map((e) => [e.type, e.key, e.from, e.revision])).toEqual([
        ['removed', 'a', 'a', null],
      ]);
      await s.commitRevision(revision('A.md', '1', [item('a')]));
      expect((await s.listRevisions('A.md')).map((r) => r.seq)).toEqual([1, 2]);
    });

    it('rolls a failed revision back completely', async () => {
      const s = await fresh();
      const before = await s.exportTables();
      // Two items with one key break the items' unique key half-way through the transaction.
      await expect(s.commitRevision(revision('A.md', 'dup', [item('a'), item('a')]))).rejects.toThrow();
      expect(await s.exportTables()).toEqual(before);
    });

    it('commits revisions of several documents at once', async () => {
      const s = await fresh();
      await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          s.commitRevision(revision(`P${n}.md`, `${n}`, [item(`k${n}`)], [created(`k${n}`)])),
        ),
      );
      expect(await s.listDocuments()).toHaveLength(8);
      expect(await s.listEvents()).toHaveLength(8);
    });

    it('commits a batch of revisions as one call per revision would, in one transaction', async () => {
      const batch = [
        revision('A.md', '1', [item('a', { tags: ['x', 'x'] })], [created('a')]),
        revision('B.md', '1', [item('b')], [created('b')]),
        revision('A.md', '2', [item('a2')], [created('a2')]),
        revision('C.md', '1', [], []),
        revision('B.md', '1', [item('b')], [created('b')]),
      ];
      const one = await fresh();
      const expected = [];
      for (const r of batch) expected.push(await one.commitRevision(r));
      const all = await fresh();
      expect(await all.commitRevisions(batch)).toEqual(expected);
      expect(await all.commitRevisions([])).toEqual([]);
      // The same rows but for the times, which each store's clock gave.
      const untimed = async (s: Store) =>
        (await s.exportTables()).map((t) => ({
          table: t.table,
          rows: t.rows.map(({ at: _a, created_at: _c, updated_at: _u, ...rest }) => rest),
        }));
      expect(await untimed(all)).toEqual(await untimed(one));
      expect((await all.search({ query: { terms: [] }, today: '2026-01-01' })).total).toBe(2);
    });

    it('rolls a failed batch back completely', async () => {
      const s = await fresh();
      await s.commitRevision(revision('A.md', '1', [item('a')]));
      const before = await s.exportTables();
      await expect(
        s.commitRevisions([
          revision('A.md', '2', [item('b')]),
          revision('B.md', 'dup', [item('a'), item('a')]),
        ]),
      ).rejects.toThrow();
      expect(await s.exportTables()).toEqual(before);
    });

    it('saves, updates, lists and deletes views', async () => {
      const s = await fresh();
      const ast = { type: 'and', terms: [{ field: 'status', values: ['todo'] }] };
      const v = await s.saveView('open', ast);
      expect(v).toMatchObject({ name: 'open', query: ast });
      const v2 = await s.saveView('open', { type: 'and', terms: [] });
      expect(v2.createdAt).toBe(v.createdAt);
      expect(v2.updatedAt > v.updatedAt).toBe(true);
      await s.saveView('blocked', null);
      expect((await s.listViews()).map((x) => x.name)).toEqual(['blocked', 'open']);
      expect(await s.deleteView('open')).toBe(true);
      expect(await s.deleteView('open')).toBe(false);
      expect(await s.getView('open')).toBeNull();
    });

    it('restores an export into an identical database that keeps working', async () => {
      const s = await fresh();
      await s.commitRevision(revision('A.md', '1', [item('a', { tags: ['x'] })], [created('a')]));
      await s.commitRevision(revision('A.md', '2', [item('b')], [created('b')]));
      await s.saveView('v', { q: 1 });
      const dump = await s.exportTables();
      const t = await fresh();
      await t.commitRevision(revision('Z.md', 'z', [item('z')]));
      await t.importTables(dump);
      expect(await t.exportTables()).toEqual(dump);
      // The search index follows the restored rows: Z.md's item is gone, A.md's is found.
      const keys = async (text: string) =>
        (await t.search({ query: parseQuery(text), today: '2026-01-01' })).hits.map((h) => h.item.key);
      expect(await keys('b')).toEqual(['b']);
      expect(await keys('z')).toEqual([]);
      // Generated keys continue after the restored rows.
      await t.commitRevision(revision('C.md', '3', [item('c')], [created('c')]));
      expect((await t.listEvents()).map((e) => e.key)).toEqual(['a', 'b', 'c']);
    });

    it('refuses a backup with a table it does not know, changing nothing', async () => {
      const s = await fresh();
      await s.commitRevision(revision('A.md', '1', [item('a')]));
      const before = await s.exportTables();
      await expect(s.importTables([{ table: 'passwords', rows: [] }])).rejects.toThrow(/passwords/);
      expect(await s.exportTables()).toEqual(before);
    });

    searchContract(fresh);
  });
}
