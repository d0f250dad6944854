import { describe, expect, it } from 'vitest';
import { applyEdits, setAttribute } from '../../edit/index.js';
import type { Item, Plan } from '../../model.js';
import { parsePlan } from '../parse.js';

const parse = (...lines: string[]): Plan => parsePlan(`${lines.join('\n')}\n`, { file: 'plan.md' });
const size = (i: Item): string | null => i.fields.find((f) => f.key === 'size')?.value ?? null;

describe('lists in brackets on a task line', () => {
  it('reads a mention alone in parentheses before a list set off after it, and leaves one inside the words', () => {
    const p = parse(
      '- [ ] Rollback button (@li) — blocked by Search',
      '- [ ] Alerts (@ana) — P1',
      '- [ ] Search',
      '- [ ] Talk to (@li) about the rollout',
    );
    expect(p.items.map((i) => [i.title, i.owner, i.status, i.priority?.label ?? null, i.dependsOn])).toEqual([
      ['Rollback button', 'li', 'blocked', null, ['search']],
      ['Alerts', 'ana', 'todo', 'P1', []],
      ['Search', null, 'todo', null, []],
      // A mention inside the title's words says who too, and stays a word.
      ['Talk to (@li) about the rollout', 'li', 'todo', null, []],
    ]);
  });

  it('ends a `key: value` piece before a mention or tag that follows it in the list', () => {
    const p = parse(
      'Updated 2026-12-01',
      '',
      '- [ ] Rotate keys (due: 2026-12-18, @kim)',
      '- [ ] Backfill [owner: kim, @bo]',
      '- [ ] Triage (status: blocked, #infra)',
    );
    expect(p.items.map((i) => [i.title, i.owner, i.due, i.status, i.tags])).toEqual([
      // Before, the due value was `2026-12-18, @kim`, no date, and the owner was not read.
      ['Rotate keys', 'kim', '2026-12-18', 'todo', []],
      // The first owner named is the item's owner, as `@kim @bo` on a line gives kim.
      ['Backfill', 'kim', null, 'todo', []],
      ['Triage', null, null, 'blocked', ['infra']],
    ]);
    expect(p.items[1]!.fields.map((f) => [f.key, f.value])).toEqual([
      ['owner', 'kim'],
      ['owner', 'bo'],
    ]);
  });

  it('reads a T-shirt size: keyed in a list, set off by a dash, or alone in parentheses ending the title', () => {
    const p = parse(
      '- [ ] Paginate orders (size: S)',
      '- [ ] Dark mode (L)',
      '- [ ] Audit log (M) — @kim',
      '- [ ] Exports [size: XL, @ana]',
      '- [ ] Cost dashboards — @mo — S',
      '- [ ] Import (T-shirt size: XS)',
      '- [ ] Retry queue — size: M, P2',
      '- [ ] Sync (XXL) ✅ 2026-12-01',
    );
    expect(p.items.map((i) => [i.title, size(i), i.owner])).toEqual([
      ['Paginate orders', 'S', null],
      ['Dark mode', 'L', null],
      ['Audit log', 'M', 'kim'],
      ['Exports', 'XL', 'ana'],
      ['Cost dashboards', 'S', 'mo'],
      ['Import', 'XS', null],
      ['Retry queue', 'M', null],
      ['Sync', 'XXL', null],
    ]);
  });

  it('leaves a capital letter in parentheses inside the title to the title', () => {
    const p = parse(
      '- [ ] Add vitamin (C)',
      '- [ ] Move the (S) drive — @kim',
      '- [ ] Plan (M) and (L) tiers next',
      '- [ ] Mark sizes (m)',
      '- [ ] Compare (XL) vs (XXL) shirts',
    );
    expect(p.items.map((i) => [i.title, size(i)])).toEqual([
      ['Add vitamin (C)', null],
      ['Move the (S) drive', null],
      ['Plan (M) and (L) tiers next', null],
      ['Mark sizes (m)', null],
      ['Compare (XL) vs (XXL) shirts', null],
    ]);
  });

  it('reads `depends on` and a name in words set off after the title as a dependency, by title or outside the plan', () => {
    const p = parse(
      '## Work',
      '',
      '- [ ] Port the email worker',
      '- [ ] Port the thumbnail worker — depends on Port the email worker',
      '- [ ] Sign the contract (depends on the legal review)',
      '- [ ] Cut over — @kim, depends on Port the email worker, 2d',
      // Figures make a reference the plan's phrases read, or words the title keeps.
      '- [ ] Ship the SDK — depends on Milestone 1',
      // Not set off: the title's words.
      '- [ ] Decide what depends on the budget',
    );
    expect(p.items.map((i) => [i.title, i.dependsOn, i.unresolvedDeps])).toEqual([
      ['Port the email worker', [], []],
      ['Port the thumbnail worker', ['work/port-the-email-worker'], []],
      ['Sign the contract', [], ['the legal review']],
      ['Cut over', ['work/port-the-email-worker'], []],
      ['Ship the SDK — depends on Milestone 1', [], []],
      ['Decide what depends on the budget', [], []],
    ]);
  });

  it('removes a dependency in words with its separator, and the line reads back', () => {
    const text = '- [ ] Alpha\n- [ ] Beta — depends on Alpha, 2d\n';
    const p = parsePlan(text, { file: 'plan.md' });
    expect(applyEdits(text, setAttribute(p, p.items[1]!, 'depends', null))).toBe(
      '- [ ] Alpha\n- [ ] Beta — 2d\n',
    );
  });

  it('changes and removes a size in place, and the line reads back', () => {
    const text = '- [ ] Dark mode (L) — @kim\n- [ ] Exports (size: M, @ana)\n';
    const p = parsePlan(text, { file: 'plan.md' });
    const set = applyEdits(text, setAttribute(p, p.items[0]!, 'size', 'XL'));
    expect(set).toBe('- [ ] Dark mode (XL) — @kim\n- [ ] Exports (size: M, @ana)\n');
    const removed = applyEdits(text, setAttribute(p, p.items[1]!, 'size', null));
    expect(removed).toBe('- [ ] Dark mode (L) — @kim\n- [ ] Exports (@ana)\n');
    const back = parsePlan(removed, { file: 'plan.md' }).items[1]!;
    expect([back.title, back.owner, size(back)]).toEqual(['Exports', 'ana', null]);
  });
});
