import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../edit/splice.js';
import type { Plan } from '../model.js';
import { damage } from '../plan/encoding.js';
import { parsePlan } from '../plan/parse.js';
import { analyseDashboards } from './index.js';
import { findTokens, formatPercent, percentAgrees } from './tokens.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const parse = (text: string, file = 'PLAN.md'): Plan => parsePlan(text, { file });
const mismatches = (text: string) => analyseDashboards(parse(text)).mismatches;
/** The plan's text with every fix applied. */
const fixed = (text: string) => {
  const plan = parse(text);
  const edits = analyseDashboards(plan).mismatches.flatMap((m) => m.edits ?? []);
  return applyEdits(text, edits);
};

describe('findTokens', () => {
  it('reads counters, percentages, bars and totals with their offsets', () => {
    const s = 'Progress: [████░░░░░░] 4/10 (40%)';
    const t = findTokens(s);
    expect(t.counters).toHaveLength(1);
    expect(s.slice(t.counters[0]!.done.from, t.counters[0]!.total.to)).toBe('4/10');
    expect(t.percents.map((p) => p.value)).toEqual([40]);
    expect(t.bars[0]).toMatchObject({ full: 4, width: 10 });
    expect(findTokens('**Total Items:** 50 actionable tasks').totals.map((n) => n.value)).toEqual([50]);
    expect(findTokens('[####------] 4/10').bars[0]).toMatchObject({
      full: 4,
      width: 10,
      fullChar: '#',
      emptyChar: '-',
    });
  });

  it('reads "Total: N tasks" and bare bars', () => {
    expect(findTokens('Total: 12 tasks').totals.map((n) => n.value)).toEqual([12]);
    expect(findTokens('Release ▓▓░░ 2/4').bars[0]).toMatchObject({
      full: 2,
      width: 4,
      fullChar: '▓',
      emptyChar: '░',
    });
  });

  it('reads "N of M" counters and effort counters', () => {
    expect(findTokens('62.5% (5 of 8 phases complete)').counters[0]).toMatchObject({
      done: { value: 5 },
      total: { value: 8 },
      effort: null,
    });
    expect(findTokens('[░░░░░░░░░░] 0/18h').counters[0]?.effort).toBe('h');
  });

  it('does not read dates, targets, changes or approximate totals as progress', () => {
    expect(findTokens('meeting on 3/4/2026').counters).toHaveLength(0);
    expect(findTokens('reduce latency by 50%').percents).toHaveLength(0);
    expect(findTokens('coverage >90% complete').percents).toHaveLength(0);
    expect(findTokens('Achieve ≥70% unit test coverage').percents).toHaveLength(0);
    expect(findTokens('📊 Total: 45+').totals).toHaveLength(0);
  });

  it('does not read a non-monotone run as a bar', () => {
    expect(findTokens('[█░█░]').bars).toHaveLength(0);
  });
});

describe('percentages', () => {
  it('formats with the claimed precision and never shows 100% early', () => {
    expect(formatPercent(1, 3, 0)).toBe('33');
    expect(formatPercent(5, 8, 1)).toBe('62.5');
    expect(formatPercent(999, 1000, 0)).toBe('99');
    expect(formatPercent(0, 0, 0)).toBe('0');
  });

  it('accepts rounding down, to nearest or up', () => {
    expect(percentAgrees(33, 1, 3, 0)).toBe(true);
    expect(percentAgrees(34, 1, 3, 0)).toBe(true);
    expect(percentAgrees(66, 2, 3, 0)).toBe(true);
    expect(percentAgrees(50, 1, 3, 0)).toBe(false);
    expect(percentAgrees(100, 99, 100, 0)).toBe(false);
  });
});

