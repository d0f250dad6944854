import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseDashboards } from '../dashboards/index.js';
import { applyEdits } from '../edit/splice.js';
import { dashboardRules } from '../lint/rules/dashboards.js';
import type { LintContext } from '../lint/types.js';
import { parsePlan } from '../plan/parse.js';
import { adoptEdits, managedEdits, render, type SyncOptions, syncSteps } from './index.js';

const CTX: LintContext = { today: '2026-01-15', dueSoonDays: 7, similarity: 0.85, hoursPerDay: 8 };
const parse = (text: string) => parsePlan(text, { file: 'PLAN.md' });

/** Runs sync's steps as the CLI does: each on the plan as the previous step left it. */
function sync(text: string, opts: SyncOptions = {}): string {
  for (const step of syncSteps(opts)) text = applyEdits(text, step(parse(text)));
  return text;
}

const PLAN = [
  '# Shed',
  '',
  '<!-- taskmark:progress by=section format=table -->',
  '<!-- /taskmark -->',
  '',
  '## Foundations',
  '',
  '- [x] Level the ground',
  '- [x] Pour the slab **P0**',
  '',
  '## Walls',
  '',
  '- [ ] Frame the walls @ann',
  '- [-] Clad the walls',
  '- [ ] Paint the walls',
  '',
].join('\n');

describe('managed blocks', () => {
  it('regenerates a table by section with a TOTAL row', () => {
    expect(sync(PLAN)).toContain(
      [
        '<!-- taskmark:progress by=section format=table -->',
        '| Section     |  Done | Total | Progress |',
        '| ----------- | ----: | ----: | -------: |',
        '| Foundations |     2 |     2 |     100% |',
        '| Walls       |     1 |     3 |      33% |',
        '| **TOTAL**   | **3** | **5** |  **60%** |',
        '<!-- /taskmark -->',
      ].join('\n'),
    );
  });

  it('renders bars and counters, and one figure for the plan without by=', () => {
    const plan = parse(PLAN);
    expect(render(plan, 'section', 'bar')).toEqual([
      '```text',
      'Foundations  [██████████] 2/2 (100%)',
      'Walls        [███░░░░░░░] 1/3 (33%)',
      'TOTAL        [██████░░░░] 3/5 (60%)',
      '```',
    ]);
    expect(render(plan, 'section', 'counter')).toEqual([
      '- Foundations: 2/2 (100%)',
      '- Walls: 1/3 (33%)',
      '- **Total:** 3/5 (60%)',
    ]);
    expect(render(plan, null, 'counter')).toEqual(['**Progress:** 3/5 (60%)']);
  });

  it('groups by priority (by rank) and by owner, with the ungrouped last', () => {
    const plan = parse(PLAN);
    expect(render(plan, 'priority', 'table')).toEqual([
      '| Priority      |  Done | Total | Progress |',
      '| ------------- | ----: | ----: | -------: |',
      '| P0            |     1 |     1 |     100% |',
      '| (no priority) |     2 |     4 |      50% |',
      '| **TOTAL**     | **3** | **5** |  **60%** |',
    ]);
    expect(render(plan, 'owner', 'counter')).toEqual([
      '- ann: 0/1 (0%)',
      '- (unassigned): 3/4 (75%)',
      '- **Total:** 3/5 (60%)',
    ]);
  });

  it('is idempotent and leaves the rest of the plan byte for byte', () => {
    const once = sync(PLAN);
    expect(sync(once)).toBe(once);
    expect(managedEdits(parse(once)).stale).toEqual([]);
    const [before, after] = [PLAN.split('<!-- /taskmark -->')[1], once.split('<!-- /taskmark -->')[1]];
    expect(after).toBe(before);
  });

  it('keeps CRLF line endings inside the block', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const out = sync(crlf);
    expect(out).toContain('| **TOTAL**   | **3** | **5** |  **60%** |\r\n<!-- /taskmark -->\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('never rewrites a block whose markers are malformed', () => {
    for (const bad of [
      PLAN.replace('<!-- /taskmark -->\n', ''),
      PLAN.replace('by=section', 'by=team'),
      PLAN.replace('format=table', 'format=pie'),
      PLAN.replace('format=table', 'format=table colour=red'),
      PLAN.replace('format=table', 'format=table label="<b>"'),
      PLAN.replace('<!-- /taskmark -->', '<!-- taskmark:progress -->\n<!-- /taskmark -->'),
    ]) {
      expect(analyseDashboards(parse(bad)).problems.length).toBeGreaterThan(0);
      expect(managedEdits(parse(bad)).stale).toEqual([]);
    }
  });
});

