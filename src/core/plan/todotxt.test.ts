import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse.js';
import { isTodoTxtList, readTodoTxtLead } from './todotxt.js';

const lead = (line: string) => {
  const l = readTodoTxtLead(line, 0, line.length);
  if (l === null) return null;
  const at = (s: { start: number; end: number } | null) => (s === null ? null : line.slice(s.start, s.end));
  return {
    done: at(l.done),
    completed: at(l.completed),
    priority: at(l.priority),
    created: at(l.created),
    words: line.slice(l.wordsStart),
  };
};

describe('readTodoTxtLead', () => {
  it('reads the done mark, the dates and the priority opening a line', () => {
    expect(lead('x 2026-11-21 2026-11-19 Renew the passport +admin')).toEqual({
      done: 'x',
      completed: '2026-11-21',
      priority: null,
      created: '2026-11-19',
      words: 'Renew the passport +admin',
    });
    expect(lead('(A) 2026-11-20 Call the landlord')).toMatchObject({
      priority: '(A)',
      created: '2026-11-20',
      words: 'Call the landlord',
    });
    expect(lead('x (B) Water the plants')).toMatchObject({
      done: 'x',
      priority: '(B)',
      words: 'Water the plants',
    });
    expect(lead('2026-11-20 Kickoff')).toMatchObject({ created: '2026-11-20', words: 'Kickoff' });
  });

  it('reads no lead from prose, formulas or a lead with nothing after it', () => {
    for (const line of [
      'Buy milk @store',
      'x = 5',
      'X marks the spot',
      '(a) lower case',
      '(A)',
      'x ',
      '2026-1-2 x',
    ])
      expect(lead(line)).toBeNull();
  });

  it('recovers every part of a line built from them', () => {
    const date = fc
      .tuple(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    // Words that open with no lead of their own: not with `x ` (a done task's).
    const words = fc.stringMatching(/^[A-Za-wyz][A-Za-z0-9 +@:-]{0,30}$/);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.option(date, { nil: null }),
        fc.option(fc.constantFrom('A', 'B', 'Z'), { nil: null }),
        fc.option(date, { nil: null }),
        words,
        (done, completed, priority, created, rest) => {
          // The spec's order; a completion date only after the `x`, and a date alone after it is that.
          fc.pre(!(done && completed === null && created !== null));
          const parts = [
            done ? 'x' : null,
            done ? completed : null,
            priority === null ? null : `(${priority})`,
            created,
            rest,
          ].filter((p) => p !== null);
          const got = lead(parts.join(' '));
          const any = done || priority !== null || created !== null;
          if (!any) {
            expect(got).toBeNull();
            return;
          }
          expect(got).toEqual({
            done: done ? 'x' : null,
            completed: done ? completed : null,
            priority: priority === null ? null : `(${priority})`,
            created,
            words: rest,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('isTodoTxtList', () => {
  const list = (...lines: string[]) => {
    const text = lines.join('\n');
    const spans: { start: number; end: number }[] = [];
    let at = 0;
    for (const l of lines) {
      spans.push({ start: at, end: at + l.length });
      at += l.length + 1;
    }
    return isTodoTxtList(
      text,
      spans,
      spans.map((s) => readTodoTxtLead(text, s.start, s.end)),
    );
  };
  it('needs two lines, half of them led, one by a done mark, or by a priority among dates or marks', () => {
    expect(list('(A) Call Bob +family', 'Buy milk')).toBe(true);
    expect(list('(A) 2026-11-20 Call Bob', 'Buy milk')).toBe(true);
    expect(list('(B) Call Bob', 'Buy milk @store')).toBe(true);
    expect(list('(B) File the taxes due:2027-04-15', 'Buy milk')).toBe(true);
    expect(list('x Renew the passport', 'Buy milk', '2026-11-20 Post the letter')).toBe(true);
    expect(list('(A) Call Bob +family')).toBe(false);
    expect(list('(A) Call Bob +family', 'Buy milk', 'Post the letter')).toBe(false);
    // Options lettered in prose are no list; nor are dated lines alone, a log or a schedule.
    expect(list('Choose one:', '(A) Keep the API as it is', '(B) Drop it at 10:30, see https://x.io')).toBe(
      false,
    );
    expect(list('2026-11-20 Kickoff', '2026-11-27 Review')).toBe(false);
  });
});

describe('parsePlan on todo.txt lines', () => {
  const TODO = [
    '(A) 2026-11-20 Call the landlord about the boiler +home @phone due:2026-11-28',
    '(B) Review the pull requests +work',
    'x 2026-11-21 2026-11-19 Renew the passport +admin',
    'Buy milk',
    '',
  ].join('\n');

  it('reads a paragraph of them as a checklist: status, priority, dates and marks', () => {
    const p = parsePlan(TODO, { file: 'todo.txt' });
    expect(p.items.map((i) => [i.key, i.title, i.status, i.priority?.label ?? null, i.due, i.tags])).toEqual([
      [
        'call-the-landlord-about-the-boiler',
        'Call the landlord about the boiler +home @phone',
        'todo',
        '(A)',
        '2026-11-28',
        ['home', '@phone'],
      ],
      ['review-the-pull-requests', 'Review the pull requests +work', 'todo', '(B)', null, ['work']],
      ['renew-the-passport', 'Renew the passport +admin', 'done', null, null, ['admin']],
      ['buy-milk', 'Buy milk', 'todo', null, null, []],
    ]);
    const fields = (k: number) =>
      p.items[k]!.fields.map((f) => [f.key, f.value, TODO.slice(f.span.start, f.span.end)]);
    expect(fields(0)).toContainEqual(['created', '2026-11-20', '2026-11-20']);
    expect(fields(0)).toContainEqual(['priority', 'A', '(A)']);
    expect(fields(2)).toEqual([
      ['done', '2026-11-21', '2026-11-21'],
      ['created', '2026-11-19', '2026-11-19'],
      ['tags', 'admin', '+admin'],
    ]);
    expect(TODO.slice(p.items[2]!.statusSpan!.start, p.items[2]!.statusSpan!.end)).toBe('x');
  });

  it("reads an `@word` as todo.txt's context, where the task is done, and not as its owner", () => {
    const p = parsePlan(TODO, { file: 'todo.txt' });
    const first = p.items[0]!;
    expect([first.owner, first.fields.find((f) => f.key === 'context')?.value]).toEqual([null, 'phone']);
    expect(p.items.every((i) => i.owner === null)).toBe(true);
    // A todo.txt owner is a key:value field; an `@mention` outside such a list is an owner still.
    const owned = parsePlan(`${TODO.replace('Buy milk', 'Buy milk owner:kim')}\n- [ ] Ship it @li\n`, {
      file: 'TODO.md',
    });
    expect(owned.items.map((i) => i.owner)).toEqual([null, null, null, 'kim', 'li']);
  });

  it('reads no item from options lettered in prose', () => {
    const p = parsePlan(
      '# Storage decision\n\nWe weigh two options\n(A) Keep PostgreSQL\n(B) Move to SQLite\n',
      {
        file: 'ADR.md',
      },
    );
    expect(p.items).toEqual([]);
  });

  it('reads them pasted into a markdown plan, under its heading', () => {
    const p = parsePlan(`# Errands\n\n${TODO}\n## Notes\n\n2026-11-20 Kickoff\n2026-11-27 Review\n`, {
      file: 'TODO.md',
    });
    expect(p.items.map((i) => [i.key, i.status])).toEqual([
      ['errands/call-the-landlord-about-the-boiler', 'todo'],
      ['errands/review-the-pull-requests', 'todo'],
      ['errands/renew-the-passport', 'done'],
      ['errands/buy-milk', 'todo'],
    ]);
  });
});