describe('line dashboards', () => {
  it('reports a stale counter with what it says and what is true, and rewrites only the numbers', () => {
    const found = mismatches(fixture('stale-counter.md'));
    expect(found.map((m) => [m.rule, m.line, m.message])).toEqual([
      ['dashboard-stale', 4, 'Dashboard says 0/6 (0%) but 4 of 6 items are done (67%)'],
      ['dashboard-stale', 14, 'Dashboard says 1/3 (33%) but 2 of 3 items are done (67%)'],
    ]);
    const text = fixture('stale-counter.md');
    expect(found.map((m) => text.slice(m.span.start, m.span.end))).toEqual(['0/6 (0%)', '1/3 (33%)']);
    const after = fixed(fixture('stale-counter.md'));
    expect(after).toContain('**Completion:** 4/6 (67%)\n');
    expect(after).toContain('**Progress:** 2/3 (67%)\n');
    expect(after.split('\n').length).toBe(fixture('stale-counter.md').split('\n').length);
  });

  it('checks a list of counts beside a total, each count alone on its line, and fixes only the count', () => {
    const plan = (total: number, done: number, left: number) =>
      [
        '# Webhooks',
        '',
        '## Progress',
        `- Total: ${total} tasks`,
        `- **Completed:** ${done}`,
        `- Tasks remaining: ${left}`,
        '',
        '## Tasks',
        '',
        '- [x] Schema',
        '- [ ] Worker',
        '- [ ] Signing',
        '- [ ] Docs',
        '',
      ].join('\n');
    expect(mismatches(plan(4, 1, 3))).toEqual([]);
    const stale = plan(4, 2, 2);
    const found = mismatches(stale);
    expect(found.map((m) => [m.line, m.message, stale.slice(m.span.start, m.span.end)])).toEqual([
      [5, 'Dashboard says Completed: 2 but 1 of 4 items is done (25%)', '2'],
      [6, 'Dashboard says Tasks remaining: 2 but 3 of 4 items are not done', '2'],
    ]);
    expect(fixed(stale)).toBe(plan(4, 1, 3));
    // A count with more words after it than what it counts is no count of the plan's work.
    expect(
      mismatches(plan(4, 1, 3).replace('Tasks remaining: 3', 'Done: 2 of the migrations rolled back')),
    ).toEqual([]);
  });

  it('counts phases complete when the dashboard counts phases', () => {
    const [m] = mismatches(fixture('phases.md'));
    expect(m?.message).toBe('Dashboard says 0% (0 of 3 phases complete) but 1 of 3 phases is done (33%)');
    expect(fixed(fixture('phases.md'))).toContain('**Overall Progress:** 33% (1 of 3 phases complete)');
  });

  it('checks a bar against its own numbers and rewrites only its fill', () => {
    const found = mismatches(fixture('bars.md'));
    expect(found.map((m) => [m.rule, m.line])).toEqual([
      ['progress-bar-mismatch', 18],
      ['progress-bar-mismatch', 19],
      ['dashboard-stale', 20],
      ['progress-bar-mismatch', 23],
    ]);
    expect(found[0]!.message).toBe(
      'Progress bar for Phase 1: Export shows 100% (10 of 10 cells filled) but its numbers say 2/4 (50%)',
    );
    const after = fixed(fixture('bars.md'));
    expect(after).toContain('Phase 1: Export   [█████░░░░░] 2/4\n');
    expect(after).toContain('Phase 2: Import   [░░░░░░░░░░] 0/2\n');
    expect(after).toContain('Overall Progress: [███░░░░░░░] 33%\n');
    expect(after).toContain('Effort: [----------] 0/10h\n');
  });

  it('checks progress cookies on a parent item against its children', () => {
    const found = mismatches(fixture('cookies.md'));
    expect(found.map((m) => m.message)).toEqual([
      'Progress cookie of Prepare the release says 1/3 but 2 of 3 items are done (67%)',
    ]);
    expect(fixed(fixture('cookies.md'))).toContain('- [ ] Prepare the release [2/3]\n');
  });

  it('checks the cookie of a bullet counting the steps under it, and fixes it', () => {
    const text =
      '# Plan\n\n- Backend [1/3]\n  - [x] Schema\n  - [x] API\n  - [ ] Jobs\n- Frontend [50%]\n  - [ ] Forms\n';
    expect(mismatches(text).map((m) => m.message)).toEqual([
      'Progress cookie of Backend says 1/3 but 2 of 3 items are done (67%)',
      'Progress cookie of Frontend says 50% but 0 of 1 items are done (0%)',
    ]);
    expect(fixed(text)).toBe(text.replace('[1/3]', '[2/3]').replace('[50%]', '[0%]'));
  });

  it("checks the share done a heading item's status states against the work under it, and fixes it", () => {
    const text =
      '# Plan\n\n## 🚧 Phase 2: Build (In Progress - 60%)\n- [x] API\n- [x] Workers\n- [ ] Backfill\n- [ ] Load tests\n\n## Phase 3: Ship (In Progress, 50%)\n- [x] a\n- [ ] b\n';
    expect(mismatches(text).map((m) => m.message)).toEqual([
      'Dashboard for 🚧 Phase 2: Build says 60% but 2 of 4 items are done (50%)',
    ]);
    expect(fixed(text)).toBe(text.replace('- 60%', '- 50%'));
  });

  it("leaves alone the share done on the field line of an item with no work under it: it is the item's own", () => {
    const text =
      '# Plan\n\n### 1.2 Configure CI\nStatus: 🚧 In progress (70%)\nOwner: Ana\n\n### 1.3 Docs\nProgress: 2/2 tasks\n\n- [x] Outline\n- [ ] Draft\n';
    expect(mismatches(text).map((m) => m.message)).toEqual([
      'Dashboard says 2/2 but 1 of 2 items is done (50%)',
    ]);
  });

  it('reads a damaged (mojibake) bar and writes the new fill damaged the same way', () => {
    const text = fixture('mojibake.md');
    const found = mismatches(text);
    expect(found.map((m) => m.message)).toEqual([
      'Dashboard for Phase 1: Setup says 0/4 but 1 of 4 items is done (25%)',
    ]);
    const after = fixed(text);
    expect(after).toContain(`[${damage('███░░░░░░░', 'windows-1252')}] 1/4  `);
    expect(mismatches(after)).toEqual([]);
  });

  it('checks effort counters against the estimates when they add up to the stated total', () => {
    const text = fixture('effort.md');
    expect(mismatches(text).map((m) => m.message)).toEqual([
      'Dashboard for Phase 1 says 0/6h but 2 of 6 hours are done (33%)',
      'Dashboard for OP-1 Backups says 0/4h but 2 of 4 hours are done (50%)',
    ]);
    const after = fixed(text);
    expect(after).toContain('Phase 1: [███░░░░░░░] 2/6h\n');
    expect(after).toContain('├── OP-1 Backups   [█████░░░░░] 2/4h\n');
    // 3 days claimed against 5 days estimated: what the 3 counts is unknown, so it is left alone.
    expect(after).toContain('Phase 2: [░░░░░░░░░░] 0/3d\n');
    expect(mismatches(after)).toEqual([]);
  });

  it('checks a percentage against its own counter when the truth is unknown', () => {
    const text = '# Notes\n\nSprint board progress: 3/10 (50%)\n';
    expect(mismatches(text).map((m) => m.message)).toEqual([
      'Dashboard for Sprint board progress says 3/10 (50%) but 3/10 is 30%',
    ]);
  });

  it('keeps CRLF line endings when rewriting a counter', () => {
    const text = '# Plan\r\n\r\nProgress: 0/2 (0%)\r\n\r\n- [x] One\r\n- [ ] Two\r\n';
    expect(fixed(text)).toBe('# Plan\r\n\r\nProgress: 1/2 (50%)\r\n\r\n- [x] One\r\n- [ ] Two\r\n');
  });
});

