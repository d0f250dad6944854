/**
 * Every rule on plans written for it: each has fixtures that must trigger it (with the line it must
 * point at) and fixtures that must not. The negative fixtures are the near misses a careless rule
 * would flag.
 */
import { describe, expect, it } from 'vitest';
import { damage } from '../plan/encoding.js';
import { parsePlan } from '../plan/parse.js';
import { lintPlan, RULES } from './engine.js';
import { dashboardRules } from './rules/dashboards.js';
import type { LintContext } from './types.js';

const CTX: LintContext = { today: '2026-03-10', dueSoonDays: 7, similarity: 0.9, hoursPerDay: 8 };

function findings(text: string, rule: string, ctx: LintContext = CTX) {
  const plan = parsePlan(text, { file: 'plan.md' });
  return lintPlan(plan, ctx).filter((f) => f.rule === rule);
}

interface Case {
  readonly rule: string;
  /** Plans that must trigger the rule, with the 1-based lines findings must point at. */
  readonly triggers: readonly (readonly [string, readonly number[]])[];
  /** Plans on which the rule must stay silent. */
  readonly clean: readonly string[];
}

const CASES: readonly Case[] = [
  {
    rule: 'parent-done-child-open',
    triggers: [
      ['# Plan\n\n- [x] Ship the release\n  - [x] Tag it\n  - [ ] Announce it\n', [3]],
      ['# Plan\n\n## REL-1: Ship\n\n**Status:** ✅ DONE\n\n- [x] Tag\n- [ ] Announce\n', [3]],
    ],
    clean: [
      '# Plan\n\n- [x] Ship the release\n  - [x] Tag it\n  - [-] Announce it\n',
      '# Plan\n\n- [ ] Ship the release\n  - [x] Tag it\n  - [ ] Announce it\n',
      '# Plan\n\n```md\n- [x] Ship\n  - [ ] Announce\n```\n',
    ],
  },
  {
    rule: 'parent-open-children-done',
    triggers: [['# Plan\n\n- [ ] Ship the release\n  - [x] Tag it\n  - [x] Announce it\n', [3]]],
    clean: [
      '# Plan\n\n- [ ] Ship the release\n  - [x] Tag it\n  - [ ] Announce it\n',
      '# Plan\n\n- [ ] Ship the release\n  - [-] Tag it\n  - [-] Announce it\n',
      '# Plan\n\n- [x] Ship the release\n  - [x] Tag it\n',
    ],
  },
  {
    rule: 'open-in-done-section',
    triggers: [
      ['# Board\n\n## Done\n\n- [x] Shipped\n- [ ] Reopened\n', [6]],
      ['# Board\n\n## Completed\n\n### Backend\n\n- [/] Half way\n', [7]],
    ],
    clean: [
      '# Board\n\n## Done\n\n- [x] Shipped\n  - [ ] a sub-task is its parent’s business\n',
      '# Board\n\n## In Progress\n\n- [ ] Open here is right\n',
      '# Board\n\n## Done\n\n- [-] Dropped is closed too\n',
    ],
  },
  {
    rule: 'done-in-open-section',
    triggers: [['# Board\n\n## In Progress\n\n- [x] Finished card\n\n## Done\n\n- [x] Old\n', [5]]],
    clean: [
      // No section for finished work: ticking in place is how this plan works.
      '# TODO\n\n## Backlog\n\n- [x] Ticked in place\n- [ ] Not yet\n',
      '# Board\n\n## In Progress\n\n- [ ] Open card\n\n## Done\n\n- [x] Old\n',
    ],
  },
  {
    rule: 'restated-status-mismatch',
    triggers: [
      [
        '# Plan\n\n## Items\n\n### API-1: Build the API\n\n**Status:** DONE\n\n## Phase 1 checklist\n\n- [ ] API-1: Build the API\n',
        [11],
      ],
    ],
    clean: [
      '# Plan\n\n## Items\n\n### API-1: Build the API\n\n**Status:** DONE\n\n## Phase 1 checklist\n\n- [x] API-1: Build the API\n',
    ],
  },
  {
    rule: 'done-with-open-dependency',
    triggers: [
      [
        '# Plan\n\n### A-1: Schema\n\n**Status:** TODO\n\n### A-2: API\n\n**Status:** DONE\n**Depends on:** A-1\n',
        [7],
      ],
    ],
    clean: [
      '# Plan\n\n### A-1: Schema\n\n**Status:** DONE\n\n### A-2: API\n\n**Status:** DONE\n**Depends on:** A-1\n',
      '# Plan\n\n### A-1: Schema\n\n**Status:** TODO\n\n### A-2: API\n\n**Status:** TODO\n**Depends on:** A-1\n',
      '# Plan\n\n### A-1: Schema\n\n**Status:** CANCELLED\n\n### A-2: API\n\n**Status:** DONE\n**Depends on:** A-1\n',
    ],
  },
  {
    rule: 'duplicate-item',
    triggers: [
      [
        '# Plan\n\n## Now\n\n- [ ] Add rate limiting to the public API\n\n## Later\n\n- [ ] Add rate limiting to the public API\n',
        [9],
      ],
      [
        '# Plan\n\n- [ ] Write the deployment runbook for staging\n- [ ] Write deployment runbook for staging\n',
        [4],
      ],
    ],
    clean: [
      // Steps of different tasks that read alike are not duplicates.
      '# Plan\n\n- [ ] Build the importer\n  - [ ] Add unit tests for it\n- [ ] Build the exporter\n  - [ ] Add unit tests for it\n',
      // Numbers, negations and opposites make different tasks.
      '# Plan\n\n- [ ] Phase 0.6 completion document written\n- [ ] Phase 0.7 completion document written\n',
      '# Plan\n\n- [ ] Test readiness with healthy database\n- [ ] Test readiness with unhealthy database\n',
      '# Plan\n\n- [ ] Enable the audit log feature flag\n- [ ] Disable the audit log feature flag\n',
      // Short generic titles say too little.
      '# Plan\n\n## A\n\n- [ ] Tests\n\n## B\n\n- [ ] Tests\n',
    ],
  },
  {
    rule: 'done-open-contradiction',
    triggers: [
      [
        '# Plan\n\n## Backlog\n\n- [ ] Migrate the billing service to PostgreSQL\n\n## Changelog\n\n- [x] Migrate the billing service to PostgreSQL\n',
        [5],
      ],
    ],
    clean: [
      '# Plan\n\n## Backlog\n\n- [ ] Migrate the billing service to PostgreSQL\n\n## Changelog\n\n- [x] Migrate the search service to OpenSearch\n',
    ],
  },
  {
    rule: 'duplicate-id',
    triggers: [
      [
        '# Plan\n\n### T-001: Login page\n\n**Status:** TODO\n\n### T-001: Signup page\n\n**Status:** TODO\n',
        [7],
      ],
    ],
    clean: [
      // A checklist restating an item by its ID is a reference, not a second definition.
      '# Plan\n\n### T-001: Login page\n\n**Status:** TODO\n\n## Checklist\n\n- [ ] T-001: Login page\n',
    ],
  },
  {
    rule: 'malformed-id',
    triggers: [
      ['# Plan\n\n- [ ] MH-001: One\n- [ ] MH-002: Two\n- [ ] MH-003: Three\n- [ ] MH-4: Four\n', [6]],
    ],
    clean: [
      '# Plan\n\n- [ ] MH-001: One\n- [ ] MH-002: Two\n- [ ] MH-003: Three\n- [ ] MH-004: Four\n',
      '# Plan\n\n- [ ] MH-1: One\n- [ ] MH-2: Two\n- [ ] MH-3: Three\n- [ ] MH-10: Ten\n',
    ],
  },
  {
    rule: 'unknown-reference',
    triggers: [
      ['# Plan\n\n### A-1: Schema\n\n**Depends on:** A-9\n', [3]],
      // Words with a number name an item as an ID does.
      ['# Plan\n\n### A-1: Schema\n\n**Depends on:** Phase 9\n', [3]],
    ],
    clean: [
      '# Plan\n\n### A-1: Schema\n\n### A-2: API\n\n**Depends on:** A-1\n',
      // Words alone may be something outside the plan: outside-dependency's.
      '# Plan\n\n- [ ] Port the auth — **Blocked by:** security review\n',
    ],
  },
  {
    rule: 'outside-dependency',
    triggers: [['# Plan\n\n- [ ] Port the auth — **Blocked by:** security review\n', [3]]],
    clean: [
      '# Plan\n\n- [ ] Security review\n- [ ] Port the auth — **Blocked by:** security review\n',
      '# Plan\n\n- [x] Port the auth — **Blocked by:** security review\n',
      '# Plan\n\n### A-1: Schema\n\n**Depends on:** A-9\n',
    ],
  },
  {
    rule: 'dependency-cycle',
    triggers: [
      ['# Plan\n\n### A-1: Schema\n\n**Depends on:** A-2\n\n### A-2: API\n\n**Depends on:** A-1\n', [3]],
    ],
    clean: ['# Plan\n\n### A-1: Schema\n\n### A-2: API\n\n**Depends on:** A-1\n'],
  },
  {
    rule: 'overdue',
    triggers: [
      ['# Plan\n\n- [ ] Renew the certificate 📅 2026-03-01\n', [3]],
      // The steps of an overdue item are reported once, on the item.
      ['# Plan\n\n### OPS-1: Rotate keys\n\n**Due:** 2026-02-01\n\n- [ ] Staging\n- [ ] Production\n', [3]],
    ],
    clean: [
      '# Plan\n\n- [x] Renew the certificate 📅 2026-03-01\n',
      '# Plan\n\n- [ ] Renew the certificate 📅 2026-04-01\n',
    ],
  },
  {
    rule: 'due-soon',
    triggers: [['# Plan\n\n- [ ] Renew the certificate 📅 2026-03-12\n', [3]]],
    clean: ['# Plan\n\n- [ ] Renew the certificate 📅 2026-03-30\n', '# Plan\n\n- [x] Renew 📅 2026-03-12\n'],
  },
  {
    rule: 'unplaced-due',
    triggers: [
      ['# Plan\n\n- [ ] Security review — @carol, due Mar 15\n', [3]],
      ['# Plan\n\n- [ ] Ship [due:: 03/04/2026]\n', [3]],
      ['# Plan\n\n### OPS-1: Rotate keys\n\n**Due:** Day 3\n', [3]],
    ],
    clean: [
      // A year from the plan's date, a day from it, a day and month that can be read one way only.
      '# Plan\n\n**Date:** 2027-01-11\n\n- [ ] Security review, due Mar 15\n- [ ] Docs (due: Day 3)\n',
      '# Plan\n\n- [ ] Ship [due:: 15/04/2026]\n',
      '# Plan\n\n- [x] Security review — @carol, due Mar 15\n',
    ],
  },
  {
    rule: 'fact-mismatch',
    triggers: [
      ['---\nversion: "2.0.0"\n---\n# Plan\n\n- [ ] A\n\n---\n\n**Version:** 1.9.0\n', [10]],
      ['# Plan\n\n**Last Updated:** 2026-01-05\n\n- [ ] A\n\n---\n\n*Last updated: 2025-12-20*\n', [9]],
    ],
    clean: [
      '# Plan\n\n**Version:** v2.0.0\n\n- [ ] A\n\n**Version:** 2.0.0\n',
      // A version inside a task's notes is about something else.
      '# Plan\n\n**Version:** 2.0.0\n\n- [ ] Upgrade Node\n  - Version: 22.1.0\n',
      '# Plan\n\n**Version:** 2.0.0\n\n```yaml\nVersion: 1.0.0\n```\n',
    ],
  },
  {
    rule: 'encoding-mojibake',
    triggers: [[`# Plan\n\n- [ ] ${damage('Ship it ✅ café', 'windows-1252')}\n`, [3]]],
    clean: [
      '# Plan\n\n- [ ] Ship it ✅ café — naïve façade\n',
      '# Plan\n\n- [ ] Price: 5 € (Ã is a letter)\n',
    ],
  },
  {
    rule: 'encoding-lost-characters',
    triggers: [['# Plan\n\n- [ ] Ship \uFFFD it\n', [3]]],
    clean: ['# Plan\n\n- [ ] Ship it\n'],
  },
  {
    rule: 'unmapped-status',
    triggers: [['# Plan\n\n### A-1: Schema\n\n**Status:** Percolating\n', [5]]],
    clean: ['# Plan\n\n### A-1: Schema\n\n**Status:** In Progress\n', '# Plan\n\n- [/] Half way\n'],
  },
  {
    rule: 'legend-mismatch',
    triggers: [
      [
        '# Plan\n\n## Legend\n\n- ⏳ TODO - not started\n- ✅ DONE - finished\n\n## Work\n\n### A-1: Schema\n\n**Status:** 🚧 IN PROGRESS\n',
        [12],
      ],
    ],
    clean: [
      '# Plan\n\n## Legend\n\n- ⏳ TODO - not started\n- ✅ DONE - finished\n\n## Work\n\n### A-1: Schema\n\n**Status:** ✅ DONE\n',
      '# Plan\n\n## Work\n\n### A-1: Schema\n\n**Status:** 🚧 IN PROGRESS\n',
    ],
  },
  {
    rule: 'document-incomplete',
    triggers: [
      ['# Plan\n\n- [ ] A\n\n... (truncated)\n', [5]],
      ['# Plan\n\nThis document is incomplete.\n\n- [ ] A\n', [3]],
      ['# Plan\n\n- [ ] A\n- … and 20 more items omitted\n', [4]],
      ['# Plan\n\n- [ ] A\n\n```bash\nmake deploy\n', [5]],
    ],
    clean: [
      '# Plan\n\n- [ ] Handle truncated uploads gracefully\n',
      '# Plan\n\n```text\n... (truncated)\n```\n',
      '# Plan\n\n- [ ] Mark incomplete orders\n',
      '# Plan\n\n- [ ] Detect when the log file is truncated\n\n## Content truncated on upload\n',
    ],
  },
];

