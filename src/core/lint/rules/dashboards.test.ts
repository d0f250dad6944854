import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../edit/splice.js';
import type { Plan } from '../../model.js';
import { parsePlan } from '../../plan/parse.js';
import type { LintContext, RawFinding } from '../types.js';
import { dashboardRules } from './dashboards.js';

const CTX: LintContext = { today: '2026-01-15', dueSoonDays: 7, similarity: 0.85, hoursPerDay: 8 };
const FIXTURES = resolve(import.meta.dirname, '../../dashboards/fixtures');
const parse = (text: string, file = 'PLAN.md'): Plan => parsePlan(text, { file });
const rule = (id: string) => {
  const r = dashboardRules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};
const check = (id: string, text: string): RawFinding[] => [...rule(id).check(parse(text), CTX)];
const lineOf = (text: string, f: RawFinding) => text.slice(0, f.span.start).split('\n').length;
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('dashboardRules', () => {
  it('declares its rules with ids, severities and descriptions', () => {
    expect(dashboardRules.map((r) => [r.id, r.severity])).toEqual([
      ['dashboard-stale', 'error'],
      ['progress-bar-mismatch', 'warning'],
      ['status-column-mismatch', 'warning'],
      ['dashboard-marker', 'error'],
    ]);
    for (const r of dashboardRules) expect(r.description.length).toBeGreaterThan(20);
  });
});

describe('dashboard-stale', () => {
  it('reports a counter that disagrees with the items, with a fix that rewrites the numbers', () => {
    const text = fixture('stale-counter.md');
    const found = check('dashboard-stale', text);
    expect(found.map((f) => f.message)).toEqual([
      'Dashboard says 0/6 (0%) but 4 of 6 items are done (67%)',
      'Dashboard says 1/3 (33%) but 2 of 3 items are done (67%)',
    ]);
    expect(found.map((f) => lineOf(text, f))).toEqual([4, 14]);
    const after = applyEdits(
      text,
      found.flatMap((f) => f.fix?.edits ?? []),
    );
    expect(check('dashboard-stale', after)).toEqual([]);
  });

  it('reports a stale progress-table row', () => {
    const found = check('dashboard-stale', fixture('priority-table.md'));
    expect(found.map((f) => f.message)).toEqual([
      'Progress table row "Must Have" says 0/2 (0%) but 1 of 2 items is done (50%)',
      'Progress table row "TOTAL" says 0/4 (0%) but 1 of 4 items is done (25%)',
    ]);
  });

  it('reports a stale "Total Items" in a flat checklist', () => {
    const text = '# Chores\n\n**Total Items:** 2 tasks\n\n- [ ] Sweep\n- [ ] Mop\n- [x] Dust\n';
    const found = check('dashboard-stale', text);
    expect(found.map((f) => f.message)).toEqual(['Dashboard says Total Items: 2 but there are 3 items']);
    expect(applyEdits(text, found[0]!.fix!.edits)).toContain('**Total Items:** 3 tasks\n');
  });

  it('reports an out-of-date managed block, with the regeneration as its fix', () => {
    const text =
      '# P\n\n<!-- taskmark:progress format=counter -->\n**Progress:** 0/1 (0%)\n<!-- /taskmark -->\n\n- [x] One\n';
    const found = check('dashboard-stale', text);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/Managed progress block \(line 3\) is out of date/);
    expect(applyEdits(text, found[0]!.fix!.edits)).toContain('**Progress:** 1/1 (100%)\n');
  });

  it('stays silent on true dashboards and on figures that are not about the work', () => {
    expect(check('dashboard-stale', fixture('up-to-date.md'))).toEqual([]);
    expect(check('dashboard-stale', fixture('negatives.md'))).toEqual([]);
    expect(check('dashboard-stale', '# P\n\nWe reduce latency by 50% this quarter.\n\n- [x] Tune\n')).toEqual(
      [],
    );
    expect(check('dashboard-stale', '# P\n\nProgress review on 3/4 with Ann.\n\n- [x] Tune\n')).toEqual([]);
  });

  it('stays silent on a dashboard in a code example', () => {
    const text = '# P\n\n```markdown\n**Completion:** 0/1 (0%)\n```\n\n- [x] One\n';
    expect(check('dashboard-stale', text)).toEqual([]);
  });
});

describe('progress-bar-mismatch', () => {
  it('reports a bar whose fill disagrees with its own numbers', () => {
    const found = check('progress-bar-mismatch', fixture('bars.md'));
    expect(found.map((f) => f.message)).toEqual([
      'Progress bar for Phase 1: Export shows 100% (10 of 10 cells filled) but its numbers say 2/4 (50%)',
      'Progress bar for Phase 2: Import shows 40% (4 of 10 cells filled) but its numbers say 0/2 (0%)',
      'Progress bar for Effort shows 40% (4 of 10 cells filled) but its numbers say 0/10h (0%)',
    ]);
  });

  it('stays silent on bars that agree', () => {
    expect(check('progress-bar-mismatch', '# P\n\nProgress: [####------] 4/10\n')).toEqual([]);
    expect(check('progress-bar-mismatch', '# P\n\nProgress: [▓▓▓▓░░░░░░] 40%\n')).toEqual([]);
  });
});

