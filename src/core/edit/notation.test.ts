import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item, Plan } from '../model.js';
import { parsePlan } from '../plan/parse.js';
import { applyEdits, type Edit, setAttribute } from './index.js';

const parse = (text: string) => parsePlan(text, { file: 'plan.md' });
const edit = (text: string, f: (p: Plan) => readonly Edit[]) => applyEdits(text, f(parse(text)));
const set = (text: string, index: number, key: string, value: string | null) =>
  edit(text, (p) => setAttribute(p, p.items[index]!, key, value));

describe('a new field in the notation of its line or its plan', () => {
  it('joins the attribute group the line already has, with its separator', () => {
    const text = [
      '- [ ] Migrate CI (@maria, 3d) — due 2026-01-20',
      '- [ ] Replace the queue (P1 · ~1w)',
      '- [ ] Retire the v1 API — @kim; 2d',
      '- [ ] Rotate the keys (2d)',
      '',
    ].join('\n');
    expect(set(text, 0, 'priority', 'P0')).toBe(text.replace('(@maria, 3d)', '(@maria, 3d, P0)'));
    expect(set(text, 1, 'owner', 'ana')).toBe(text.replace('(P1 · ~1w)', '(P1 · ~1w · @ana)'));
    expect(set(text, 2, 'due', '2026-02-01')).toBe(text.replace('@kim; 2d', '@kim; 2d; due 2026-02-01'));
    // A field alone in its parentheses takes the new one into them.
    expect(set(text, 3, 'owner', 'al')).toBe(text.replace('(2d)', '(2d, @al)'));
    const read = parse(set(set(text, 1, 'owner', 'ana'), 1, 'due', '2026-03-01')).items[1]!;
    expect(read).toMatchObject({ title: 'Replace the queue', owner: 'ana', due: '2026-03-01' });
    expect(read.priority?.rank).toBe(1);
    expect(read.effort?.minutes).toBe(5 * 8 * 60);
  });

  it("writes a todo.txt line's priority as the letter opening it, and its fields as `key:value`", () => {
    const todo = '(A) 2026-11-20 Call the landlord\nx 2026-11-21 2026-11-19 Renew the passport\nBuy milk\n';
    expect(set(todo, 2, 'priority', 'B')).toBe(todo.replace('Buy milk', '(B) Buy milk'));
    expect(set(todo, 1, 'priority', 'C')).toBe(
      todo.replace('2026-11-21 2026-11-19', '2026-11-21 (C) 2026-11-19'),
    );
    expect(set(todo, 2, 'due', '2026-12-01')).toBe(todo.replace('Buy milk', 'Buy milk due:2026-12-01'));
    expect(set(todo, 2, 'effort', '2h')).toBe(todo.replace('Buy milk', 'Buy milk effort:2h'));
    // A priority that is no letter is written as the line's other fields are, as `key:value`.
    expect(set(todo, 2, 'priority', 'P1')).toBe(todo.replace('Buy milk', 'Buy milk priority:P1'));
    expect(parse(set(todo, 2, 'priority', 'P1')).items[2]).toMatchObject({
      title: 'Buy milk',
      priority: { rank: 1 },
    });
  });

  it('writes an owner as a mention, or a field as todo.txt does, where the plan writes them so', () => {
    const mentions = [
      '- [ ] Rotate the certs @tom',
      '- [ ] Renew the domain @kim',
      '- [ ] Book the venue',
      '',
    ].join('\n');
    expect(set(mentions, 2, 'owner', 'ana')).toBe(mentions.replace('Book the venue', 'Book the venue @ana'));
    const todoTxt = ['- [ ] Call the bank due:2026-01-02 owner:kim', '- [ ] File the taxes', ''].join('\n');
    const out = set(todoTxt, 1, 'due', '2026-04-15');
    expect(out).toBe(todoTxt.replace('File the taxes', 'File the taxes due:2026-04-15'));
    expect(parse(out).items[1]).toMatchObject({ title: 'File the taxes', due: '2026-04-15' });
  });

  it('falls back to a dataview field where the native way would not read back the same', () => {
    const text = [
      '- [ ] Rotate the certs @tom',
      '- [ ] Call the bank due:2026-01-02',
      '- [ ] Book it (2d)',
      '',
    ].join('\n');
    // A name that is no mention, a key todo.txt's notation does not carry, a value with a comma.
    expect(set(text, 2, 'owner', 'Bo Lee')).toBe(
      text.replace('Book it (2d)', 'Book it (2d) [owner:: Bo Lee]'),
    );
    expect(set(text, 1, 'category', 'infra')).toBe(
      text.replace('due:2026-01-02', 'due:2026-01-02 [category:: infra]'),
    );
    expect(set(text, 2, 'due', 'Jan 3, 2027')).toBe(text.replace('(2d)', '(2d) [due:: Jan 3, 2027]'));
    // Where nothing on the line or in the plan says otherwise, the default.
    expect(set('- [ ] Plain\n', 0, 'owner', 'kim')).toBe('- [ ] Plain [owner:: kim]\n');
  });

  it('adds a field to a group and takes it off again, back to the same bytes (property)', () => {
    const pieces: readonly (readonly [string, string, string])[] = [
      ['owner', '@ana', 'bo'],
      ['effort', '2d', '3h'],
      ['priority', 'P1', 'P3'],
      ['due', 'due 2026-05-01', '2026-06-30'],
    ];
    const expected: Record<string, (i: Item) => unknown> = {
      owner: (i) => i.owner,
      effort: (i) => i.effort?.minutes,
      priority: (i) => i.priority?.rank,
      due: (i) => i.due,
    };
    const wanted: Record<string, unknown> = { owner: 'bo', effort: 180, priority: 3, due: '2026-06-30' };
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...pieces], { minLength: 1 }),
        fc.constantFrom(', ', ' · ', '; '),
        fc.constantFrom('paren', 'dash'),
        fc.constantFrom('- [ ] ', '* ', '1. [x] '),
        (chosen, sep, wrap, lead) => {
          const absent = pieces.filter((p) => !chosen.includes(p));
          if (absent.length === 0) return;
          const group = chosen.map((p) => p[1]).join(sep);
          const line = `${lead}Write the report ${wrap === 'paren' ? `(${group})` : `— ${group}`}`;
          const text = `# Plan\n\n${line}\n- [ ] Another task\n`;
          const plan = parse(text);
          if (plan.items[0]?.title !== 'Write the report') return;
          for (const [key, , value] of absent) {
            const added = set(text, 0, key, value);
            // Only the item's line changes, and it reads back with the value and what it had.
            expect(added.split('\n').filter((l, n) => l !== text.split('\n')[n])).toHaveLength(1);
            const item = parse(added).items[0]!;
            expect([key, expected[key]!(item)]).toEqual([key, wanted[key]]);
            for (const [k] of chosen) expect(expected[k]!(item)).toEqual(expected[k]!(plan.items[0]!));
            expect(set(added, 0, key, null)).toBe(text);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
