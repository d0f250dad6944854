/** `taskmark history` end to end: the built CLI over a scratch git repository. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyResultSchema } from '../../src/core/history/contract.js';
import { taskmark } from '../support/cli.js';
import { type ScratchRepo, scratchRepo } from '../support/git-repo.js';

const plan = (ticks: string) =>
  `# Launch\n\n${[...ticks].map((t, i) => `- [${t}] Step ${i + 1} (1h)`).join('\n')}\n`;

let repo: ScratchRepo;

beforeAll(() => {
  repo = scratchRepo();
  repo.write('TODO.md', plan('    '));
  repo.commit('2026-02-01', 'Plan the launch');
  repo.write('TODO.md', plan('x   '));
  repo.commit('2026-02-02', 'Step 1');
  repo.git('mv', 'TODO.md', 'LAUNCH-PLAN.md');
  repo.commit('2026-02-03', 'Rename the plan');
  repo.write('LAUNCH-PLAN.md', plan('xxx '));
  repo.commit('2026-02-04', 'Steps 2 and 3');
});

afterAll(() => repo.remove());

describe('taskmark history', () => {
  it('prints one JSON document with a point per commit, following the rename', () => {
    const r = taskmark(['history', 'LAUNCH-PLAN.md', '--json'], repo.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [h] = historyResultSchema.parse(JSON.parse(r.stdout));
    expect(h).toMatchObject({
      file: 'LAUNCH-PLAN.md',
      path: 'LAUNCH-PLAN.md',
      commits: 4,
      versions: 3,
      recorded: null,
    });
    expect(
      h!.points.map((p) => [p.date.slice(0, 10), p.path, p.done, p.total, p.effortRemainingMinutes]),
    ).toEqual([
      ['2026-02-01', 'TODO.md', 0, 4, 240],
      ['2026-02-02', 'TODO.md', 1, 4, 180],
      ['2026-02-03', 'LAUNCH-PLAN.md', 1, 4, 180],
      ['2026-02-04', 'LAUNCH-PLAN.md', 3, 4, 60],
    ]);
  });

  it('prints a table and a sparkline, and no progress bar when stderr is not a terminal', () => {
    const r = taskmark(['history', 'LAUNCH-PLAN.md'], repo.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('LAUNCH-PLAN.md: 4 commit(s), 3 distinct version(s)');
    expect(lines.find((l) => l.includes('2026-02-04'))).toMatch(/3\/4\s+75%\s+1h\s+\+2$/);
    expect(r.stdout).toContain('▁▃▃▆  0% → 75%');
  });

  it('finds the plans of the workspace when none is named, and limits the table to the last commits', () => {
    const r = taskmark(['history', '--limit', '2'], repo.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('… 2 older');
    expect(r.stdout).not.toContain('2026-02-01');
  });

  it('records the versions into an initialised workspace database, once', () => {
    const work = scratchRepo();
    try {
      work.write('TODO.md', plan('  '));
      work.commit('2026-03-01', 'a');
      work.write('TODO.md', plan('x '));
      work.commit('2026-03-02', 'b');
      expect(taskmark(['init'], work.dir).code).toBe(0);
      const first = JSON.parse(taskmark(['history', 'TODO.md', '--json'], work.dir).stdout);
      expect(first[0].recorded).toEqual({ revisions: 2, events: 3, skipped: null });
      const again = JSON.parse(taskmark(['history', 'TODO.md', '--json'], work.dir).stdout);
      expect(again[0].recorded.skipped).toMatch(/already has 2 revision/);
      const off = JSON.parse(taskmark(['history', 'TODO.md', '--json', '--no-record'], work.dir).stdout);
      expect(off[0].recorded).toBeNull();
    } finally {
      work.remove();
    }
  });

  it('exits 2 with a message outside a git repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskmark-nogit-'));
    try {
      const r = taskmark(['history', 'TODO.md'], dir, { GIT_CEILING_DIRECTORIES: tmpdir() });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/not inside a git repository/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
