import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse.js';
import { rankNext, WEIGHTS } from './next.js';

const plan = (text: string, file = 'plan.md') => parsePlan(text, { file });

const PLAN = `# Release plan

### R-1: Schema migration

**Status:** TODO
**Priority:** P1
**Effort:** 2 hours

### R-2: Backfill

**Status:** TODO
**Priority:** P0
**Depends on:** R-1

### R-3: Switch reads

**Status:** TODO
**Priority:** P2
**Depends on:** R-2

- [ ] Flip the read flag

### R-4: Announce

**Status:** BLOCKED
**Priority:** P0

### R-5: Clean up

**Status:** DONE

## Chores

- [ ] Rotate keys 📅 2026-01-02
- [ ] Parent chore
  - [ ] Child chore
- [/] Half-done chore
`;

describe('rankNext', () => {
  const ranked = rankNext([plan(PLAN)], { today: '2026-01-01' });
  const keys = ranked.map((e) => e.item.key);

  it('offers only open, unblocked, actionable items', () => {
    expect(keys).toContain('R-1');
    expect(keys).not.toContain('R-2'); // waits for R-1
    expect(keys).not.toContain('R-3'); // waits for R-2
    expect(keys).not.toContain('R-3/flip-the-read-flag'); // part of R-3, which waits
    expect(keys).not.toContain('R-4'); // blocked
    expect(keys).not.toContain('R-5'); // done
    expect(keys).not.toContain('chores/parent-chore'); // its child is the actionable part
    expect(keys).toContain('chores/child-chore');
  });

  it('explains every point of the score', () => {
    for (const e of ranked) expect(e.reasons.reduce((s, r) => s + r.points, 0)).toBe(e.score);
    const r1 = ranked.find((e) => e.item.key === 'R-1')!;
    expect(r1.reasons.map((r) => r.factor)).toEqual(['priority', 'blocks', 'critical-path', 'effort']);
    expect(r1.reasons.find((r) => r.factor === 'blocks')!.points).toBe(2 * WEIGHTS.perDependent);
  });

  it('puts the item that unblocks the most work and is due first at the top', () => {
    expect(keys[0]).toBe('R-1');
    const rotate = ranked.find((e) => e.item.key === 'chores/rotate-keys')!;
    expect(rotate.reasons.find((r) => r.factor === 'due')?.detail).toBe('due in 1 day (2026-01-02)');
  });

  it('ranks in descending score order with ranks 1..n and honours the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), (limit) => {
        const r = rankNext([plan(PLAN)], { today: '2026-01-01', limit });
        expect(r.length).toBe(Math.min(limit, ranked.length));
        r.forEach((e, i) => {
          expect(e.rank).toBe(i + 1);
          if (i > 0) expect(r[i - 1]!.score).toBeGreaterThanOrEqual(e.score);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('credits the steps of a task others wait for with what it holds up, and the chain it starts', () => {
    const steps = plan(
      [
        '# Launch',
        '',
        '- [ ] Migrate the blog (3d)',
        '  - [x] Export the posts',
        '  - [ ] Rewrite the image links',
        '  - [ ] Fix the feeds',
        '- [ ] Launch the newsletter (depends on: Migrate the blog)',
        '- [ ] Announce it — after Launch the newsletter',
        '- [ ] Tidy the wiki',
        '',
      ].join('\n'),
    );
    const r = rankNext([steps], { today: '2026-01-01' });
    expect(r.map((e) => e.item.key)).toEqual([
      'launch/rewrite-the-image-links',
      'launch/fix-the-feeds',
      'launch/tidy-the-wiki',
    ]);
    const blocks = r[0]!.reasons.filter((x) => x.factor === 'blocks' || x.factor === 'critical-path');
    expect(blocks.map((x) => [x.points, x.detail])).toEqual([
      [2 * WEIGHTS.perDependent, 'blocks 2 open items as a step of launch/migrate-the-blog'],
      [WEIGHTS.criticalPath, 'starts the longest remaining chain (26h)'],
    ]);
    expect(r[2]!.reasons.map((x) => x.factor)).toEqual(['priority']);
  });

  it('holds back an item waiting on something no plan loaded has, and on an open item of another plan', () => {
    const waits = plan(
      [
        '# P',
        '',
        '- [ ] Port the auth middleware — **Blocked by:** security review',
        '- [ ] Ship the SDK (depends on: task-40)',
        '- [ ] Write the changelog',
        '- [ ] Tidy the logs',
        '  - [ ] Rotate them (after task-41)',
        '',
      ].join('\n'),
    );
    const keys = (plans: Parameters<typeof rankNext>[0]) =>
      rankNext(plans, { today: '2026-01-01' }).map((e) => e.item.key);
    expect(keys([waits])).toEqual(['p/write-the-changelog']);
    // task-40 and task-41 are task files loaded with it: task-40 done, its dependant goes on;
    // task-41 open, its dependant waits.
    const task = (id: string, status: string) =>
      plan(`---\nid: ${id}\ntitle: Task ${id}\nstatus: ${status}\n---\n\nBody.\n`, `${id}.md`);
    expect(keys([waits, task('task-40', 'Done'), task('task-41', 'To Do')]).sort()).toEqual([
      'p/ship-the-sdk',
      'p/write-the-changelog',
      'task-41',
    ]);
  });

  it('terminates on dependency cycles and offers none of the cycle', () => {
    const cyclic = plan(
      '# P\n\n### C-1: A\n\n**Status:** TODO\n**Depends on:** C-2\n\n### C-2: B\n\n**Status:** TODO\n**Depends on:** C-1\n',
    );
    expect(rankNext([cyclic], { today: '2026-01-01' })).toEqual([]);
  });
});
