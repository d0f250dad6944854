import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../model.js';
import { parsePlan } from '../plan/parse.js';
import type { ItemRecord } from '../store/port.js';
import { diffItems, diffPlans } from './diff.js';

const parse = (text: string) => parsePlan(text, { file: 'PLAN.md' });
const types = (events: readonly { type: string }[]) => events.map((e) => e.type);

describe('diffPlans', () => {
  it('reports every item of a new plan as created', () => {
    const events = diffPlans(null, parse('# Plan\n\n- [ ] one\n- [x] two\n'), 'PLAN.md');
    expect(types(events)).toEqual(['created', 'created']);
    expect(events.map((e) => e.to)).toEqual(['one', 'two']);
  });

  it('reports a ticked box as one status change', () => {
    const a = parse('# Plan\n\n- [ ] one\n- [ ] two\n');
    const b = parse('# Plan\n\n- [ ] one\n- [x] two\n');
    const events = diffPlans(a, b, 'PLAN.md');
    expect(events).toEqual([
      {
        type: 'status_changed',
        key: b.items[1]!.key,
        previousKey: null,
        field: 'status',
        from: 'todo',
        to: 'done',
      },
    ]);
  });

  it('keeps an item with an explicit ID when its title changes', () => {
    const a = parse('# Plan\n\n## MH-001: Add login\n\n**Status:** TODO\n');
    const b = parse('# Plan\n\n## MH-001: Add login with SSO\n\n**Status:** TODO\n');
    const events = diffPlans(a, b, 'PLAN.md');
    expect(types(events)).toEqual(['renamed']);
    expect(events[0]).toMatchObject({ field: 'title', from: 'Add login', to: 'Add login with SSO' });
  });

  it('tracks a reworded checkbox in the same place as a rename with its previous key', () => {
    const a = parse('# Plan\n\n## Backend\n\n- [ ] migrate the database schema\n- [ ] other\n');
    const b = parse('# Plan\n\n## Backend\n\n- [x] migrate the database schemas\n- [ ] other\n');
    const events = diffPlans(a, b, 'PLAN.md');
    expect(types(events)).toEqual(['renamed', 'status_changed']);
    expect(events[0]!.previousKey).toBe(a.items[0]!.key);
    expect(events[0]!.key).toBe(b.items[0]!.key);
  });

  it('reports an item whose section heading changed as moved, not removed and created', () => {
    const a = parse('# Plan\n\n## Ideas\n\n- [ ] write docs\n');
    const b = parse('# Plan\n\n## Roadmap\n\n- [ ] write docs\n');
    const events = diffPlans(a, b, 'PLAN.md');
    expect(types(events)).toEqual(['moved']);
    expect(events[0]).toMatchObject({ previousKey: a.items[0]!.key, key: b.items[0]!.key });
    // From the Later lane of a roadmap to its Now lane, an open item starts: moved, and now doing.
    const later = parse('# Plan\n\n## Later\n\n- [ ] write docs\n');
    const now = parse('# Plan\n\n## Now\n\n- [ ] write docs\n');
    expect(types(diffPlans(later, now, 'PLAN.md'))).toEqual(['moved', 'status_changed']);
  });

  it('reports unrelated new and deleted items as created and removed', () => {
    const a = parse('# Plan\n\n- [ ] rotate secrets\n');
    const b = parse('# Plan\n\n- [ ] buy coffee\n');
    expect(types(diffPlans(a, b, 'PLAN.md'))).toEqual(['created', 'removed']);
  });

  it('reports attribute edits field by field', () => {
    const a = parse('# Plan\n\n## T-1: Ship it\n\n**Owner:** alice\n**Priority:** P1\n');
    const b = parse('# Plan\n\n## T-1: Ship it\n\n**Owner:** bob\n**Priority:** P0\n');
    const events = diffPlans(a, b, 'PLAN.md');
    expect(events.map((e) => [e.type, e.field, e.from, e.to])).toEqual([
      ['attribute_changed', 'priority', 'P1', 'P0'],
      ['attribute_changed', 'owner', 'alice', 'bob'],
    ]);
  });

  it('reports an owner joining beside the owner once, and a new sole owner as the owner alone', () => {
    const a = parse('- [ ] T-1 Ship it [owner:: kim]\n- [ ] T-2 Docs [owner:: bo, li]\n');
    const b = parse('- [ ] T-1 Ship it [owner:: kim, ana]\n- [ ] T-2 Docs [owner:: ana, li]\n');
    expect(diffPlans(a, b, 'PLAN.md').map((e) => [e.key, e.field, e.from, e.to])).toEqual([
      ['T-1', 'owners', ['kim'], ['kim', 'ana']],
      ['T-2', 'owner', 'bo', 'ana'],
    ]);
  });
});

const record = fc.record({
  title: fc.string({ maxLength: 20 }),
  status: fc.constantFrom(...STATUSES),
  owner: fc.option(fc.constantFrom('alice', 'bob'), { nil: null }),
  tags: fc.array(fc.constantFrom('ops', 'docs'), { maxLength: 2 }),
  section: fc.constantFrom('A', 'B'),
});

const items = fc
  .uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), record), {
    selector: ([k]) => k,
    maxLength: 30,
  })
  .map((rows) =>
    rows.map(
      ([key, r], position): ItemRecord => ({
        file: 'PLAN.md',
        key,
        id: null,
        title: r.title,
        kind: 'checkbox',
        status: r.status,
        checkbox: null,
        line: position + 1,
        position,
        depth: 0,
        parent: null,
        section: [r.section],
        priorityRank: null,
        priorityLabel: null,
        owner: r.owner,
        owners: r.owner === null ? [] : [r.owner],
        due: null,
        effortMinutes: null,
        category: null,
        phase: null,
        tags: r.tags,
        dependsOn: [],
      }),
    ),
  );

describe('diffItems properties', () => {
  it('gives no events for an unchanged revision', () => {
    fc.assert(fc.property(items, (a) => diffItems(a, a).length === 0));
  });

  it('gives no events when only line numbers and positions move', () => {
    fc.assert(
      fc.property(items, (a) => {
        const shifted = a.map((i) => ({ ...i, line: i.line + 10, position: i.position + 3 }));
        return diffItems(a, shifted).length === 0;
      }),
    );
  });

  it('accounts for every item: kept + created = after, kept + removed = before', () => {
    fc.assert(
      fc.property(items, items, (a, b) => {
        const events = diffItems(a, b);
        const created = events.filter((e) => e.type === 'created').length;
        const removed = events.filter((e) => e.type === 'removed').length;
        return b.length - created === a.length - removed && created <= b.length && removed <= a.length;
      }),
    );
  });

  it('gives exactly one status change for one changed status', () => {
    fc.assert(
      fc.property(items, fc.nat(), (a, n) => {
        if (a.length === 0) return true;
        const at = n % a.length;
        const next = a.map((i, j) =>
          j === at ? { ...i, status: i.status === 'done' ? ('todo' as const) : ('done' as const) } : i,
        );
        const events = diffItems(a, next);
        return events.length === 1 && events[0]!.type === 'status_changed' && events[0]!.key === a[at]!.key;
      }),
    );
  });
});