describe('progress tables', () => {
  it('checks each row against the items its label names, keeping cell padding', () => {
    const text = fixture('priority-table.md');
    const found = mismatches(text);
    expect(found.map((m) => [m.rule, m.line, m.message])).toEqual([
      ['dashboard-stale', 7, 'Progress table row "Must Have" says 0/2 (0%) but 1 of 2 items is done (50%)'],
      [
        'status-column-mismatch',
        7,
        'Status column says "Not Started" for Must Have but 1 of 2 items is done and 1 is in progress, so it is In Progress',
      ],
      ['dashboard-stale', 9, 'Progress table row "TOTAL" says 0/4 (0%) but 1 of 4 items is done (25%)'],
      [
        'status-column-mismatch',
        9,
        'Status column says "Not Started" for TOTAL but 1 of 4 items is done and 1 is in progress, so it is In Progress',
      ],
    ]);
    const after = fixed(text).split('\n');
    expect(after[6]).toBe('| 🔴 Must Have   | 2      | In Progress     | 1/2 (50%)     |');
    expect(after[7]).toBe('| 🟠 Should Have | 2      | Not Started     | 0/2 (0%)      |');
    expect(after[8]).toBe('| **TOTAL**      | **4**  | **In Progress** | **1/4 (25%)** |');
  });

  it("reads Done, Remaining and % columns, right-aligned cells and status glyphs, in the column's own words", () => {
    const text = [
      '# Plan',
      '',
      '| Phase   | Done | Remaining | Total |   % | Status |',
      '| ------- | ---: | --------: | ----: | --: | :----: |',
      '| Phase 1 |    0 |         2 |     2 |  0% |   ⏳   |',
      '| Phase 2 |    1 |         0 |     1 | 100% |   ✅   |',
      '',
      '## Phase 1: Build',
      '',
      '- [x] One',
      '- [x] Two',
      '',
      '## Phase 2: Ship',
      '',
      '- [x] Three',
      '',
    ].join('\n');
    expect(mismatches(text).map((m) => [m.rule, m.message])).toEqual([
      [
        'dashboard-stale',
        'Progress table row "Phase 1" says 0 done, 2 remaining, 2 total, 0% but 2 of 2 items are done (100%)',
      ],
      [
        'status-column-mismatch',
        'Status column says "⏳" for Phase 1 but 2 of 2 items are done, so it is Complete',
      ],
    ]);
    expect(fixed(text).split('\n')[4]).toBe('| Phase 1 |    2 |         0 |     2 | 100% |   ✅   |');
  });

  it('reads a Done column that counts done of all (`4/4`) as a progress column', () => {
    const text = [
      '# Plan',
      '',
      '| Phase | Status | Done |',
      '|-------|--------|------|',
      '| 1. Storage layer | ✅ Complete | 2/2 |',
      '| 2. Sync engine | 🔄 In Progress | 1/2 |',
      '',
      '## Phase 1: Storage layer',
      '',
      '- [x] One',
      '- [ ] Two',
      '',
      '## Phase 2: Sync engine',
      '',
      '- [x] Three',
      '- [ ] Four',
      '',
    ].join('\n');
    expect(mismatches(text).map((m) => [m.rule, m.message])).toEqual([
      ['dashboard-stale', 'Progress table row "Storage layer" says 2/2 but 1 of 2 items is done (50%)'],
      [
        'status-column-mismatch',
        'Status column says "✅ Complete" for Storage layer but 1 of 2 items is done, so it is In Progress',
      ],
    ]);
    expect(fixed(text).split('\n')[4]).toBe('| 1. Storage layer | 🔄 In Progress | 1/2 |');
  });

  it('checks a status-only table whose rows name phases, and leaves a task table alone', () => {
    const text = [
      '# Plan',
      '',
      '| Phase   | Goal      | Status      |',
      '| ------- | --------- | ----------- |',
      '| Phase 1 | Build it  | ✅ Complete |',
      '| Phase 2 | Ship it   | Not Started |',
      '',
      '| Task        | Owner | Status      |',
      '| ----------- | ----- | ----------- |',
      '| Phase 1     | Ann   | Not Started |',
      '| Write specs | Bob   | Complete    |',
      '',
      '## Phase 1: Build',
      '',
      '- [x] One',
      '- [ ] Two',
      '',
      '## Phase 2: Ship',
      '',
      '- [ ] Three',
      '',
    ].join('\n');
    expect(mismatches(text).map((m) => [m.line, m.message])).toEqual([
      [5, 'Status column says "✅ Complete" for Phase 1 but 1 of 2 items is done, so it is In Progress'],
    ]);
    expect(fixed(text).split('\n')[4]).toBe('| Phase 1 | Build it  | 🔄 In Progress |');
  });

  it('reports nothing on dashboards that are true', () => {
    expect(mismatches(fixture('up-to-date.md'))).toEqual([]);
  });

  it('leaves alone a figure whose total matches nothing taskmark counts', () => {
    // 5 tasks claimed, 2 top-level tasks and 3 leaves present: what the 5 counts is unknown.
    const text = [
      '# Plan',
      '',
      '**Completion:** 0/5 (0%)',
      '',
      '## T-1: One',
      '',
      '**Status:** ✅ DONE',
      '',
      '- [x] a',
      '- [x] b',
      '',
      '## T-2: Two',
      '',
      '- [ ] c',
      '',
    ].join('\n');
    expect(mismatches(text)).toEqual([]);
  });

  it('leaves the done count alone too when both counts agree on it but neither gives the stated total', () => {
    // 3 done either way (4 top-level, 5 leaves), 6 claimed: writing 3/6 would mix two measures.
    const text = [
      '# Plan',
      '',
      '**Progress:** 1/6 (17%)',
      '',
      '- [x] Ship the API',
      '  - [x] Handlers',
      '  - [ ] Announce',
      '- [x] Migrate',
      '- [ ] List page',
      '- [x] Detail page',
      '',
    ].join('\n');
    expect(mismatches(text)).toEqual([]);
    // Its own numbers are still checked.
    expect(mismatches(text.replace('(17%)', '(40%)')).map((m) => m.rule)).toEqual(['dashboard-stale']);
  });

  it('pins the unit from the total the row states', () => {
    const text = [
      '# Plan',
      '',
      '| Area  | Tasks | Progress |',
      '| ----- | ----- | -------- |',
      '| Alpha | 2     | 0/2 (0%) |',
      '',
      '## Alpha',
      '',
      '### A-1: First',
      '',
      '**Status:** ✅ DONE',
      '',
      '- [x] a',
      '- [x] b',
      '- [x] c',
      '',
      '### A-2: Second',
      '',
      '- [ ] d',
      '',
    ].join('\n');
    expect(mismatches(text).map((m) => m.message)).toEqual([
      'Progress table row "Alpha" says 0/2 (0%) but 1 of 2 items is done (50%)',
    ]);
  });
});