describe('adopt', () => {
  it('turns a progress table whose rows name sections into a managed block', () => {
    const text = [
      '# Shed',
      '',
      '| Area        | Tasks | Progress |',
      '| ----------- | ----- | -------- |',
      '| Foundations | 2     | 0%       |',
      '| Walls       | 3     | 0%       |',
      '',
      '## Foundations',
      '',
      '- [x] Level',
      '- [x] Pour',
      '',
      '## Walls',
      '',
      '- [ ] Frame',
      '- [ ] Clad',
      '- [ ] Paint',
      '',
    ].join('\n');
    const out = sync(text, { adopt: true });
    expect(out).toContain('<!-- taskmark:progress by=section format=table -->\n| Section ');
    expect(out).toContain('| Foundations |     2 |     2 |     100% |');
    expect(sync(out, { adopt: true })).toBe(out);
  });

  it('turns a counter line about the whole plan into a managed counter that keeps its label', () => {
    const text =
      '# Roof\n\n**Completion:** 0/3 (0%)\nOverall Progress: 1/3\n\n## Gutters\n\n- [x] Buy\n- [ ] Fit\n- [ ] Paint\n';
    const out = sync(text, { adopt: true });
    expect(out).toBe(
      [
        '# Roof',
        '',
        '<!-- taskmark:progress format=counter label=Completion -->',
        '**Completion:** 1/3 (33%)',
        '<!-- /taskmark -->',
        '<!-- taskmark:progress format=counter label="Overall Progress" -->',
        '**Overall Progress:** 1/3 (33%)',
        '<!-- /taskmark -->',
        '',
        '## Gutters',
        '',
        '- [x] Buy',
        '- [ ] Fit',
        '- [ ] Paint',
        '',
      ].join('\n'),
    );
    expect(sync(out, { adopt: true })).toBe(out);
  });

  it('leaves alone a table whose rows name nothing the plan has', () => {
    const text = '# P\n\n| Metric | Done | Total |\n| --- | --- | --- |\n| p95 | 3 | 4 |\n\n- [ ] One\n';
    expect(adoptEdits(parse(text))).toEqual([]);
  });
});

describe('unmanaged', () => {
  it('rewrites hand-written dashboards in place and then reports nothing', () => {
    const text = [
      '# Shed',
      '',
      '**Completion:** 0/5 (0%)',
      '',
      '| Section     | Tasks | Done | Progress    | Status      |',
      '| ----------- | ----- | ---- | ----------- | ----------- |',
      '| Foundations | 2     | 0    | [░░░░░] 0%  | Not Started |',
      '| Walls       | 3     | 0    | [░░░░░] 0%  | Not Started |',
      '| **TOTAL**   | 5     | 0    | [░░░░░] 0%  | Not Started |',
      '',
      '## Foundations',
      '',
      '- [x] Level',
      '- [x] Pour',
      '',
      '## Walls',
      '',
      '- [x] Frame',
      '- [ ] Clad',
      '- [ ] Paint',
      '',
    ].join('\n');
    const out = sync(text, { unmanaged: true });
    expect(out.split('\n').slice(2, 9)).toEqual([
      '**Completion:** 3/5 (60%)',
      '',
      '| Section     | Tasks | Done | Progress    | Status      |',
      '| ----------- | ----- | ---- | ----------- | ----------- |',
      '| Foundations | 2     | 2    | [█████] 100% | Complete    |',
      '| Walls       | 3     | 1    | [██░░░] 33% | In Progress |',
      '| **TOTAL**   | 5     | 3    | [███░░] 60% | In Progress |',
    ]);
    expect(dashboardRules.flatMap((r) => [...r.check(parse(out), CTX)])).toEqual([]);
    expect(sync(out, { unmanaged: true })).toBe(out);
  });
});

// Random plans: sections of checkbox items with random marks, a managed block of a random kind,
// and hand-written dashboards with random (mostly wrong) figures.
const MARKS = [' ', 'x', 'X', '/', '-', '!'];
const section = fc.record({
  title: fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'),
  marks: fc.array(fc.constantFrom(...MARKS), { minLength: 1, maxLength: 6 }),
  priority: fc.constantFrom('', ' (P0)', ' (P1)', ' @ann', ' @bob'),
});
const planArb = fc.record({
  by: fc.constantFrom('', ' by=section', ' by=priority', ' by=owner', ' by=phase'),
  format: fc.constantFrom('', ' format=table', ' format=bar', ' format=counter'),
  sections: fc.uniqueArray(section, { minLength: 1, maxLength: 4, selector: (s) => s.title }),
  claimed: fc.nat({ max: 30 }),
  percent: fc.nat({ max: 100 }),
  fill: fc.nat({ max: 10 }),
  status: fc.constantFrom('Not Started', 'In Progress', 'Complete', '✅', '**Done**'),
  phaseLabels: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
});

type PlanShape = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

