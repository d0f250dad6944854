import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item, Plan, Section } from '../model.js';
import { statusSectionOf } from './lanes.js';
import { parsePlan } from './parse.js';

/** statusSectionOf as first written: a walk over every section before the item. */
function reference(plan: Plan, item: Item): Section | null {
  if (item.parent !== null) return null;
  let found: Section | null = null;
  for (const s of plan.sections) {
    if (s.span.start > item.lineSpan.start) break;
    if (s.span.start === item.lineSpan.start || s.span.end < item.lineSpan.end) continue;
    if (s.status !== null) found = s;
  }
  return found;
}

describe('statusSectionOf', () => {
  it('finds the section the walk over every section finds, on plans of any shape', () => {
    const line = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 1, max: 4 }),
          fc.constantFrom('Done', 'In Progress', 'Backlog', 'Notes', 'Q1 2026', 'T-1: Task'),
        )
        .map(([level, title]) => `${'#'.repeat(level)} ${title}`),
      fc.constantFrom('- [ ] a', '- [x] b', '  - [ ] child', '- card', 'prose', '', '**Status:** Done'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const plan = parsePlan(`${lines.join('\n')}\n`, { file: 'plan.md' });
        for (const item of plan.items) expect(statusSectionOf(plan, item)).toBe(reference(plan, item));
      }),
      { numRuns: 1500 },
    );
  });
});