describe('lint rules', () => {
  it('has a case for every rule (a new rule needs fixtures)', () => {
    // The dashboard rules have their own fixtures in rules/dashboards.test.ts and src/core/dashboards.
    const covered = new Set([...CASES.map((c) => c.rule), ...dashboardRules.map((r) => r.id)]);
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const c of CASES) {
    describe(c.rule, () => {
      c.triggers.forEach(([text, lines], i) => {
        it(`triggers on fixture ${i + 1}`, () => {
          const got = findings(text, c.rule);
          expect(got.map((f) => f.line)).toEqual(lines);
          for (const f of got) expect(f.message.length).toBeGreaterThan(20);
        });
      });
      c.clean.forEach((text, i) => {
        it(`stays silent on near miss ${i + 1}`, () => {
          expect(findings(text, c.rule)).toEqual([]);
        });
      });
    });
  }
});

describe('lint engine', () => {
  const text = '# Plan\n\n- [x] Ship\n  - [ ] Announce\n- [ ] Renew 📅 2026-03-01\n';

  it('applies configured severities and turns rules off', () => {
    const plan = parsePlan(text, { file: 'p.md' });
    const all = lintPlan(plan, CTX);
    expect(all.map((f) => `${f.rule}:${f.severity}`)).toEqual([
      'parent-done-child-open:error',
      'overdue:warning',
    ]);
    const tuned = lintPlan(plan, CTX, { 'parent-done-child-open': 'off', overdue: 'error' });
    expect(tuned.map((f) => `${f.rule}:${f.severity}`)).toEqual(['overdue:error']);
  });

  it('places findings by line and column', () => {
    const plan = parsePlan('# Plan\n\n- [ ] A\n\n  Text \uFFFD here\n', { file: 'p.md' });
    const [f] = lintPlan(plan, CTX);
    expect(f).toMatchObject({ rule: 'encoding-lost-characters', line: 5, endLine: 5, column: 8 });
  });

  it('reads near-duplicates by the configured similarity', () => {
    const t = '# Plan\n\n- [ ] Write the deployment runbook\n- [ ] Write deployment runbook please\n';
    expect(findings(t, 'duplicate-item', { ...CTX, similarity: 0.95 })).toEqual([]);
    expect(findings(t, 'duplicate-item', { ...CTX, similarity: 0.7 })).toHaveLength(1);
  });
});

describe('due-date messages', () => {
  it('say where a date the item does not state comes from', () => {
    const text =
      '# Plan\n\n## v1.2 (target: 2026-03-01)\n\n- [ ] Search\n- [ ] Export (Week 1)\n- [ ] Views 📅 2026-02-01\n';
    expect(findings(text, 'overdue').map((f) => f.message)).toEqual([
      `"Search" (line 5) was due 2026-03-01 (its section's date) and is 9 days overdue; it is todo.`,
      `"Export (Week 1)" (line 6) was due 2026-03-01 (its section's date) and is 9 days overdue; it is todo.`,
      `"Views" (line 7) was due 2026-02-01 and is 37 days overdue; it is todo.`,
    ]);
  });

  it('say why a due date is no calendar day, and how to write one', () => {
    const text =
      '# Plan\n\n- [ ] Review — due Mar 15\n- [ ] Ship [due:: 03/04/2026]\n- [ ] Docs (due: Day 3)\n- [ ] Deck by EOW\n';
    expect(findings(text, 'unplaced-due').map((f) => f.message.replace(/ `overdue`.*$/, ''))).toEqual([
      '"Review" (line 3) is due "Mar 15", which taskmark cannot place on the calendar: it names no year, and the plan states no date to take one from; write it as YYYY-MM-DD.',
      '"Ship" (line 4) is due "03/04/2026", which taskmark cannot place on the calendar: its day and month may be read either way round; write it as YYYY-MM-DD.',
      '"Docs" (line 5) is due "Day 3", which taskmark cannot place on the calendar: it counts from the plan\'s date, which the plan does not state (a `**Date:** 2027-01-11` line near its top would say it).',
      '"Deck" (line 6) is due "EOW", which taskmark cannot place on the calendar: it counts from the plan\'s date, which the plan does not state (a `**Date:** 2027-01-11` line near its top would say it).',
    ]);
  });
});
