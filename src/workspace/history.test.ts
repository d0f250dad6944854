import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScratchRepo, scratchRepo } from '../../test/support/git-repo.js';
import { isTmError } from '../core/errors.js';
import { progressSeries } from '../core/history/progress.js';
import { openSqliteStore } from '../store/sqlite.js';
import { BlobReader, fileHistory, repositoryRoot } from './git.js';
import { readPlanHistory, recordPlanHistory } from './history.js';

const plan = (a: string, b: string, c: string) =>
  `# Roadmap\n\n- [${a}] Write docs (2h)\n- [${b}] Ship the API (3h)\n- [${c}] Fix the bug (1h)\n`;

/** A plan's life: ticked, renamed, deleted, restored, broken by a binary commit, repaired. */
let repo: ScratchRepo;
const commits: Record<string, string> = {};

beforeAll(() => {
  repo = scratchRepo();
  repo.write('ROADMAP.md', plan(' ', ' ', ' '));
  commits.start = repo.commit('2026-01-01', 'Start the roadmap');
  repo.write('ROADMAP.md', plan('x', ' ', ' '));
  commits.docs = repo.commit('2026-01-02', 'Docs written');
  repo.write('NOTES.md', 'unrelated\n');
  commits.notes = repo.commit('2026-01-03', 'Notes');
  repo.write('docs/.keep', '');
  repo.git('mv', 'ROADMAP.md', 'docs/PLAN.md');
  commits.rename = repo.commit('2026-01-04', 'Move the roadmap to docs/');
  repo.write('docs/PLAN.md', plan('x', 'x', ' '));
  commits.api = repo.commit('2026-01-05', 'API shipped', 'Bob');
  repo.git('rm', '-q', 'docs/PLAN.md');
  commits.deleted = repo.commit('2026-01-06', 'Remove the plan by mistake');
  repo.write('docs/PLAN.md', plan('x', 'x', ' '));
  commits.restored = repo.commit('2026-01-07', 'Restore the plan');
  repo.write('docs/PLAN.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  commits.binary = repo.commit('2026-01-08', 'Oops, an image');
  repo.write('docs/PLAN.md', plan('x', 'x', 'x'));
  commits.done = repo.commit('2026-01-09', 'All done');
});

afterAll(() => repo.remove());

describe('fileHistory', () => {
  it('lists the commits that changed a file, oldest first, through a rename, a deletion and a restore', async () => {
    const h = await fileHistory(repo.dir, 'docs/PLAN.md');
    expect(h.map((c) => c.commit)).toEqual([
      commits.start,
      commits.docs,
      commits.rename,
      commits.api,
      commits.deleted,
      commits.restored,
      commits.binary,
      commits.done,
    ]);
    expect(h.map((c) => c.path)).toEqual([
      'ROADMAP.md',
      'ROADMAP.md',
      'docs/PLAN.md',
      'docs/PLAN.md',
      'docs/PLAN.md',
      'docs/PLAN.md',
      'docs/PLAN.md',
      'docs/PLAN.md',
    ]);
    expect(h[4]!.blob).toBeNull();
    expect(h[1]!.blob).toBe(h[2]!.blob);
    expect(h[3]!.blob).toBe(h[5]!.blob);
    expect(h[3]).toMatchObject({
      author: 'Bob',
      subject: 'API shipped',
      date: '2026-01-05T12:00:00Z'.replace('Z', '+00:00'),
    });
  });

  it('gives an empty history for a path git never saw, and in a repository without commits', async () => {
    expect(await fileHistory(repo.dir, 'never.md')).toEqual([]);
    const empty = scratchRepo();
    try {
      expect(await fileHistory(empty.dir, 'TODO.md')).toEqual([]);
    } finally {
      empty.remove();
    }
  });

  it('takes the path literally, not as a glob', async () => {
    const r = scratchRepo();
    try {
      r.write('d TODO.md', '- [ ] a\n');
      r.commit('2026-01-01', 'a plan whose name the glob [draft] would match');
      expect(await fileHistory(r.dir, '[draft] TODO.md')).toEqual([]);
      expect(await fileHistory(r.dir, 'd TODO.md')).toHaveLength(1);
    } finally {
      r.remove();
    }
  });

  it('says when the folder is not in a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskmark-nogit-'));
    try {
      await expect(repositoryRoot(dir)).rejects.toSatisfy((e) => isTmError(e, 'TM_NOT_FOUND'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('BlobReader', () => {
  it('reads many blobs through one process, in order, and reports missing ones', async () => {
    const h = await fileHistory(repo.dir, 'docs/PLAN.md');
    const reader = new BlobReader(repo.dir);
    try {
      const blobs = await Promise.all([h[0]!.blob!, h[1]!.blob!, h[0]!.blob!].map((b) => reader.read(b)));
      expect(blobs.map((b) => b.bytes.toString())).toEqual([
        plan(' ', ' ', ' '),
        plan('x', ' ', ' '),
        plan(' ', ' ', ' '),
      ]);
      await expect(reader.read('0'.repeat(40))).rejects.toSatisfy((e) => isTmError(e, 'TM_NOT_FOUND'));
      expect((await reader.read(h[3]!.blob!)).type).toBe('blob');
    } finally {
      await reader.close();
    }
  });

  it('reads a blob larger than a pipe buffer whole', async () => {
    const big = `# Big\n\n${'- [ ] a task with a long enough title to fill the pipe\n'.repeat(20_000)}`;
    repo.write('big.md', big);
    const bigSha = repo.git('hash-object', '-w', 'big.md');
    const reader = new BlobReader(repo.dir);
    try {
      expect((await reader.read(bigSha)).bytes.toString()).toBe(big);
    } finally {
      await reader.close();
    }
  });
});

describe('readPlanHistory', () => {
  it('parses each distinct version once and builds the progress series', async () => {
    const steps: number[] = [];
    const read = await readPlanHistory(repo.dir, 'docs/PLAN.md', {
      hoursPerDay: 8,
      onProgress: (done) => steps.push(done),
    });
    expect(read.path).toBe('docs/PLAN.md');
    // 8 commits, 5 distinct texts (the rename and the restore reuse a text): 5 parses.
    expect(read.versions).toHaveLength(8);
    expect(read.outcomes.size).toBe(5);
    expect(steps).toEqual([1, 2, 3, 4, 5]);
    const series = progressSeries(read.versions, read.outcomes);
    expect(series.map((p) => [p.state, p.done, p.total, p.effortRemainingMinutes])).toEqual([
      ['present', 0, 3, 360],
      ['present', 1, 3, 240],
      ['present', 1, 3, 240],
      ['present', 2, 3, 60],
      ['deleted', 0, 0, 0],
      ['present', 2, 3, 60],
      ['unreadable', 2, 3, 60],
      ['present', 3, 3, 0],
    ]);
    expect(series[6]!.error).toMatch(/binary/);
  });

  it('reads the history from a subfolder, naming the plan relative to it', async () => {
    const read = await readPlanHistory(join(repo.dir, 'docs'), 'PLAN.md', { hoursPerDay: 8 });
    expect(read.path).toBe('docs/PLAN.md');
    expect(read.versions).toHaveLength(8);
  });
});

describe('recordPlanHistory', () => {
  it('records each version as a revision with derived events, once', async () => {
    const dbDir = mkdtempSync(join(tmpdir(), 'taskmark-hist-db-'));
    const store = await openSqliteStore(join(dbDir, 'taskmark.db'));
    try {
      const read = await readPlanHistory(repo.dir, 'docs/PLAN.md', {
        hoursPerDay: 8,
        keepAs: 'docs/PLAN.md',
      });
      const first = await recordPlanHistory(store, 'docs/PLAN.md', read);
      // start, docs, api, restored, done: the rename changes no text, the binary version is skipped.
      expect(first).toEqual({ revisions: 5, events: 3 + 1 + 1 + 3 + 3 + 1, skipped: null });
      const events = await store.listEvents({ file: 'docs/PLAN.md' });
      expect(events.filter((e) => e.type === 'status_changed').map((e) => [e.key, e.from, e.to])).toEqual([
        ['roadmap/write-docs', 'todo', 'done'],
        ['roadmap/ship-the-api', 'todo', 'done'],
        ['roadmap/fix-the-bug', 'todo', 'done'],
      ]);
      expect((await store.listItems('docs/PLAN.md')).every((i) => i.status === 'done')).toBe(true);
      const again = await recordPlanHistory(store, 'docs/PLAN.md', read);
      expect(again.revisions).toBe(0);
      expect(again.skipped).toMatch(/already has 5 revision/);
    } finally {
      await store.close();
      rmSync(dbDir, { recursive: true, force: true });
    }
  });
});
