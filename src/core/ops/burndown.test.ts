import { describe, expect, it } from 'vitest';
import type { ItemEvent, ItemRecord } from '../store/port.js';
import { burndown, completedWithin, type SprintItemState, sprintItemState } from './burndown.js';

const record = (
  key: string,
  status: ItemRecord['status'],
  effortMinutes: number | null = null,
): ItemRecord => ({
  file: 'P.md',
  key,
  id: null,
  title: key,
  kind: 'checkbox',
  status,
  checkbox: null,
  line: 1,
  position: 0,
  depth: 0,
  parent: null,
  section: [],
  priorityRank: null,
  priorityLabel: null,
  owner: null,
  owners: [],
  due: null,
  effortMinutes,
  category: null,
  phase: null,
  tags: [],
  dependsOn: [],
});

const changed = (id: number, key: string, from: string, to: string, at: string): ItemEvent => ({
  id,
  type: 'status_changed',
  key,
  previousKey: null,
  field: 'status',
  from,
  to,
  file: 'P.md',
  revision: null,
  at,
});

describe('sprint item state', () => {
  it('takes the last close of an item that is closed now, and nothing for an open one', () => {
    const events = [
      changed(1, 'a', 'todo', 'done', '2026-01-03T10:00:00Z'),
      changed(2, 'a', 'done', 'todo', '2026-01-04T10:00:00Z'),
      changed(3, 'a', 'todo', 'done', '2026-01-05T10:00:00Z'),
    ];
    expect(sprintItemState(record('a', 'done'), events).closedAt).toBe('2026-01-05T10:00:00Z');
    expect(sprintItemState(record('a', 'todo'), events.slice(0, 2)).closedAt).toBeNull();
    expect(sprintItemState(record('b', 'cancelled'), []).closedAt).toBe('');
  });
});

describe('burndown', () => {
  const items: SprintItemState[] = [
    { key: 'a', file: 'P.md', effortMinutes: 60, closedAt: '2026-01-02T09:00:00Z' },
    { key: 'b', file: 'P.md', effortMinutes: 120, closedAt: '2026-01-04T18:00:00Z' },
    { key: 'c', file: 'P.md', effortMinutes: null, closedAt: null },
    { key: 'd', file: 'P.md', effortMinutes: 30, closedAt: '' },
  ];

  it('counts what is open at the end of each day up to today, with the ideal line', () => {
    expect(burndown(items, '2026-01-01', '2026-01-05', '2026-01-04')).toEqual([
      { date: '2026-01-01', remaining: 3, remainingMinutes: 180, ideal: 4 },
      { date: '2026-01-02', remaining: 2, remainingMinutes: 120, ideal: 3 },
      { date: '2026-01-03', remaining: 2, remainingMinutes: 120, ideal: 2 },
      { date: '2026-01-04', remaining: 1, remainingMinutes: 0, ideal: 1 },
    ]);
  });

  it('measures velocity as the items and effort closed within the sprint', () => {
    expect(completedWithin(items, '2026-01-01', '2026-01-03')).toEqual({ items: 1, minutes: 60 });
    expect(completedWithin(items, '2026-01-01', '2026-01-05')).toEqual({ items: 2, minutes: 180 });
  });
});
