import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse.js';
import { historyPointSchema } from './contract.js';
import { type PlanVersion, progressSeries, type VersionOutcome, versionProgress } from './progress.js';
import { sparkline } from './sparkline.js';

const version = (commit: string, blob: string | null): PlanVersion => ({
  commit,
  date: `2026-01-0${commit}T12:00:00+00:00`,
  author: 'Ada',
  subject: `commit ${commit}`,
  path: 'TODO.md',
  blob,
});

const progress = (text: string): VersionOutcome => ({
  ok: true,
  progress: versionProgress(parsePlan(text, { file: 'TODO.md' })),
});

describe('versionProgress', () => {
  it('counts leaf items and effort as status does', () => {
    const p = versionProgress(
      parsePlan('# P\n- [x] a (2h)\n- [-] b\n- [/] c (1h)\n  - [ ] c1\n  - [!] c2\n', { file: 'TODO.md' }),
    );
    expect(p).toEqual({
      total: 4,
      done: 1,
      cancelled: 1,
      doing: 0,
      blocked: 1,
      todo: 1,
      effortDoneMinutes: 120,
      effortRemainingMinutes: 60,
    });
  });
});

describe('progressSeries', () => {
  const outcomes = new Map<string, VersionOutcome>([
    ['b1', progress('- [ ] a\n- [ ] b\n')],
    ['b2', progress('- [x] a\n- [-] b\n')],
    ['bad', { ok: false, error: 'TODO.md@bad: looks like a binary file' }],
  ]);

  it('gives one point per commit with the change in closed items', () => {
    const s = progressSeries([version('1', 'b1'), version('2', 'b2'), version('3', 'b1')], outcomes);
    expect(s.map((p) => [p.commit, p.done + p.cancelled, p.total, p.percent, p.closedDelta])).toEqual([
      ['1', 0, 2, 0, 0],
      ['2', 2, 2, 100, 2],
      ['3', 0, 2, 0, -2],
    ]);
    for (const p of s) expect(historyPointSchema.parse(p)).toEqual(p);
  });

  it('counts a deleted plan as empty and carries the counts over an unreadable version', () => {
    const s = progressSeries(
      [version('1', 'b2'), version('2', 'bad'), version('3', null), version('4', 'b2')],
      outcomes,
    );
    expect(s.map((p) => [p.state, p.total, p.closedDelta, p.error])).toEqual([
      ['present', 2, 2, null],
      ['unreadable', 2, 0, 'TODO.md@bad: looks like a binary file'],
      ['deleted', 0, -2, null],
      ['present', 2, 2, null],
    ]);
  });
});

describe('sparkline', () => {
  it('scales values between the bounds into block characters', () => {
    expect(sparkline([0, 25, 50, 75, 100], 0, 100)).toBe('▁▃▅▆█');
    expect(sparkline([], 0, 100)).toBe('');
    expect(sparkline([5, 5], 5, 5)).toBe('▁▁');
  });

  it('resamples long series to the width, keeping the last value of each stretch', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i / 10);
    // The stretches end at 9.9, 19.9 … 99.9.
    expect(sparkline(values, 0, 100, 10)).toBe('▂▂▃▄▄▅▆▇▇█');
  });
});
