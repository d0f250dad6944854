import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../../test/support/generate-plan.js';
import { applyEdits, setAttribute } from '../edit/index.js';
import type { Plan } from '../model.js';
import { parsePlan } from './parse.js';

const parse = (...lines: string[]): Plan => parsePlan(`${lines.join('\n')}\n`, { file: 'plan.md' });
const owners = (p: Plan) => p.items.map((i) => [i.title, i.owner, i.owners]);

describe('an item owned by several', () => {
  it('lists every owner a line names, the first as the owner', () => {
    const p = parse(
      '- [ ] Pair on the flaky suite @kim @ana',
      '- [ ] Review the schema — owners: @bo, @li',
      '- [ ] Triage [owner:: Bo & Li]',
      '- [ ] Load tests (owners: Kim, Ana; due: 2026-12-18)',
      '- [ ] Pairing [owner:: @kim and @ana]',
      '- [ ] Rotation [assignees:: @kim/@ana]',
    );
    expect(owners(p)).toEqual([
      ['Pair on the flaky suite @kim @ana', 'kim', ['kim', 'ana']],
      ['Review the schema', 'bo', ['bo', 'li']],
      ['Triage', 'Bo', ['Bo', 'Li']],
      ['Load tests', 'Kim', ['Kim', 'Ana']],
      ['Pairing', 'kim', ['kim', 'ana']],
      ['Rotation', 'kim', ['kim', 'ana']],
    ]);
  });

  it('reads a list of owners set off after the title, over the commas between the names', () => {
    const p = parse(
      '- [ ] Rotate the keys — owners: Bo, Li',
      '- [ ] Load tests — Owners: Ana María, Li, 2d',
      '- [ ] Canary rollout — P1, assignees: Bo, Li and Kim',
      '- [ ] Review — owners: Bo, Li, and Kim',
      // The last a mention after `and`, read as a piece of its own.
      '- [ ] Triage — P1, assignees: @bo, @li and @kim',
      '- [ ] Pair — owners: @bo and @kim',
      // A piece that is no name ends the list: the line's words stay.
      '- [ ] Retro — owners: Bo, 2 more',
      '- [ ] Notes — note: ask Bo, Li',
    );
    expect(p.items.map((i) => [i.title, i.owners, i.effort?.text ?? null])).toEqual([
      ['Rotate the keys', ['Bo', 'Li'], null],
      ['Load tests', ['Ana María', 'Li'], '2d'],
      ['Canary rollout', ['Bo', 'Li', 'Kim'], null],
      ['Review', ['Bo', 'Li', 'Kim'], null],
      ['Triage', ['bo', 'li', 'kim'], null],
      ['Pair', ['bo', 'kim'], null],
      ['Retro — owners: Bo, 2 more', [], null],
      ['Notes — note: ask Bo, Li', [], null],
    ]);
  });

  it('removes owners written next to each other with one separator, as one piece of the list', () => {
    for (const line of [
      '- [ ] Ship it — @bo @kim, 2d',
      '- [ ] Ship it — owners: @bo and @kim, 2d',
      '- [ ] Ship it — owners: @bo, @li and @kim, 2d',
    ]) {
      const text = `${line}\n`;
      const p = parsePlan(text, { file: 'plan.md' });
      expect(applyEdits(text, setAttribute(p, p.items[0]!, 'owner', null))).toBe('- [ ] Ship it — 2d\n');
    }
  });

  it('removes and sets a list of owners whole', () => {
    const text = '- [ ] Rotate the keys — owners: Bo, Li, 2d\n';
    const p = parsePlan(text, { file: 'plan.md' });
    expect(applyEdits(text, setAttribute(p, p.items[0]!, 'owner', null))).toBe(
      '- [ ] Rotate the keys — 2d\n',
    );
    expect(applyEdits(text, setAttribute(p, p.items[0]!, 'owner', 'Ana'))).toBe(
      '- [ ] Rotate the keys — owners: Ana, 2d\n',
    );
  });

  it('keeps a name that is one team, or a value that is no list of names, whole', () => {
    const p = parse(
      '- [ ] Pricing page [owner:: Sales & Marketing team]',
      '- [ ] Lab setup [owner:: Research and Development]',
      '- [ ] Pipelines [owner:: CI/CD]',
      '- [ ] Migration [owner:: Bo (with help from infra)]',
    );
    expect(owners(p)).toEqual([
      ['Pricing page', 'Sales & Marketing team', ['Sales & Marketing team']],
      ['Lab setup', 'Research and Development', ['Research and Development']],
      ['Pipelines', 'CI/CD', ['CI/CD']],
      ['Migration', 'Bo (with help from infra)', ['Bo (with help from infra)']],
    ]);
  });

  it('names each owner once, however often the line names them', () => {
    const p = parse('- [ ] Backfill [owner:: kim] @kim @Kim @ana');
    expect(owners(p)).toEqual([['Backfill @kim @Kim @ana', 'kim', ['kim', 'ana']]]);
  });

  it('reads the owners of a field line, a table cell and a sub-bullet, and gives sub-tasks all of them', () => {
    const p = parse(
      '## Build',
      '',
      '### 1.2 Configure CI',
      'Owners: Bo, Li',
      'Status: In progress',
      '',
      '- [ ] Cache the layers',
      '- [ ] Sign the images @kim',
      '',
      '## Rollout',
      '',
      '| Task | Owners | Status |',
      '|------|--------|--------|',
      '| Canary | Ana, Kim | todo |',
      '',
      '- [ ] Flip the flag',
      '  - **Assignees:** @bo, @li',
    );
    expect(owners(p)).toEqual([
      ['Configure CI', 'Bo', ['Bo', 'Li']],
      ['Cache the layers', 'Bo', ['Bo', 'Li']],
      // Its own owner replaces those it would inherit.
      ['Sign the images @kim', 'kim', ['kim']],
      ['Canary', 'Ana', ['Ana', 'Kim']],
      ['Flip the flag', 'bo', ['bo', 'li']],
    ]);
  });

  it('gives an item whose owner comes from its section or the roster that owner alone', () => {
    const p = parse(
      'Attendees: Alice, Bob Stone',
      '',
      '## Backend (owner: Lee)',
      '',
      '- [ ] Rate limits',
      '- [ ] Bob to call the vendor',
    );
    expect(owners(p)).toEqual([
      ['Rate limits', 'Lee', ['Lee']],
      ['Bob to call the vendor', 'Bob Stone', ['Bob Stone']],
    ]);
  });

  it('reads a list of names joined by commas as those names, once each, the first the owner (property)', () => {
    // Names, not words a reader might take for something else (`Low`, `Due`): a pool with repeats and
    // letters past ASCII.
    const name = fc.constantFrom('Ana', 'Bo', 'Li', 'Kim', 'Mira', 'Jonas', 'Dana', 'Élodie', 'Raj', 'Yuki');
    const joiner = fc.constantFrom(', ', ',', ' , ', '; ');
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 2, maxLength: 6 }),
        joiner,
        fc.boolean(),
        (names, join, mention) => {
          const written = names.map((n) => (mention ? `@${n}` : n));
          const item = parse(`- [ ] Ship it [owner:: ${written.join(join)}]`).items[0]!;
          const unique = names.filter(
            (n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i,
          );
          expect(item.owners).toEqual(unique);
          expect(item.owner).toBe(unique[0]);
          expect(item.title).toBe('Ship it');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the owner first among the owners of every item of every fixture and of generated plans', () => {
    const dir = join(import.meta.dirname, 'fixtures');
    const plans = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
    for (const seed of [1, 2, 3]) plans.push([`generated-${seed}`, generatePlan(60_000, seed)]);
    let checked = 0;
    for (const [f, text] of plans) {
      for (const i of parsePlan(text, { file: f }).items) {
        expect(i.owners[0] ?? null, `${f}:${i.line}`).toBe(i.owner);
        expect(new Set(i.owners.map((o) => o.toLowerCase())).size, `${f}:${i.line}`).toBe(i.owners.length);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