function buildPlan(p: PlanShape): string {
  const total = p.sections.reduce((n, s) => n + s.marks.length, 0);
  const lines = [
    '# Generated plan',
    '',
    `**Completion:** ${p.claimed}/${total} (${p.percent}%)`,
    `Overall Progress: [${'█'.repeat(p.fill)}${'░'.repeat(10 - p.fill)}] ${p.percent}%`,
    '',
    `<!-- taskmark:progress${p.by}${p.format} -->`,
    'stale content',
    '<!-- /taskmark -->',
    '',
    '| Section | Tasks | Done | Progress | Status |',
    '| ------- | ----- | ---- | -------- | ------ |',
    ...p.sections.map(
      (s, i) =>
        `| ${p.phaseLabels ? `Phase ${i + 1}` : s.title} | ${s.marks.length} | ${p.claimed} | [${'#'.repeat(p.fill)}${'-'.repeat(10 - p.fill)}] ${p.percent}% | ${p.status} |`,
    ),
    `| TOTAL | ${total} | ${p.claimed} | ${p.percent}% | ${p.status} |`,
    '',
    '| Phase | Status |',
    '| ----- | ------ |',
    ...p.sections.map((_, i) => `| Phase ${i + 1} | ${p.status} |`),
    '',
  ];
  p.sections.forEach((s, i) => {
    lines.push(`## Phase ${i + 1}: ${s.title}`, '');
    s.marks.forEach((m, j) => {
      lines.push(`- [${m}] ${s.title} task ${j + 1}${s.priority}`);
    });
    lines.push('');
  });
  return lines.join(p.eol);
}

/** A plan whose hand-written dashboards are all true, written with a random rounding and bar style. */
function truePlan(p: PlanShape, floor: boolean, barStyle: number): string {
  const isDone = (m: string) => m === 'x' || m === 'X' || m === '-';
  const pct = (d: number, t: number) => {
    const v = t === 0 ? 0 : (d / t) * 100;
    return String(floor ? Math.floor(v) : Math.min(Math.round(v), d < t ? 99 : 100));
  };
  const [full, empty] = barStyle === 0 ? ['█', '░'] : barStyle === 1 ? ['#', '-'] : ['▓', '░'];
  const bar = (d: number, t: number) => {
    const cells =
      t === 0 ? 0 : floor ? Math.floor((d / t) * 10) : Math.min(Math.round((d / t) * 10), d < t ? 9 : 10);
    return `[${full!.repeat(cells)}${empty!.repeat(10 - cells)}]`;
  };
  const status = (d: number, doing: number, t: number) =>
    d === t ? 'Complete' : d > 0 || doing > 0 ? 'In Progress' : 'Not Started';
  const counts = p.sections.map((s) => ({
    title: s.title,
    done: s.marks.filter(isDone).length,
    doing: s.marks.filter((m) => m === '/').length,
    total: s.marks.length,
  }));
  const d = counts.reduce((n, c) => n + c.done, 0);
  const doing = counts.reduce((n, c) => n + c.doing, 0);
  const t = counts.reduce((n, c) => n + c.total, 0);
  const lines = [
    '# Generated plan',
    '',
    `**Completion:** ${d}/${t} (${pct(d, t)}%)`,
    `Overall Progress: ${bar(d, t)} ${pct(d, t)}%`,
    '',
    '| Section | Tasks | Done | Progress | Status |',
    '| ------- | ----- | ---- | -------- | ------ |',
    ...counts.map(
      (c) =>
        `| ${c.title} | ${c.total} | ${c.done} | ${bar(c.done, c.total)} ${pct(c.done, c.total)}% | ${status(c.done, c.doing, c.total)} |`,
    ),
    `| TOTAL | ${t} | ${d} | ${pct(d, t)}% | ${status(d, doing, t)} |`,
    '',
  ];
  p.sections.forEach((s, i) => {
    lines.push(
      `## Phase ${i + 1}: ${s.title}`,
      '',
      `Progress: ${counts[i]!.done}/${counts[i]!.total} tasks done`,
      '',
    );
    s.marks.forEach((m, j) => {
      lines.push(`- [${m}] ${s.title} task ${j + 1}${s.priority}`);
    });
    lines.push('');
  });
  return lines.join(p.eol);
}

describe('sync properties', () => {
  it('true hand-written dashboards are never reported, however they round', () => {
    fc.assert(
      fc.property(planArb, fc.boolean(), fc.nat({ max: 2 }), (p, floor, barStyle) => {
        const text = truePlan(p, floor, barStyle);
        const findings = dashboardRules.flatMap((r) => [...r.check(parse(text), CTX)].map((f) => f.message));
        expect(findings).toEqual([]);
        expect(sync(text, { unmanaged: true })).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('syncing twice gives what syncing once gives', () => {
    fc.assert(
      fc.property(planArb, fc.boolean(), fc.boolean(), (p, unmanaged, adopt) => {
        const once = sync(buildPlan(p), { unmanaged, adopt });
        expect(sync(once, { unmanaged, adopt })).toBe(once);
      }),
      { numRuns: 150 },
    );
  });

  it('after sync --unmanaged the dashboard rules report nothing', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const out = sync(buildPlan(p), { unmanaged: true });
        const findings = dashboardRules.flatMap((r) =>
          [...r.check(parse(out), CTX)].map((f) => `${r.id}: ${f.message}`),
        );
        expect(findings).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('changes only the managed block and the dashboards, never an item', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const text = buildPlan(p);
        const out = sync(text, { unmanaged: true });
        const items = (t: string) => parse(t).items.map((i) => [i.key, i.status, i.title]);
        expect(items(out)).toEqual(items(text));
      }),
      { numRuns: 100 },
    );
  });
});