describe('plans in other dialects', () => {
  it('spec-kit: true summary table and phase headings give nothing; ticking a task makes them stale', () => {
    const text = fixture('spec-kit.md');
    expect(mismatches(text)).toEqual([]);
    const ticked = text.replace('- [ ] T005', '- [x] T005');
    expect(mismatches(ticked).map((m) => [m.line, m.message])).toEqual([
      [
        10,
        'Progress table row "Phase 2: Foundational" says 3 total, 1 done, 33% but 2 of 3 items are done (67%)',
      ],
      [12, 'Progress table row "Total" says 8 total, 4 done, 50% but 5 of 8 items are done (63%)'],
      [20, 'Dashboard for Phase 2: Foundational says 1/3 but 2 of 3 items are done (67%)'],
    ]);
    const after = fixed(ticked);
    expect(after).toContain('| Phase 2: Foundational | 3     | 2    | 67%  |\n');
    expect(after).toContain('| **Total**             | 8     | 5    | 63%  |\n');
    expect(after).toContain('## Phase 2: Foundational (2/3 complete)\n');
    expect(mismatches(after)).toEqual([]);
  });

  it('Kiro: a counter with its words, percentage and bar is read as one figure', () => {
    const text = fixture('kiro.md');
    expect(mismatches(text)).toEqual([]);
    const ticked = text.replace('- [ ] 4. Wire', '- [x] 4. Wire');
    expect(mismatches(ticked).map((m) => m.message)).toEqual([
      'Dashboard says 2/5 tasks done (40%) but 3 of 5 items are done (60%)',
    ]);
    expect(fixed(ticked)).toContain('Progress: 3/5 tasks done (60%) [██████░░░░]\n');
  });
});

