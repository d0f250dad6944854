/** The read-only commands end to end: the built CLI spawned on plans written to a temp dir. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  itemJsonSchema,
  nextEntrySchema,
  planStatusSchema,
  showResultSchema,
} from '../../src/core/contract/items.js';
import { taskmark } from '../support/cli.js';

const PLAN = `# Release plan

**Plan Date:** 2026-03-02

## Build (P1)

### REL-1: Cut the branch

**Status:** DONE
**Owner:** Ana

### REL-2: Smoke tests

**Status:** TODO
**Due:** 2026-03-01
**Depends on:** REL-1

- [x] API smoke test
- [ ] UI smoke test
`;

function workspace(): string {
  const d = mkdtempSync(join(tmpdir(), 'taskmark-cli-'));
  writeFileSync(join(d, 'TODO.md'), PLAN);
  writeFileSync(join(d, 'notes.md'), '# Notes\n\n- [ ] not a plan file by name\n');
  return d;
}

describe('taskmark items', () => {
  it('prints every item of the plans found in the directory as JSON', () => {
    const r = taskmark(['items', '--json'], workspace());
    expect(r.code).toBe(0);
    const items = z.array(itemJsonSchema).parse(JSON.parse(r.stdout));
    expect(items.map((i) => [i.key, i.status, i.file])).toEqual([
      ['REL-1', 'done', 'TODO.md'],
      ['REL-2', 'todo', 'TODO.md'],
      ['REL-2/api-smoke-test', 'done', 'TODO.md'],
      ['REL-2/ui-smoke-test', 'todo', 'TODO.md'],
    ]);
    expect(items[1]).toMatchObject({
      due: '2026-03-01',
      dependsOn: ['REL-1'],
      priority: { rank: 1, label: 'P1' },
      line: 12,
    });
  });

  it('reads any extension when the file is named explicitly', () => {
    const r = taskmark(['items', 'notes.md', '--json'], workspace());
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('prints plain text without colour codes when NO_COLOR is set', () => {
    const r = taskmark(['items'], workspace());
    expect(r.stdout).toContain('REL-2/ui-smoke-test');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it("sets an item's priority, owner and due date apart from its title, labels as written", () => {
    const d = workspace();
    writeFileSync(join(d, 'TODO.md'), '# Sprint\n\n- [ ] (A) Fix the login bug @alice 📅 2026-03-01\n');
    const line = taskmark(['items'], d)
      .stdout.split('\n')
      .find((l) => l.includes('login'));
    expect(line).toMatch(/ {2}· \(A\) · @alice · due 2026-03-01 :3$/);
  });
});

describe('taskmark status', () => {
  it('reports progress, effort and overdue items', () => {
    const r = taskmark(['status', '--json', '--today', '2026-03-05'], workspace());
    expect(r.code).toBe(0);
    const [s] = z.array(planStatusSchema).parse(JSON.parse(r.stdout));
    expect(s!.byStatus).toMatchObject({ total: 3, done: 2, todo: 1 });
    expect(s!.overdue.map((o) => o.key)).toEqual(['REL-2', 'REL-2/ui-smoke-test']);
  });

  it('draws progress bars for people', () => {
    const r = taskmark(['status', '--today', '2026-03-05'], workspace());
    expect(r.stdout).toMatch(/█+░+\s+67%\s+2\/3 done/);
  });
});

describe('taskmark show and next', () => {
  it('shows one item by its ID with children and source', () => {
    const r = taskmark(['show', 'rel-2', '--json'], workspace());
    const shown = showResultSchema.parse(JSON.parse(r.stdout));
    expect(shown.children.map((c) => c.title)).toEqual(['API smoke test', 'UI smoke test']);
    expect(shown.source.split('\n')[0]).toBe('### REL-2: Smoke tests');
  });

  it('shows the status as the plan words it, when the words say more than the status', () => {
    const d = workspace();
    writeFileSync(
      join(d, 'TODO.md'),
      '# Plan\n\n- [ ] Rate limiter — blocked on infra\n- [ ] Docs — Blocked\n',
    );
    const reasoned = taskmark(['show', 'plan/rate-limiter'], d);
    expect(reasoned.stdout.split('\n')[0]).toMatch(
      /^\S+ Rate limiter {2}plan\/rate-limiter {2}TODO\.md:3-3$/,
    );
    expect(reasoned.stdout).toMatch(/^ {2}status {6}blocked \(blocked on infra\)$/m);
    expect(taskmark(['show', 'plan/docs'], d).stdout).not.toMatch(/status/);
  });

  it('shows what an item depends on, a dependency that names no item of the plan said so', () => {
    const d = workspace();
    writeFileSync(
      join(d, 'TODO.md'),
      '# Plan\n\n- [ ] Audit the tokens\n- [ ] Port the auth — **Blocked by:** security review, Audit the tokens\n',
    );
    expect(taskmark(['show', 'plan/port-the-auth'], d).stdout).toMatch(
      /^ {2}depends on {2}plan\/audit-the-tokens, security review \(no item of this plan\)$/m,
    );
  });

  it('shows the fields the plan states beyond the known attributes, a long one cut short', () => {
    const d = workspace();
    writeFileSync(
      join(d, 'TODO.md'),
      `# Plan\n\n- [ ] Importer — 80% — 3 pts\n\n### T-1: Export\n\n**Notes:** ${'word '.repeat(40)}\n**Reviewer:** Bo\n`,
    );
    const importer = taskmark(['show', 'plan/importer'], d).stdout;
    expect(importer).toMatch(/^ {2}stated {6}80%$/m);
    expect(importer).toMatch(/^ {2}points {6}3$/m);
    const exported = taskmark(['show', 'T-1'], d).stdout;
    expect(exported).toMatch(/^ {2}reviewer {4}Bo$/m);
    expect(exported).toMatch(/^ {2}notes {7}(word ){19}word…$/m);
  });

  it('shows a share of the work done as the status of an item that states none, once', () => {
    const d = workspace();
    writeFileSync(
      join(d, 'TODO.md'),
      '# OKRs\n\n- **KR1** Lead time — 🟢 on track\n- **KR2** Rightsize — 60% done\n',
    );
    const shown = taskmark(['show', 'KR2'], d).stdout;
    expect(shown).toMatch(/^ {2}status {6}doing \(60%\)$/m);
    expect(shown).not.toMatch(/stated/);
  });

  it('ranks what to do next with its reasons', () => {
    const r = taskmark(['next', '--json', '--today', '2026-03-05'], workspace());
    const ranked = z.array(nextEntrySchema).parse(JSON.parse(r.stdout));
    expect(ranked.map((e) => e.item.key)).toEqual(['REL-2/ui-smoke-test']);
    expect(ranked[0]!.reasons.map((x) => x.factor)).toEqual(['priority', 'due']);
  });
});

describe('exit codes', () => {
  it('exits 2 with a message on stderr for an unknown key', () => {
    const r = taskmark(['show', 'NOPE-1'], workspace());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/No item with key or ID "NOPE-1"/);
  });

  it('exits 2 for bad usage and bad input', () => {
    const d = workspace();
    expect(taskmark(['status', '--today', 'tomorrow'], d).code).toBe(2);
    expect(taskmark(['frobnicate'], d).code).toBe(2);
    writeFileSync(join(d, 'bad.md'), Buffer.from([0x2d, 0x20, 0xff, 0x0a]));
    const bad = taskmark(['items', 'bad.md'], d);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not valid UTF-8/);
    writeFileSync(join(d, 'bin.md'), Buffer.from([0, 1, 2, 3]));
    expect(taskmark(['items', 'bin.md'], d).stderr).toMatch(/binary/);
  });

  it('exits 0 for --help and --version', () => {
    const d = workspace();
    expect(taskmark(['--help'], d).code).toBe(0);
    expect(taskmark(['--version'], d).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
