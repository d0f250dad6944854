import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse.js';
import { planStatus } from './status.js';

const PLAN = `# Launch

## Build

### B-1: API

**Status:** DONE
**Priority:** P0
**Effort:** 2 days
**Due:** 2026-01-10

- [x] Routes
- [ ] Docs

### B-2: UI

**Status:** TODO
**Priority:** P1
**Effort:** 1 day
**Due:** 2026-01-05

## Checklist

- [ ] B-1: API finished
- [x] Tell the team 📅 2026-01-03
`;

describe('planStatus', () => {
  const s = planStatus(parsePlan(PLAN, { file: 'launch.md' }), '2026-01-06');

  it('counts leaf items and skips lines that restate another item', () => {
    expect(s.byStatus).toEqual({
      total: 4,
      todo: 2,
      doing: 0,
      blocked: 0,
      done: 2,
      cancelled: 0,
      percent: 50,
    });
  });

  it('groups by the top section below the title and by priority', () => {
    expect(s.bySection.map((x) => [x.section, x.counts.total, x.counts.done])).toEqual([
      ['Build', 3, 1],
      ['Checklist', 1, 1],
    ]);
    expect(s.byPriority.map((x) => [x.label, x.counts.total])).toEqual([
      ['P0', 2],
      ['P1', 1],
      ['none', 1],
    ]);
  });

  it('sums effort from the top-level items', () => {
    expect(s.effort).toEqual({ doneMinutes: 480, remainingMinutes: 480 + 480 });
  });

  it('lists open items past their due date', () => {
    expect(s.overdue).toEqual([{ key: 'B-2', title: 'UI', due: '2026-01-05', daysOverdue: 1 }]);
  });
});