describe('labels', () => {
  it('names its subject around generic words and through links', () => {
    const text = [
      '# Plan',
      '',
      'Phase 1 progress: 0/2 (0%)',
      '',
      '| Phase                  | Progress |',
      '| ---------------------- | -------- |',
      '| [Phase 2](#phase-2-qa) | 1/1      |',
      '',
      '## Phase 1: Build',
      '',
      '- [x] One',
      '- [ ] Two',
      '',
      '## Phase 2: QA',
      '',
      '- [ ] Three',
      '',
    ].join('\n');
    expect(mismatches(text).map((m) => m.message)).toEqual([
      'Dashboard for Phase 1 progress says 0/2 (0%) but 1 of 2 items is done (50%)',
      'Progress table row "Phase 2" says 1/1 but 0 of 1 items are done (0%)',
    ]);
  });
});

describe('what is not a dashboard', () => {
  it('ignores prose percentages, dates, ratios, role and effort tables, metrics and code examples', () => {
    expect(mismatches(fixture('negatives.md'))).toEqual([]);
  });

  it('ignores a task table whose # column numbers the rows', () => {
    const text =
      '# P\n\n| # | Phase   | Status      |\n| - | ------- | ----------- |\n| 1 | Phase 1 | Not Started |\n| 2 | Phase 2 | Not Started |\n\n## Phase 1: A\n\n- [ ] a\n- [ ] b\n\n## Phase 2: B\n\n- [ ] c\n';
    expect(mismatches(text)).toEqual([]);
  });

  it('ignores numbers in item titles', () => {
    expect(mismatches('# P\n\n- [ ] Update the board to 3/10 (50%) complete\n- [x] Done thing\n')).toEqual(
      [],
    );
  });

  it('ignores task numbering (Task 3/5) but reads a phase that names a section', () => {
    const text = '# P\n\nTask 3/5 needs a reviewer.\n\nPhase 1 (0/1)\n\n## Phase 1: Build\n\n- [x] One\n';
    expect(mismatches(text).map((m) => m.message)).toEqual([
      'Dashboard for Phase 1 says 0/1 but 1 of 1 items is done (100%)',
    ]);
  });

  it('ignores a figure whose label names nothing in the plan', () => {
    expect(mismatches('# P\n\nTests passing: 40/50 (80%) done\n\n- [ ] One\n')).toEqual([]);
  });
});