describe('status-column-mismatch', () => {
  it('reports a status cell that disagrees with its row', () => {
    const text = fixture('priority-table.md');
    const found = check('status-column-mismatch', text);
    expect(found.map((f) => [lineOf(text, f), f.message])).toEqual([
      [
        7,
        'Status column says "Not Started" for Must Have but 1 of 2 items is done and 1 is in progress, so it is In Progress',
      ],
      [
        9,
        'Status column says "Not Started" for TOTAL but 1 of 4 items is done and 1 is in progress, so it is In Progress',
      ],
    ]);
    expect(found[1]!.fix!.edits).toEqual([
      {
        start: text.indexOf('**Not Started**') + 2,
        end: text.indexOf('**Not Started**') + 13,
        text: 'In Progress',
      },
    ]);
  });

  it('stays silent on status tables that list tasks rather than count them', () => {
    const text =
      '# P\n\n| Task | Owner | Status |\n| --- | --- | --- |\n| Sweep | Ann | Not Started |\n\n- [x] Sweep\n';
    expect(check('status-column-mismatch', text)).toEqual([]);
  });
});

describe('dashboard-marker', () => {
  it('reports unclosed, nested, stray and unknown markers', () => {
    const text = [
      '# P',
      '<!-- taskmark:progress by=team -->',
      '<!-- /taskmark -->',
      '<!-- taskmark:progress -->',
      '<!-- taskmark:progress format=bar -->',
      '<!-- /taskmark -->',
      '<!-- /taskmark -->',
      '<!-- taskmark:progress format=counter -->',
      '',
    ].join('\n');
    const found = check('dashboard-marker', text);
    expect(found.map((f) => [lineOf(text, f), f.message])).toEqual([
      [2, 'Unknown by=team; use one of section, priority, owner, phase.'],
      [
        4,
        'The managed block opened on line 4 is not closed before another opens on line 5; add `<!-- /taskmark -->` (blocks do not nest).',
      ],
      [7, 'A `<!-- /taskmark -->` marker closes no managed block; remove it or add the opening marker.'],
      [8, 'The managed block opened on line 8 is never closed; add `<!-- /taskmark -->` after it.'],
    ]);
  });

  it('ignores markers shown in code', () => {
    expect(check('dashboard-marker', '# P\n\n```\n<!-- taskmark:progress -->\n```\n')).toEqual([]);
    expect(check('dashboard-marker', '# P\n\nWrap it in `<!-- taskmark:progress -->` markers.\n')).toEqual(
      [],
    );
  });
});

const SEEDS = resolve(import.meta.dirname, '../../../../../shared/seeds');
const hasSeeds = existsSync(SEEDS);
if (!hasSeeds) console.log(`skipping the dashboard seed tests: ${SEEDS} not found`);

describe.skipIf(!hasSeeds)('dashboard rules on the seed plans', () => {
  const seed = (prefix: string) => {
    const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
    if (!name) throw new Error(`no seed ${prefix}`);
    const text = readFileSync(join(SEEDS, name), 'utf8');
    const plan = parse(text, name);
    return dashboardRules.flatMap((r) =>
      [...r.check(plan, CTX)].map((f) => `${r.id} ${lineOf(text, f)}: ${f.message}`),
    );
  };

  it('000: the progress table says "Not Started" for Must Have and TOTAL while MH-001 is in progress', () => {
    // 0/50 (0%) is not reported: the plan shows 23 of its 50 tasks (it says the rest were cut for
    // length), none of them done, so nothing proves the counter stale.
    expect(seed('000')).toEqual([
      'status-column-mismatch 27: Status column says "Not Started" for Must Have but 0 of 15 items are done and 1 is in progress, so it is In Progress',
      'status-column-mismatch 30: Status column says "Not Started" for TOTAL but work on its items has started (MH-001 is in progress), so it is In Progress',
    ]);
  });

  it('001 and 002 have no dashboards to check', () => {
    expect(seed('001')).toEqual([]);
    expect(seed('002')).toEqual([]);
  });

  it('003: the Phase 1 bar is drawn 40% full beside 0/18h', () => {
    expect(seed('003')).toEqual([
      'progress-bar-mismatch 36: Progress bar for Phase 1: Critical Fixes shows 40% (4 of 10 cells filled) but its numbers say 0/18h (0%)',
    ]);
  });

  it('004: 62.5% (5 of 8 phases) is left alone: the plan does not hold the 8 phases it counts', () => {
    expect(seed('004')).toEqual([]);
  });

  it('fixing every seed changes only the lines found, after which the rules report nothing', () => {
    for (const name of readdirSync(SEEDS).sort()) {
      const text = readFileSync(join(SEEDS, name), 'utf8');
      const plan = parse(text, name);
      const findings = dashboardRules.flatMap((r) => [...r.check(plan, CTX)]);
      const after = applyEdits(
        text,
        findings.flatMap((f) => f.fix?.edits ?? []),
      );
      const before = text.split('\n');
      const changed = after.split('\n').flatMap((l, i) => (l === before[i] ? [] : [i + 1]));
      expect(changed, name).toEqual(
        findings.map((f) => lineOf(text, f)).filter((l, i, a) => a.indexOf(l) === i),
      );
      const again = parse(after, name);
      expect(
        dashboardRules.flatMap((r) => [...r.check(again, CTX)]),
        name,
      ).toEqual([]);
    }
  });
});
