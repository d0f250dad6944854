import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { applyEdits, setStatus } from '../edit/index.js';
import type { Item, Plan } from '../model.js';
import { parsePlan } from './parse.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const parse = (text: string) => parsePlan(text, { file: 'plan.md', parseYaml });
const byTitle = (plan: Plan, title: string): Item => {
  const item = plan.items.find((i) => i.title === title);
  if (!item) throw new Error(`no item titled ${title}: ${plan.items.map((i) => i.title).join(' | ')}`);
  return item;
};

describe('parsePlan on checklists', () => {
  const plan = parse(fixture('garden-shed.md'));

  it('ignores boxes in fenced code, indented code, HTML comments and table cells', () => {
    expect(plan.items.some((i) => i.title.includes('not a task'))).toBe(false);
  });

  it('reads every list marker and checkbox mark', () => {
    expect(plan.items.map((i) => [i.title, i.checkbox, i.status])).toEqual([
      ['Level the ground', 'x', 'done'],
      ['Pour the slab @sam #concrete', ' ', 'todo'],
      ['Mix concrete', 'X', 'done'],
      ['Cure for two days', ' ', 'todo'],
      ['Check moisture', ' ', 'todo'],
      ['Cover with tarp', '/', 'doing'],
      ['Hire a digger', '-', 'cancelled'],
      ['Order timber', ' ', 'todo'],
      ['Optional: paint the base', ' ', 'todo'],
      ['Fit rafters', ' ', 'todo'],
      ['Felt the roof', '!', 'blocked'],
      ['Gutters?', '?', 'todo'],
    ]);
  });

  it('reads boxes ticked or crossed with a glyph, which GFM does not count as task items', () => {
    const boxes = parse('- [✓] Tiles\n- [✔] Grout\n- [✗] Marble\n- [✘] Gold leaf\n- [✓✓] Twice\n').items;
    expect(boxes.map((i) => [i.title, i.checkbox, i.status, i.gfm])).toEqual([
      ['Tiles', '✓', 'done', false],
      ['Grout', '✔', 'done', false],
      ['Marble', '✗', 'cancelled', false],
      ['Gold leaf', '✘', 'cancelled', false],
    ]);
  });

  it('nests items by list indentation', () => {
    const moisture = byTitle(plan, 'Check moisture');
    const cure = byTitle(plan, 'Cure for two days');
    const slab = byTitle(plan, 'Pour the slab @sam #concrete');
    expect(moisture.parent).toBe(cure.key);
    expect(cure.parent).toBe(slab.key);
    expect(slab.children).toEqual([byTitle(plan, 'Mix concrete').key, cure.key]);
    expect([slab.depth, cure.depth, moisture.depth]).toEqual([0, 1, 2]);
  });

  it('reads inline attributes in every common notation', () => {
    const slab = byTitle(plan, 'Pour the slab @sam #concrete');
    expect(slab.owner).toBe('sam');
    expect(slab.tags).toContain('concrete');
    expect(slab.effort).toMatchObject({ minutes: 180 });
    expect(byTitle(plan, 'Cure for two days').effort).toMatchObject({ minutes: 960 });
    const moisture = byTitle(plan, 'Check moisture');
    expect(moisture.due).toBe('2026-05-04');
    expect(moisture.priority).toEqual({ rank: 1, label: '⏫' });
    const timber = byTitle(plan, 'Order timber');
    expect([timber.due, timber.owner]).toEqual(['2026-05-01', 'Priya']);
  });

  it('inherits priority from the section heading', () => {
    expect(byTitle(plan, 'Level the ground').priority).toEqual({ rank: 1, label: 'P1' });
    expect(byTitle(plan, 'Fit rafters').priority).toBeNull();
  });

  it("inherits the owner a heading names, and keeps the owner out of the keys of the heading's items", () => {
    const owned = (ios: string, android: string) =>
      parse(
        [
          '# App',
          '',
          `### iOS (${ios})`,
          '- [ ] Push',
          '- [ ] Offline @kim',
          '  - [ ] Sync queue',
          '',
          `### Android — ${android}`,
          '- [ ] Push',
          '',
          '### Notes from @kim',
          '- [ ] Tidy',
          '',
          '### Beta (v2)',
          '- [ ] Invite testers',
          '',
          '### Growth (lead generation)',
          '- [ ] Landing page',
          '',
        ].join('\n'),
      );
    const p = owned('@sam', '@lee');
    expect(p.items.map((i) => [i.key, i.owner])).toEqual([
      ['ios/push', 'sam'],
      ['ios/offline', 'kim'],
      ['ios/sync-queue', 'kim'],
      ['android/push', 'lee'],
      // A mention in the words of a title, and an annotation that is no person, name no owner.
      ['notes-from-kim/tidy', null],
      ['beta-v2/invite-testers', null],
      ['growth-lead-generation/landing-page', null],
    ]);
    expect(p.sections.find((s) => s.title === 'iOS (@sam)')!.owner).toBe('sam');
    const handedOver = owned('owner: Lee Park', '@sam');
    expect(handedOver.items.map((i) => i.key)).toEqual(p.items.map((i) => i.key));
    expect(handedOver.items[0]!.owner).toBe('Lee Park');
  });

  it("takes a label over a list as its items' heading: phase, schedule, priority and owner, keys unchanged", () => {
    const p = parse(
      [
        '# Data platform',
        '',
        'Start date: 2027-01-04',
        '',
        '1. **Phase 1 — Foundation** (Weeks 1–2)',
        '   - [ ] Provision the warehouse',
        '   - [ ] Set up dbt (due 2027-01-08)',
        '2. Phase 2 — Ingestion (Week 3)',
        '   - [ ] Kafka connectors',
        '     - [ ] Schema registry',
        '',
        '**P0 — Reliability** (@kim)',
        '- [ ] Retry jobs',
        '',
        // A label that says nothing a heading would is only words.
        '**Notes**',
        '- [ ] Tidy the wiki',
        '',
        // A field line is the enclosing item's field, no label.
        '- Owner: Dana',
        '  - [ ] Rotate keys',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.phase, i.due, i.priority?.label ?? null, i.owner])).toEqual([
      ['data-platform/provision-the-warehouse', 'Phase 1', '2027-01-17', null, null],
      ['data-platform/set-up-dbt', 'Phase 1', '2027-01-08', null, null],
      ['data-platform/kafka-connectors', 'Phase 2', '2027-01-24', null, null],
      ['data-platform/schema-registry', 'Phase 2', '2027-01-24', null, null],
      ['data-platform/retry-jobs', null, null, 'P0', 'kim'],
      ['data-platform/tidy-the-wiki', null, null, null, null],
      ['data-platform/rotate-keys', null, null, null, null],
    ]);
  });

  it('reads a Kiro optional task and its numeric ID', () => {
    const opt = byTitle(plan, 'Optional: paint the base');
    expect([opt.optional, opt.id, opt.gfm]).toEqual([true, '4.2', false]);
  });

  it("reads a box's mark as the plan's legend says, and `[-]` as under way in a Kiro spec", () => {
    const legend = parse(
      [
        '## Legend',
        '- `[ ]` not started',
        '- `[-]` in progress',
        '- `[?]` blocked',
        '',
        '## Tasks',
        '- [-] Wire the importer',
        '- [?] Ask legal',
        '- [x] Write the parser',
        '- [/] Tidy the logs',
        '',
      ].join('\n'),
    );
    expect(legend.items.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['Wire the importer', 'doing', '-'],
      ['Ask legal', 'blocked', '?'],
      ['Write the parser', 'done', 'x'],
      ['Tidy the logs', 'doing', '/'],
    ]);
    expect([...(legend.boxMarks ?? [])]).toEqual([
      ['-', 'doing'],
      ['?', 'blocked'],
    ]);
    // Kiro marks the task it works on `[-]`; its specs are told by their requirements lines.
    const kiro = [
      '# Implementation Plan',
      '',
      '- [x] 1. Set up the project',
      '  - _Requirements: 1.1_',
      '- [-] 2. Implement the models',
      '  - _Requirements: 2.1, 2.3_',
      '- [ ]* 3. Write the unit tests',
      '',
    ].join('\n');
    expect(parse(kiro).items.map((i) => i.status)).toEqual(['done', 'doing', 'todo']);
    // Elsewhere `[-]` is cancelled, an optional task's `[ ]*` beside it or not; a legend says last.
    const plain = kiro.replace(/ {2}- _Requirements: .*_\n/g, '');
    expect(parse(plain).items.map((i) => i.status)).toEqual(['done', 'cancelled', 'todo']);
    expect(parse(plain).boxMarks).toBeUndefined();
    const said = `## Legend\n- [-] cancelled\n\n${kiro.replace('# Implementation Plan', '## Tasks')}`;
    expect(parse(said).items.map((i) => i.status)).toEqual(['done', 'cancelled', 'todo']);
  });

  it("reads a heading item's fields after its checklist, and makes no heading an item by them", () => {
    const p = parse(
      [
        '### US-1: Invoices page',
        '**Acceptance criteria**',
        '- [x] Lists the last 12 months',
        '- [ ] Downloads as PDF',
        '',
        '**Estimate:** 2d · **Assignee:** @maya · **Status:** In review',
        '',
        '## Notes',
        '- [ ] Ask finance',
        '',
        '**Owner:** Kim',
        '',
      ].join('\n'),
    );
    const us1 = p.byKey.get('US-1')!;
    expect([us1.owner, us1.effort?.minutes, us1.status, us1.statusSource]).toEqual([
      'maya',
      960,
      'doing',
      'field',
    ]);
    expect(p.items.map((i) => [i.title, i.kind])).toEqual([
      ['Invoices page', 'heading'],
      ['Lists the last 12 months', 'checkbox'],
      ['Downloads as PDF', 'checkbox'],
      ['Ask finance', 'checkbox'],
    ]);
  });

  it('makes a bullet counting the steps under it their task, its status theirs', () => {
    const p = parse(
      [
        '## Auth',
        '- Session hardening [2/3]',
        '  - [x] Set SameSite=strict',
        '  - [x] Shorten the idle timeout',
        '  - [ ] Detect refresh token reuse',
        '- [1/1] Remove the legacy login',
        '  - [x] Delete the page',
        '- Frontend (0%)',
        '  - [ ] Forms',
        // A cookie over prose is no task; a bullet over steps without one neither, nor a count
        // above its total, as likely a date.
        '- Notes [1/2]',
        '  - ask legal',
        '- Holidays (25/12)',
        '  - [ ] Book the flights',
        '- Backend',
        '  - [ ] Jobs',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.status, i.statusSource, i.parent])).toEqual([
      ['auth/session-hardening', 'doing', 'children', null],
      ['auth/set-samesite-strict', 'done', 'checkbox', 'auth/session-hardening'],
      ['auth/shorten-the-idle-timeout', 'done', 'checkbox', 'auth/session-hardening'],
      ['auth/detect-refresh-token-reuse', 'todo', 'checkbox', 'auth/session-hardening'],
      ['auth/remove-the-legacy-login', 'done', 'children', null],
      ['auth/delete-the-page', 'done', 'checkbox', 'auth/remove-the-legacy-login'],
      ['auth/frontend', 'todo', 'children', null],
      ['auth/forms', 'todo', 'checkbox', 'auth/frontend'],
      ['auth/book-the-flights', 'todo', 'checkbox', null],
      ['auth/jobs', 'todo', 'checkbox', null],
    ]);
  });

  it('makes steps numbered under a task in its own list its children, as Kiro writes them', () => {
    const p = parse(
      [
        '- [ ] 2. Implement the data models',
        '- [x] 2.1 Create the interfaces',
        '  - Write the types',
        '- [ ] 2.2 Implement the User model',
        '- [ ] 2.2.1 Validate the email',
        '- [ ] 3. Create the storage',
        '- [ ] 3.1 Pool the connections',
        '- [ ] Write the docs',
        // A number after a sibling without one belongs to no task: the steps ended.
        '- [ ] 3.2 Cache the queries',
        '',
        '1. [ ] 7.1 A step whose task is in no list',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.id, i.parent, i.depth])).toEqual([
      ['2', null, 0],
      ['2.1', '2', 1],
      ['2.2', '2', 1],
      ['2.2.1', '2.2', 2],
      ['3', null, 0],
      ['3.1', '3', 1],
      [null, null, 0],
      ['3.2', null, 0],
      ['7.1', null, 0],
    ]);
    // The task's extent is its steps': from its line to the last step's.
    const two = p.byKey.get('2')!;
    expect(p.text.slice(two.span.start, two.span.end)).toBe(p.text.slice(0, p.text.indexOf('- [ ] 3.')));
  });

  it('reads a doing, blocked or cancelled mark after an open box as the status, and no other mark', () => {
    const p = parse(
      [
        '- [ ] BLOCKED: Vendor reply',
        '- [ ] WAITING T003a Legal review',
        '- [ ] 🚧 Importer',
        '- [ ] ❌ Fax integration',
        '- [ ] TODO Rotate the keys',
        '- [ ] ✅ Write the tests',
        '- [x] 🔄 Migrate',
        '- [ ] ⏳ 2026-03-01 Scheduled',
        '- [ ] 🚧',
        '- [ ] IN PROGRESS: Wire the CLI',
        '- [ ] ON HOLD Vendor call',
        '- [ ] WIP Refactor',
        '- [ ] Wipe the cache',
        '- [ ] **In progress:** Write the parser',
        '- [ ] __Blocked__ - Legal',
        '- [ ] (on hold) Vendor',
        '- [ ] [WIP] Docs',
        '- [ ] [P] T001 Setup',
        '- [ ] **Important**: read this',
        '- [ ] (in progress)',
        '- [ ] Fix login [blocked]',
        '- [ ] Fix logout — **In progress**',
        '- [ ] Ship 🚧',
        '- [ ] Tag ✅',
        '- [ ] Idea [todo]',
        '- [x] Moved 🚧',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.id, i.title, i.status, i.statusText])).toEqual([
      [null, 'Vendor reply', 'blocked', 'BLOCKED'],
      ['T003a', 'Legal review', 'blocked', 'WAITING'],
      [null, 'Importer', 'doing', '🚧'],
      [null, 'Fax integration', 'cancelled', '❌'],
      // Todo and done are the box's to say: a mark of those is the title's.
      [null, 'TODO Rotate the keys', 'todo', ' '],
      [null, '✅ Write the tests', 'todo', ' '],
      [null, '🔄 Migrate', 'done', 'x'],
      [null, 'Scheduled', 'todo', ' '],
      [null, '🚧', 'todo', ' '],
      // Status words plans write in capitals, as keywords.
      [null, 'Wire the CLI', 'doing', 'IN PROGRESS'],
      [null, 'Vendor call', 'blocked', 'ON HOLD'],
      [null, 'Refactor', 'doing', 'WIP'],
      [null, 'Wipe the cache', 'todo', ' '],
      // Any case in bold or brackets, the whole of which is the word.
      [null, 'Write the parser', 'doing', 'In progress'],
      [null, 'Legal', 'blocked', 'Blocked'],
      [null, 'Vendor', 'blocked', 'on hold'],
      [null, 'Docs', 'doing', 'WIP'],
      [null, 'T001 Setup', 'todo', ' '],
      [null, 'Important: read this', 'todo', ' '],
      [null, '(in progress)', 'todo', ' '],
      // A mark ending the line refines the open box as one after the box does; todo and done stay.
      [null, 'Fix login', 'blocked', 'blocked'],
      [null, 'Fix logout', 'doing', 'In progress'],
      [null, 'Ship', 'doing', '🚧'],
      [null, 'Tag ✅', 'todo', ' '],
      [null, 'Idea [todo]', 'todo', ' '],
      [null, 'Moved 🚧', 'done', 'x'],
    ]);
    expect(p.items[2]!.statusSpan).toEqual({ start: p.text.indexOf('🚧'), end: p.text.indexOf('🚧') + 2 });
    // The mark says more than the lane an open card sits in.
    const lane = parse('## In progress\n\n- [ ] ⛔ Legal sign-off\n- [ ] Importer\n');
    expect(lane.items.map((i) => i.status)).toEqual(['blocked', 'doing']);
  });

  it('reads a status field on an open box as the status it refines the box to, and no other', () => {
    const items = parse(
      [
        '- [ ] Upgrade Node [status:: blocked]',
        '- [ ] Notify customers (status: waiting, owner: Bo)',
        '- [ ] Fix login',
        '  - Status: In progress',
        '- [ ] Plan the offsite (status: planned)',
        '- [ ] Close the books [status:: done]',
        '- [x] Ship it [status:: blocked]',
      ].join('\n'),
    ).items;
    expect(items.map((i) => [i.title, i.status, i.statusSource])).toEqual([
      ['Upgrade Node', 'blocked', 'field'],
      ['Notify customers', 'blocked', 'field'],
      ['Fix login', 'doing', 'field'],
      ['Plan the offsite', 'todo', 'checkbox'],
      // The box says not done, the field done: the box stands, as a ticked box does.
      ['Close the books', 'todo', 'checkbox'],
      ['Ship it', 'done', 'checkbox'],
    ]);
  });

  it('reads a step whose bold opens before its ID, and no box in its code block', () => {
    const p = parse(
      [
        '### Task 1: CSV writer',
        '',
        '- [x] **Step 1: Write the failing test**',
        '',
        '```ts',
        '// - [ ] not a task',
        '```',
        '',
        '- [ ] **Step 2: Run it** with `npm test`',
        '- [ ] **Step 3:** Write **the** writer',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.title, i.status])).toEqual([
      ['Task-1', 'CSV writer', 'doing'],
      ['Task-1/Step-1', 'Write the failing test', 'done'],
      ['Task-1/Step-2', 'Run it with `npm test`', 'todo'],
      ['Task-1/Step-3', 'Write **the** writer', 'todo'],
    ]);
  });

  it('reads strike-through as cancelled', () => {
    expect(byTitle(plan, 'Hire a digger').status).toBe('cancelled');
    const struck = parse(
      [
        '- [ ] ~~Apple Watch app~~ (dropped: no demand)',
        '- [ ] ~~Old importer~~ — replaced by the new one',
        '- [ ] ~~Old approach~~ new approach',
        '- [ ] Keep ~~this~~ that',
        '- [x] ~~Shipped and struck~~',
        '',
      ].join('\n'),
    );
    expect(struck.items.map((i) => i.status)).toEqual(['cancelled', 'cancelled', 'todo', 'todo', 'done']);
  });

  it('reads a struck title done when its remark says so, or when it stands in a lane of done work', () => {
    const remarks = parse(
      [
        '- [ ] ~~Add dark mode~~ (done in #88)',
        '- [ ] ~~Rename the package~~ — shipped in 2.3',
        '- [ ] ~~Port the CLI to Deno~~ (not worth it)',
        '- [ ] ~~Fax export~~ (dropped, no demand)',
        // A status that is not the remark's first word says nothing of the item.
        '- [ ] ~~Old importer~~ (moved to the done pile)',
        '',
      ].join('\n'),
    );
    expect(remarks.items.map((i) => [i.status, i.statusSource])).toEqual([
      ['done', 'strike'],
      ['done', 'strike'],
      ['cancelled', 'strike'],
      ['cancelled', 'strike'],
      ['cancelled', 'strike'],
    ]);
    const board = parse(
      [
        '## Next',
        '',
        '- ~~Public API v2~~',
        '',
        '## Done',
        '',
        '- Dark mode',
        '- ~~Two-factor auth~~',
        '- ~~Fax export~~ (dropped, no demand)',
        '- ~~Webhooks~~ — shipped in 2.3',
        '',
      ].join('\n'),
    );
    // Struck in the Next lane is dropped; in the Done lane it is done, unless its remark says dropped.
    expect(board.items.map((i) => [i.title, i.status])).toEqual([
      ['Public API v2', 'cancelled'],
      ['Dark mode', 'done'],
      ['Two-factor auth', 'done'],
      ['Fax export (dropped, no demand)', 'cancelled'],
      ['Webhooks — shipped in 2.3', 'done'],
    ]);
  });

  it('reads a bullet ending with its own status mark in a checklist as a task of that status', () => {
    const p = parse('- [ ] Strom ummelden\n- Wohnung kündigen ✅\n- Ship it @cancelled\n- a note\n');
    expect(p.items.map((i) => [i.title, i.status])).toEqual([
      ['Strom ummelden', 'todo'],
      ['Wohnung kündigen', 'done'],
      ['Ship it', 'cancelled'],
    ]);
    // Among plain bullets one mark alone is the text's, as before.
    expect(parse('- Met the vendor ✅\n- Call them\n').items).toEqual([]);
  });

  it('reads a bullet struck through whole in a checklist as a task struck off it', () => {
    const checklist = parse(
      [
        '- [ ] Call the plumber',
        '- ~~Order the desk~~',
        '- ~~Book flights~~ (done)',
        '- ~~Fax the form~~ — dropped',
        '- Keep ~~this~~ that',
        '- [x] Renew passport',
        '',
      ].join('\n'),
    );
    expect(checklist.items.map((i) => [i.title, i.status])).toEqual([
      ['Call the plumber', 'todo'],
      ['Order the desk', 'cancelled'],
      ['Book flights', 'done'],
      ['Fax the form', 'cancelled'],
      ['Renew passport', 'done'],
    ]);
    // Among plain bullets a strike is as often a correction of the text: a changelog's stays prose.
    expect(parse('# Changelog\n\n- Added export\n- ~~Removed the v1 API~~\n').items).toEqual([]);
  });

  it("reads a reference to one of the plan's footnotes as no part of the title, and brackets no footnote defines as words", () => {
    const p = parse(
      [
        '# TODO',
        '',
        '- [ ] Review PR #88[^1]',
        '- [ ] Rotate keys[^Ops] (P1) <!-- q4 -->',
        '- [ ] Escape a[^b] in the regex',
        '',
        '[^1]: The auth refactor.',
        '[^ops]: Ask the platform team first.',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.title, i.priority?.rank ?? null])).toEqual([
      ['todo/review-pr-88', 'Review PR #88', null],
      ['todo/rotate-keys', 'Rotate keys', 1],
      ['todo/escape-a-b-in-the-regex', 'Escape a[^b] in the regex', null],
    ]);
  });

  it('reads the lists of Getting Things Done as lanes: someday or maybe, waiting for, next actions', () => {
    const p = parse(
      '# GTD\n\n## Next actions\n- Call the bank\n\n## Waiting for\n- Quote from vendor\n\n## Someday / maybe\n- Learn Zig\n',
    );
    expect(p.items.map((i) => [i.title, i.status])).toEqual([
      ['Call the bank', 'todo'],
      ['Quote from vendor', 'blocked'],
      ['Learn Zig', 'todo'],
    ]);
  });

  it('reads words struck through after the title opens as a correction: nothing in them, out of the title', () => {
    const tasks = parse(
      [
        '- [ ] BILL-10 Tax rules ~~(5 pts)~~ (3 pts)',
        '- [ ] Use ~~Redis~~ Memcached for sessions',
        '- [ ] Migrate the DB ~~@kim~~ @ana ~~due 2026-12-01~~',
        '- [ ] ~~Dark mode~~ (shipped)',
        '- [ ] Fix ~~ the bug',
        '',
      ].join('\n'),
    ).items;
    expect(
      tasks.map((i) => [i.title, i.status, i.owner, i.due, i.fields.map((f) => `${f.key}=${f.value}`)]),
    ).toEqual([
      ['Tax rules', 'todo', null, null, ['points=3']],
      ['Use Memcached for sessions', 'todo', null, null, []],
      ['Migrate the DB @ana', 'todo', 'ana', null, ['owner=ana']],
      // A strike opening the title is the item's own: done, as its remark says.
      ['Dark mode (shipped)', 'done', null, null, []],
      // A lone `~~` strikes nothing.
      ['Fix ~~ the bug', 'todo', null, null, []],
    ]);
  });
});

describe('parsePlan on heading items', () => {
  const plan = parse(fixture('heading-items.md'));

  it('takes facts from front matter and the header', () => {
    expect(plan.facts).toMatchObject({ date: '2026-03-02', version: '2.1.0', lastUpdated: '2026-03-02' });
    expect(plan.title).toBe('Payments Service Hardening Plan');
  });

  it('takes the plan date from a plain key line too, and dates a sprint by the end of its range', () => {
    const sprint = parse(
      '# Sprint plan\n\nPlan date: 2026-11-30\nLast updated: 2026-12-01\n\n## Sprint 14 (Dec 1 – Dec 12)\n\n- [ ] Fix login\n',
    );
    expect(sprint.facts).toMatchObject({ date: '2026-11-30', lastUpdated: '2026-12-01' });
    expect(sprint.sections[1]!.due).toBe('2026-12-12');
    expect(sprint.items.map((i) => [i.key, i.due])).toEqual([['sprint-14/fix-login', '2026-12-12']]);
  });

  it('takes the plan date from a line saying in words when the plan was updated', () => {
    const facts = (line: string) => parse(`# Plan\n\n${line}\n\n- [ ] Ship it (due Fri)\n`);
    for (const [line, date] of [
      ['Updated 2026-12-01.', '2026-12-01'],
      ['_Last updated: Nov 20, 2026 · Owner: @mira_', '2026-11-20'],
      ['*Revised on 2026-11-02*', '2026-11-02'],
      ['📅 Last updated — Dec 1, 2026', '2026-12-01'],
      ['As of 2026-12-01, search ships first.', '2026-12-01'],
      ['Exported 2026-12-07.', '2026-12-07'],
      ['_Last reviewed Dec 1, 2026_', '2026-12-01'],
      ['_Updated 2026-12-01_', '2026-12-01'],
      ['_Generated on Dec 7, 2026 by the sprint bot_', '2026-12-07'],
      ['Snapshot taken 2026-12-07 · 42 issues', '2026-12-07'],
      ['_Last edited Dec 2, 2026_', '2026-12-02'],
      ['Owner: Platform · Status: Draft · Last edited: December 2, 2026', '2026-12-02'],
      ['Exported issues are listed below.', null],
      ['The schema was updated 2026-12-01 to add tags.', null],
      ['- Updated 2026-12-01', null],
    ] as const) {
      expect([line, facts(line).facts.lastUpdated]).toEqual([line, date]);
    }
    // Its weekdays are read against it: Friday on or after Tuesday 2026-12-01.
    expect(facts('Updated 2026-12-01.').items[0]!.due).toBe('2026-12-04');
  });

  it("reads the fields written on a heading item's own line, as on an item line", () => {
    const plan = parse(
      [
        '# P',
        '',
        '### T-6: Export [owner:: kim] [due:: 2026-12-09]',
        '### T-7: Import — @kim, 2d, due 2026-12-10',
        '### T-1: Fix login (P1)',
        '### MH-001: Auth — High priority',
        '### Task 4 (Status: In Progress)',
        '### T-3: Review `a::b` paths',
      ].join('\n'),
    );
    expect(
      plan.items.map((i) => [
        i.id,
        i.title,
        i.status,
        i.owner,
        i.due,
        i.effort?.text ?? null,
        i.priority?.label ?? null,
      ]),
    ).toEqual([
      ['T-6', 'Export', 'todo', 'kim', '2026-12-09', null, null],
      ['T-7', 'Import', 'todo', 'kim', '2026-12-10', '2d', null],
      ['T-1', 'Fix login', 'todo', null, null, null, 'P1'],
      ['MH-001', 'Auth', 'todo', null, null, null, 'High'],
      // A heading that is all fields keeps its text as its title.
      ['Task 4', '(Status: In Progress)', 'doing', null, null, null, null],
      ['T-3', 'Review `a::b` paths', 'todo', null, null, null, null],
    ]);
  });

  it('makes a heading that states its status on its own line an item, ID or not, keying children by its title', () => {
    const plan = parse(
      [
        '# Plan',
        '',
        '### Task 5 — Status: Done',
        '## Build the CLI — Status: Done',
        '',
        '- [ ] Parse flags',
        '',
        '## Ship docs (status: blocked, owner: kim)',
        '## Notes on status: see below',
        '',
        '- [ ] Write them',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.key, i.title, i.status, i.owner])).toEqual([
      // A heading that is all fields but its ID keeps its text as its title.
      ['Task-5', 'Status: Done', 'done', null],
      ['plan/build-the-cli', 'Build the CLI', 'done', null],
      ['build-the-cli/parse-flags', 'Parse flags', 'todo', null],
      ['plan/ship-docs', 'Ship docs', 'blocked', 'kim'],
      // `status: see below` states no status: the heading is a section.
      ['notes-on-status-see-below/write-them', 'Write them', 'todo', null],
    ]);
  });

  it("makes a heading that opens with a box an item of the box's status, its title after the box", () => {
    const plan = parse(
      '# Plan\n\n## [x] Phase 1\n\n- [ ] Write it\n\n## [/] T-2: Phase 2 — @kim\n\n## [ ]\n',
    );
    expect(plan.items.map((i) => [i.key, i.kind, i.title, i.status, i.checkbox, i.owner])).toEqual([
      ['plan/phase-1', 'heading', 'Phase 1', 'done', 'x', null],
      ['phase-1/write-it', 'checkbox', 'Write it', 'todo', ' ', null],
      ['T-2', 'heading', 'Phase 2', 'doing', '/', 'kim'],
    ]);
    const box = plan.items[0]!.markSpan!;
    expect(plan.text.slice(box.start, box.end)).toBe('x');
  });

  it('makes ID-led headings items with their fields', () => {
    const a = plan.byKey.get('PAY-101')!;
    expect(a).toMatchObject({ kind: 'heading', id: 'PAY-101', title: 'Rotate the webhook signing secret' });
    expect(a.category).toBe('Security');
    expect(a.owner).toBe('Dana');
    expect(a.due).toBe('2026-03-09');
    expect(a.effort).toMatchObject({ minutes: 480, maxMinutes: null });
    expect(a.priority?.rank).toBe(0);
  });

  it('takes a section as a legend only when its title names one', () => {
    const text = (title: string) => `# Plan\n\n## ${title}\n\n- [ ] first task\n- [x] second task\n`;
    for (const title of [
      'Status Legend',
      'Task Status Legend',
      '📖 Legend:',
      'Legend for status emoji',
      'Statuses',
      'Status key',
    ]) {
      expect(parsePlan(text(title), { file: 'p.md' }).items.map((i) => i.title)).toEqual([]);
    }
    for (const title of [
      'Lint rules for dashboards, statuses and references',
      'Update statuses on the board',
      'Legend of Zelda speedrun',
      'Key results',
    ]) {
      expect(parsePlan(text(title), { file: 'p.md' }).items.map((i) => i.title)).toEqual([
        'first task',
        'second task',
      ]);
    }
  });

  it('learns the status legend of the plan', () => {
    expect(plan.byKey.get('PAY-101')!.status).toBe('done');
    expect(plan.byKey.get('PAY-102')).toMatchObject({
      status: 'doing',
      statusSource: 'field',
      statusText: '🛠️ BUILDING',
    });
    expect(plan.byKey.get('PAY-201')!.status).toBe('todo');
    expect(plan.vocabulary.map((v) => [v.text, v.status])).toContainEqual(['🟩 SHIPPED', 'done']);
  });

  it("reads the glyphs a legend gives statuses as status marks, where taskmark's own are read", () => {
    const text = [
      '# Status',
      '',
      '## Legend',
      '',
      '| Icon | Meaning |',
      '|---|---|',
      '| 🟢 | Done |',
      '| 🟡 | In progress |',
      '| 🔴 | Blocked |',
      '',
      '## Work',
      '',
      '### Search 🟡',
      '**Owner:** Kim',
      '',
      '- 🟢 Ship the docs',
      '- [ ] 🟡 Wire the client',
      '- [ ] Tag the release 🔴',
      '- [ ] Fix the login ⏫',
    ].join('\n');
    const p = parse(text);
    expect(p.items.map((i) => [i.title, i.status, i.statusText, i.priority?.label ?? null])).toEqual([
      ['Search', 'doing', '🟡', null],
      ['Ship the docs', 'done', '🟢', null],
      ['Wire the client', 'doing', '🟡', null],
      ['Tag the release', 'blocked', '🔴', null],
      ['Fix the login', 'todo', ' ', '⏫'],
    ]);
    // The word may come first in its row.
    const swapped = parse(
      text.replace('| 🟢 | Done |', '| Done | 🟢 |').replace('| 🔴 | Blocked |', '| Blocked | 🔴 |'),
    );
    expect(swapped.items.map((i) => i.status)).toEqual(['doing', 'done', 'doing', 'blocked', 'todo']);
    // Without the legend the circles are priorities, and a bullet opened by one is no item.
    const bare = parse(text.replace(/## Legend[\s\S]*?## Work/, '## Work'));
    expect(bare.items.map((i) => [i.title, i.status, i.priority?.label ?? null])).toEqual([
      ['Search', 'todo', '🟡'],
      ['Wire the client', 'todo', '🟡'],
      ['Tag the release', 'todo', '🔴'],
      ['Fix the login', 'todo', '⏫'],
    ]);
  });

  it('reads a legend a labelled line gives, its entries side by side or in the list under it', () => {
    const work = [
      '## Work',
      '',
      '| ID | Task | Status |',
      '|---|---|---|',
      '| W1 | Ship | 🟢 |',
      '| W2 | Tag | 🟡 |',
      '',
      '- ⚪ Plan the next one',
      '',
    ];
    const statuses = (legend: string[]) =>
      parse(['# Plan', '', ...legend, '', ...work].join('\n')).items.map((i) => [i.id ?? i.title, i.status]);
    const read = [
      ['W1', 'done'],
      ['W2', 'doing'],
      ['Plan the next one', 'todo'],
    ];
    expect(statuses(['Legend: 🟢 done · 🟡 in progress · ⚪ not started'])).toEqual(read);
    expect(statuses(['**Status key:** 🟢 = Done | 🟡 = In progress | ⚪ = Todo'])).toEqual(read);
    expect(statuses(['> Key: 🟢 Done, 🟡 WIP, ⚪ Not started'])).toEqual(read);
    expect(statuses(['Legend:', '', '- 🟢 Done', '- 🟡 In progress', '- ⚪ Not started'])).toEqual(read);
    // A line labelled so that lists no marks is no legend; the circles stay what they are without one.
    const none = statuses(['Key: the API key rotates monthly, done by ops']);
    expect(none).toEqual([
      ['W1', 'todo'],
      ['W2', 'todo'],
    ]);
  });

  it('resolves relative due dates against the plan date and keeps effort ranges', () => {
    const b = plan.byKey.get('PAY-102')!;
    expect(b.dueText).toBe('Week 2');
    expect(b.due).toBe('2026-03-15');
    expect(b.effort).toMatchObject({ minutes: 3 * 480, maxMinutes: 5 * 480 });
    expect(b.priority).toEqual({ rank: 1, label: 'P1' });
  });

  it("takes the plan's date from a plain key line of its header, which Week and Day sections count from", () => {
    const onboarding = parse(
      [
        '# Onboarding — Jamie',
        '',
        'Start date: 2027-01-11',
        '',
        '## Day 2',
        '',
        '- [ ] Read the architecture doc',
        '',
        '## Week 2',
        '',
        'Date: 2030-01-01 (a line under a section is no header)',
        '',
        '- [ ] Ship a first PR',
        '',
      ].join('\n'),
    );
    expect(onboarding.facts.date).toBe('2027-01-11');
    expect(onboarding.items.map((i) => [i.title, i.due])).toEqual([
      ['Read the architecture doc', '2027-01-12'],
      ['Ship a first PR', '2027-01-24'],
    ]);
    // A meeting's notes dated in their title count from that day (`by Friday`), where no other
    // heading is dated: notes of several days count from none of them.
    const sync = parse(
      '# Weekly sync — 2027-01-07\n\n## Actions\n\n- [ ] Follow up with the vendor (by Friday)\n',
    );
    expect(sync.items[0]!.due).toBe('2027-01-08');
    const days = parse('# Standups — 2027-01-04\n\n## Tuesday (2027-01-12)\n\n- [ ] Follow up (by Friday)\n');
    expect(days.items[0]!.due).toBeNull();
    expect(parse('# Sprint 12 — Jan 4–15, 2027\n\n- [ ] Ship it (by Friday)\n').items[0]!.due).toBeNull();
    // In the plan's language too.
    expect(parse('# Plan\n\n**Responsable:** Lucía · **Fecha:** 2027-02-01\n').facts.date).toBe('2027-02-01');
    expect(parse('# Plan\n\nDatum: 2027-02-01\n').facts.date).toBe('2027-02-01');
    // A key that gives no date, or a due date, is not the plan's.
    expect(parse('# P\n\nStart: when the budget lands\nDue date: 2027-03-01\n').facts.date).toBeNull();
  });

  it('reads a priority phrase in another language in parentheses ending the title', () => {
    const p = parse(
      '- [ ] Umzugsfirma buchen (hohe Priorität)\n- [ ] Reservar sala [prioridad alta] @ana\n- [ ] Fix the (hohe Priorität) thing\n',
    );
    expect(p.items.map((i) => [i.title, i.priority?.rank ?? null])).toEqual([
      ['Umzugsfirma buchen', 1],
      ['Reservar sala @ana', 1],
      // In the middle of the title a group is the title's.
      ['Fix the (hohe Priorität) thing', null],
    ]);
  });

  it('reads a P0–P4 in brackets before a bare one, and none that is a word of the sentence', () => {
    const p = parse(
      [
        '# P',
        '- [ ] Zero P0 bugs at launch',
        '- [ ] Triage the P1 tickets',
        '- [ ] Fix the P0 crash in checkout (P2)',
        '- [ ] Fix the login P1',
        '- [ ] P2 Fix the logout',
        '- [ ] Fix the login P1 @kim',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.priority?.label ?? null])).toEqual([
      ['Zero P0 bugs at launch', null],
      ['Triage the P1 tickets', null],
      ['Fix the P0 crash in checkout', 'P2'],
      ['Fix the login', 'P1'],
      ['Fix the logout', 'P2'],
      ['Fix the login @kim', 'P1'],
    ]);
  });

  it('takes a priority mark out of the title with a circle beside it and the bold around it', () => {
    const p = parse(
      [
        '# P',
        '- [ ] 🔴 P0: Verify the restore',
        '- [ ] 🔴 P0 Verify the logs',
        '- [ ] **P1:** Verify the alerts',
        '- [ ] [P1] 🟡 Verify the docs',
        '- [ ] 🔴 Verify the backup',
        '- [ ] P2 🟢',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.priority?.label])).toEqual([
      ['Verify the restore', 'P0'],
      ['Verify the logs', 'P0'],
      ['Verify the alerts', 'P1'],
      ['Verify the docs', 'P1'],
      ['Verify the backup', '🔴'],
      // A circle that is all the title is left is the title.
      ['🟢', 'P2'],
    ]);
  });

  it('reads a due phrase counted from the plan date, its words out of the title', () => {
    const p = parse(
      [
        '# P',
        '',
        'Updated 2026-12-01.',
        '',
        '- [ ] Renew certs, due in 3 days',
        '- [ ] Ship it (due tomorrow)',
        '- [ ] Call Bo by today',
        '- [ ] Demo due in 2 weeks',
        '- [ ] Plan the offsite in 2 weeks',
        "- [ ] Prep before tomorrow's demo",
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.due])).toEqual([
      ['Renew certs', '2026-12-04'],
      ['Ship it', '2026-12-02'],
      ['Call Bo', '2026-12-01'],
      ['Demo', '2026-12-15'],
      ['Plan the offsite in 2 weeks', null],
      ["Prep before tomorrow's demo", null],
    ]);
    // Without a plan date nothing says when "in 3 days" is: the phrase is kept, unresolved, as a
    // weekday's is.
    const undated = parse('# P\n\n- [ ] Renew certs, due in 3 days\n').items[0]!;
    expect([undated.title, undated.due, undated.dueText]).toEqual(['Renew certs', null, 'in 3 days']);
  });

  it('scopes word IDs by their parent and reads sub-bullet fields', () => {
    const t = plan.byKey.get('PAY-102/Task-2.2')!;
    expect(t).toMatchObject({
      id: 'Task 2.2',
      title: 'Replay stored responses',
      parent: 'PAY-102',
      owner: 'Lee',
    });
    expect(t.effort?.minutes).toBe(90);
    expect(plan.byKey.get('PAY-102/Task-2.3')!.tags).toEqual(expect.arrayContaining(['postgresql']));
  });

  it('reads an estimate in a plain sub-bullet under any of its usual keys', () => {
    const items = parse(
      '- [ ] One\n  - Estimated: 2 hours\n- [ ] Two\n  - Estimated time: 2 days\n- [ ] Three\n  - Est.: ~4h\n- [ ] Four\n  - Estimated: we will see\n',
    ).items;
    expect(items.map((i) => [i.title, i.effort?.minutes ?? null])).toEqual([
      ['One', 120],
      ['Two', 960],
      ['Three', 240],
      ['Four', null],
    ]);
  });

  it('treats restated IDs in a checklist as references', () => {
    const refs = plan.items.filter((i) => i.refersTo !== null).map((i) => i.refersTo);
    expect(refs).toEqual(['PAY-101', 'PAY-102']);
  });

  it('reads dependencies from fields and arrow chains', () => {
    expect(plan.byKey.get('PAY-102')!.dependsOn).toEqual(['PAY-101']);
    expect(plan.byKey.get('PAY-201')!.dependsOn).toEqual(['PAY-102']);
    expect(plan.cycles).toEqual([]);
  });

  it('rolls progress up from children', () => {
    expect(plan.byKey.get('PAY-102')!.rollup).toMatchObject({ done: 1, total: 3 });
  });
});

describe('parsePlan on headings followed by a list of fields', () => {
  it("reads a story's points on a line or a sub-bullet of their own", () => {
    const p = parse(
      '- [ ] Index rebuild\n  - Story Points: 5\n  - Assignee: @li\n\n### T-1 Search\nStory points: 8\n',
    );
    expect(
      p.items.map((i) => [i.title, i.fields.find((f) => f.key === 'points')?.value ?? null, i.owner]),
    ).toEqual([
      ['Index rebuild', '5', 'li'],
      ['Search', '8', null],
    ]);
  });

  const plan = parse(
    [
      '# Backlog',
      '',
      '### TASK-7 · Improve docs',
      '',
      '- **Status:** Done',
      '- **Owner:** @li',
      '',
      '### Rate limiting',
      '',
      '- Status: In Progress',
      '- Owner: Kim',
      '  - [ ] Token bucket',
      '',
      '### Reading list',
      '',
      '- Owner: the team',
      '- Refactoring, by Fowler',
      '',
      '### 2.1 Rotate the signing keys',
      '- **Effort:** M (1-2d)',
      '- **Depends on:** TASK-7',
      '- [x] Generate the JWKS',
      '',
      '- [ ] Dual-sign for 24h',
      '',
      '### Glossary',
      '- **Owner:** who answers for the work',
      '- [ ] not a task list',
      '- Status: where it stands',
      '',
    ].join('\n'),
  );

  it("reads the bullets as the heading's fields, making it an item, when every bullet is a field or a task after them", () => {
    expect(plan.items.map((i) => [i.key, i.title, i.status, i.owner, i.parent])).toEqual([
      ['TASK-7', 'Improve docs', 'done', 'li', null],
      ['backlog/rate-limiting', 'Rate limiting', 'doing', 'Kim', null],
      ['rate-limiting/token-bucket', 'Token bucket', 'todo', 'Kim', 'backlog/rate-limiting'],
      ['2.1', 'Rotate the signing keys', 'doing', null, null],
      ['2.1/generate-the-jwks', 'Generate the JWKS', 'done', null, '2.1'],
      ['2.1/dual-sign-for-24h', 'Dual-sign for 24h', 'todo', null, '2.1'],
      ['glossary/not-a-task-list', 'not a task list', 'todo', null, null],
    ]);
    const keys = plan.byKey.get('2.1')!;
    expect([keys.effort?.text, keys.effort?.maxMinutes, keys.fields.map((f) => f.key)]).toEqual([
      '1-2d',
      960,
      ['effort', 'depends'],
    ]);
    expect(plan.dependencies.map((d) => [d.from, d.to])).toContainEqual(['2.1', 'TASK-7']);
  });

  it("reads a table of two columns that lists a heading's attributes as its fields, and no other table", () => {
    const plan = parse(
      [
        '# Spec',
        '',
        '### REQ-1: Login',
        '',
        '| Field | Value |',
        '|---|---|',
        '| Status | Blocked |',
        '| Owner | Ana |',
        '| Due | 2026-12-10 |',
        '| Notes | SSO first |',
        '',
        '### Capacity',
        '',
        '| Metric | Target |',
        '|---|---|',
        '| p95 | 20 ms |',
        '| Errors | 0.1% |',
        '',
        '### Glossary',
        '',
        '| Term | Meaning |',
        '|---|---|',
        '| Owner | who answers for it |',
        '| Status | where the work stands |',
        '| SLA | the promise |',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.key, i.status, i.owner, i.due, i.fields.map((f) => f.key)])).toEqual([
      ['REQ-1', 'blocked', 'Ana', '2026-12-10', ['status', 'owner', 'due', 'notes']],
    ]);
  });

  it('reads field lines and bullets opened by an icon, and leaves a status glyph before other words alone', () => {
    const icons = parse(
      [
        '### TASK-1: Importer',
        '👤 **Owner:** Kim',
        '⏱️ **Estimate:** 2h | 📅 **Due:** 2026-12-01',
        '📊 **Status:** 🟡 In Progress',
        '',
        '### TASK-2: Docs',
        '- 👤 Owner: Li',
        '- ✅ Status: Done',
        '',
        '### Release',
        '- ✅ **Completed**: Changelog',
        '- 📝 **Notes:** none',
        '',
      ].join('\n'),
    );
    expect(
      icons.items.map((i) => [i.key, i.status, i.owner, i.due, i.effort?.minutes ?? null, i.fields.length]),
    ).toEqual([
      ['TASK-1', 'doing', 'Kim', '2026-12-01', 120, 4],
      ['TASK-2', 'done', 'Li', null, null, 2],
      ['release/changelog', 'done', null, null, null, 0],
    ]);
    const t1 = icons.byKey.get('TASK-1')!;
    expect(t1.fields.map((f) => icons.text.slice(f.span.start, f.span.end))).toEqual([
      '👤 **Owner:** Kim',
      '⏱️ **Estimate:** 2h',
      '📅 **Due:** 2026-12-01',
      '📊 **Status:** 🟡 In Progress',
    ]);
  });

  it('reads a bullet labelling tasks after the fields (`- Acceptance criteria:`) as part of the list', () => {
    const plan = parse(
      [
        '# Search',
        '',
        '### M1.1 Tokenizer rewrite',
        '- **State:** In review',
        '- **Lead:** @jonas',
        '- Acceptance criteria:',
        '  - [x] Unicode word boundaries',
        '  - [ ] CJK bigrams',
        '',
        '### M1.2 Incremental indexing',
        '- **State:** Not started',
        '- **Depends on:** M1.1',
        '',
        '### Reading list',
        '- **Owner:** the team',
        '- Refactoring, by Fowler:',
        '  - Chapter 1 and 2',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.key, i.status, i.owner, i.parent, i.dependsOn])).toEqual([
      ['M1.1', 'doing', 'jonas', null, []],
      ['M1.1/unicode-word-boundaries', 'done', 'jonas', 'M1.1', []],
      ['M1.1/cjk-bigrams', 'todo', 'jonas', 'M1.1', []],
      ['M1.2', 'todo', null, null, ['M1.1']],
    ]);
  });

  it('reads a bullet over a list of fields as that item, as a heading over them is', () => {
    const plan = parse(
      [
        '# Q1 infra plan',
        '',
        '## Work',
        '1. Migrate auth service',
        '   - Owner: Kim',
        '   - Status: In progress',
        '   - Due: 2026-12-15',
        '   - [ ] Write the runbook',
        '2. **Upgrade Postgres to 17**',
        '   - Status: Done ✅',
        '   - Notes: ran pg_upgrade on the replica first',
        '3. Details:',
        '   - Owner: Li',
        '',
        '## Reading',
        '1. Designing Data-Intensive Applications',
        '   - Chapter 5 and 6',
        '2. Release notes',
        '   - Notes: skim them',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.key, i.status, i.owner, i.due, i.parent])).toEqual([
      ['work/migrate-auth-service', 'doing', 'Kim', '2026-12-15', null],
      ['work/write-the-runbook', 'todo', 'Kim', '2026-12-15', 'work/migrate-auth-service'],
      ['work/upgrade-postgres-to-17', 'done', null, null, null],
    ]);
    const pg = plan.byKey.get('work/upgrade-postgres-to-17')!;
    expect(pg.title).toBe('Upgrade Postgres to 17');
    expect(pg.fields.map((f) => [f.rawKey, f.value])).toEqual([
      ['Status', 'Done ✅'],
      ['Notes', 'ran pg_upgrade on the replica first'],
    ]);
  });

  it('reads a paragraph of field lines opened by the name of a task (`**Task:** …`) as that item', () => {
    const plan = parse(
      [
        '# Ops backlog',
        '',
        'Last updated: 2026-12-02',
        '',
        '**Task:** Migrate the database',
        '**Owner:** Kim',
        '**Status:** Done',
        '',
        'Story: OPS-12 Rotate the signing keys',
        'Status: In progress',
        'Due: 2026-12-12',
        '',
        '**Title:** Quarterly review',
        '**Notes:** bring the figures',
        '',
        '**Task:** Write the guide',
        'and then some prose',
        '',
        '## Release 2 🚧',
        '',
        '**Task:** Ship it',
        '**Priority:** High',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.key, i.id, i.title, i.status, i.owner, i.due, i.line])).toEqual([
      ['ops-backlog/migrate-the-database', null, 'Migrate the database', 'done', 'Kim', null, 5],
      ['OPS-12', 'OPS-12', 'Rotate the signing keys', 'doing', null, '2026-12-12', 9],
      // A heading holding a record holds a task: its sign is its status.
      ['ops-backlog/release-2', null, 'Release 2', 'doing', null, null, 19],
      ['release-2/ship-it', null, 'Ship it', 'todo', null, null, 21],
    ]);
    expect(plan.items[3]!.parent).toBe('ops-backlog/release-2');
    // A record is its lines: its fields, the status among them, and its span to the paragraph's end.
    const db = plan.items[0]!;
    expect(db.fields.map((f) => [f.rawKey, f.value])).toEqual([
      ['Owner', 'Kim'],
      ['Status', 'Done'],
    ]);
    expect(plan.text.slice(db.span.start, db.span.end)).toBe(
      '**Task:** Migrate the database\n**Owner:** Kim\n**Status:** Done\n',
    );
    expect(plan.items[3]!.priority?.rank).toBe(1);
    // A record's fields are its own, not the plan's.
    expect(plan.facts.status).toBeNull();
    expect(plan.facts.date).toBe('2026-12-02');
  });

  it('reads a heading that is only an ID (`### PAY-203` over notes) as no item of its own', () => {
    const plan = parse(
      [
        '# Sprint',
        '',
        '| ID | Story | Status |',
        '|----|-------|--------|',
        '| PAY-203 | Retry budget | ⛔ Blocked |',
        '',
        '## Notes',
        '',
        '### PAY-203',
        'Waiting for the key store.',
        '',
        '### PAY-204',
        '- [ ] Draft the schema',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.key, i.title, i.status, i.refersTo])).toEqual([
      ['PAY-203', 'Retry budget', 'blocked', null],
      ['PAY-204', '', 'todo', null],
      ['PAY-204/draft-the-schema', 'Draft the schema', 'todo', null],
    ]);
  });
});

describe('parsePlan on milestones with deadlines', () => {
  it('gives the items of a section the deadline its heading states, unless they state their own', () => {
    const p = parse(
      '# M\n\n## v1.2 (target: 2026-03-01)\n\n- [ ] Search filters\n- [ ] Views 📅 2026-02-01\n\n## 2026-04-01 retro\n\n- [ ] Notes\n',
    );
    expect(p.items.map((i) => [i.title, i.due])).toEqual([
      ['Search filters', '2026-03-01'],
      ['Views', '2026-02-01'],
      ['Notes', null],
    ]);
  });

  it("reads a heading's days on the calendar before its week of the plan", () => {
    const p = parse(
      [
        '# Team plan',
        '',
        '## Week 50 (Dec 7–11, 2026)',
        '- [ ] Rotate the keys',
        '## Week 3 — due 2027-01-15',
        '- [ ] Ship the beta',
        '## Week 4',
        '- [ ] Retro',
        '',
      ].join('\n'),
    );
    // No plan date: the week alone places nothing.
    expect(p.items.map((i) => [i.title, i.due])).toEqual([
      ['Rotate the keys', '2026-12-11'],
      ['Ship the beta', '2027-01-15'],
      ['Retro', null],
    ]);
  });
});

describe('parsePlan on dependencies stated in prose', () => {
  it("reads a dependency field whose value says again that it is one, and no title's opening word", () => {
    const p = parse(
      [
        '- [ ] FEAT-92 Saved filters',
        '- [ ] On call rota',
        '- [ ] FEAT-95 Bulk export ⛔ blocked by FEAT-92',
        '- [ ] FEAT-96 Bulk import [depends:: waiting on FEAT-92, FEAT-95]',
        '- [ ] FEAT-97 Pager [depends:: On call rota]',
        '',
      ].join('\n'),
    );
    expect(p.items.slice(2).map((i) => [i.id, i.dependsOn, i.unresolvedDeps])).toEqual([
      ['FEAT-95', ['FEAT-92'], []],
      ['FEAT-96', ['FEAT-92', 'FEAT-95'], []],
      ['FEAT-97', ['on-call-rota'], []],
    ]);
  });

  const plan = parse(
    [
      '# Release',
      '',
      '- [ ] T001 Cut the branch',
      '- [ ] T002 Build the images',
      '- [ ] T003 Tag the release',
      '- [ ] T004 Announce it',
      '- [ ] T005 Archive the logs',
      '',
      'T002 depends on T001. T003 REQUIRES T001 and T002; T004 Must Follow T003.',
      'T005 blocks T004 — İstanbul office sign-off: T005 needs T001',
      'Nothing here needs anything, and the linter blocks nobody.',
      '',
    ].join('\n'),
  );
  const deps = (key: string) => plan.byKey.get(key)!.dependsOn;

  it('reads the arrows of a Mermaid flowchart between the items its nodes name, by ID or by title', () => {
    const p = parse(
      [
        '# Plan',
        '',
        '- [ ] T001 Write the schema',
        '- [ ] T002 Build the API',
        '- [ ] Ship the UI',
        '- [ ] Tell the team',
        '',
        '```mermaid',
        'flowchart LR',
        '  T001 --> T002',
        '  T002 --> ui["Ship the UI"]',
        '  ui --- team[Tell the team]',
        '  ui --> party[Celebrate]',
        '  - [ ] not a task',
        '```',
        '',
        '```',
        'T002 --> T001',
        '```',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.dependsOn])).toEqual([
      ['Write the schema', []],
      ['Build the API', ['T001']],
      ['Ship the UI', ['T002']],
      // An open link orders nothing; a node no item has is no dependency; a block that is no
      // Mermaid chart draws none.
      ['Tell the team', []],
    ]);
    expect(p.dependencies.filter((d) => d.source === 'arrow').map((d) => d.line)).toEqual([10, 11]);
    const gantt = parse(
      [
        '```mermaid',
        'gantt',
        '  dateFormat YYYY-MM-DD',
        '  Schema :done, s1, 2026-11-01, 5d',
        '  API    :active, a1, after s1, 10d',
        '  T003 UI :u1, after a1, 7d',
        '```',
        '',
        '- [x] Schema',
        '- [ ] API',
        '- [ ] T003 The UI',
        '',
      ].join('\n'),
    );
    expect(gantt.items.map((i) => [i.key, i.dependsOn])).toEqual([
      ['schema', []],
      ['api', ['schema']],
      ['T003', ['api']],
    ]);
  });

  it('reads no chain where an arrow sets off the words of a dependency, and no cycle so', () => {
    const p = parse(
      [
        '- [ ] T001 Schema',
        '- [ ] T002 Blog post, blocked by T001',
        '- [ ] T003 Retro → depends on T002',
        '- [ ] T004 Party -> needs T003',
        '',
        'T001 → T002',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.dependsOn])).toEqual([
      ['T001', []],
      ['T002', ['T001']],
      ['T003', ['T002']],
      ['T004', ['T003']],
    ]);
    expect(p.cycles).toEqual([]);
  });

  it("reads what an item's own line says it needs or waits for, the phrase out of its title", () => {
    const p = parse(
      [
        '- [ ] A-1 Provision the cluster',
        '- [ ] A-2 Install the operator',
        '- [ ] A-3 Migrate data — needs A-2',
        '- [ ] A-4 Cut over; waits for A-3 and A-2',
        '- [ ] A-5 Decommission (waiting on A-4)',
        '- [ ] A-6 Celebrate, blocked on A-5',
        '- [ ] A-7 Nap after lunch',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.title, i.dependsOn])).toEqual([
      ['A-1', 'Provision the cluster', []],
      ['A-2', 'Install the operator', []],
      ['A-3', 'Migrate data', ['A-2']],
      ['A-4', 'Cut over', ['A-3', 'A-2']],
      ['A-5', 'Decommission', ['A-4']],
      ['A-6', 'Celebrate', ['A-5']],
      ['A-7', 'Nap after lunch', []],
    ]);
  });

  it('reads keyed dependencies in brackets and parentheses, a task named by its number alone', () => {
    const p = parse(
      [
        '# Plan: rate limiting',
        '',
        '- [ ] **Task 1.1**: Token bucket module (Est: 2h) [Depends: none]',
        '- [ ] **Task 1.2**: Wire it into the middleware (Est: 1h) [Depends: 1.1]',
        '- [ ] **Task 1.3**: Config keys (Est: 30m, depends on: Task 1.2)',
        '- [ ] **Task 2.1**: Metrics (Deps: 1.2, 1.3)',
        '- [ ] **Task 2.2**: Docs [see [the guide](https://example.com/a, b)] [[Notes, misc]]',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.title, i.dependsOn, i.unresolvedDeps])).toEqual([
      ['Task-1.1', 'Token bucket module', [], []],
      ['Task-1.2', 'Wire it into the middleware', ['Task-1.1'], []],
      ['Task-1.3', 'Config keys', ['Task-1.2'], []],
      ['Task-2.1', 'Metrics', ['Task-1.2', 'Task-1.3'], []],
      // A link's text and a wiki link are never lists, commas or not.
      ['Task-2.2', 'Docs [see [the guide](https://example.com/a, b)] [[Notes, misc]]', [], []],
    ]);
    expect(p.byKey.get('Task-1.2')!.effort?.minutes).toBe(60);
    // The placeholder is a field (an edit can set it) that names no item.
    expect(p.byKey.get('Task-1.1')!.fields.find((f) => f.key === 'depends')?.value).toBe('none');
  });

  it("names a step of a numbered list by its number, where no item's ID is that number", () => {
    const p = parse(
      [
        '# Search v2',
        '',
        '1. **Set up the index service** — 2d — @lee',
        '2. **Backfill job** — 3d — @sam — depends on 1',
        '3. **Learning to rank** — 5d — @kim — *blocked: needs labelled data*',
        '4. **Ship** — 1d — Depends: 2, 3',
        '5. **Tidy up** (1d) — needs 2',
        '6. **Cut over** (1d) — after 5',
        '7. **Announce** (owner: @lee) — depends on step 6',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner, i.status, i.dependsOn])).toEqual([
      ['Set up the index service', 'lee', 'todo', []],
      ['Backfill job', 'sam', 'todo', ['search-v2/set-up-the-index-service']],
      // A piece in emphasis is read as its text is.
      ['Learning to rank', 'kim', 'blocked', []],
      ['Ship', null, 'todo', ['search-v2/backfill-job', 'search-v2/learning-to-rank']],
      // `needs 2` says how many as often as which: a number names a step after `depends`, `blocked
      // by` and `after` only.
      ['Tidy up — needs 2', null, 'todo', []],
      ['Cut over', null, 'todo', ['search-v2/tidy-up-needs-2']],
      // The word step before the number names the same step.
      ['Announce', 'lee', 'todo', ['search-v2/cut-over']],
    ]);
  });

  it('names a step of nested numbered lists by its outline number, within its top list only', () => {
    const p = parse(
      [
        '# Migration',
        '',
        '1. **Phase A — Discovery**',
        '   1. [x] Interview the consumers',
        '   2. [ ] Write the RFC — @ines — 3d',
        '2. **Phase B — Dual run**',
        '   1. [ ] Stand up the warehouse — 1w',
        '      1. [ ] Terraform module',
        '   2. [ ] Mirror the jobs — 2w — after 2.1',
        '   3. [ ] Compare outputs — depends on 1.2, 2.1.1',
        '   - [ ] Tidy — after 1.1',
        '',
        'Another list:',
        '',
        '1. [ ] Unrelated — after 2.2',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.dependsOn, i.unresolvedDeps])).toEqual([
      ['Interview the consumers', [], []],
      ['Write the RFC', [], []],
      ['Stand up the warehouse', [], []],
      ['Terraform module', [], []],
      ['Mirror the jobs', ['migration/stand-up-the-warehouse'], []],
      ['Compare outputs', ['migration/write-the-rfc', 'migration/terraform-module'], []],
      // A bullet breaks the outline: `1.1` there names nothing.
      ['Tidy', [], ['1.1']],
      // Another top list numbers its own steps.
      ['Unrelated', [], ['2.2']],
    ]);
  });

  it('reads verbs in any case, lists joined by commas and "and", the reverse verbs, one clause per sentence', () => {
    expect(deps('T002')).toEqual(['T001']);
    expect(deps('T003')).toEqual(['T001', 'T002']);
    expect(deps('T004')).toEqual(['T003', 'T005']);
    expect(deps('T005')).toEqual(['T001']);
    expect(plan.dependencies.every((d) => d.source === 'inline')).toBe(true);
    expect(plan.dependencies.find((d) => d.from === 'T005')!.line).toBe(10);
  });

  it('makes the items at the top of a phase wait for those of the phases it depends on', () => {
    const phased = parse(
      [
        '# Tasks',
        '',
        '## Phase 1: Setup',
        '- [ ] T001 Create the project',
        '- [ ] T002 Configure linting',
        '',
        '## Phase 2: Foundational',
        '- [ ] T003 Database schema',
        '  - [ ] Migrations',
        '',
        '## Phase 3: User Story 1',
        '- [ ] T004 Upload endpoint',
        '',
        '## Dependencies',
        '',
        '- Phase 1 blocks Phase 2',
        '- Phase 3 depends on Phase 1 and 2',
        '- Phase 9 blocks Phase 2; phase 2 needs nothing',
        '',
      ].join('\n'),
    );
    expect(phased.items.map((i) => [i.key, i.dependsOn])).toEqual([
      ['T001', []],
      ['T002', []],
      ['T003', ['T001', 'T002']],
      ['T003/migrations', []],
      ['T004', ['T001', 'T002', 'T003']],
    ]);
  });

  it("reads what an item's own line says it waits for, when the words name an item", () => {
    const own = parse(
      [
        '# Work',
        '',
        '- [ ] A/B testing framework — depends on Analytics v2',
        '- [ ] T002 Build the API (blocked by t001)',
        '- [ ] T001 Design the schema',
        '- [ ] Deploy after lunch',
        '- [ ] T003 Write docs, after T002 and T001.',
        '- [ ] T004 Migrate data — blocks T003',
        '- [ ] Release needs design review',
        '- [ ] Design review',
        '- [ ] Thereafter needs nothing; requires Analytics v2 in spirit',
        '',
        '## ✅ Analytics v2',
        '',
      ].join('\n'),
    );
    expect(own.items.map((i) => [i.id ?? i.title, i.dependsOn])).toEqual([
      ['A/B testing framework — depends on Analytics v2', ['work/analytics-v2']],
      ['T002', ['T001']],
      ['T001', []],
      ['Deploy after lunch', []],
      ['T003', ['T002', 'T001', 'T004']],
      ['T004', []],
      ['Release needs design review', ['work/design-review']],
      ['Design review', []],
      ['Thereafter needs nothing; requires Analytics v2 in spirit', []],
      ['Analytics v2', []],
    ]);
    // Words that name no item are prose, not unknown references.
    expect(own.items.flatMap((i) => i.unresolvedDeps)).toEqual([]);
  });

  it('reads a phrase keyed by its colon, naming items by their words before their own marks', () => {
    // An item is named without the dependency phrase ending its title, and without the mentions and
    // tags ending it, which stay in the title. `depends on` and a name in words leaves the title.
    // Before, `(depends on: Export the data)` stayed in it, and in its key.
    const p = parse(
      [
        '# Launch',
        '',
        '- [ ] Export the data',
        '- [ ] Send the invites @kim #mail',
        '- [ ] Import the data (depends on: Export the data)',
        '- [ ] Open the doors — Requires: Import the data, Send the invites',
        '- [ ] Close the doors (blocked by: the weather)',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.dependsOn])).toEqual([
      ['Export the data', []],
      ['Send the invites @kim #mail', []],
      ['Import the data', ['launch/export-the-data']],
      [
        'Open the doors — Requires: Import the data, Send the invites',
        ['launch/import-the-data', 'launch/send-the-invites'],
      ],
      ['Close the doors (blocked by: the weather)', []],
    ]);
    expect(p.items.flatMap((i) => i.unresolvedDeps)).toEqual([]);
  });

  it('reads the phrase in the languages plans are written in, naming items by their words', () => {
    const p = parse(
      [
        '# Migración',
        '',
        '- [ ] Pruebas de carga',
        '- [ ] Despliegue en producción (depende de: Pruebas de carga)',
        '- [ ] Mise en service — bloqué par Pruebas de carga',
        '- [ ] Schulung (hängt ab von: Despliegue en producción)',
        // A word that only opens the phrase's verb is none.
        '- [ ] Requerimientos (requeridos: Pruebas de carga)',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.dependsOn])).toEqual([
      ['Pruebas de carga', []],
      // The phrase leaves the title, as `bloqué par` does after a dash.
      ['Despliegue en producción', ['migracion/pruebas-de-carga']],
      ['Mise en service', ['migracion/pruebas-de-carga']],
      ['Schulung', ['migracion/despliegue-en-produccion']],
      ['Requerimientos (requeridos: Pruebas de carga)', []],
    ]);
  });
});

describe('parsePlan on status bullets and annotated headings', () => {
  it('reads a status word in bold and its colon opening a bullet as its status, as stand-up notes write it', () => {
    const p = parse(
      [
        '## Notes',
        '- Discussed the roadmap',
        '- **TODO:** fix the flaky test',
        '- **Done:** tag the release',
        '- **In progress:** migrate the db',
        '- **Blocked**: vendor reply',
        '- **Done** — docs',
        // A to-do word must state one; other words in bold are labels.
        '- **New:** dark mode',
        '- **Note:** ask ops first',
        '- **Done**',
        '- **Completed:** 12 tasks',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['fix the flaky test', 'todo', 'TODO'],
      ['tag the release', 'done', 'Done'],
      ['migrate the db', 'doing', 'In progress'],
      ['vendor reply', 'blocked', 'Blocked'],
      ['docs', 'done', 'Done'],
    ]);
    // The label of an action item in bold opens one amid a meeting's discussion: a task to do, owned
    // by the roster's person it names. Not in plain words, as a runbook's step is written.
    const sync = parse(
      [
        '# Sync',
        '',
        'Attendees: Kim, Ana',
        '',
        '## Discussion',
        '- Billing is late',
        '  - **Action:** Kim to chase finance',
        '- __Action item__: Ana to send the deck',
        '- Action: restart the pod',
        '- **Actions:** none',
        '- **Action:**',
        '',
      ].join('\n'),
    );
    expect(sync.items.map((i) => [i.title, i.status, i.owner, i.statusText])).toEqual([
      ['Kim to chase finance', 'todo', 'Kim', 'Action'],
      ['Ana to send the deck', 'todo', 'Ana', 'Action item'],
    ]);
  });

  it('reads a glyph and a status word ending a line as its status, not a dash and a word', () => {
    const p = parse(
      [
        '- [ ] PayPal adapter ⏸ On hold',
        '- [ ] Stripe adapter 🚧 In progress',
        '- Refund flow 🚧 IN PROGRESS',
        '- Payouts ✅ done',
        '- Fix 🐛 login page',
        '- Invoices → done',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['PayPal adapter', 'blocked', '⏸ On hold'],
      ['Stripe adapter', 'doing', '🚧 In progress'],
      ['Refund flow', 'doing', '🚧 IN PROGRESS'],
      ['Payouts', 'done', '✅ done'],
    ]);
  });

  it('reads a status word after a glyph of no status of its own, or in brackets, opening a bullet', () => {
    const p = parse(
      [
        '# 2027 Roadmap',
        '',
        '## Q1 2027',
        '- 🟢 **Shipped** — SSO with Okta',
        '- 🟡 **In progress** — Audit log export · owner: Priya · ETA Feb 28',
        '- ⚪ Not started — Data residency (EU)',
        '',
        '## Later',
        '- 🔴 **High** — not a status, a priority',
        '',
        '## Q2 2027',
        '- [DONE] Rate limiting v2',
        '- [In Progress]: Usage-based billing',
        '- [P1] Not a status',
        '- [NOTE] Not one either',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusText, i.owner, i.due])).toEqual([
      ['SSO with Okta', 'done', '🟢 Shipped', null, '2027-03-31'],
      // A month and day in a plan of no date is in the year of its section's schedule.
      ['Audit log export', 'doing', '🟡 In progress', 'Priya', '2027-02-28'],
      ['Data residency (EU)', 'todo', '⚪ Not started', null, '2027-03-31'],
      ['Rate limiting v2', 'done', 'DONE', null, '2027-06-30'],
      ['Usage-based billing', 'doing', 'In Progress', null, '2027-06-30'],
    ]);
  });

  const plan = parse(fixture('changelog.md'));

  it('reads status bullets', () => {
    expect(plan.items.filter((i) => i.kind === 'status-bullet').map((i) => [i.title, i.status])).toEqual([
      ['Phase 1: Offline sync (Complete)', 'done'],
      ['Phase 2: Push notifications', 'todo'],
      ['Phase 3: Widgets', 'doing'],
      ['Crash reporting with symbol upload', 'done'],
      ['Login with passkeys', 'done'],
    ]);
  });

  it('reads a status word in bold after the mark as part of it, and other bold as the title', () => {
    const bullets = parse(
      '- ✅ **Completed**: Changelog\n- ⏳ __Pending__ - Docs\n- ✅ **Database schema**: created tables\n- ✅ **Done** Release\n',
    ).items;
    expect(bullets.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['Changelog', 'done', '✅ Completed'],
      ['Docs', 'todo', '⏳ Pending'],
      ['Database schema: created tables', 'done', '✅'],
      // Without a separator after it, the word is the title's.
      ['Done Release', 'done', '✅'],
    ]);
  });

  it("reads a roadmap's glyph bullets, coming soon among them", () => {
    const roadmap = parse(
      '## v1.0 (target: Jan 2027)\n\n- 🚧 Plugin API — @hana\n- 🔜 Config schema validation\n- ⏸️ Telemetry\n',
    ).items;
    expect(roadmap.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['Plugin API', 'doing', '🚧'],
      ['Config schema validation', 'todo', '🔜'],
      ['Telemetry', 'blocked', '⏸'],
    ]);
  });

  it('reads heading annotations as status', () => {
    const sprint4 = plan.items.find((i) => i.title.startsWith('Sprint 4'))!;
    expect([sprint4.kind, sprint4.status, sprint4.statusText]).toEqual([
      'heading',
      'todo',
      'NOT IMPLEMENTED',
    ]);
    const dark = plan.items.find((i) => i.title === 'Dark mode')!;
    expect([dark.status, dark.parent]).toEqual(['done', sprint4.key]);
    expect(dark.rollup).toMatchObject({ done: 1, total: 2 });
  });

  it("reads a heading's own priority, a circle ending it or a section word before a remark", () => {
    const plan = parse(
      '# Plan\n\n## Critical (do first)\n\n### 1. Migrate the database 🔴\n**Owner:** Bo\n\n### 2. Rotate the key\n**Owner:** Li\n\n## Later\n\n### 3. Dark mode 🟢\n',
    );
    expect(plan.items.map((i) => [i.id, i.title, i.priority?.label ?? null])).toEqual([
      ['1', 'Migrate the database', '🔴'],
      ['2', 'Rotate the key', 'Critical'],
      // A numbered heading that states a priority is an item, as one with a field line is.
      ['3', 'Dark mode', '🟢'],
    ]);
  });

  it('reads a heading struck through whole as a dropped item where the heading would stand', () => {
    const text = [
      '# Plan',
      '',
      '## Phase 1',
      '',
      '### 1.1 Importer',
      '**Owner:** Kim',
      '',
      '~~### 1.2 Fax gateway 🔴~~',
      '',
      '~~## Native app~~  ',
      '',
      '~~##No space~~ ~~#### ~~ ~~####### Seven~~',
    ].join('\n');
    const plan = parse(text);
    expect(
      plan.items.map((i) => [i.id, i.title, i.status, i.statusSource, i.parent, i.priority?.label ?? null]),
    ).toEqual([
      ['1.1', 'Importer', 'todo', 'default', null, null],
      // Under Phase 1, beside 1.1, not under it; a level-2 one at the top, as Phase 1 is not an item.
      ['1.2', 'Fax gateway', 'cancelled', 'strike', null, '🔴'],
      [null, 'Native app', 'cancelled', 'strike', null, null],
    ]);
    expect(plan.items[1]!.section).toEqual(['Plan', 'Phase 1']);
    expect(plan.items[2]!.section).toEqual(['Plan']);
    expect(plan.sections.map((s) => s.title)).toEqual(['Plan', 'Phase 1', 'Importer']);
  });

  it('does not make a bare status heading an item', () => {
    expect(plan.sections.find((s) => s.title === 'Changelog')?.status).toBe('done');
    expect(plan.items.some((i) => i.title === 'Changelog')).toBe(false);
  });

  it('keeps the ASCII punctuation ending a heading in its title: no status glyph', () => {
    const p = parse('# OKRs\n\n## O2: Cut cloud spend 20%\n\n## What is next?\n\n- [ ] Decide!\n');
    expect(p.items.map((i) => [i.key, i.title, i.section])).toEqual([
      ['O2', 'Cut cloud spend 20%', ['OKRs']],
      ['what-is-next/decide', 'Decide!', ['OKRs', 'What is next?']],
    ]);
  });

  it('reads an org keyword opening a heading as its status, but not a section name in capitals', () => {
    const plan = parse(
      [
        '# Plan',
        '## TODO Write the migration guide',
        'Owner: @dana',
        '## DONE: Ship v1 of the importer',
        '## IN-PROGRESS Rate limiter rollout',
        '- [x] Token bucket',
        '## NEXT Steps',
        '## DONE CRITERIA',
        '## TODO List',
        '- [ ] Tidy up',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.key, i.status, i.statusText, i.parent])).toEqual([
      ['plan/write-the-migration-guide', 'todo', 'TODO', null],
      ['plan/ship-v1-of-the-importer', 'done', 'DONE', null],
      ['plan/rate-limiter-rollout', 'doing', 'IN-PROGRESS', null],
      ['rate-limiter-rollout/token-bucket', 'done', 'x', 'plan/rate-limiter-rollout'],
      ['todo-list/tidy-up', 'todo', ' ', null],
    ]);
    expect(plan.items[0]!.owner).toBe('dana');
  });

  it('reads a construction sign or an empty box opening a heading that holds tasks as its status', () => {
    const plan = parse(
      [
        '# Plan',
        '## 🚧 Rate limiter',
        '- [x] Token bucket',
        '- [ ] Overrides',
        '## ⬜ Billing export',
        '- [ ] CSV',
        '## 🚧 Docs',
        'Nothing here yet.',
        '## 🔒 Security',
        '- [ ] Rotate keys',
      ].join('\n'),
    );
    expect(
      plan.items.filter((i) => i.kind === 'heading').map((i) => [i.title, i.status, i.statusText]),
    ).toEqual([
      ['Rate limiter', 'doing', '🚧'],
      ['Billing export', 'todo', '⬜'],
    ]);
    // Topic icons and a heading over prose stay sections; the tasks under them are top-level items.
    expect(plan.items.filter((i) => i.parent === null).map((i) => i.title)).toEqual([
      'Rate limiter',
      'Billing export',
      'Rotate keys',
    ]);
    expect(plan.items[0]!.rollup).toMatchObject({ done: 1, total: 2 });
  });

  it('reads a glyph that decorates topics too as a status where sibling headings are marked by others', () => {
    const plan = parse(
      [
        '# Data platform',
        '## Workstreams',
        '### ✅ Ingestion',
        '- [x] Kafka topics',
        '### 🔄 Transformation',
        '- [ ] Backfill',
        '### ⏸️ Reverse ETL',
        '- [ ] Salesforce sync',
        '## Topics',
        '### 🔄 Sync jobs',
        '- [ ] Nightly sync',
        '### 🚧 Docs',
        'Nothing yet.',
      ].join('\n'),
    );
    expect(
      plan.items.filter((i) => i.kind === 'heading').map((i) => [i.title, i.status, i.statusText]),
    ).toEqual([
      ['Ingestion', 'done', '✅'],
      ['Transformation', 'doing', '🔄'],
      ['Reverse ETL', 'blocked', '⏸️'],
    ]);
    // The sign on a heading over prose is no evidence: `Sync jobs` has no sibling marked otherwise.
    expect(plan.items.find((i) => i.title === 'Nightly sync')!.parent).toBeNull();
  });

  it('reads a weaker glyph opening a phase or an ID-led heading as its status, as one ending it', () => {
    const plan = parse('# P\n\n## 🔄 Phase 2: Auth\n\n### ⏸ TASK-7: Webhooks\n');
    expect(plan.items.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['Phase 2: Auth', 'doing', '🔄'],
      ['Webhooks', 'blocked', '⏸'],
    ]);
  });
});

describe('parsePlan on status sections and Kanban lanes', () => {
  it('ends a section opened by a heading in a block quote with the quote', () => {
    const p = parse(
      [
        '# Plan',
        '',
        '## In progress',
        '- [ ] Alpha',
        '',
        '> # Note',
        '> - [ ] Quoted task',
        '> ## Done',
        '> - [ ] Deeper',
        '',
        '- [ ] Beta',
        '',
        '## Later',
        '- [ ] Gamma',
        '',
      ].join('\n'),
    );
    // The quote is in the lane, as its sections are; Beta is in the lane again after the quote, and
    // `## Later` is the plan's, not the note's.
    expect(p.items.map((i) => [i.key, i.status])).toEqual([
      ['in-progress/alpha', 'doing'],
      ['note/quoted-task', 'doing'],
      ['done/deeper', 'todo'],
      ['in-progress/beta', 'doing'],
      ['later/gamma', 'todo'],
    ]);
    expect(p.sections.map((s) => s.path.join(' › '))).toEqual([
      'Plan',
      'Plan › In progress',
      'Plan › In progress › Note',
      'Plan › In progress › Note › Done',
      'Plan › Later',
    ]);
  });

  it("reads a board's columns that count their cards, and keeps the count out of the cards' keys", () => {
    const board = (todo: number, done: number) =>
      parse(
        `# Board\n\n## To Do (${todo})\n- Card A\n- Card B\n\n## Doing [1]\n- Card C\n\n## Done (${done} items)\n- Card D\n`,
      );
    const p = board(2, 1);
    expect(p.items.map((i) => [i.key, i.status])).toEqual([
      ['to-do/card-a', 'todo'],
      ['to-do/card-b', 'todo'],
      ['doing/card-c', 'doing'],
      ['done/card-d', 'done'],
    ]);
    expect(board(5, 12).items.map((i) => i.key)).toEqual(p.items.map((i) => i.key));
    // A number in parentheses after another title is its own.
    expect(parse('# P\n\n## Release (2)\n\n- [ ] Notes\n').items[0]!.key).toBe('release-2/notes');
  });

  it("reads a circle before a lane of work begun or ended as the status's colour, and before one to do as a priority", () => {
    const p = parse(
      [
        '# Weekly status',
        '',
        '## 🟢 On track',
        '- **Search v2** — ranking next. ETA Dec 18, 2026.',
        '',
        '## 🔴 Blocked',
        '- **Data export** — legal review',
        '',
        '## 🟡 Later',
        '- **Dark mode**',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.priority?.label ?? null, i.due])).toEqual([
      // A sentence's period left after its last words were read stays with the sentence.
      ['Search v2 — ranking next.', 'doing', null, '2026-12-18'],
      ['Data export — legal review', 'blocked', null, null],
      ['Dark mode', 'todo', '🟡', null],
    ]);
    expect(
      parse('- [ ] Sign the contract by Dec 18, 2026.\n- [ ] Ship it (P1).\n').items.map((i) => i.title),
    ).toEqual(['Sign the contract', 'Ship it']);
  });

  it('reads a lane named with the period it covers, a glyph before it or not, as that status', () => {
    const p = parse(
      '# Board\n\n### ✅ Shipped this sprint\n* [x] Dark mode\n\n### Done last week (3)\n* Light mode\n\n## In progress (this week)\n- Search\n\n## Shipped this year\n- [ ] Docs\n',
    );
    expect(p.items.map((i) => [i.title, i.kind, i.status])).toEqual([
      ['Dark mode', 'checkbox', 'done'],
      ['Light mode', 'status-bullet', 'done'],
      ['Search', 'status-bullet', 'doing'],
      ['Docs', 'checkbox', 'todo'],
    ]);
  });

  it("takes no lane for the plan's title, and a board's front matter title as its own", () => {
    const board = parse(
      [
        '---',
        'kanban-plugin: basic',
        'title: Photo app board',
        '---',
        '',
        '## Backlog',
        '',
        '- [ ] Add dark mode #ui',
        '',
        '## Done',
        '',
        '- [x] ~~**Fix login redirect**~~',
        '',
      ].join('\n'),
    );
    // Several headings share the top level: none of them is the title, the first no more than the rest.
    expect(board.title).toBe('Photo app board');
    expect(board.items.map((i) => [i.key, i.title, i.status])).toEqual([
      ['backlog/add-dark-mode', 'Add dark mode #ui', 'todo'],
      ['done/fix-login-redirect', 'Fix login redirect', 'done'],
    ]);
    // Bold struck whole loses both; bold spans inside a strike keep theirs.
    expect(parse('- [x] ~~**a** and **b**~~\n').items[0]!.title).toBe('**a** and **b**');
    expect(parse('## Backlog\n\n- [ ] a\n\n## Done\n').title).toBeNull();
    // One heading at the top level is the title, and so is the first `#` of several.
    expect(parse('## Sprint 14\n\n### Todo\n\n- [ ] a\n').title).toBe('Sprint 14');
    expect(parse('# Plan\n\n- [ ] a\n\n# Appendix\n').title).toBe('Plan');
  });

  const board = parse(`---
kanban-plugin: basic
---

## Backlog

- [ ] Pricing page copy
- [x] Logo, done early

## In Progress

- [ ] Webhook retries
  - [x] backoff
  - [ ] dead letter queue

## Blocked

- [ ] Upgrade the database driver

## Won't do

- [ ] Fax integration

## Done

- [x] Postgres replica
- [ ] Reopened after review

%% kanban:settings
\`\`\`
{"kanban-plugin":"basic"}
\`\`\`
%%
`);
  const row = (title: string) => {
    const i = byTitle(board, title);
    return [i.status, i.statusSource];
  };

  it("reads a card's @{date} as its due date", () => {
    const card = parse('## Backlog\n\n- [ ] Design emails @{2026-01-20} #marketing\n').items[0]!;
    expect([card.title, card.due, card.tags]).toEqual([
      'Design emails #marketing',
      '2026-01-20',
      ['marketing'],
    ]);
  });

  it('gives an open card the status of its lane', () => {
    expect(row('Webhook retries')).toEqual(['doing', 'section']);
    expect(row('Upgrade the database driver')).toEqual(['blocked', 'section']);
    expect(row('Fax integration')).toEqual(['cancelled', 'section']);
  });

  it("keeps what a card's own box says, and the sub-tasks of a card", () => {
    expect(row('Pricing page copy')).toEqual(['todo', 'checkbox']);
    expect(row('Logo, done early')).toEqual(['done', 'checkbox']);
    expect(row('Postgres replica')).toEqual(['done', 'checkbox']);
    // An open box under Done: the item's own mark is the more specific claim (lint can question it).
    expect(row('Reopened after review')).toEqual(['todo', 'checkbox']);
    expect(row('backoff')).toEqual(['done', 'checkbox']);
    expect(row('dead letter queue')).toEqual(['todo', 'checkbox']);
  });

  it('reads the lane from the nearest enclosing section that names a status', () => {
    const plan = parse(
      '# Plan\n\n## In progress\n\n### Backend\n\n- [ ] API\n\n### Done\n\n- [ ] left open\n\n## Current sprint\n\n- [ ] planned\n',
    );
    expect(plan.items.map((i) => [i.title, i.status])).toEqual([
      ['API', 'doing'],
      ['left open', 'todo'],
      ['planned', 'todo'],
    ]);
  });

  it('gives a heading item its lane until its children say more', () => {
    const plan = parse(
      [
        '# Plan',
        '## In Progress',
        '### OPS-1: Nothing begun',
        '- [ ] a',
        '- [ ] b',
        '### OPS-2: Half done',
        '- [x] a',
        '- [ ] b',
        '### OPS-3: All done',
        '- [x] a',
        '### OPS-4: No children',
        '## Blocked',
        '### OPS-5: Waiting on legal',
        '**Status:** TODO',
        '',
      ].join('\n\n'),
    );
    const of = (key: string) => [plan.byKey.get(key)!.status, plan.byKey.get(key)!.statusSource];
    expect(of('OPS-1')).toEqual(['doing', 'section']);
    expect(of('OPS-2')).toEqual(['doing', 'children']);
    expect(of('OPS-3')).toEqual(['done', 'children']);
    expect(of('OPS-4')).toEqual(['doing', 'section']);
    expect(of('OPS-5')).toEqual(['todo', 'field']);
  });
});

describe("parsePlan on bullets that carry a task's metadata", () => {
  const plan = parse(
    [
      '# Sprint 14',
      '',
      '1. **[P1]** CSV parser — @li, 3d, due 2026-02-06',
      '   - [x] header detection',
      '2. **[P0]** Fix the data loss on retry — @maria (2h) ✅',
      '3. A note that mentions @sam once',
      '4. **Owner:** @sam, due 2026-03-01',
      '',
      '- [ ] Ship it by 2026-02-01',
      '',
    ].join('\n'),
  );

  it('counts a status mark ending a bullet as one of the two signs of a task', () => {
    const p = parse(
      [
        '# Sprint',
        '',
        '- **[P1]** Ship the export — *done*',
        '',
        'Notes:',
        '',
        '- Fix the import (2h) ✅',
        '- The docs were rewritten by Kim',
        '',
        'More notes:',
        '',
        '- Docs rewritten — **Done**',
        '- The docs were reviewed by Bo',
        '',
      ].join('\n'),
    );
    // With a priority or an estimate a status mark makes a task; alone it may end a note (a list of
    // two bullets and more that end in marks is a list of status bullets, as before).
    expect(p.items.map((i) => [i.title, i.status])).toEqual([
      ['Ship the export', 'done'],
      ['Fix the import', 'done'],
    ]);
  });

  it('reads a T-shirt size standing as a piece of the list as the estimate of a roadmap', () => {
    const p = parse(
      [
        '## Q2 — Scale',
        '',
        '- **Sharded queues** — @raj — M',
        '- **Cost dashboards** — @mo — S — in progress',
        '- **Self-serve quotas** — XL',
        '- Plan B — talk to Sam',
        '- Size it — M and L both fit',
        '',
      ].join('\n'),
    );
    const size = (i: Item) => i.fields.find((f) => f.key === 'size')?.value ?? null;
    expect(p.items.map((i) => [i.title, i.owner, size(i), i.status])).toEqual([
      ['Sharded queues', 'raj', 'M', 'todo'],
      ['Cost dashboards', 'mo', 'S', 'doing'],
      ['Self-serve quotas', null, 'XL', 'todo'],
    ]);
  });

  it("counts a tracker's ID opening a bullet as one of the two signs of a task", () => {
    const p = parse(
      [
        '## Carry-over',
        '- PAY-188 Fix currency rounding (2h)',
        '- PAY-190 Flaky ledger test — @bea',
        '',
        '## Notes',
        '- PAY-191 Mentioned in passing',
        '- RFC-9110 is the HTTP spec',
        '- Plain line (2h)',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.title, i.effort?.minutes ?? null, i.owner])).toEqual([
      ['PAY-188', 'Fix currency rounding', 120, null],
      ['PAY-190', 'Flaky ledger test', null, 'bea'],
    ]);
  });

  it('reads an org keyword in capitals opening a bullet as its status', () => {
    const kw = parse(
      '- TODO Rotate the API keys\n- DONE: Remove the exporter\n- WAITING Legal sign-off\n- TODOS are fun\n- Todo list review\n- TODO\n',
    );
    expect(kw.items.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['Rotate the API keys', 'todo', 'TODO'],
      ['Remove the exporter', 'done', 'DONE'],
      ['Legal sign-off', 'blocked', 'WAITING'],
    ]);
  });

  it("reads an owner in parentheses after a bullet's keyword, as code comments write it", () => {
    const p = parse(
      '- TODO(kim): review the PR\n- WAITING(@legal) DPA sign-off\n- DONE(ana.b): tag it\n- TODO(Ana Lee): x\n- TODO(kim):\n',
    );
    expect(p.items.map((i) => [i.title, i.status, i.owner])).toEqual([
      ['review the PR', 'todo', 'kim'],
      ['DPA sign-off', 'blocked', 'legal'],
      ['tag it', 'done', 'ana.b'],
    ]);
    // After a space, the owner's parentheses take the colon after them: `TODO (later) tidy up` says
    // when, not who.
    const spaced = parse('- TODO (kim): review the PR\n- DONE (@legal): sign-off\n- TODO (later) tidy up\n');
    expect(spaced.items.map((i) => [i.title, i.status, i.owner])).toEqual([
      ['review the PR', 'todo', 'kim'],
      ['sign-off', 'done', 'legal'],
      ['(later) tidy up', 'todo', null],
    ]);
  });

  it("reads org's DEADLINE and SCHEDULED lines under a keyword bullet, one line or two", () => {
    const p = parse(
      '- TODO Write the report\n  SCHEDULED: <2026-12-10 Thu>\n- TODO Send it\n  DEADLINE: <2026-12-12 Sat> SCHEDULED: <2026-12-11 Fri>\n',
    );
    expect(p.items.map((i) => [i.title, i.due, i.fields.map((f) => [f.key, f.value])])).toEqual([
      ['Write the report', null, [['scheduled', '<2026-12-10 Thu>']]],
      [
        'Send it',
        '2026-12-12',
        [
          ['due', '<2026-12-12 Sat>'],
          ['scheduled', '<2026-12-11 Fri>'],
        ],
      ],
    ]);
  });

  it("reads Logseq's NOW and LATER, and its `key:: value` properties under a block", () => {
    const p = parse(
      '- NOW Fix the importer [#A]\n- LATER Plan the offsite\n  owner:: alice\n  priority:: high\n',
    );
    expect(p.items.map((i) => [i.title, i.status, i.owner, i.priority?.rank ?? null])).toEqual([
      ['Fix the importer', 'doing', null, 1],
      ['Plan the offsite', 'todo', 'alice', 1],
    ]);
  });

  it('reads an owner or a date linked to its page, as Logseq and Obsidian write them', () => {
    const p = parse(
      [
        '- LATER Plan the offsite',
        '  owner:: [[Mira]]',
        '  due:: [[Dec 12th, 2026]]',
        '- [ ] Fix the importer [owner:: [[Bo Lee|Bo]]] (due:: [[2027-01-04]])',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner, i.due])).toEqual([
      ['Plan the offsite', 'Mira', '2026-12-12'],
      ['Fix the importer', 'Bo Lee', '2027-01-04'],
    ]);
  });

  it('counts an ID set off from its title, or a dependency, as the one signal of a backlog bullet', () => {
    const p = parse(
      [
        '## Next up',
        '',
        '1. **WEB-105** Address autocomplete — *Owner:* Bo, *ETA:* 2027-02-10',
        '2. **WEB-106** Saved cards',
        '3. WEB-107: Wallet',
        '4. [WEB-108] Gift cards',
        '5. Split payments (needs WEB-106)',
        // The sentence runs on from the ID: prose, as is a phrase that names no dependency.
        '6. RFC-9110 is the HTTP spec',
        '7. Ask the bank (after lunch)',
        '',
        '## References',
        // Alone, set-off IDs make no backlog: a list of documents is keyed the same way.
        '- **ADR-003** Use PostgreSQL',
        '- ADR-004: Queue on Redis',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.line, i.id, i.title, i.dependsOn])).toEqual([
      [3, 'WEB-105', 'Address autocomplete', []],
      [4, 'WEB-106', 'Saved cards', []],
      [5, 'WEB-107', 'Wallet', []],
      [6, 'WEB-108', 'Gift cards', []],
      [7, null, 'Split payments', ['WEB-106']],
    ]);
  });

  it('makes a bullet with one signal an item in a list where a sibling is one by two', () => {
    // (Under a heading that names no list of work: under `# Backlog` every plain bullet is a task.)
    const p = parse(
      [
        '# Payments',
        '',
        '- Fix the login redirect (P1) @kim',
        '- Update the API docs (P2)',
        '- Rotate the staging keys — @li',
        '- Tidy the importer (3h)',
        '- Renew the certificate due 2026-03-01',
        // Not one signal: a mention inside the prose, an ID alone, nothing at all.
        '- Ask @li about the dashboards',
        '- RFC-9110 is the HTTP spec',
        '- Write the release notes',
        '',
        '## Notes',
        // Alone in their list, one signal each is prose, as before.
        '- Update the API docs (P2)',
        '- Rotate the staging keys — @li',
        '',
        '## Checklist',
        // A bullet that is an item by a box or a status of its own makes no backlog: bullets without
        // boxes beside a checklist are notes.
        '- [x] Fix the login redirect (P1) @kim',
        '- Update the API docs (P2)',
        '- Ship the app (P1) @kim ✅',
        '',
        '## Steps',
        '- [ ] Fix the login redirect (P1)',
        '- Update the API docs (P2)',
        '',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [
        i.line,
        i.title,
        i.priority?.label ?? null,
        i.owner,
        i.effort?.minutes ?? null,
        i.due,
      ]),
    ).toEqual([
      [3, 'Fix the login redirect @kim', 'P1', 'kim', null, null],
      [4, 'Update the API docs', 'P2', null, null, null],
      [5, 'Rotate the staging keys', null, 'li', null, null],
      [6, 'Tidy the importer', null, null, 180, null],
      [7, 'Renew the certificate', null, null, null, '2026-03-01'],
      [17, 'Fix the login redirect @kim', 'P1', 'kim', null, null],
      [19, 'Ship the app @kim', 'P1', 'kim', null, null],
      [22, 'Fix the login redirect', 'P1', null, null, null],
    ]);
    // In a nested list too, and with the list's first task further down.
    const nested = parse('- Launch\n  - Write the FAQ (1d)\n  - Book the room — @ana, 2h\n');
    expect(nested.items.map((i) => [i.title, i.effort?.minutes ?? null])).toEqual([
      ['Write the FAQ', 480],
      ['Book the room', 120],
    ]);
  });

  it('makes a bullet with two of priority, owner, due date and effort an item, and no other', () => {
    expect(
      plan.items.map((i) => [i.title, i.kind, i.status, i.priority?.label ?? null, i.owner, i.due]),
    ).toEqual([
      ['CSV parser', 'status-bullet', 'todo', 'P1', 'li', '2026-02-06'],
      ['header detection', 'checkbox', 'done', 'P1', 'li', '2026-02-06'],
      ['Fix the data loss on retry', 'status-bullet', 'done', 'P0', 'maria', null],
      ['Ship it', 'checkbox', 'todo', null, null, '2026-02-01'],
    ]);
    expect(plan.items[0]!.effort).toEqual({ minutes: 3 * 8 * 60, maxMinutes: null, text: '3d' });
    expect(plan.items[2]!.effort?.minutes).toBe(120);
    expect(plan.items[2]!.statusSource).toBe('marker');
  });

  it("reads TaskPaper's @key(value) tags as fields and its flags as no owner, and an owner after 👤", () => {
    const p = parse(
      [
        '- Port the receipts @due(2026-03-09) @priority(high)',
        '- Write the guide @flagged @today',
        '- [ ] Review the PR 👤 Kim Lee',
        '- [ ] Draft the spec 👤 @lee 📅 2026-03-10',
        '- [ ] Pair with @ana @est(2h)',
        '- [ ] Read @lee( notes 👤 Kim to draft it',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [
        i.title,
        i.owner,
        i.due,
        i.priority?.label ?? null,
        i.effort?.minutes ?? null,
        i.fields.map((f) => `${f.key}=${f.value}`),
      ]),
    ).toEqual([
      ['Port the receipts', null, '2026-03-09', 'High', null, ['due=2026-03-09', 'priority=high']],
      ['Review the PR', 'Kim Lee', null, null, null, ['owner=Kim Lee']],
      // A mention that is the value of a field already read is not a second owner.
      ['Draft the spec', 'lee', '2026-03-10', null, null, ['owner=@lee', 'due=2026-03-10']],
      ['Pair with @ana', 'ana', null, null, 120, ['owner=ana', 'effort=2h']],
      // `@lee(` opens no tag that a value closes, and is no mention; 👤 before a sentence is no owner.
      ['Read @lee( notes 👤 Kim to draft it', null, null, null, null, []],
    ]);
    // Flags alone make no item, and name nobody.
    expect(parse('- Write the guide @flagged @today\n- Call Bo @next\n').items).toEqual([]);
    // A priority as a key and its value, as todo apps write one: `priority:low`, `prio=high`.
    const keyed = parse('- [ ] Ship it priority:low\n- [ ] Fix the leak prio=P1 due:2026-03-09\n').items;
    expect(keyed.map((i) => [i.title, i.priority?.rank, i.due])).toEqual([
      ['Ship it', 3, null],
      ['Fix the leak', 1, '2026-03-09'],
    ]);
  });

  it("reads TaskPaper's @done, @cancelled and @waiting ending a line as the status, where two bullets of a list end so", () => {
    const p = parse(
      [
        '# Today',
        '',
        '- Fix the flaky test @done(2026-11-28)',
        '- Update the deps @flagged @done',
        '- Refactor auth @cancelled(no demand)',
        '- Sign the lease @waiting',
        '- Write the release notes @today',
        '',
        'Notes:',
        '',
        '- Mail @Done about the launch',
        '- Ask @done(2026) @kim about it',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusText, i.owner])).toEqual([
      ['Fix the flaky test', 'done', '@done(2026-11-28)', null],
      ['Update the deps @flagged', 'done', '@done', null],
      ['Refactor auth', 'cancelled', '@cancelled(no demand)', null],
      // Waiting is blocked, and no one's name.
      ['Sign the lease', 'blocked', '@waiting', null],
      // In TaskPaper every bullet is a task: one without a status tag is open.
      ['Write the release notes @today', 'todo', null, null],
    ]);
    // One such bullet alone in its list is not read so, as one ending in ✅ is not.
    expect(parse('- Call Bo @done\n- Book the van\n').items).toEqual([]);
    // A title in bold over its fields and a TaskPaper list's tasks, an untagged one among them, is an
    // item, as it is when that one is tagged too: an edit of the tag does not change what holds it.
    for (const last of ['- Redirect the URLs', '- Redirect the URLs @cancelled']) {
      const held = parse(
        `**Task 4.2: Query parser**\n- **Status:** In progress\n- Fix the test @done\n- Refactor auth @cancelled\n${last}\n`,
      );
      expect(held.items.map((i) => [i.key, i.parent])).toEqual([
        ['Task-4.2', null],
        ['Task-4.2/fix-the-test', 'Task-4.2'],
        ['Task-4.2/refactor-auth', 'Task-4.2'],
        ['Task-4.2/redirect-the-urls', 'Task-4.2'],
      ]);
    }
    // A TaskPaper list's field lines and project labels are not tasks.
    const labels = parse('- Call Bo @done\n- Owner: Kim\n- Garden:\n- Book the van\n- Mow @cancelled\n');
    expect(labels.items.map((i) => [i.title, i.status])).toEqual([
      ['Call Bo', 'done'],
      ['Book the van', 'todo'],
      ['Mow', 'cancelled'],
    ]);
  });

  it('counts the metadata a bullet holds in parentheses, keyed pieces after dashes, or italic keys', () => {
    const p = parse(
      [
        '# P',
        '',
        '1. **Document the API** (1d, @ana)',
        '2. Fix the login (P1, due 2026-03-01)',
        '- T2. Write the exporter — Owner: Li — Est: 2d',
        '- Write the importer — *Owner:* Kim — *Est:* 3d',
        '',
        '## Notes',
        '- Lunch with the team (today, 1h)',
        '- Kim said — Owner: none of us',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.owner, i.due, i.priority?.label ?? null, i.effort?.text ?? null]),
    ).toEqual([
      ['Document the API', 'ana', null, null, '1d'],
      ['Fix the login', null, '2026-03-01', 'P1', null],
      ['T2. Write the exporter', 'Li', null, null, '2d'],
      ['Write the importer', 'Kim', null, null, '3d'],
    ]);
    // Field lines in italics under a heading are its fields, as bold ones are.
    const heading = parse('# P\n\n### T-1: Importer\n*Owner:* Kim\n_Status:_ Done\n').items[0]!;
    expect([heading.owner, heading.status]).toEqual(['Kim', 'done']);
  });

  it('makes a bullet that names work and gives its status after a colon an item, and no field line', () => {
    const p = parse(
      [
        '# Report',
        '',
        '- **Auth service**: ✅ Complete',
        '- **Billing:** 🚧 In progress (waiting on the bank)',
        '- Search: not started',
        '- **M1 — Alpha** (Jan 20): ✅ done',
        '- Notes: see the wiki',
        '- Chapter 3: draft',
        '- Owner: Kim',
        '- ✅ Status: Done',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['Auth service', 'done', '✅ Complete'],
      ['Billing', 'doing', '🚧 In progress'],
      ['Search', 'todo', 'not started'],
      ['M1 — Alpha (Jan 20)', 'done', '✅ done'],
    ]);
  });

  it('reads what follows a status after a colon as fields or a remark, and the status with its reason', () => {
    const p = parse(
      [
        '# Report',
        '',
        '- Search: not started (P1, @ana)',
        '- Exports: in progress — @ana, 3d',
        '- Audit: in progress (owner: Raj)',
        '- Billing: in progress (due 2026-12-20)',
        '- Vendor: blocked on legal (P0)',
        '- Tax: blocked (waiting for legal)',
        '- Docs: done (shipped 2026-11-20)',
        '- Rollout: planned, then staged',
        // A colon inside brackets, and a status key ending the name, are no name's.
        '- Ship it (blocked: waiting for v2.1)',
        '- Tidy — State: blocked',
        '- Search: done by Kim, tomorrow',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.status, i.statusText, i.priority?.label ?? null, i.owner, i.due]),
    ).toEqual([
      ['Search', 'todo', 'not started', 'P1', 'ana', null],
      ['Exports', 'doing', 'in progress', null, 'ana', null],
      ['Audit', 'doing', 'in progress', null, 'Raj', null],
      ['Billing', 'doing', 'in progress', null, null, '2026-12-20'],
      ['Vendor', 'blocked', 'blocked on legal', 'P0', null, null],
      ['Tax', 'blocked', 'blocked', null, null, null],
      ['Docs', 'done', 'done', null, null, null],
      ['Rollout', 'todo', 'planned', null, null, null],
      ['Ship it', 'blocked', 'blocked: waiting for v2.1', null, null, null],
      ['Tidy', 'blocked', 'blocked', null, null, null],
    ]);
    expect(p.items.find((i) => i.title === 'Exports')!.effort?.minutes).toBe(3 * 8 * 60);
  });

  it('reads a status after a full-width colon, and a to-do word of another language as one', () => {
    const p = parse(
      [
        '# 计划',
        '',
        '- 编写文档：未开始',
        '- 性能测试：进行中（负责人：李雷）',
        '- Tareas: pendiente',
        // A key's value, and a note, are no status.
        '- 负责人：李雷',
        '- 说明：这是一个说明',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.owner])).toEqual([
      ['编写文档', 'todo', null],
      ['性能测试', 'doing', '李雷'],
      ['Tareas', 'todo', null],
    ]);
  });

  it('reads a status word in lenticular brackets ending a line, as Chinese and Japanese plans mark one', () => {
    const p = parse(
      [
        '# 计划',
        '',
        '- [ ] 设计数据库【进行中】',
        '- [ ] 调研【备注】',
        '',
        '- 部署【进行中】',
        '- 监控【已完成】',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status])).toEqual([
      ['设计数据库', 'doing'],
      ['调研【备注】', 'todo'],
      ['部署', 'doing'],
      ['监控', 'done'],
    ]);
  });

  it("reads Obsidian Tasks' fields after a status given after a colon, and counts such a line among a list's marked ones", () => {
    const p = parse(
      [
        '- Sync: ⏳ In progress 📅 2026-12-10',
        '- Search: not started ⏫',
        '- Auth: done ✅ 2026-12-01',
        '',
        // A keyed status with a field after it is as marked as a status word ending a bullet: the
        // bullet beside it that ends with its own status tag is an item, as beside `- Auth: done`.
        '- Fix the flaky test @done(2026-11-28)',
        '- **Billing**: ✅ Complete [owner:: zed]',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.due, i.priority?.rank ?? null, i.owner])).toEqual([
      ['Sync', 'doing', '2026-12-10', null, null],
      ['Search', 'todo', null, 1, null],
      ['Auth', 'done', null, null, null],
      ['Fix the flaky test', 'done', null, null, null],
      ['Billing', 'done', null, null, 'zed'],
    ]);
  });

  it('reads a status word standing as the last piece of a list, and no to-do word a title may end with', () => {
    const p = parse(
      [
        '# B',
        '',
        '- [ ] ENG-44 Add the logs — Blocked',
        '- Fix the crash — In Progress — @kim',
        '- Write the docs, done',
        '- Port the API — Todo',
        '- **Onboarding tour** — planned',
        '- Chapter 3 — draft',
        '- Keep the door — open',
        '- Make the build — done right',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.title, i.status, i.statusText, i.owner])).toEqual([
      ['ENG-44', 'Add the logs', 'blocked', 'Blocked', null],
      ['b/fix-the-crash', 'Fix the crash', 'doing', 'In Progress', 'kim'],
      ['b/write-the-docs', 'Write the docs', 'done', 'done', null],
      ['b/port-the-api', 'Port the API', 'todo', 'Todo', null],
      ['b/onboarding-tour', 'Onboarding tour', 'todo', 'planned', null],
    ]);
    // A field after the piece leaves it the line's status: a priority in words included.
    const fielded = parse('# B\n\n- Port the API — Todo [priority:: medium]\n').items;
    expect(fielded.map((i) => [i.title, i.status, i.priority?.rank])).toEqual([['Port the API', 'todo', 2]]);
    // In a lane of work under way, a to-do piece says the item has not begun.
    const lane = parse('# R\n\n## Now\n\n- **Onboarding tour** — planned\n- **Invites** — in progress\n');
    expect(lane.items.map((i) => [i.title, i.status, i.statusSource])).toEqual([
      ['Onboarding tour', 'todo', 'field'],
      ['Invites', 'doing', 'field'],
    ]);
  });

  it('reads a glyph and a status with its reason ending a line or in brackets, and a line that is its ID alone', () => {
    const p = parse(
      [
        '- [ ] Deploy ⏸️ on hold until Q2',
        '- [ ] Revisar contrato ⚠️ bloqueado por legal',
        '- [ ] Audit (🚫 blocked by legal)',
        '- [ ] Quotas ⛔ blocked by ENG-9',
        '- [ ] ENG-9',
        // A status that comes with no reason is the title's after a glyph of no status.
        '- [ ] Ship 🚀 done by Friday',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusText, i.dependsOn])).toEqual([
      ['Deploy', 'blocked', '⏸️ on hold until Q2', []],
      ['Revisar contrato', 'blocked', '⚠️ bloqueado por legal', []],
      ['Audit', 'blocked', '🚫 blocked by legal', []],
      // Obsidian's ⛔ names what the task waits for as well.
      ['Quotas', 'blocked', '⛔ blocked by ENG-9', ['ENG-9']],
      ['ENG-9', 'todo', ' ', []],
      ['Ship 🚀 done', 'todo', ' ', []],
    ]);
  });

  it('reads a task line that is its ID and a list of metadata: the list is read, and the ID is its title', () => {
    const p = parse(
      [
        '# Tracking',
        '',
        'Updated 2026-12-01',
        '',
        '- [ ] ENG-14 — @lena, 2026-12-20',
        '- [ ] acme/web#77 — owner @lena, due 2026-12-18',
        '- [ ] ENG-15: owner: kim',
        '- [ ] ENG-16 — 2d',
        // A title before the list is the title, as on any line.
        '- [ ] ENG-17 Fix the export — 2d',
        // A status or priority word alone opening the list, no separator before it but the ID's.
        '- [ ] ENG-18 — blocked, @kim',
        '- [ ] ENG-19 — High priority',
        // With a reason, the words are as often the title's.
        '- [ ] ENG-20 Waiting on legal',
        // A step's number is no ID a line is called by: the words after it are its title.
        '- [ ] 1. 2 days',
        '',
      ].join('\n'),
    );
    const status = (i: Item) => i.fields.find((f) => f.key === 'status')?.value ?? null;
    expect(
      p.items.map((i) => [
        i.title,
        i.owner,
        i.due,
        i.effort?.text ?? null,
        status(i),
        i.priority?.rank ?? null,
      ]),
    ).toEqual([
      ['ENG-14', 'lena', '2026-12-20', null, null, null],
      ['acme/web#77', 'lena', '2026-12-18', null, null, null],
      ['ENG-15', 'kim', null, null, null, null],
      ['ENG-16', null, null, '2d', null, null],
      ['Fix the export', null, null, '2d', null, null],
      ['ENG-18', 'kim', null, null, 'blocked', null],
      ['ENG-19', null, null, null, null, 1],
      ['Waiting on legal', null, null, null, null, null],
      ['2 days', null, null, null, null, null],
    ]);
  });

  it('reads an ETA, a DRI, owners or assignees as plain keys on lines of their own under a heading', () => {
    const p = parse(
      [
        '# Plan',
        '',
        'Last updated: 2026-12-01',
        '',
        '### 1.2 Configure CI',
        'Status: 🚧 In progress (70%)',
        'DRI: Ana',
        'ETA: Dec 10',
        '',
        '### 1.3 Docs',
        'Assignees: Bo, Li',
        '',
        // A word that is no key of taskmark's opens a line of prose.
        '## Retro',
        'Points: keep stand-ups short',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.id, i.title, i.status, i.owners, i.due])).toEqual([
      ['1.2', 'Configure CI', 'doing', ['Ana'], '2026-12-10'],
      // Two owners: Bo is the owner, Li its other.
      ['1.3', 'Docs', 'todo', ['Bo', 'Li'], null],
    ]);
  });

  it("reads the end of the plan's week, month or quarter standing as a piece or alone in parentheses as the due date", () => {
    const p = parse(
      [
        'Date: 2026-12-07',
        '',
        '- [ ] Rotate keys — EOW',
        '- [ ] Close the books — @kim, EOM',
        '- [ ] Board deck (EOQ)',
        // In words too, as a due value reads them.
        '- [ ] Pay the invoices — end of month',
        '- [ ] Send the notes (end of week)',
        // Only as a piece of its own: not a word of the title, not in a longer word.
        '- [ ] Ship the EOW report',
        '- [ ] Prep — NEOW',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.due])).toEqual([
      ['Rotate keys', '2026-12-11'],
      ['Close the books', '2026-12-31'],
      ['Board deck', '2026-12-31'],
      ['Pay the invoices', '2026-12-31'],
      ['Send the notes', '2026-12-11'],
      ['Ship the EOW report', null],
      ['Prep — NEOW', null],
    ]);
  });

  it('reads a blocked or dropped status with its reason as the last piece of a list, and no other status so', () => {
    const p = parse(
      [
        '# B',
        '',
        '- [ ] Rate limiter — blocked on infra',
        '- [ ] Audit, waiting for legal',
        '- Caching — on hold until Q2',
        '- Old importer — dropped in favour of v2',
        '- [ ] Quotas — blocked by ENG-9',
        '- [ ] ENG-9 Raise the quota',
        '- Search — done by Kim',
        '- Billing — started on Monday',
        '- Alerts — blocked on the security review of the new API gateway and its whole rollout plan',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusText, i.dependsOn])).toEqual([
      ['Rate limiter', 'blocked', 'blocked on infra', []],
      ['Audit', 'blocked', 'waiting for legal', []],
      ['Caching', 'blocked', 'on hold until Q2', []],
      ['Old importer', 'cancelled', 'dropped in favour of v2', []],
      // A reason naming an item by ID is a dependency: the item is blocked while that one is open.
      ['Quotas', 'todo', ' ', ['ENG-9']],
      ['Raise the quota', 'todo', ' ', []],
    ]);
  });

  it('reads the list after a dash when a mention or tag ends the title before it', () => {
    const p = parse(
      [
        '# B',
        '',
        '- [ ] PAY-202 Webhook signing',
        '- [ ] PAY-203 Merchant rollout @ana — after PAY-202',
        '- [ ] Ship it @kim — 2d',
        '- [ ] Pair with @ana — @bo, 2d',
        '- [ ] Tag the release #infra — P1, 1h',
        // Words after the dash that are no list stay the title's.
        '- [ ] Talk to @ana — then ship',
        '',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.owner, i.effort?.text ?? null, i.priority?.rank ?? null, i.dependsOn]),
    ).toEqual([
      ['Webhook signing', null, null, null, []],
      ['Merchant rollout @ana', 'ana', null, null, ['PAY-202']],
      ['Ship it @kim', 'kim', '2d', null, []],
      ['Pair with @ana', 'ana', '2d', null, []],
      ['Tag the release #infra', null, '1h', 1, []],
      ['Talk to @ana — then ship', 'ana', null, null, []],
    ]);
  });

  it('reads a tail whose owner is a mention or named in words, and an ETA or deadline as the due date', () => {
    const p = parse(
      [
        '# B',
        '',
        '**Plan date:** 2026-12-01',
        '',
        '- [ ] Onboarding tour — Owner: @cy, ETA: Jan 20',
        '- [ ] Dark mode (owner: @cy, 2d)',
        '- [ ] Import — @bo, ETA Jan 22',
        '- [ ] Export deadline 2027-02-01',
        '- [ ] Beta feedback round',
        '- [ ] Billing — owned by Kim Lee, due 2027-01-10',
        '- [ ] Search (assigned to @ana, 3d)',
        '- [ ] Alerts — assigned to the platform team',
        '- [ ] Audit — assigned to Bo later',
        '- [ ] Reassigned to Bo',
        // An owner's key without its colon, before a mention only.
        '- [ ] Quotas · owner @kim · ETA March 2027',
        '- [ ] Limits (DRI @sam, 2d)',
        '- [ ] Refunds — needs owner approval',
        '- [ ] Ask the owner @kim',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner, i.due, i.effort?.text ?? null])).toEqual([
      ['Onboarding tour', 'cy', '2027-01-20', null],
      ['Dark mode', 'cy', null, '2d'],
      ['Import', 'bo', '2027-01-22', null],
      ['Export', null, '2027-02-01', null],
      ['Beta feedback round', null, null, null],
      ['Billing', 'Kim Lee', '2027-01-10', null],
      ['Search', 'ana', null, '3d'],
      // A name is a mention or capitalised words: these phrases say no one's name.
      ['Alerts — assigned to the platform team', null, null, null],
      ['Audit — assigned to Bo later', null, null, null],
      ['Reassigned to Bo', null, null, null],
      ['Quotas', 'kim', '2027-03-31', null],
      ['Limits', 'sam', null, '2d'],
      ['Refunds — needs owner approval', null, null, null],
      ['Ask the owner @kim', 'kim', null, null],
    ]);
    // The mention is the owner field's value, not a second field beside it.
    const tour = p.items[0]!;
    expect(tour.fields.map((f) => [f.key, f.rawKey, f.value])).toEqual([
      ['owner', 'Owner', '@cy'],
      ['due', 'ETA', 'Jan 20'],
    ]);
  });

  it('reads a title wrapped onto the lines after its own, and no description or field line as its words', () => {
    const p = parse(
      [
        '# B',
        '',
        '- [ ] Write the migration guide for users',
        '  moving from v1 to v2',
        '- [ ] Investigate why the nightly build fails when the',
        '      Cache is cold (P1)',
        '- [ ] Set up CI',
        '  This runs the tests on every push.',
        '- [ ] Rotate the keys',
        '  Owner: @kim',
        '  and the certificates',
        '- [ ] Renew the domains',
        '  and the certificates',
        '  Owner: @li',
        '  before they lapse',
        '- [ ] Fix login (P2)',
        '  after the release',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner, i.priority?.label ?? null])).toEqual([
      ['Write the migration guide for users moving from v1 to v2', null, null],
      // Only the item's own line is read for its attributes.
      ['Investigate why the nightly build fails when the Cache is cold (P1)', null, null],
      ['Set up CI', null, null],
      ['Rotate the keys', 'kim', null],
      // A field line ends the title: the lines after it are not its words.
      ['Renew the domains and the certificates', 'li', null],
      // Judged on the title without its fields and marks, which an edit may add or take off.
      ['Fix login after the release', null, 'P2'],
    ]);
  });

  it('reads an estimate in square brackets, after est. or a spaced tilde, and a date after 🗓️', () => {
    const p = parse(
      [
        '# B',
        '',
        '- [ ] Write docs [2h]',
        '- [ ] Write tests est. 3h',
        '- [ ] Backfill data ~ 2 days',
        '- [ ] Sync with design 🗓️ 2026-12-09',
        '- [ ] Print the best 3d model',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.effort?.minutes ?? null, i.due])).toEqual([
      ['Write docs', 120, null],
      ['Write tests', 180, null],
      ['Backfill data', 960, null],
      ['Sync with design', null, '2026-12-09'],
      ['Print the best 3d model', null, null],
    ]);
  });

  it('ends a field value where a due phrase starts, and reads no due phrase inside a bracketed field', () => {
    const p = parse(
      [
        '# B',
        '',
        '- [ ] Ship it — *Owner:* Kim by March 3, 2026',
        '- [ ] Plan it [note:: due 2026-01-01]',
        '- [ ] Test it @note(by 2026-01-02)',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.owner, i.due, i.fields.map((f) => `${f.key}=${f.value}`)])).toEqual([
      ['Kim', '2026-03-03', ['owner=Kim', 'due=March 3, 2026']],
      [null, null, ['note=due 2026-01-01']],
      [null, null, ['note=by 2026-01-02']],
    ]);
  });

  it('reads nothing from an HTML comment on an item line, and leaves it out of the title', () => {
    const p = parse(
      [
        '# B',
        '',
        '- [ ] Index rebuild <!-- owner: kim -->',
        '- [ ] Deploy <!-- due 2026-01-01 (P1) --> the app @li',
        '- [ ] Code `<!-- x -->` stays',
        '- [ ] Open <!-- never closed',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner, i.due, i.priority])).toEqual([
      ['Index rebuild', null, null, null],
      ['Deploy the app @li', 'li', null, null],
      ['Code `<!-- x -->` stays', null, null, null],
      ['Open <!-- never closed', null, null, null],
    ]);
  });

  it('reads a bracketed ID that links to its tracker, the link out of the title', () => {
    const p = parse('# B\n\n- [ ] [PROJ-12](https://jira.example.com/browse/PROJ-12) Migrate billing\n');
    expect(p.items.map((i) => [i.key, i.id, i.title])).toEqual([['PROJ-12', 'PROJ-12', 'Migrate billing']]);
  });

  it("makes a paragraph's lines that open with an ID and carry a task's metadata items, as trackers export them", () => {
    const p = parse(
      [
        '# Export',
        '',
        'ENG-42 Fix the crash — In Progress — @kim',
        'ENG-43 Add metrics (2d, @lee) ✅',
        'ENG-44 was filed by the support team last week.',
        'Task 7: Write the guide — Owner: Ana — Est: 1d',
        '1.2 Outline numbers alone are not read so',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.title, i.status, i.owner, i.effort?.text ?? null])).toEqual([
      ['ENG-42', 'Fix the crash', 'doing', 'kim', null],
      // The metadata is read before the status mark that ends the line.
      ['ENG-43', 'Add metrics', 'done', 'lee', '2d'],
      ['Task-7', 'Write the guide', 'todo', 'Ana', '1d'],
    ]);
  });

  it('makes a bullet that states its status in a list of fields an item of that status', () => {
    const p = parse(
      [
        '- **Search v2** — faster ranking (status: shipped)',
        '- **Offline mode** — sync engine (status: in progress, owner: Bo)',
        '- Plugins — (status: planned)',
        '- Tidy — State: blocked, @bo',
        '- Note: nothing to track (status quo)',
        '- The status: unknown',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusSource, i.owner])).toEqual([
      ['Search v2 — faster ranking', 'done', 'field', null],
      ['Offline mode — sync engine', 'doing', 'field', 'Bo'],
      ['Plugins', 'todo', 'field', null],
      ['Tidy', 'blocked', 'field', 'bo'],
    ]);
  });
});

describe('parsePlan on lists that show status without boxes', () => {
  it('keeps a DONE keyword bullet, or a lone done bullet, under an open item: they are not decoration', () => {
    const p = parse(
      '### T-1: Task\n\n**Status:** ⏳ TODO\n\n- DONE Rotate keys\n\n### T-2: Other\n\n**Status:** ⏳ TODO\n\n- ✅ Wrote the notes\n',
    );
    expect(p.items.map((i) => [i.title, i.status])).toEqual([
      ['Task', 'todo'],
      ['Rotate keys', 'done'],
      ['Other', 'todo'],
      ['Wrote the notes', 'done'],
    ]);
  });

  it('keeps done bullets that say so in words beside their glyph under an open heading', () => {
    // `✅ Done — Billing` states its status; only a list of bare ✅ marks under an open item is decoration.
    const p = parse(
      '## 🔄 Phase 3: Sync\n- ✅ Done — Billing\n- ✅ Done: thing\n\n## 🔄 Phase 4: Ops\n- ✅ Deliverable one\n- ✅ Deliverable two\n',
    );
    expect(p.items.map((i) => [i.title, i.status])).toEqual([
      ['Phase 3: Sync', 'doing'],
      ['Billing', 'done'],
      ['thing', 'done'],
      ['Phase 4: Ops', 'doing'],
    ]);
  });

  it('reads bullets ending with a status mark as items when two or more of their list do', () => {
    const p = parse(
      [
        '# Release',
        '',
        '- Tag the release ✅',
        '- Update the changelog 🚧',
        '- Announce on the blog ❌',
        '- Tweet 🚀',
        '- Write the notes',
        '',
        '## Notes',
        '',
        '- Works on Linux ✅',
        '- Slow on Windows',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['Tag the release', 'done', '✅'],
      ['Update the changelog', 'doing', '🚧'],
      ['Announce on the blog', 'cancelled', '❌'],
    ]);
  });

  it('reads bullets ending with a status word in brackets as items when two or more of their list do', () => {
    const p = parse(
      [
        '- Fix the flaky test [DONE]',
        '- Write the guide [ in progress ]',
        '- PROJ-123 Add SSO [In Review]',
        '- Read it [done by Friday]',
        '- Pick one [HIGH]',
        '',
        '## Notes',
        '',
        '- Works on Linux [done]',
        '- Slow on Windows',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.id, i.title, i.status, i.statusText])).toEqual([
      [null, 'Fix the flaky test', 'done', 'DONE'],
      [null, 'Write the guide', 'doing', 'in progress'],
      ['PROJ-123', 'Add SSO', 'doing', 'In Review'],
    ]);
    const word = p.items[1]!.statusSpan!;
    expect(p.text.slice(word.start, word.end)).toBe('in progress');
    // Or in bold, set off by a dash or not; bold that is not a status is emphasis. A status report's
    // health of work under way (on track, at risk, off track) says it is under way.
    const okr = parse(
      '- KR1: First plan in 5 min — **On track**\n- KR3: Docs rewritten — **Done**\n- KR4: Billing **In progress**\n- Read the docs **first**\n',
    );
    // `KR1:` is the ID, a short code set off by its colon.
    expect(okr.items.map((i) => [i.id, i.title, i.status, i.statusText])).toEqual([
      ['KR1', 'First plan in 5 min', 'doing', 'On track'],
      ['KR3', 'Docs rewritten', 'done', 'Done'],
      ['KR4', 'Billing', 'doing', 'In progress'],
    ]);
    // The dash that sets a mark off is not the title's.
    const dashed = parse('- Tag the release — ✅\n- Update the notes - 🚧\n');
    expect(dashed.items.map((i) => i.title)).toEqual(['Tag the release', 'Update the notes']);
  });

  it('reads a status word in parentheses or emphasis ending a line, and no to-do word there', () => {
    const p = parse(
      [
        '- [ ] Fix login (blocked)',
        '- [ ] Rotate the keys *(on hold)*',
        '- [ ] Warm the cache _WIP_',
        '- [ ] Tidy up *later*',
        '',
        '## Rollout',
        '',
        '- Deploy staging (done)',
        '- Migrate the database ( in progress )',
        '- Call the vendor (soon)',
        '',
        '## Files',
        '',
        '- `src/a.ts` (new)',
        '- `src/b.ts` (new)',
        '- `src/c.ts` *(planned)*',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['Fix login', 'blocked', 'blocked'],
      ['Rotate the keys', 'blocked', 'on hold'],
      ['Warm the cache', 'doing', 'WIP'],
      // A to-do word in parentheses or emphasis is as often a description: it stays in the title.
      ['Tidy up *later*', 'todo', ' '],
      ['Deploy staging', 'done', 'done'],
      ['Migrate the database', 'doing', 'in progress'],
    ]);
  });

  it('reads the plain bullets of two or more status sections as cards of those lanes', () => {
    const board = parse(
      '# Roadmap\n\n## ✅ Shipped\n\n- Dark mode\n  - details stay text\n\n## In progress\n\n- Audit log\n\n## Ideas\n\n- Plugins\n',
    );
    expect(board.items.map((i) => [i.title, i.status])).toEqual([
      ['Dark mode', 'done'],
      ['Audit log', 'doing'],
    ]);
    // A weekly update's sections are lanes too: `Next week`, `Up next` are work to do.
    const weekly = parse(
      '# Update\n\n### Done\n- Shipped search\n\n### Next week\n- Start on reports\n\n### Risks\n- Vendor may slip\n',
    );
    expect(weekly.items.map((i) => [i.title, i.status])).toEqual([
      ['Shipped search', 'done'],
      ['Start on reports', 'todo'],
    ]);
    // One status section of bullets is notes, not a board.
    expect(parse('# Log\n\n## Done\n\n- Met the vendor\n\n## Next\n\nCall them.\n').items).toEqual([]);
    // Beside a status section of boxes it is a lane of the board they make.
    const todo = parse('# TODO\n\n## Someday\n\n- Learn Rust\n\n## Done\n\n- [x] Ship v1.4\n');
    expect(todo.items.map((i) => [i.title, i.status, i.statusSource])).toEqual([
      ['Learn Rust', 'todo', 'section'],
      ['Ship v1.4', 'done', 'checkbox'],
    ]);
    expect(parse('# Log\n\n## Notes\n\n- Met the vendor\n\n## Done\n\n- [x] Ship v1.4\n').items).toHaveLength(
      1,
    );
    // Boxes and plain bullets in one status section are one section, not a board of two lanes: its
    // bullets stay notes whether the boxes come first or last.
    for (const done of [
      '# Log\n\n## Done\n\n- [x] Ship v1.4\n\nNotes:\n\n- Met the vendor\n',
      '# Log\n\n## Done\n\n- Met the vendor\n\nShipped:\n\n- [x] Ship v1.4\n',
    ])
      expect(parse(done).items.map((i) => i.title)).toEqual(['Ship v1.4']);
  });

  it('reads a column named by a stage work passes through as a lane of work under way, beside columns of statuses', () => {
    const board = parse(
      [
        '# Sprint board',
        '',
        '### To do',
        '- Kafka lag alert',
        '',
        '### In progress (1)',
        '- Upgrade Postgres',
        '',
        '### 🔍 Code review (2)',
        '- Helm chart lint',
        '- [x] Terraform state split',
        '',
        '### QA',
        '- [ ] Cert rotation',
        '',
        '### Done',
        '- Rotate TLS certs',
        '',
      ].join('\n'),
    );
    expect(board.items.map((i) => [i.title, i.status, i.statusSource])).toEqual([
      ['Kafka lag alert', 'todo', 'section'],
      ['Upgrade Postgres', 'doing', 'section'],
      ['Helm chart lint', 'doing', 'section'],
      // A box ticked in it says more than its lane, as in any lane.
      ['Terraform state split', 'done', 'checkbox'],
      ['Cert rotation', 'doing', 'section'],
      ['Rotate TLS certs', 'done', 'section'],
    ]);
    expect(board.sections.map((s) => s.status)).toEqual([null, 'todo', 'doing', 'doing', 'doing', 'done']);
    // Without columns of statuses beside it, or under one, a stage is a topic: its bullets are notes.
    expect(parse('# Release\n\n## Testing\n- run the suite\n\n## Review\n- ask Kim\n').items).toEqual([]);
    const nested = parse('# B\n\n## Done\n- a\n\n## In progress\n- b\n\n### Testing\n- run npm test\n');
    expect(nested.items.map((i) => i.title)).toEqual(['a', 'b']);
  });

  it('reads the plain bullets of a section that names a list of work to do as its tasks, alone', () => {
    const p = parse(
      [
        '# Sync',
        '',
        '## TODO',
        '',
        '- Support Windows',
        '  - details stay text',
        '- Add tests for the parser (P1)',
        '- ~~Drop Node 18~~',
        '',
        '## 📝 Action items (2)',
        '',
        '- @chen to file the ticket',
        '',
        '### Follow-ups',
        '',
        '- Ask legal about the DPA',
        '',
        '## Notes',
        '',
        '- We keep Postgres 15.',
        '',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.status, i.statusSource, i.owner, i.priority?.label ?? null]),
    ).toEqual([
      ['Support Windows', 'todo', 'section', null, null],
      ['Add tests for the parser', 'todo', 'section', null, 'P1'],
      ['Drop Node 18', 'cancelled', 'strike', null, null],
      ['@chen to file the ticket', 'todo', 'section', 'chen', null],
      ['Ask legal about the DPA', 'todo', 'section', null, null],
    ]);
    // So are those under a label that names one, in whatever section they are; not under a label
    // with words after its colon, nor under one that names no list of work.
    const labelled = parse(
      [
        '# Sync',
        '',
        '## Notes',
        '- Discussed the roadmap',
        '',
        '**Action items:**',
        '- Ana to send the deck',
        '- [x] Book the room',
        '',
        'TODO:',
        '- bump deps',
        '',
        'TODO: nothing here',
        '- a note',
        '',
        'Next steps:',
        '- review the plan',
        '',
      ].join('\n'),
    );
    expect(labelled.items.map((i) => [i.title, i.status])).toEqual([
      ['Ana to send the deck', 'todo'],
      ['Book the room', 'done'],
      ['bump deps', 'todo'],
    ]);
    // A bullet labelled in bold is a task of such a list too, named by its label and words (and owned
    // by the roster's person it names), unless its label is an attribute's key or a remark's. Not
    // in another lane: a changelog's `### Removed` of such bullets is no board.
    const cards = parse(
      [
        '# Sync',
        '',
        'Attendees: Ana, Bo',
        '',
        '## TODO',
        '- **Docs**: rewrite the intro',
        '- **API:** add pagination',
        '- **Note:** sorted by impact',
        '- **Owner:** kim',
        '',
        '**Action items:**',
        '- **Ana**: send the deck',
        '- __Bo__: book the room',
        '',
      ].join('\n'),
    );
    expect(cards.items.map((i) => [i.title, i.owner, i.status])).toEqual([
      ['Docs: rewrite the intro', null, 'todo'],
      ['API: add pagination', null, 'todo'],
      ['Ana: send the deck', 'Ana', 'todo'],
      ['Bo: book the room', 'Bo', 'todo'],
    ]);
    const changelog =
      '# Changelog\n\n## 2.0.0\n\n### Removed\n\n- **Breaking:** drop Node 16\n\n## 1.0.0\n\n### Removed\n\n- **Breaking:** drop Node 14\n';
    expect(parse(changelog).items).toEqual([]);
    // Other sections of work to come are no list of tasks alone: a changelog's next release, the
    // steps that close a plan, a roadmap's ideas. Nor is a list under a label of its own in a to-do
    // section (`Notes:`): the label's, before the boxes or after them.
    for (const notes of [
      '# Changes\n\n## Next\n\n- Fixed the parser\n',
      '# Plan\n\n## Next steps\n\n- Review the plan\n',
      '# Roadmap\n\n## Future ideas\n\n- Plugins\n',
      '# P\n\n## TODO\n\n- [ ] Fix the login\n\nNotes:\n\n- the bug is in auth\n',
      '# P\n\n## TODO\n\n- [ ] Fix the login\n\nNotes:\n\n- **Auth**: the bug is there\n',
      '# P\n\n## TODO\n\nNotes:\n\n- the bug is in auth\n\nTasks:\n\n- [ ] Fix the login\n',
    ])
      expect(
        parse(notes).items.map((i) => i.statusSource),
        notes,
      ).not.toContain('section');
    // Boxes beside the bullets leave them tasks: an edit boxes a bullet as it sets its status, and
    // the list it was alone in must not take its neighbours with it (found by the mixed-plan property
    // at 25x).
    const boxed = parse('# P\n\n## TODO\n\n- [x] Fix the login\n\nThe rest can wait.\n\n- Bump deps\n');
    expect(boxed.items.map((i) => [i.title, i.status])).toEqual([
      ['Fix the login', 'done'],
      ['Bump deps', 'todo'],
    ]);
  });

  it("reads a board's stage stated alone in a status cell or field as under way, and nowhere else", () => {
    const p = parse(
      [
        '# Sprint 12',
        '',
        '| Task | Status |',
        '|---|---|',
        '| Login | Code review |',
        '| Search | QA |',
        '| Export | Testing |',
        '| Billing | Ready for QA |',
        '| Docs | Todo |',
        '',
        '### T-1: Rate limits',
        '',
        '**Status:** UAT',
        '',
        '## Testing',
        '',
        '- Load test the checkout',
        '- Review the docs',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status])).toEqual([
      ['Login', 'doing'],
      ['Search', 'doing'],
      ['Export', 'doing'],
      ['Billing', 'doing'],
      ['Docs', 'todo'],
      ['Rate limits', 'doing'],
    ]);
    // A stage is no word the plan uses for doing: an edit writes one that says it.
    expect(p.vocabulary.filter((v) => v.status === 'doing').map((v) => v.text)).not.toContain('QA');
    // In words that say more, a stage is the words' (`QA sign-off pending` is pending).
    expect(parse('| Task | Status |\n|---|---|\n| A | QA sign-off pending |\n').items[0]!.status).toBe(
      'todo',
    );
  });

  it("reads a story's heading by its code after the record's word, and its points before a list", () => {
    const p = parse(
      [
        '# Plan',
        '',
        '### Story PAY-1: Card vault (5 pts) [P1]',
        '',
        '- [ ] Given a valid card, then it is tokenised',
        '',
        '### Story PAY-2: Refunds (3 pts) — blocked by PAY-1',
        '',
        '- [ ] Task T001 — Schema',
        '- [ ] Exports [2 pts] — @kim',
        '- [ ] Story about dogs',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.title, i.status, i.dependsOn, i.owner])).toEqual([
      ['PAY-1', 'Card vault', 'todo', [], null],
      [
        'PAY-1/given-a-valid-card-then-it-is-tokenised',
        'Given a valid card, then it is tokenised',
        'todo',
        [],
        null,
      ],
      ['PAY-2', 'Refunds', 'blocked', ['PAY-1'], null],
      ['T001', 'Schema', 'todo', [], null],
      ['PAY-2/exports', 'Exports', 'todo', [], 'kim'],
      ['PAY-2/story-about-dogs', 'Story about dogs', 'todo', [], null],
    ]);
    expect(p.items.map((i) => i.fields.find((f) => f.key === 'points')?.value ?? null)).toEqual([
      '5',
      null,
      '3',
      null,
      '2',
      null,
    ]);
  });

  it("reads a feature's release stage in a roadmap's status cell, and its target month", () => {
    const p = parse(
      [
        '# Roadmap',
        '',
        '| Feature | Status | Owner | Target |',
        '|---|---|---|---|',
        '| SSO | GA | @kim | 2026-10 |',
        '| Audit log | Public beta | @ana | Q1 2027 |',
        '| Workflows | Early access | @sam | 2027-02 |',
        '| AI search | Exploring | @li | H2 2027 |',
        '',
        // A stage named in a title is the title's.
        '- [ ] Invite users to the beta',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.due])).toEqual([
      ['SSO', 'done', '2026-10-31'],
      ['Audit log', 'doing', '2027-03-31'],
      ['Workflows', 'doing', '2027-02-28'],
      ['AI search', 'todo', '2027-12-31'],
      ['Invite users to the beta', 'todo', null],
    ]);
    expect(p.vocabulary.map((v) => v.text)).not.toContain('GA');
  });

  it('reads a Now / Next / Later roadmap as lanes: now is under way, the others are to do', () => {
    const roadmap = parse(
      '# Roadmap\n\n## Now\n\n- Passkeys\n\n## Next\n\n- SCIM\n\n## Later\n\n- Mobile app\n\n## Icebox\n\n- Blockchain\n',
    );
    expect(roadmap.items.map((i) => [i.title, i.status, i.statusSource])).toEqual([
      ['Passkeys', 'doing', 'section'],
      ['SCIM', 'todo', 'section'],
      ['Mobile app', 'todo', 'section'],
      ['Blockchain', 'todo', 'section'],
    ]);
    // A lane may say when it is for: a month, quarter or half, a range, a year, in brackets or
    // after a dash. Brackets must pair, and a longer title is a section of its own.
    const windows = parse(
      [
        '# Roadmap',
        '## Now (Dec)',
        '- Passkeys',
        '## Next (Q1 2027)',
        '- SCIM',
        '## Later — H2',
        '- Mobile app',
        '## Later [2028]',
        '- Offline',
        '## Next (Jan – Mar)',
        '- Audit',
        '## Next (Q1',
        '- Broken',
        '## Next (Quarterly review)',
        '- Prose',
      ].join('\n'),
    );
    expect(windows.items.map((i) => [i.title, i.status])).toEqual([
      ['Passkeys', 'doing'],
      ['SCIM', 'todo'],
      ['Mobile app', 'todo'],
      ['Offline', 'todo'],
      ['Audit', 'todo'],
    ]);
  });

  it('reads the plain bullets of two or more sections opening with a priority as tasks of it', () => {
    const backlog = parse(
      [
        '# Backlog',
        '',
        '## P0 - Reliability',
        '',
        '- Retry failed webhooks @ana',
        '  - details stay text',
        '- Page on disk full ✅',
        '',
        '## 🟢 Low',
        '',
        '- Tidy the logs',
        '',
        '## Nice to have',
        '',
        '- Themes',
        '',
      ].join('\n'),
    );
    expect(backlog.items.map((i) => [i.title, i.status, i.priority?.rank, i.owner])).toEqual([
      ['Retry failed webhooks @ana', 'todo', 0, 'ana'],
      ['Page on disk full', 'done', 0, null],
      ['Tidy the logs', 'todo', 3, null],
      ['Themes', 'todo', 2, null],
    ]);
    // MoSCoW's words alone name the sections as the phrases do; a heading saying more is a sentence.
    const moscow = parse(
      '# R\n\n## Must\n\n- Referral program\n\n## Won’t (this time)\n\n- Native app\n\n## Should we shard?\n\n- Maybe later\n',
    );
    expect(moscow.items.map((i) => [i.title, i.priority?.rank, i.priority?.label])).toEqual([
      ['Referral program', 0, 'Must Have'],
      ['Native app', 4, "Won't Have"],
    ]);
    // A status section and a priority section make a board as two of either do.
    const mixed = parse('# B\n\n## Done\n\n- Billing\n\n## High priority\n\n- Invoices\n');
    expect(mixed.items.map((i) => [i.title, i.status, i.priority?.rank ?? null])).toEqual([
      ['Billing', 'done', null],
      ['Invoices', 'todo', 1],
    ]);
    // One priority section of bullets is notes; a heading that only ends with a priority names an
    // item, and its bullets are its notes.
    expect(
      parse('# Log\n\n## P0 - Reliability\n\n- Met the vendor\n\n## Notes\n\n- Call them.\n').items,
    ).toEqual([]);
    expect(
      parse('# Plan\n\n## Migrate the ledger (P1)\n\n- a note\n\n## Move the blog (P2)\n\n- another\n').items,
    ).toEqual([]);
    // Bullets that open with keys of their own are the notes of a finding the heading names.
    const audit = [
      '# Audit',
      '### P0: SQL injection in search',
      '- Location: src/search.ts',
      '- **Fix:** bind the parameters',
      '### P1: Weak session tokens',
      '- Location: src/auth.ts',
      '',
    ];
    expect(parse(audit.join('\n')).items).toEqual([]);
  });
});

describe('parsePlan on metadata lists ending a line and priority and effort marks', () => {
  it('reads a status piece with the date it was reached after it, the date cut with it', () => {
    const p = parse(
      [
        '# API',
        '',
        '- [x] **API-4** Request size limit — done 2026-12-01',
        '- Ship it — @kim — cancelled on 01.12.2026',
        '- [ ] Launch — Planned 2027-03-01',
        '- [ ] Release — v2 2026-12-01',
        // A date in words, its comma and year or none: the comma is the date's, not the list's.
        '- Export — shipped on Dec 1, 2026',
        '- Import — done Dec 3',
        '- [ ] Sync — @kim, Dec 1, 2026',
        '- [ ] Audit — blocked on infra, 2026',
        '',
      ].join('\n'),
    );
    const status = (i: Item) => i.fields.find((f) => f.key === 'status');
    expect(p.items.map((i) => [i.title, i.status, status(i)?.value ?? null])).toEqual([
      ['Request size limit', 'done', 'done'],
      ['Ship it', 'cancelled', 'cancelled'],
      ['Launch', 'todo', 'Planned'],
      // A word that is no status before a date is the title's.
      ['Release — v2 2026-12-01', 'todo', null],
      ['Export', 'done', 'shipped'],
      ['Import', 'done', 'done'],
      ['Sync', 'todo', null],
      // A year alone after a reason is no date of it.
      ['Audit — blocked on infra, 2026', 'todo', null],
    ]);
    // The field's value is the word: a new status keeps the date.
    const f = status(p.items[0]!)!;
    expect(p.text.slice(f.span.start, f.span.end)).toBe('done 2026-12-01');
    expect(p.text.slice(f.valueSpan.start, f.valueSpan.end)).toBe('done');
  });

  it("leaves the title's last words to it when they would read as a piece of the list", () => {
    const p = parse(
      [
        '# OKRs',
        '',
        '- **KR1.1** Time to first project under 5 minutes — owner: Ana — 40% — on track',
        '- **KR1.2** Ship 3 pts of polish — @ben, 2 pts',
        '- **KR1.3** Move to plan M — owner: Cy',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner, i.status, i.effort, i.fields.map((f) => f.key)])).toEqual([
      ['Time to first project under 5 minutes', 'Ana', 'doing', null, ['owner', 'progress', 'status']],
      ['Ship 3 pts of polish', 'ben', 'todo', null, ['owner', 'points']],
      ['Move to plan M', 'Cy', 'todo', null, ['owner']],
    ]);
  });

  it('reads a status piece with figures alone in parentheses after it, and not one with words', () => {
    const p = parse(
      [
        '- **KR1.1** Activation rate — 🟢 on track (38%)',
        '- **KR1.2** Search relevance — done (3/3)',
        '- **KR1.3** Docs — Completed (the API part)',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.id, i.title, i.status])).toEqual([
      ['KR1.1', 'Activation rate', 'doing'],
      ['KR1.2', 'Search relevance', 'done'],
      // Words after it may say what was done: the piece stays the title's (its ID, set off in a
      // backlog, still makes it a task).
      ['KR1.3', 'Docs — Completed (the API part)', 'todo'],
    ]);
    // After a glyph, words say how work under way stands; an ID in bold before a colon labels the
    // line, as one set off by a space does.
    const report = parse(
      [
        '- **KR2.1**: p95 checkout latency < 300 ms — 🟡 at risk (420 ms today)',
        '- **KR2.2**: Zero checkout outages — 🟢 on track',
        '- **KR2.3**: 40% of signups self-serve — 🔴 off track',
        '',
      ].join('\n'),
    );
    expect(report.items.map((i) => [i.id, i.title, i.status, i.statusText])).toEqual([
      ['KR2.1', 'p95 checkout latency < 300 ms', 'doing', '🟡 at risk (420 ms today)'],
      ['KR2.2', 'Zero checkout outages', 'doing', '🟢 on track'],
      ['KR2.3', '40% of signups self-serve', 'doing', '🔴 off track'],
    ]);
  });

  it('reads a mark before a list ending the line, the list after its separator', () => {
    const p = parse(
      [
        '- [ ] Rotate certs (P1) — @kim, 2d',
        '- [ ] Rotate keys (P1) (2h) — @kim, due 2026-12-09',
        '- [ ] Renew the domain (high) — @kim',
        '- [ ] Tidy the logs !!! (due 2026-12-11)',
        '- [ ] Pair with (P1) @ana',
        '- [ ] Fix logout (low), @kim',
        '',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.priority?.label ?? null, i.owner, i.effort?.minutes ?? null, i.due]),
    ).toEqual([
      ['Rotate certs', 'P1', 'kim', 960, null],
      ['Rotate keys', 'P1', 'kim', 120, '2026-12-09'],
      ['Renew the domain', 'high', 'kim', null, null],
      ['Tidy the logs', '!!!', null, null, '2026-12-11'],
      // Mentions alone are a list only after a dash: here they say who in the title's words.
      ['Pair with @ana', 'P1', 'ana', null, null],
      ['Fix logout (low), @kim', null, 'kim', null, null],
    ]);
  });

  it('reads a tick before a date as the day it was done, and a tilde estimate in brackets whole', () => {
    const p = parse(
      [
        '- [x] Upgrade Node to 22 ✔ 2026-11-30',
        '- [x] Renew the domain ✓ Nov 30, 2026',
        '- [ ] Evaluate Renovate vs Dependabot (~1d)',
        '',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [
        i.title,
        i.status,
        i.fields.find((f) => f.key === 'done')?.value ?? null,
        i.effort?.minutes ?? null,
      ]),
    ).toEqual([
      ['Upgrade Node to 22', 'done', '2026-11-30', null],
      ['Renew the domain', 'done', 'Nov 30, 2026', null],
      ['Evaluate Renovate vs Dependabot', 'todo', null, 480],
    ]);
  });

  const plan = parse(
    [
      '# Sprint',
      '',
      '- [ ] Write docs - 2d',
      '- [ ] Write tests, 4h',
      '- [ ] Cache layer | 2-3 days',
      '- [ ] Review the schema — @ana, 0.5d, due 2026-03-02',
      '- [ ] Port the 3d renderer',
      '- [ ] Spike - try 2 approaches',
      '- [ ] Rendering - 3d models',
      '- [ ] Upgrade to Node 20',
      '- [ ] Fix login — @alice',
      '- [ ] Profile the importer (2h) - 3d',
      '- [ ] (A) Call the vendor',
      '- [ ] Patch the parser **P0** ~1d',
      '- [ ] Rotate keys [#B] ⏫',
      '',
    ].join('\n'),
  );
  const effortOf = (title: string) => byTitle(plan, title).effort?.text ?? null;

  it('reads a status with its reason in parentheses or after a colon, and no other remark', () => {
    const plan = parse(
      [
        '- [ ] Settings page (blocked: waiting for API)',
        '- [ ] Importer (on hold until Q2)',
        '- [ ] Export — Blocked: vendor reply, ETA 2026-12-20',
        '- [ ] Search (owner: Kim)',
        '- [ ] Docs (v2.1)',
        '- [ ] Notes (done: see the wiki)',
        '- Billing (dropped in favour of v2)',
        '- [ ] Migrate — Blocked (waiting on infra)',
        '1. Ship it — on hold until Q2 (blocked: waiting for v2.1)',
        '- [ ] Release — Done (see the notes)',
        '- [ ] Build — on hold until Q2 (2h)',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.title, i.status, i.statusText, i.due])).toEqual([
      ['Settings page', 'blocked', 'blocked: waiting for API', null],
      ['Importer', 'blocked', 'on hold until Q2', null],
      ['Export', 'blocked', 'Blocked: vendor reply', '2026-12-20'],
      ['Search', 'todo', ' ', null],
      ['Docs (v2.1)', 'todo', ' ', null],
      // Done and to-do come with a when or a who as often as a reason: the remark is the title's.
      ['Notes (done: see the wiki)', 'todo', ' ', null],
      ['Billing', 'cancelled', 'dropped in favour of v2', null],
      // A status piece takes a remark in parentheses when it says why work waits or was dropped,
      // though the remark states the status again: it is the piece's, not a second statement.
      ['Migrate', 'blocked', 'Blocked (waiting on infra)', null],
      ['Ship it', 'blocked', 'on hold until Q2 (blocked: waiting for v2.1)', null],
      // After another status a remark says what was done; an estimate is no remark.
      ['Release — Done (see the notes)', 'todo', ' ', null],
      ['Build', 'blocked', 'on hold until Q2', null],
    ]);
    // The plan's word for the status is the word, without the reason.
    expect(plan.vocabulary.find((v) => v.status === 'blocked')?.text).toBe('blocked');
  });

  it('reads story points written bare in a list, as a signal of a task, and keeps code before a list in the title', () => {
    const plan = parse(
      [
        '## Tasks',
        '',
        '1. **Backend endpoint** `[BE-1]` — @ravi — 3 pts — ✅',
        '2. **UI button** — @lena — 2 pts',
        '3. Read the 2 sp papers',
        '',
        '- [ ] Fix `parse()` — @li, 2d',
        '- [ ] `make test` — @li, 2d',
        '',
      ].join('\n'),
    );
    const points = (i: Item) => i.fields.find((f) => f.key === 'points')?.value ?? null;
    expect(plan.items.map((i) => [i.title, i.owner, points(i), i.status])).toEqual([
      ['Backend endpoint `[BE-1]`', 'ravi', '3', 'done'],
      ['UI button', 'lena', '2', 'todo'],
      ['Fix `parse()`', 'li', null, 'todo'],
      // A title of code alone is no title: the list is the title's.
      ['`make test` — @li, 2d', 'li', null, 'todo'],
    ]);
  });

  it('reads a line in bold over the fields of an item as that item, and a bold label over other lines as none', () => {
    const text = [
      '# Search plan',
      '',
      '## Phase 2: Query',
      '',
      '**Task 2.1: Query parser**',
      '- **Effort:** 2d',
      '- **Owner:** Kim',
      '- **Status:** In progress',
      '- [ ] Write the grammar',
      '- [x] Tokenizer',
      '',
      '__P1 — Ranking:__',
      '**Status:** ⏳ TODO',
      '**Due:** 2026-12-20',
      '',
      '**Notes**',
      '- Remember to benchmark',
      '- Owner of infra: the platform team',
      '',
      '**Frontend:**',
      '- [ ] Build the page',
      '',
      '**Effort only**',
      '- Effort: 2d',
      '',
      '**Status: Done**',
      '',
      '**Task 2.3: Export ✅**',
      '- Owner: Bo',
      '',
      '- Nested',
      '',
      '  **Task 2.4: In a list**',
      '  - Owner: Bo',
      '',
      '**Bold** and more',
      '- Owner: Bo',
      '',
      '**Task 2.5: Docs**',
      '- Owner: Ana',
      '- Write the guide (2d, @ana)',
      '- [x] Fix the links',
      '',
    ].join('\n');
    const plan = parse(text);
    expect(
      plan.items.map((i) => [i.key, i.title, i.status, i.owner, i.priority?.rank ?? null, i.due, i.parent]),
    ).toEqual([
      ['Task-2.1', 'Query parser', 'doing', 'Kim', null, null, null],
      ['Task-2.1/write-the-grammar', 'Write the grammar', 'todo', 'Kim', null, null, 'Task-2.1'],
      ['Task-2.1/tokenizer', 'Tokenizer', 'done', 'Kim', null, null, 'Task-2.1'],
      ['phase-2-query/ranking', 'Ranking', 'todo', null, 1, '2026-12-20', null],
      ['phase-2-query/build-the-page', 'Build the page', 'todo', null, null, null, null],
      // In a bullet's body as at the top: the bullet is prose, its paragraphs the plan's.
      ['Task-2.4', 'In a list', 'todo', 'Bo', null, null, null],
      // Its tasks may be bullets without boxes: giving one a box must not change what holds it.
      ['Task-2.5', 'Docs', 'todo', 'Ana', null, null, null],
      ['Task-2.5/write-the-guide', 'Write the guide', 'todo', 'ana', null, null, 'Task-2.5'],
      ['Task-2.5/fix-the-links', 'Fix the links', 'done', 'Ana', null, null, 'Task-2.5'],
    ]);
    const parser = plan.byKey.get('Task-2.1')!;
    // Its extent is its title and its list: removing it takes its fields and boxes.
    expect(text.slice(parser.span.start, parser.span.end)).toBe(
      text.slice(text.indexOf('**Task 2.1'), text.indexOf('\n\n__P1') + 1),
    );
    expect(text.slice(parser.titleSpan.start, parser.titleSpan.end)).toBe('Query parser');
    expect(parser.fields.map((f) => [f.key, f.value])).toEqual([
      ['effort', '2d'],
      ['owner', 'Kim'],
      ['status', 'In progress'],
    ]);
    // A damaged title is read repaired, with no field read at offsets the damage moved.
    const damaged = parse('# P\n\n**Task 1: CafÃ© menu @kim**\n- Status: doing\n').items;
    expect(damaged.map((i) => [i.key, i.title, i.status, i.owner])).toEqual([
      ['Task-1', 'Café menu @kim', 'doing', null],
    ]);
    // The list's fields are the item's, not the section heading's.
    expect(plan.sections.find((s) => s.title === 'Phase 2: Query')).toBeDefined();
    expect(plan.items.some((i) => i.kind === 'heading')).toBe(false);
    // In a lane of a board without boxes, a plain bullet after the fields is a card, and a task of the
    // item whether an edit gives it a field or not.
    for (const card of ['- Rotate the keys', '- Rotate the keys — @li 2d']) {
      const board = parse(
        [
          '## Done',
          '- Old work',
          '## In Progress',
          '**Task 4.2: Parser**',
          '- **Status:** In progress',
          card,
          '',
        ].join('\n'),
      );
      expect(board.items.map((i) => [i.key, i.parent])).toEqual([
        ['done/old-work', null],
        ['Task-4.2', null],
        ['Task-4.2/rotate-the-keys', 'Task-4.2'],
      ]);
    }
  });

  it('reads a share of the work said done, or no owner, in a list as fields, out of the title and key', () => {
    const plan = parse(
      [
        '# Plan',
        '',
        '- [ ] Importer — 80%',
        '- [ ] Exporter — @kim, 40 % done',
        '- [/] Metrics — 75% complete — 2d',
        '- [ ] Raise coverage to 80%',
        '- [ ] Cut p95 latency 50% — @li',
        '- [ ] Search API — unassigned, 3d',
        '- [ ] Help the unassigned',
        '',
      ].join('\n'),
    );
    expect(
      plan.items.map((i) => [
        i.key,
        i.title,
        i.owner,
        i.fields.find((f) => f.key === 'progress')?.value ?? null,
      ]),
    ).toEqual([
      ['plan/importer', 'Importer', null, '80%'],
      ['plan/exporter', 'Exporter', 'kim', '40 %'],
      ['plan/metrics', 'Metrics', null, '75%'],
      // A share in the words of the title is what the work aims at.
      ['plan/raise-coverage-to-80', 'Raise coverage to 80%', null, null],
      ['plan/cut-p95-latency-50', 'Cut p95 latency 50%', 'li', null],
      // No owner yet, said as a piece of the list: no owner, and no word of the title.
      ['plan/search-api', 'Search API', null, null],
      ['plan/help-the-unassigned', 'Help the unassigned', null, null],
    ]);
  });

  it('reads a share of the work done as the status of an item that states none, and not over a box', () => {
    const p = parse(
      [
        '# OKRs',
        '',
        '- **KR1.1** Deploy lead time under a day — 🟢 on track',
        '- **KR2.1** Rightsize the DB fleet — 60% done',
        '- **KR2.2** Spot instances for CI — 100%',
        '- **KR2.3** Reserved capacity — 0%',
        '- **KR2.4** Tag every bucket — blocked, 40%',
        '- [ ] Importer — 80%',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.status, i.statusSource])).toEqual([
      ['KR1.1', 'doing', 'marker'],
      ['KR2.1', 'doing', 'progress'],
      ['KR2.2', 'done', 'progress'],
      ['KR2.3', 'todo', 'default'],
      ['KR2.4', 'blocked', 'field'],
      ['okrs/importer', 'todo', 'checkbox'],
    ]);
  });

  it('reads a date standing as a piece of a list as the due date, and no date with other words', () => {
    const plan = parse(
      [
        '- [ ] Status page — 2026-12-14',
        '- [ ] Blog post — Dec 14, 2026',
        '- [ ] Deck — @raj, 14.12.2026',
        '- [ ] Notes, 2026-12-15',
        '- [ ] Write the release notes for users,  2026-12-16',
        '- [x] Pricing page — shipped 2026-12-01',
        '- [ ] Report 2026-12-14',
        '- [ ] Plan — 2026',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.title, i.due])).toEqual([
      ['Status page', '2026-12-14'],
      ['Blog post', '2026-12-14'],
      ['Deck', '2026-12-14'],
      ['Notes', '2026-12-15'],
      ['Write the release notes for users', '2026-12-16'],
      // A status and the date it was reached is a status piece: the date is no due date.
      ['Pricing page', null],
      ['Report 2026-12-14', null],
      ['Plan — 2026', null],
    ]);
  });

  it('reads a date alone in parentheses ending a task, or a piece of a list there, as the due date', () => {
    const plan = parse(
      [
        '# P',
        '',
        'Updated: 2026-12-03',
        '',
        '- [ ] Flip the flag (Dec 21)',
        '- [ ] Ship (Dec 22, 2026)',
        '- [ ] Freeze (23.12.2026)',
        '- [ ] Triage (P1, Dec 24)',
        '- [ ] Demo (@ana, 2026-12-28)',
        '- [ ] Launch (2026-12-30) [owner:: kim]',
        // A month or quarter without its year after a key, placed as a month and day is; in a
        // sentence, no date.
        '- [ ] Quotas (due: March)',
        '- [ ] Limits — ETA Q1',
        // Not a date alone, or not ending the line: the title's words.
        '- [ ] Upgrade (v2)',
        '- [ ] Read RFC (2119)',
        '- [ ] Meet (Dec 21) with legal',
        '- [ ] Port the API (since Dec 2)',
        '',
        // A bullet that is no task keeps the date: it may say when something happened.
        '- Kickoff held (Dec 1)',
        '- [ ] Review the notes',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.title, i.due, i.priority?.label ?? i.owner])).toEqual([
      ['Flip the flag', '2026-12-21', null],
      ['Ship', '2026-12-22', null],
      ['Freeze', '2026-12-23', null],
      ['Triage', '2026-12-24', 'P1'],
      ['Demo', '2026-12-28', 'ana'],
      ['Launch', '2026-12-30', 'kim'],
      ['Quotas', '2027-03-31', null],
      ['Limits — ETA Q1', null, null],
      ['Upgrade (v2)', null, null],
      ['Read RFC (2119)', null, null],
      ['Meet (Dec 21) with legal', null, null],
      ['Port the API (since Dec 2)', null, null],
      ['Review the notes', null, null],
    ]);
    // So on a bullet that is a task not marked done: a lane's card, a bullet marked to do or under
    // way. After a mark of work ended, a date says when it ended.
    const bullets = parse(
      [
        '# P',
        '',
        'Updated: 2026-12-03',
        '',
        '- 🔜 Config schema (Dec 20)',
        '- 🚧 Search — @kim, Dec 14–18',
        '- ✅ Shipped the login (Dec 1)',
        '',
        '## Now',
        '',
        '- Billing (Dec 7–11)',
        '',
        '## Later',
        '',
        '- Offline mode — 2027-03-01',
        '',
      ].join('\n'),
    );
    expect(bullets.items.map((i) => [i.title, i.status, i.due])).toEqual([
      ['Config schema', 'todo', '2026-12-20'],
      ['Search', 'doing', '2026-12-18'],
      ['Shipped the login (Dec 1)', 'done', null],
      ['Billing', 'doing', '2026-12-11'],
      ['Offline mode', 'todo', '2027-03-01'],
    ]);
  });

  it('reads a target in a list as the deadline when it is a date, and as a field when it is not', () => {
    const plan = parse(
      [
        '- [ ] Traces — **Owner:** Priya — **Target:** Feb 2027',
        '- [ ] Dashboards (owner: Tom, target: 2027-03-01)',
        '- [ ] Latency — Target: p95 under 20 ms',
        '- [ ] Alerts — due 2027-01-10 — Target: 2027-02-01',
        '',
      ].join('\n'),
    );
    expect(
      plan.items.map((i) => [i.title, i.owner, i.due, i.fields.find((f) => f.key === 'target')?.value]),
    ).toEqual([
      ['Traces', 'Priya', '2027-02-28', 'Feb 2027'],
      ['Dashboards', 'Tom', '2027-03-01', '2027-03-01'],
      ['Latency', null, null, 'p95 under 20 ms'],
      // A due date stated is the deadline; the target stays a field.
      ['Alerts', null, '2027-01-10', '2027-02-01'],
    ]);
  });

  it('reads a list whose pieces a middle dot or bullet joins, and no dot inside a word', () => {
    const plan = parse(
      [
        '- [ ] Rotate vault keys — @omar · 2d · P1',
        '- [ ] Write the runbook • 4h • due 2027-01-20',
        '- [ ] Docs · API reference · 3d',
        '- [ ] Tune the L·2 cache',
        '- [ ] Compare v1 · v2',
        '',
      ].join('\n'),
    );
    expect(
      plan.items.map((i) => [i.title, i.owner, i.effort?.text ?? null, i.priority?.label ?? null, i.due]),
    ).toEqual([
      ['Rotate vault keys', 'omar', '2d', 'P1', null],
      ['Write the runbook', null, '4h', null, '2027-01-20'],
      ['Docs · API reference', null, '3d', null, null],
      ['Tune the L·2 cache', null, null, null, null],
      ['Compare v1 · v2', null, null, null, null],
    ]);
  });

  it('reads a status or due date that a remark in parentheses ends, and a list in braces whole', () => {
    const text = [
      '- [ ] a',
      '1. Set up CI — Status: Done',
      '2. Add staging — Status: Blocked (waiting on infra)',
      '- [ ] Ship it — Due: 2026-03-01 (tentative)',
      '- [ ] Fix bug — Owner: Kim (backup)',
      '- [ ] Migrate — status: waiting (on @bo)',
      '- [ ] Rotate keys {owner: kim, priority: high}',
    ].join('\n');
    const plan = parse(text);
    expect(plan.items.map((i) => [i.title, i.status, i.due, i.priority?.label ?? null])).toEqual([
      ['a', 'todo', null, null],
      ['Set up CI', 'done', null, null],
      ['Add staging', 'blocked', null, null],
      ['Ship it', 'todo', '2026-03-01', null],
      // An owner's remark would be read as the owner's name: the piece is the title's.
      ['Fix bug — Owner: Kim (backup)', 'todo', null, null],
      // A remark holding a mention is not one.
      ['Migrate — status: waiting (on @bo)', 'todo', null, null],
      // Braces hold a list as parentheses do: it is read whole, not its last piece alone.
      ['Rotate keys', 'todo', null, 'High'],
    ]);
    const staging = plan.items[2]!;
    expect(text.slice(staging.statusSpan!.start, staging.statusSpan!.end)).toBe('Blocked (waiting on infra)');
  });
  it('reads a bare estimate in a list after a separator, and cuts the list from the title', () => {
    expect(plan.items.map((i) => i.title)).toEqual([
      'Write docs',
      'Write tests',
      'Cache layer',
      'Review the schema',
      'Port the 3d renderer',
      'Spike - try 2 approaches',
      'Rendering - 3d models',
      'Upgrade to Node 20',
      // A mention alone after a dash is a list, as it is with an estimate after it (`— @ana, 0.5d`).
      'Fix login',
      'Profile the importer - 3d',
      'Call the vendor',
      'Patch the parser',
      'Rotate keys ⏫',
    ]);
    expect(effortOf('Write docs')).toBe('2d');
    expect(effortOf('Write tests')).toBe('4h');
    expect(byTitle(plan, 'Cache layer').effort).toEqual({ minutes: 960, maxMinutes: 1440, text: '2-3 days' });
    const review = byTitle(plan, 'Review the schema');
    expect([review.owner, review.due, review.effort?.minutes]).toEqual(['ana', '2026-03-02', 240]);
    for (const t of [
      'Port the 3d renderer',
      'Spike - try 2 approaches',
      'Rendering - 3d models',
      'Upgrade to Node 20',
    ])
      expect(effortOf(t)).toBeNull();
    // One estimate per line: a second one is text.
    expect(effortOf('Profile the importer - 3d')).toBe('2h');
  });

  it('reads due dates said in words, relative ones against the plan date, and bold fields on the line', () => {
    const dated = parse(
      [
        '# Cutover',
        '',
        '**Start date:** 2026-01-05',
        '',
        '- [ ] Freeze schema changes — due Day 3',
        '- [ ] Switch DNS by week 2',
        '- [ ] Renew the certificate before March 3, 2026',
        '- [ ] Rotate keys due 14 Feb 2026',
        '- [ ] Switch traffic **Due:** 2026-01-20 **Owner:** Kim',
        '- [ ] Stand by 2 engineers',
        '- [ ] **Launch plan:** write it',
        '- [ ] Tune caches — due Mar 18',
        '- [ ] Redo it: due to Mar 3 outage',
        '- [ ] 2026-03-01 — Kickoff',
        '',
      ].join('\n'),
    );
    expect(dated.items.map((i) => [i.title, i.due, i.owner])).toEqual([
      ['Freeze schema changes', '2026-01-07', null],
      ['Switch DNS', '2026-01-18', null],
      ['Renew the certificate', '2026-03-03', null],
      ['Rotate keys', '2026-02-14', null],
      ['Switch traffic', '2026-01-20', 'Kim'],
      ['Stand by 2 engineers', null, null],
      ['Launch plan: write it', null, null],
      ['Tune caches', '2026-03-18', null],
      ['Redo it: due to Mar 3 outage', null, null],
      ['Kickoff', '2026-03-01', null],
    ]);
    // A dated bullet is not a task by its date: a changelog's entries stay text.
    expect(parse('# Changelog\n\n- 2026-03-01: Released v1 (@bob)\n').items).toEqual([]);
  });

  it('reads lists in parentheses and lists of keyed pieces between dashes, in any language the keys know', () => {
    const p = parse(
      [
        '# Q2',
        '',
        '- [ ] Mobile offline sync (P1, 3w)',
        '- [ ] Add a canary stage (owner: Erin, P1)',
        '- [ ] Ship the beta (@bob, 2d) soon',
        '- [ ] Kartons besorgen — Verantwortlich: Jonas — Fällig: 2026-04-10',
        '- [ ] Billing v2 — @priya — due 2026-03-31',
        '- [ ] Support formats (CSV, JSON)',
        '- [ ] Refactor (phase 2, 3d)',
        '- [ ] Read the spec — Note: check errata',
        '- [ ] Tidy (P1, 2d) and (P2, 1d)',
        '- [ ] Replace the queue (P1 · ~1w · @ana)',
        '- [ ] Plan the offsite (Berlin · June)',
        '- [ ] Back up the volumes (high priority, 2d)',
        '- [ ] Copias de seguridad (prioridad alta, 2d)',
        '- [ ] Keep the logs (normal mode, 2d)',
        '',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.priority?.label ?? null, i.effort?.text ?? null, i.owner, i.due]),
    ).toEqual([
      ['Mobile offline sync', 'P1', '3w', null, null],
      ['Add a canary stage', 'P1', null, 'Erin', null],
      ['Ship the beta soon', null, '2d', 'bob', null],
      ['Kartons besorgen', null, null, 'Jonas', '2026-04-10'],
      ['Billing v2', null, null, 'priya', '2026-03-31'],
      // Not metadata: a piece is a word, a phrase or a key no attribute has.
      ['Support formats (CSV, JSON)', null, null, null, null],
      ['Refactor (phase 2, 3d)', null, null, null, null],
      ['Read the spec — Note: check errata', null, null, null, null],
      // A second priority and estimate are text, as elsewhere on a line.
      ['Tidy and (P2, 1d)', 'P1', '2d', null, null],
      // Pieces joined by middle dots, as between dashes.
      ['Replace the queue', 'P1', '1w', 'ana', null],
      ['Plan the offsite (Berlin · June)', null, null, null, null],
      // A priority in words, in any language a list set off by dashes is read in; a piece that only
      // opens with one is text.
      ['Back up the volumes', 'high', '2d', null, null],
      ['Copias de seguridad', 'prioridad alta', '2d', null, null],
      ['Keep the logs (normal mode, 2d)', null, null, null, null],
    ]);
  });

  it('reads a priority word in brackets opening or ending the title, fields after it or not', () => {
    const p = parse(
      '- [ ] [HIGH] Fix login\n- [ ] Fix logout (low)\n- [ ] Tune it (Medium priority) [due:: 2026-01-02] #ops\n- [ ] Fix the (low) contrast\n- [ ] Outage 🔴 📅 2026-01-05\n- [ ] Fix the CPU alerts URGENT\n- [ ] Serve it at LOW latency\n- [ ] Read the FAQ\n- [ ] Call them, priority high\n',
    );
    expect(p.items.map((i) => [i.title, i.priority?.rank ?? null, i.priority?.label ?? null])).toEqual([
      ['Fix login', 1, 'HIGH'],
      ['Fix logout', 3, 'low'],
      ['Tune it #ops', 2, 'Medium'],
      ['Fix the (low) contrast', null, null],
      ['Outage', 0, '🔴'],
      // A word in capitals ending the title; in lower case there it is the title's.
      ['Fix the CPU alerts', 0, 'URGENT'],
      ['Serve it at LOW latency', null, null],
      ['Read the FAQ', null, null],
      ['Call them, priority high', null, null],
    ]);
  });

  it('reads an Obsidian date written as a month and day, against the plan date', () => {
    const p = parse(
      '# P\n\n**Plan Date:** 2026-11-20\n\n- [ ] Review the PR 📅 Dec 11\n- [ ] Tag it ⏳ March 3rd, 2027 📅 2027-03-05\n- [ ] Merge ✅ May the force\n',
    );
    expect(p.items.map((i) => [i.title, i.due, i.fields.map((f) => `${f.key}=${f.value}`)])).toEqual([
      ['Review the PR', '2026-12-11', ['due=Dec 11']],
      ['Tag it', '2027-03-05', ['scheduled=March 3rd, 2027', 'due=2027-03-05']],
      // A month's name without a day is the title's word.
      ['Merge ✅ May the force', null, []],
    ]);
  });

  it('reads a due date said as a weekday or next weekday against the plan date, and no word that starts like one', () => {
    const p = parse(
      [
        '# Sprint',
        '',
        '**Plan Date:** 2026-03-04',
        '',
        '- [ ] Write the migration guide — due Friday',
        '- [ ] Ship it (due: Thu)',
        '- [ ] Powered by sunlight',
        '- Talk to Ana by Tuesday @ana',
        '- [ ] Cut the release by next Friday',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.due])).toEqual([
      ['Write the migration guide', '2026-03-06'],
      ['Ship it', '2026-03-05'],
      ['Powered by sunlight', null],
      // A due date is one of the two signals that make a bullet without a box a task.
      ['Talk to Ana @ana', '2026-03-10'],
      // The Friday of the week after the plan date's.
      ['Cut the release', '2026-03-13'],
    ]);
    // Without a plan date the phrase still leaves the title, its date unknown.
    const undated = parse('- [ ] Write the guide — due Friday\n').items[0]!;
    expect([undated.title, undated.due, undated.dueText]).toEqual(['Write the guide', null, 'Friday']);
  });

  it('closes a group up where a field read before its close leaves it', () => {
    const p = parse(
      '- [ ] Tidy the logs (docs 📅 2027-01-05)\n- [ ] Fix the import (see #12, due 2027-01-05)\n',
    );
    expect(p.items.map((i) => [i.title, i.due])).toEqual([
      ['Tidy the logs (docs)', '2027-01-05'],
      ['Fix the import (see #12)', '2027-01-05'],
    ]);
  });

  it('takes a priority opening or ending a group of more out of it, the group staying whole', () => {
    const p = parse(
      '- [ ] Draft the guide (P1, Jana Novak)\n- [ ] Tidy the logs (docs; P3)\n- [ ] Port it [P2]\n',
    );
    expect(p.items.map((i) => [i.title, i.priority?.label ?? null])).toEqual([
      ['Draft the guide (Jana Novak)', 'P1'],
      ['Tidy the logs (docs)', 'P3'],
      ['Port it', 'P2'],
    ]);
  });

  it('reads a due date said as the period it ends, with its year, and no period without one', () => {
    const p = parse(
      [
        '- [ ] Launch the beta by end of March 2027',
        '- [ ] Hire two engineers by Q3 2027 @ana',
        '- [ ] Close the books by the end of 2027-Q1',
        '- [ ] Migrate the billing due H2 2027',
        '- [ ] Sunset v1 before the end of June 2027',
        // The end of the plan's week, month or quarter needs the plan's date (none here).
        '- [ ] Send the deck by EOW',
        // Which year is meant is a guess: the words stay the title's.
        '- [ ] Renew the lease by Q3',
        '- [ ] Pay by the way 2027',
        // A period alone is no due date without a due word.
        '- [ ] Ship Q3 2027 features',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.due])).toEqual([
      ['Launch the beta', '2027-03-31'],
      ['Hire two engineers @ana', '2027-09-30'],
      ['Close the books', '2027-03-31'],
      ['Migrate the billing', '2027-12-31'],
      ['Sunset v1', '2027-06-30'],
      ['Send the deck', null],
      ['Renew the lease by Q3', null],
      ['Pay by the way 2027', null],
      ['Ship Q3 2027 features', null],
    ]);
    const dated = parse(
      '# Sync 2027-01-12\n\n- [ ] Send the deck by EOW\n- [ ] Close the books by end of month\n',
    );
    expect(dated.items.map((i) => [i.title, i.due, i.dueText])).toEqual([
      ['Send the deck', '2027-01-15', 'EOW'],
      ['Close the books', '2027-01-31', 'end of month'],
    ]);
  });

  it("reads `Key: value` sentences after the title's, and a period inside a value as the value's", () => {
    const p = parse(
      [
        '# Roadmap',
        '',
        'Plan date: 2026-12-07',
        '',
        '## Now',
        '',
        '- **Search v2** — rebuild ranking on BM25. Owner: @dana. Target: Dec 2026',
        '- **Billing** — move to Stripe. Owner: J. Smith. Due: Friday.',
        '- **Exports** — CSV and Parquet. Status: blocked on legal; Owner: kim',
        '',
        '## Later',
        '',
        // A sentence whose key no list has stays the title's.
        '- [ ] Docs — rewrite the guide. Note: keep the old URLs',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner, i.due, i.status])).toEqual([
      ['Search v2 — rebuild ranking on BM25', 'dana', '2026-12-31', 'doing'],
      ['Billing — move to Stripe', 'J. Smith', '2026-12-11', 'doing'],
      ['Exports — CSV and Parquet', 'kim', null, 'blocked'],
      ['Docs — rewrite the guide. Note: keep the old URLs', null, null, 'todo'],
    ]);
  });

  it('reads a status piece opened by a status word in emphasis, the field spanning the emphasis', () => {
    const text = [
      '- [ ] Deploy — **BLOCKED**: waiting for keys',
      '- [ ] Dry run — **blocked** on staging capacity',
      '- Cutover — **blocked** on the vendor',
      '- Backfill — blocked on disk space',
      // Another word in emphasis opens no status; a dependency phrase still reads over one.
      '- [ ] Rollout — **Note**: ask ops first',
      '- [ ] Import — **blocked** on #12',
      // A remark in parentheses after the word in emphasis, as after the plain word.
      '- **PAY-7** Ship it — _CANCELLED_ (superseded by PAY-9)',
      '- Sync — **Blocked** (waiting for v2.1)',
      '- [ ] Polish — **Note** (ask ops first)',
      '- [ ] Port it, **In Progress** (2h)',
      '',
    ].join('\n');
    const p = parse(text);
    expect(p.items.map((i) => [i.title, i.status, i.dependsOn.length + i.unresolvedDeps.length])).toEqual([
      ['Deploy', 'blocked', 0],
      ['Dry run', 'blocked', 0],
      ['Cutover', 'blocked', 0],
      ['Backfill', 'blocked', 0],
      ['Rollout — **Note**: ask ops first', 'todo', 0],
      ['Import', 'todo', 1],
      ['Ship it', 'cancelled', 0],
      ['Sync', 'blocked', 0],
      ['Polish — **Note** (ask ops first)', 'todo', 0],
      ['Port it', 'doing', 0],
    ]);
    const span = p.items[0]!.statusSpan!;
    expect(text.slice(span.start, span.end)).toBe('**BLOCKED**: waiting for keys');
  });

  it('reads a status piece before a list in parentheses that ends the line', () => {
    // The list holds the owner; the piece before it the status, set off by its dash.
    const text = [
      '- [ ] Ship the CLI — in progress (@marta)',
      '- Ship the docs — blocked (@marta, 2d)',
      '- [ ] Refunds (3 pts, P1) — blocked by PAY-1',
      // Without a separator before it the group is the title's last words' list, as before.
      '- [ ] Pair with ops (@marta)',
      '- Notes on the rollout (@marta)',
      '',
    ].join('\n');
    const p = parse(text);
    expect(p.items.map((i) => [i.title, i.status, i.owner, i.effort?.minutes ?? null])).toEqual([
      ['Ship the CLI', 'doing', 'marta', null],
      ['Ship the docs', 'blocked', 'marta', 960],
      ['Refunds', 'todo', null, null],
      ['Pair with ops', 'todo', 'marta', null],
    ]);
    const span = p.items[0]!.statusSpan!;
    expect(text.slice(span.start, span.end)).toBe('in progress');
  });

  it('reads a status word in brackets or parentheses in bold ending a line as its mark', () => {
    const p = parse(
      [
        '- [ ] Load tests **[In progress]**',
        '- Docs rewrite __[WIP]__',
        '- Cutover **(blocked)**',
        // Bold states a to-do word, as bare brackets do; parentheses in light emphasis do not.
        '- Backfill **[todo]**',
        '- Release notes *(new)*',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusText])).toEqual([
      ['Load tests', 'doing', 'In progress'],
      ['Docs rewrite', 'doing', 'WIP'],
      ['Cutover', 'blocked', 'blocked'],
      ['Backfill', 'todo', 'todo'],
    ]);
  });

  it('reads a `Key: value` alone in square brackets as agents write it, and no link, wiki link or Dataview field', () => {
    const p = parse(
      [
        '- [ ] Rate limit rollout [owner: Omar] [est: 2h]',
        '- [ ] Kafka lag alert [due: 2026-12-10] [priority: high]',
        '- [ ] Cache warmup [owner: Li, note: ask ops first]',
        '- [ ] Read [owner: Bo](https://wiki.example/bo) first',
        '- [ ] Link [[owner: Bo]]',
        '- [ ] Dataview [owner:: bo]',
        '',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.owner, i.effort?.minutes ?? null, i.due, i.priority?.rank ?? null]),
    ).toEqual([
      ['Rate limit rollout', 'Omar', 120, null, null],
      ['Kafka lag alert', null, null, '2026-12-10', 1],
      ['Cache warmup [note: ask ops first]', 'Li', null, null, null],
      ['Read [owner: Bo](https://wiki.example/bo) first', null, null, null, null],
      ['Link [[owner: Bo]]', null, null, null, null],
      ['Dataview', 'bo', null, null, null],
    ]);
  });

  it('reads a list of fields in braces, as a mapping is written inline, and no template, TeX or Pandoc braces', () => {
    const p = parse(
      [
        'Updated 2026-12-01',
        '',
        '- [ ] Migrate cron jobs {owner: kim, due: 2026-12-18}',
        '- [ ] Rotate keys {owner: ana}',
        '- [ ] Load tests {P1, 2d, @li}',
        '- [ ] Cache warmup {due: Dec 20, 2026; priority: high}',
        // A piece that is no field stays, in its braces.
        '- [ ] Backfill {owner: Li, note: ask ops first}',
        '- [ ] Greeting {{ owner: name }}',
        '- [ ] Pandoc heading {#setup .unnumbered}',
        '- [ ] Escaped \\{owner: Bo}',
        '',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.owner, i.due, i.priority?.rank ?? null, i.effort?.text ?? null]),
    ).toEqual([
      ['Migrate cron jobs', 'kim', '2026-12-18', null, null],
      ['Rotate keys', 'ana', null, null, null],
      ['Load tests', 'li', null, 1, '2d'],
      ['Cache warmup', null, '2026-12-20', 1, null],
      ['Backfill {note: ask ops first}', 'Li', null, null, null],
      ['Greeting {{ owner: name }}', null, null, null, null],
      ['Pandoc heading {#setup .unnumbered}', null, null, null, null],
      ['Escaped \\{owner: Bo}', null, null, null, null],
    ]);
  });

  it('reads a target that is a date as the due date, and leaves one without figures to the title', () => {
    const p = parse(
      [
        '- [ ] Search v2 (Target: Dec 2026)',
        '- [ ] SSO for teams (target date: 2027-01-15)',
        '- [ ] Offline mode — target Q1 2027',
        '- [ ] Bulk import, targeting Feb 2027',
        // A target stated with its due date: the due date stands.
        '- [ ] Audit log (due: 2026-12-01, target: Nov 2026)',
        // What the work aims at is the title's.
        '- [ ] Cut latency (target: p95 under 20 ms)',
        // A build target, a weekday after it, a year alone: the title's words.
        '- [ ] Set the build target Friday',
        '- [ ] Hit the target 2026 numbers',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.due])).toEqual([
      ['Search v2', '2026-12-31'],
      ['SSO for teams', '2027-01-15'],
      ['Offline mode', '2027-03-31'],
      ['Bulk import', '2027-02-28'],
      ['Audit log', '2026-12-01'],
      ['Cut latency (target: p95 under 20 ms)', null],
      ['Set the build target Friday', null],
      ['Hit the target 2026 numbers', null],
    ]);
  });

  it('reads a circle and a priority word ending a title, the word saying the rank, and no other word', () => {
    const p = parse('- [ ] Review 🔴 High\n- [ ] Fix — 🟢 low\n- [ ] Tidy 🔴\n- [ ] Drive 🔴 Highway\n');
    expect(p.items.map((i) => [i.title, i.priority])).toEqual([
      ['Review', { rank: 1, label: 'High' }],
      ['Fix', { rank: 3, label: 'low' }],
      ['Tidy', { rank: 0, label: '🔴' }],
      ['Drive 🔴 Highway', null],
    ]);
  });

  it('reads a circle or a priority word set off as the label opening a title, and no word of the title', () => {
    const p = parse(
      [
        '- [ ] 🔴 Fix the crash on start',
        '- [ ] 🔴 **Critical**: Patch the CVE',
        '- [ ] High: Migrate the db',
        '- [ ] **Low** — Rename the module',
        '- [ ] High availability for the API',
        '- [ ] Highway: repave it',
        '- 🟡 Tidy the logs — @kim',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.priority?.rank ?? null, i.priority?.label ?? null, i.owner]),
    ).toEqual([
      ['Fix the crash on start', 0, '🔴', null],
      ['Patch the CVE', 0, 'Critical', null],
      ['Migrate the db', 1, 'High', null],
      ['Rename the module', 3, 'Low', null],
      ['High availability for the API', null, null, null],
      ['Highway: repave it', null, null, null],
      // A priority is one of the two signals that make a bullet without a box a task.
      ['Tidy the logs', 2, '🟡', 'kim'],
    ]);
  });

  it('cuts mentions alone after a dash from the title, and leaves them in its words elsewhere', () => {
    const p = parse(
      '- [ ] Security review — @sam\n- [ ] Review - @sam, @li\n- [ ] Update the SDK → @kim\n- [ ] Tag it -> @bo, 2d\n- [ ] Pair with @ana, @bo\n- [ ] Call @mom\n',
    );
    expect(p.items.map((i) => [i.title, i.owner])).toEqual([
      ['Security review', 'sam'],
      ['Review', 'sam'],
      ['Update the SDK', 'kim'],
      ['Tag it', 'bo'],
      ['Pair with @ana, @bo', 'ana'],
      ['Call @mom', 'mom'],
    ]);
  });

  it('reads the marks and list before a separator left dangling at the end of the line', () => {
    const p = parse(
      [
        '- [ ] Ship it — depends on T001 HIGH — ',
        '- [ ] Tidy the logs (low) -',
        '- [ ] Rotate the keys — @kim, 2d,',
        '- [ ] Cut the release —',
        '',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.priority?.label ?? null, i.owner, i.effort?.minutes ?? null]),
    ).toEqual([
      ['Ship it', 'HIGH', null, null],
      ['Tidy the logs', 'low', null, null],
      ['Rotate the keys', null, 'kim', 960],
      ['Cut the release', null, null, null],
    ]);
    expect(p.items[0]!.fields.filter((f) => f.key === 'depends').map((f) => f.value)).toEqual(['T001']);
  });

  it('reads a plain Target opening a field line under a heading, as a bold one is read', () => {
    const p = parse('# P\n\n### 2.1 Rotate keys\nTarget: 2026-05-01 · Status: In progress\n');
    expect(p.items.map((i) => [i.id, i.title, i.status, i.due])).toEqual([
      ['2.1', 'Rotate keys', 'doing', '2026-05-01'],
    ]);
  });

  it('cuts a list of mentions alone in parentheses ending the line, and keeps one that does not', () => {
    const p = parse(
      [
        '- [ ] Fix the leak (@tomas)',
        '- [ ] Port it (@ana, @bo)',
        '- [ ] Talk to legal (@ana said so)',
        '- [ ] Pair (@ana) on the importer',
        '- [ ] Ship (@kim) ',
        // Fields read after the list end the line as much: a new field is written after it.
        '- [ ] Tag it (@ana) 📅 2026-01-09 [priority:: P1]',
        '- [ ] Hold it (@ana) until March',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner, i.key])).toEqual([
      ['Fix the leak', 'tomas', 'fix-the-leak'],
      ['Port it', 'ana', 'port-it'],
      ['Talk to legal (@ana said so)', 'ana', 'talk-to-legal-said-so'],
      ['Pair (@ana) on the importer', 'ana', 'pair-on-the-importer'],
      ['Ship', 'kim', 'ship'],
      ['Tag it', 'ana', 'tag-it'],
      ['Hold it (@ana) until March', 'ana', 'hold-it-until-march'],
    ]);
  });

  it('reads estimates in the units of other languages, and no date as one', () => {
    const p = parse(
      [
        '- [ ] Migrar datos (estimación: 3 días)',
        '- [ ] Umzug planen [Aufwand:: 2-3 Tage]',
        '- [ ] Préparer la démo (4 heures)',
        '- [ ] Ревью — @ana, 2 недели',
        '- [ ] 設計レビュー（見積：3日間）',
        '- [ ] 회의 준비 (2시간)',
        // `日` alone ends a date as often as it counts days; under an estimate's key it counts them,
        // as `일`, `주` and `분` do.
        '- [ ] 締め切り 12月5日',
        '- [ ] API実装（見積：3日）',
        '- [ ] 문서 작성 (담당자: 김민수, 공수: 2일)',
        '- [ ] 회의 (예상: 30분)',
        '- [ ] 테스트 (공수: 1-2주)',
        // An abbreviated unit with its period, in a list or in parentheses.
        '- [ ] Rollout — @lena, 2 Std.',
        '- [ ] Abnahme (30 Min.)',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.effort?.minutes ?? null, i.effort?.maxMinutes ?? null])).toEqual([
      ['Migrar datos', 3 * 8 * 60, null],
      ['Umzug planen', 2 * 8 * 60, 3 * 8 * 60],
      ['Préparer la démo', 4 * 60, null],
      ['Ревью', 2 * 5 * 8 * 60, null],
      ['設計レビュー', 3 * 8 * 60, null],
      ['회의 준비', 2 * 60, null],
      ['締め切り 12月5日', null, null],
      ['API実装', 3 * 8 * 60, null],
      ['문서 작성', 2 * 8 * 60, null],
      ['회의', 30, null],
      ['테스트', 5 * 8 * 60, 2 * 5 * 8 * 60],
      ['Rollout', 2 * 60, null],
      ['Abnahme', 30, null],
    ]);
  });

  it("reads a calendar week as its Friday, in a heading's window, a task's list or a due field", () => {
    const p = parse(
      [
        '# Projektplan',
        '',
        'Stand: 01.12.2026',
        '',
        '## Phase 2 (KW 52)',
        '- [ ] Rollout',
        '',
        '## Release (2027-W02)',
        '- [ ] Ship',
        '',
        '## Sonstiges',
        '- [ ] Abnahme — @lena, KW 51',
        '- [ ] Schulung (fällig: KW 3)',
        '- [ ] Bought a VW 3 series',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.due])).toEqual([
      ['phase-2/rollout', '2026-12-25'],
      ['release/ship', '2027-01-15'],
      ['sonstiges/abnahme', '2026-12-18'],
      // Week 3 of 2026 ended over half a year before the plan's date: 2027's.
      ['sonstiges/schulung', '2027-01-22'],
      ['sonstiges/bought-a-vw-3-series', null],
    ]);
  });

  it('reads weeks, days, priorities and dependencies in the words of other languages', () => {
    const p = parse(
      [
        '# Plan',
        '',
        'Última actualización: 2026-03-02',
        '',
        '## Fase 1 (Semanas 1-2)',
        '- [ ] 1.1 Migrar la API — prioridad alta',
        '- [ ] 1.2 Migrar los workers (depende de 1.1)',
        '## Phase 2 (Jour 3)',
        '- [ ] 2.1 Corriger le cache — priorité basse, bloqué par 1.2',
        '## Phase 3 (Woche 4)',
        '- [ ] 3.1 Lasttest — hohe Priorität',
        '- [ ] 3.2 Rollout (hängt ab von 3.1 und 2.1)',
        // A word that only begins as a priority word does not say one.
        '- [ ] 3.3 Pressemitteilung — Medialab',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.id, i.due, i.priority?.rank ?? null, i.dependsOn])).toEqual([
      ['1.1', '2026-03-15', 1, []],
      ['1.2', '2026-03-15', null, ['1.1']],
      ['2.1', '2026-03-04', 3, ['1.2']],
      ['3.1', '2026-03-29', 1, []],
      ['3.2', '2026-03-29', null, ['3.1', '2.1']],
      ['3.3', '2026-03-29', null, []],
    ]);
    expect(p.items.map((i) => i.title)).toEqual([
      'Migrar la API',
      'Migrar los workers',
      'Corriger le cache',
      'Lasttest',
      'Rollout',
      'Pressemitteilung — Medialab',
    ]);
    // Japanese: the update line dates the plan, `第1週` is its first week, `、` joins a list, `状態` heads
    // a status column.
    const ja = parse(
      [
        '# リリース計画',
        '',
        '最終更新: 2026-05-01',
        '',
        '## フェーズ1（第1週）',
        '- [ ] DBを移行する（担当：鈴木、期限：2026-05-10、優先度：高）',
        '- [ ] 負荷試験',
        '',
        '| ID | タスク | 状態 | 担当 |',
        '|----|--------|------|------|',
        '| F-1 | 検索 | 完了 | 田中 |',
        '| F-2 | 通知 | 進行中 | 佐藤 |',
        '',
      ].join('\n'),
    );
    expect(
      ja.items.map((i) => [i.id ?? i.title, i.status, i.owner, i.due, i.priority?.rank ?? null]),
    ).toEqual([
      ['DBを移行する', 'todo', '鈴木', '2026-05-10', 1],
      ['負荷試験', 'todo', null, '2026-05-07', null],
      ['F-1', 'done', '田中', '2026-05-07', null],
      ['F-2', 'doing', '佐藤', '2026-05-07', null],
    ]);
  });

  it('reads a name ending a list of metadata between dashes as the owner, and a word of time or status not', () => {
    const p = parse(
      [
        '- [ ] OFF-12 Cache manifest — 3 pts — Jana',
        '- [ ] OFF-13 Sync queue — 5 pts — Marek Nowak',
        '- [ ] OFF-14 Offline banner — 2 pts — (unassigned)',
        // A name alone after a dash may be the title's; after a comma, a platform's as often as not.
        '- [ ] Ship it — Jana',
        '- [ ] Fix it, 2d, Android',
        '- [ ] Tag it — 2d — Friday',
        '- [ ] Cut it — 2d — Blocked',
        '- [ ] Log it — @kim — 2d',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner, i.status])).toEqual([
      ['Cache manifest', 'Jana', 'todo'],
      ['Sync queue', 'Marek Nowak', 'todo'],
      ['Offline banner', null, 'todo'],
      ['Ship it — Jana', null, 'todo'],
      ['Fix it, 2d, Android', null, 'todo'],
      ['Tag it — 2d — Friday', null, 'todo'],
      ['Cut it', null, 'blocked'],
      ['Log it', 'kim', 'todo'],
    ]);
  });

  it('reads a sprint list as trackers export it: a name between pieces, a status mark before the list, a status in a parenthesised list', () => {
    const p = parse(
      [
        '# Sprint 42',
        '',
        '- **PAY-1201** Invoice PDF export [In Review] — Ana — 5 pts',
        '- **PAY-1199** Fix double charge [Done] — Ana — 2 pts',
        '- **PAY-1210** Multi-currency totals [To Do] — unassigned — 8 pts',
        '- **AUTH-78** SAML refresh [Blocked] — Chen — 5 pts — waiting on IdP vendor',
        '- PAY-1220 Refund export (In Review, @ana, 5 pts)',
        '- [ ] Budget review — Q3 — Ana — 2h',
        // An owner given already is not given again by a name; a name after a comma is no column.
        '- [ ] Pair on it — Ana — [owner:: zed] — 2h',
        '- [ ] Fix it — Android, 2d',
        // Code is code: a status in backticks is not read.
        '- **PAY-1230** Audit log `[Done]` — 3 pts',
        // A glyph and its word before the list, as OKR updates write them.
        '- **KR1.1** Deploy lead time under 15 min — 🟡 at risk — owner: @sara',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.id, i.title, i.status, i.owner])).toEqual([
      ['PAY-1201', 'Invoice PDF export', 'doing', 'Ana'],
      ['PAY-1199', 'Fix double charge', 'done', 'Ana'],
      ['PAY-1210', 'Multi-currency totals', 'todo', null],
      // The status piece says blocked with its reason: the mark before the list stays the title's.
      ['AUTH-78', 'SAML refresh [Blocked]', 'blocked', 'Chen'],
      ['PAY-1220', 'Refund export', 'doing', 'ana'],
      [null, 'Budget review — Q3', 'todo', 'Ana'],
      [null, 'Pair on it — Ana', 'todo', 'zed'],
      [null, 'Fix it — Android', 'todo', null],
      ['PAY-1230', 'Audit log `[Done]`', 'todo', null],
      ['KR1.1', 'Deploy lead time under 15 min', 'doing', 'sara'],
    ]);
    const mark = p.items[0]!.statusSpan!;
    expect(p.text.slice(mark.start, mark.end)).toBe('In Review');
    expect(p.items[4]!.fields.find((f) => f.key === 'points')?.value).toBe('5');
  });

  it('reads a status mark before the list on a box line where one ending the line says more than the box', () => {
    const p = parse(
      [
        '- [ ] ENG-123 Retry webhooks (In Progress) · Kim · 3 pts',
        '- [ ] Rate limiter [Blocked] — @bo, 2 pts',
        '- [x] Native app (dropped) — @bo',
        // What the box says already stays the title's, as at the end of the line.
        '- [x] ENG-124 Fix the flaky test [Done] · Ana · 1 pt',
        '- [ ] ENG-125 Audit log export [To Do] · Bo · 5 pts',
        // A box of another mark says its status.
        '- [/] Dark theme [Blocked] — @bo',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.statusSource, i.owner])).toEqual([
      ['Retry webhooks', 'doing', 'marker', 'Kim'],
      ['Rate limiter', 'blocked', 'marker', 'bo'],
      ['Native app', 'cancelled', 'marker', 'bo'],
      ['Fix the flaky test [Done]', 'done', 'checkbox', 'Ana'],
      ['Audit log export [To Do]', 'todo', 'checkbox', 'Bo'],
      ['Dark theme [Blocked]', 'doing', 'checkbox', 'bo'],
    ]);
  });

  it("reads a milestone's checklist of issue numbers: the number is the ID, a reference names it", () => {
    const p = parse(
      [
        '# v2.0',
        '',
        '- [ ] #1423 Config file v2 schema (@dana)',
        '- [ ] #1440 New plugin API — @omar — blocked on #1423',
        '- [ ] #1441 Plugin docs — @omar — **blocked** on #1423',
        '- [ ] #1442 Plugin examples (depends on #1440)',
        '- [ ] Release notes mention #1423',
        '',
        '| What | Who | Status |',
        '|---|---|---|',
        '| Shadow mode | @amir | ✅ |',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.title, i.owner, i.dependsOn])).toEqual([
      ['#1423', 'Config file v2 schema', 'dana', []],
      ['#1440', 'New plugin API', 'omar', ['#1423']],
      ['#1441', 'Plugin docs', 'omar', ['#1423']],
      ['#1442', 'Plugin examples', null, ['#1440']],
      ['v2.0/release-notes-mention-1423', 'Release notes mention #1423', null, []],
      // A table's `What` column names the work, its `Who` column who does it.
      ['v2.0/shadow-mode', 'Shadow mode', 'amir', []],
    ]);
    expect(p.items[5]!.status).toBe('done');
    // A link to the issue opens the line as GitHub shows it: the issue's number is the ID.
    const linked = parse(
      [
        '- [ ] https://github.com/acme/app/issues/1423 Config file v2 schema',
        '- [ ] <https://github.com/acme/app/pull/1440> New plugin API (blocked by #1423)',
        '- [ ] https://github.com/acme/app/issues/1450',
        '- [ ] https://example.com/guide read the guide',
        '',
      ].join('\n'),
    );
    expect(linked.items.map((i) => [i.key, i.title, i.dependsOn])).toEqual([
      ['#1423', 'Config file v2 schema', []],
      ['#1440', 'New plugin API', ['#1423']],
      ['#1450', 'https://github.com/acme/app/issues/1450', []],
      ['https-example-com-guide-read-the-guide', 'https://example.com/guide read the guide', []],
    ]);
    // Another repository's issue, as a tracking issue lists it: the whole reference is the ID.
    const tracking = parse(
      [
        '- [ ] acme/billing#88 Backfill job',
        '- [ ] acme/web#88: Shadow reads',
        '- [ ] Cut over (needs acme/billing#88, acme/web#88)',
        '- [ ] 1/2 of the work',
        '',
      ].join('\n'),
    );
    expect(tracking.items.map((i) => [i.key, i.title, i.dependsOn])).toEqual([
      ['acme/billing#88', 'Backfill job', []],
      ['acme/web#88', 'Shadow reads', []],
      [
        'cut-over-needs-acme-billing-88-acme-web-88',
        'Cut over (needs acme/billing#88, acme/web#88)',
        ['acme/billing#88', 'acme/web#88'],
      ],
      ['1-2-of-the-work', '1/2 of the work', []],
    ]);
  });

  it("reads a month and day standing as a piece as the due date, in the plan's year", () => {
    const dated = parse(
      '# P\n\nUpdated: 2026-12-01\n\n- [ ] Analytics events — @zoe — Dec 18\n- [ ] Kickoff — Jan 5\n',
    );
    expect(dated.items.map((i) => [i.title, i.owner, i.due])).toEqual([
      ['Analytics events', 'zoe', '2026-12-18'],
      // More than half a year before the plan's date: the next year's.
      ['Kickoff', null, '2027-01-05'],
    ]);
    // Without a date to place it, it is still the due date as written, out of the title.
    const undated = parse('# P\n\n- [ ] Analytics events — @zoe — Dec 18\n');
    expect(undated.items.map((i) => [i.title, i.due, i.fields.find((f) => f.key === 'due')?.value])).toEqual([
      ['Analytics events', null, 'Dec 18'],
    ]);
  });

  it("takes the week a plan's first heading names as its date, and no other heading's date", () => {
    const weekly = parse(
      '# Team plan — week of 2026-12-07\n\n- [ ] Write the ADR — @kim, due Wed\n- [ ] Retro, due Day 5\n',
    );
    expect(weekly.facts.date).toBe('2026-12-07');
    expect(weekly.items.map((i) => i.due)).toEqual(['2026-12-09', '2026-12-11']);
    expect(parse('# Plan\n\n## Week of 2026-12-07\n\n- [ ] Write the ADR\n').facts.date).toBeNull();
    expect(parse('# Release — 2027-03-01\n\n- [ ] Tag it\n').facts.date).toBeNull();
    // A date the plan states as its own comes first.
    expect(parse('# Week of 2026-12-07\n\nUpdated: 2026-12-08\n').facts.date).toBe('2026-12-08');
  });

  it('reads an estimate after a stopwatch or an hourglass, and nothing else there', () => {
    const p = parse(
      '# P\n\n- [x] Move DNS ⏱ 3h\n- [ ] Audit ⏱️ 1-2d @kim\n- [ ] Wait ⌛ 30 min\n- [ ] Score ⏱ 3 pts\n',
    );
    expect(p.items.map((i) => [i.title, i.effort?.minutes ?? null, i.effort?.maxMinutes ?? null])).toEqual([
      ['Move DNS', 180, null],
      ['Audit @kim', 480, 960],
      ['Wait', 30, null],
      ['Score ⏱ 3 pts', null, null],
    ]);
  });

  it('reads a name ending a list before a separator left dangling, as an edit appending a field would read it', () => {
    // Found by the edit properties: `— Ana - ` was not read until a field written after it was.
    const p = parse('# P\n\n- [ ] Ship it — depends on T001 — Ana - \n- [ ] Ship it — Ana - \n');
    expect(p.items.map((i) => [i.title, i.owner])).toEqual([
      ['Ship it', 'Ana'],
      ['Ship it — Ana', null],
    ]);
  });

  it('reads a piece in emphasis before a separator left dangling, as it reads one ending the line', () => {
    // Found by the edit properties: the owner was read only once a field was written after the `•`.
    const p = parse(
      '# P\n\n- [ ] Ship it — Owner: Kim — *blocked: no data* • \n- [ ] Ship it — *blocked: no data* —\n',
    );
    expect(p.items.map((i) => [i.title, i.owner, i.status])).toEqual([
      ['Ship it', 'Kim', 'blocked'],
      ['Ship it', null, 'blocked'],
    ]);
  });

  it('reads a status led by a glyph in a list, and a status alone in parentheses ending a task', () => {
    const p = parse(
      [
        '# Mobile roadmap',
        '',
        '## Q1',
        '- **Offline mode** — sync queue (🟢 on track, @rin)',
        '- **Dark theme** — tokens done, screens next (🟡 at risk)',
        '- **Tablet layouts** (⚪ not started)',
        '- **Widgets** — home-screen widgets',
        '',
        '## Checklist',
        '- [ ] Ship the beta (done)',
        '- [x] Announce it (waiting on legal)',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.owner])).toEqual([
      ['Offline mode — sync queue', 'doing', 'rin'],
      ['Dark theme — tokens done, screens next', 'doing', null],
      ['Tablet layouts', 'todo', null],
      // A box says its own status: a status in parentheses after it is the title's words.
      ['Ship the beta (done)', 'todo', null],
      ['Announce it (waiting on legal)', 'done', null],
    ]);
    const at = p.items[1]!.statusSpan!;
    expect(p.text.slice(at.start, at.end)).toBe('🟡 at risk');
    // One bullet with a status in parentheses among prose bullets is a note's last words, as before.
    expect(parse('# P\n\n- Offline mode (in progress)\n- Other thing\n').items).toEqual([]);
  });

  it("reads a TaskPaper list: a status tag makes a task of a backlog's bullet, a dependency tag names another", () => {
    const p = parse(
      [
        '# Relaunch',
        '',
        '- Rewrite the pricing page @owner(jules) @due(2026-12-12)',
        '- Collect customer quotes @done(2026-11-30)',
        '- Move the blog @owner(ana)',
        '- Redirect old URLs @due(2026-12-15) @after(Move the blog)',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.owner, i.due, i.dependsOn])).toEqual([
      ['Rewrite the pricing page', 'todo', 'jules', '2026-12-12', []],
      ['Collect customer quotes', 'done', null, null, []],
      ['Move the blog', 'todo', 'ana', null, []],
      ['Redirect old URLs', 'todo', null, '2026-12-15', ['relaunch/move-the-blog']],
    ]);
  });

  it('reads a numbered step without a mark among two or more marked ones as a step not begun', () => {
    const p = parse(
      [
        '## Steps',
        '1. Extract `UserService` ✅',
        '2. Move validation ✅',
        '3. Replace callbacks 🚧',
        '   - `auth.js` ✅',
        '   - `billing.js`',
        '4. Update docs',
        '5. Notes:',
        '',
        '## Elsewhere',
        '1. Shipped ✅',
        '2. Plain words',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.depth])).toEqual([
      ['Extract `UserService`', 'done', 0],
      ['Move validation', 'done', 0],
      ['Replace callbacks', 'doing', 0],
      // Under a step read by its mark, a marked bullet is a step too; a bullet without one stays prose.
      ['`auth.js`', 'done', 1],
      ['Update docs', 'todo', 0],
      // One marked step among plain ones may be a note's last word: all stay prose.
    ]);
  });

  it('reads a status mark ending a bullet as its status among tasks, and not alone among notes', () => {
    const items = (text: string) => parse(text).items.map((i) => [i.title, i.status]);
    // Two bullets ending with their statuses, in parentheses or not, make a list of them.
    expect(items('- Fix the flaky test 🔄\n- Tablet layouts (⚪ not started)\n')).toEqual([
      ['Fix the flaky test', 'doing'],
      ['Tablet layouts', 'todo'],
    ]);
    // In a list of tasks (`Write docs (2d, @ana)`) a mark alone makes one.
    expect(items('- Refactor auth ✅\n- Write docs (2d, @ana)\n')).toEqual([
      ['Refactor auth', 'done'],
      ['Write docs', 'todo'],
    ]);
    // Among notes it may be a note's last words.
    expect(items('- Fix the flaky test 🔄\n- Some words about it\n')).toEqual([]);
    // Grouped under their quarters, a group's one mark is a status where a cousin group ends two of
    // its bullets so; a bullet without one stays prose, as in any such list.
    const roadmap = [
      '- **Q1 2027**',
      '  - Search v2 (in progress)',
      '  - SSO (planned)',
      '- **Q2 2027**',
      '  - Mobile app',
      '  - Offline mode (blocked on sync API)',
      '- **Q3 2027**',
      '  - Plugins ✅',
      '',
    ].join('\n');
    expect(items(roadmap)).toEqual([
      ['Search v2', 'doing'],
      ['SSO', 'todo'],
      ['Offline mode', 'blocked'],
      ['Plugins', 'done'],
    ]);
    // Without such a cousin, one mark in a group is words.
    expect(items('- Q1\n  - Search (in progress)\n  - SSO\n- Q2\n  - Offline mode (blocked)\n')).toEqual([]);
  });

  it('reads a status word after the glyph opening a heading as the mark', () => {
    const p = parse(
      [
        '# Payments roadmap',
        '',
        '## ✅ Done: Migrate to the new ledger',
        '## 🚧 In progress: Multi-currency payouts',
        'Owner: @kai. Target: 2026-12-20.',
        '',
        '## ⏳ Next: Instant payouts',
        '## 💤 Later — Crypto rails',
        '## 🚀 Launch: the plan',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.owner, i.due])).toEqual([
      ['Migrate to the new ledger', 'done', null, null],
      // Two fields in one line, set off as sentences.
      ['Multi-currency payouts', 'doing', 'kai', '2026-12-20'],
      ['Instant payouts', 'todo', null, null],
      ['Crypto rails', 'todo', null, null],
    ]);
  });

  it('reads a dropped status with its date and a remark after it as one piece', () => {
    const p = parse('# P\n\n- [ ] Old exporter — dropped 2026-11-02 (superseded by PAY-1201)\n');
    expect(p.items.map((i) => [i.title, i.status])).toEqual([['Old exporter', 'cancelled']]);
  });

  it('reads a countdown (`## T-4 weeks`) as a section, not an item with an ID', () => {
    const p = parse(
      '# Launch\n\n## T-4 weeks\n\n- [ ] Load test\n\n## T-1 day\n\n- [ ] Go/no-go\n\n### T-9: Fax\n\n**Status:** Done\n',
    );
    expect(p.items.map((i) => [i.key, i.id])).toEqual([
      ['t-4-weeks/load-test', null],
      ['t-1-day/go-no-go', null],
      ['T-9', 'T-9'],
    ]);
  });

  it('reads a priority word that is a piece of the list ending the line, and an ETA as the due date', () => {
    const p = parse(
      [
        '- [ ] Fix login — High priority',
        '- [ ] Tune replicas — urgent, @bob, 2d',
        '- [ ] Search v2 — ETA: 2026-04-01',
        '- [ ] Keep it — High priority (P1)',
        '- [ ] Make it — high availability',
        '- Ship the docs — low, @kim',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.priority?.label ?? null, i.owner, i.due])).toEqual([
      ['Fix login', 'High', null, null],
      ['Tune replicas', 'urgent', 'bob', null],
      ['Search v2', null, null, '2026-04-01'],
      // A line with a priority mark of its own keeps the word in its title.
      ['Keep it — High priority', 'P1', null, null],
      ['Make it — high availability', null, null, null],
      // A priority word and an owner make a bullet a task, as any two of its metadata do.
      ['Ship the docs', 'low', 'kim', null],
    ]);
  });

  it('reads story points in brackets, in a field or a column, and cuts them from the title', () => {
    const p = parse(
      [
        '### OFF-2: Replay queue (8 pts)',
        '',
        '- [ ] Rate limiter (3 pts)',
        '- [ ] Audit log [5 SP]',
        '- [ ] Runbook (story points: 2)',
        '- [ ] Spike (0.5 points) @kim',
        '- [ ] Buy 3 pts of paint',
        '- [ ] Import (3 ptsx)',
        '',
        '### OFF-3: Conflict UI',
        '**Story Points:** 13',
        '',
        '| Story | Status | SP |',
        '|---|---|---|',
        '| Cache writes | Done | 5 |',
      ].join('\n'),
    );
    const points = (i: Item) => i.fields.find((f) => f.key === 'points')?.value ?? null;
    expect(p.items.map((i) => [i.title, points(i)])).toEqual([
      ['Replay queue', '8'],
      ['Rate limiter', '3'],
      ['Audit log', '5'],
      ['Runbook', '2'],
      ['Spike @kim', '0.5'],
      ['Buy 3 pts of paint', null],
      ['Import (3 ptsx)', null],
      ['Conflict UI', '13'],
      ['Cache writes', '5'],
    ]);
  });

  it('reads a dependency phrase naming items by ID as a field that leaves the title, and no other', () => {
    const p = parse(
      [
        '- [ ] T001 Base',
        '- [ ] T002 Next (blocked by T001)',
        '- [ ] T003 Third — depends on T001, T002',
        '- [ ] T004 Fourth (after T001 and T003, P1)',
        '- [ ] Deploy after lunch',
        '- [ ] Lunch — after T001 ends',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.dependsOn])).toEqual([
      ['Base', []],
      ['Next', ['T001']],
      ['Third', ['T001', 'T002']],
      ['Fourth', ['T001', 'T003']],
      ['Deploy after lunch', []],
      // Words after the ID: the phrase stays in the title, and the item's own words still link it.
      ['Lunch — after T001 ends', ['T001']],
    ]);
    expect(p.items[2]!.fields.map((f) => [f.key, f.rawKey, f.value])).toEqual([
      ['depends', 'depends on', 'T001, T002'],
    ]);
  });

  it('reads due dates in digits with dots or slashes, keeping an ambiguous one as written', () => {
    const p = parse('- [ ] Ship by 15.03.2026\n- [ ] Fix due 03/15/2026\n- [ ] Plan due 03/04/2026\n');
    expect(p.items.map((i) => [i.title, i.due, i.dueText])).toEqual([
      ['Ship', '2026-03-15', '15.03.2026'],
      ['Fix', '2026-03-15', '03/15/2026'],
      ['Plan', null, '03/04/2026'],
    ]);
  });

  it("reads todo.txt's +project as a tag that stays in the title and out of the key", () => {
    const p = parse('# T\n\n- [ ] (A) Call Bob +website @phone\n- [ ] Learn C++ and +1 the idea\n');
    expect(p.items.map((i) => [i.key, i.title, i.tags])).toEqual([
      ['t/call-bob', 'Call Bob +website @phone', ['website']],
      ['t/learn-c-and-1-the-idea', 'Learn C++ and +1 the idea', []],
    ]);
  });

  it('gives every mark a field whose value span is the part an edit replaces', () => {
    const marks = plan.items.flatMap((i) =>
      i.fields
        .filter((f) => f.style === 'mark')
        .map((f) => [
          i.title,
          f.key,
          f.value,
          plan.text.slice(f.span.start, f.span.end),
          plan.text.slice(f.valueSpan.start, f.valueSpan.end),
        ]),
    );
    expect(marks).toEqual([
      ['Write docs', 'effort', '2d', '2d', '2d'],
      ['Write tests', 'effort', '4h', '4h', '4h'],
      ['Cache layer', 'effort', '2-3 days', '2-3 days', '2-3 days'],
      ['Review the schema', 'effort', '0.5d', '0.5d', '0.5d'],
      ['Profile the importer - 3d', 'effort', '2h', '(2h)', '2h'],
      ['Call the vendor', 'priority', 'A', '(A)', 'A'],
      ['Patch the parser', 'priority', 'P0', '**P0**', 'P0'],
      ['Patch the parser', 'effort', '1d', '~1d', '1d'],
      ['Rotate keys ⏫', 'priority', 'B', '[#B]', 'B'],
    ]);
    expect(byTitle(plan, 'Rotate keys ⏫').priority).toEqual({ rank: 2, label: '[#B]' });
  });
});

describe('parsePlan on status tables', () => {
  it("takes a tracker's ID opening the title over the row's number in a # column", () => {
    const p = parse(
      [
        '| # | Story | Pts | Assignee | State |',
        '|---|-------|-----|----------|-------|',
        '| 1 | BILL-210 Invoice list | 5 | kim | Done |',
        '| 2 | Invoice detail | 3 | kim | In review |',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.key, i.title, i.status])).toEqual([
      ['BILL-210', 'Invoice list', 'done'],
      // Without one the number is the row's ID, as it was.
      ['2', 'Invoice detail', 'doing'],
    ]);
  });

  const text = [
    '# Q1 tracker',
    '',
    '## Work',
    '',
    '| ID | Task | Status | Owner | Priority | Due | Effort |',
    '|----|------|--------|-------|----------|-----|--------|',
    '| OPS-1 | **Migrate DNS** | ✅ | Ana | P1 | 2026-01-10 | 2d |',
    '| OPS-2 | Rotate `a|b` certificates | 🚧 In progress | Li \\| Kim | P0 | 2026-01-15 | 4h |',
    '| OPS-3 | Decommission old VPN | | | | | |',
    '',
    '## Progress',
    '',
    '| Phase | Task | Status | Done |',
    '|-------|------|--------|------|',
    '| Q1 | all | 🚧 | 1/3 |',
    '',
    '| Metric | Target | Status |',
    '|--------|--------|--------|',
    '| Uptime | 99.9 | ⏳ |',
    '',
  ].join('\n');
  const plan = parse(text);

  it('makes each row of a table with a task and a status column an item, its cells its fields', () => {
    expect(
      plan.items.map((i) => [
        i.kind,
        i.key,
        i.title,
        i.status,
        i.owner,
        i.priority?.label ?? null,
        i.due,
        i.effort?.minutes ?? null,
      ]),
    ).toEqual([
      ['table-row', 'OPS-1', 'Migrate DNS', 'done', 'Ana', 'P1', '2026-01-10', 960],
      ['table-row', 'OPS-2', 'Rotate `a|b` certificates', 'doing', 'Li | Kim', 'P0', '2026-01-15', 240],
      ['table-row', 'OPS-3', 'Decommission old VPN', 'todo', null, null, null, null],
    ]);
    const ops2 = plan.byKey.get('OPS-2')!;
    expect(text.slice(ops2.statusSpan!.start, ops2.statusSpan!.end)).toBe('🚧 In progress');
    expect(text.slice(ops2.titleSpan.start, ops2.titleSpan.end)).toBe('Rotate `a|b` certificates');
    expect(plan.byKey.get('OPS-1')!.section).toEqual(['Q1 tracker', 'Work']);
  });

  it("takes a tracker's column of tickets beside the task column as the rows' IDs", () => {
    const actions = (ticket: string, a: string, b: string) =>
      parse(
        `# Postmortem\n\n## Action items\n\n| Action | Owner | ${ticket} | Status |\n|---|---|---|---|\n| Add disk alerts | @ana | ${a} | Done |\n| Rotate keys | @bo | ${b} | Open |\n| Write the runbook | @cy |  | Open |\n`,
      ).items.map((i) => [i.key, i.title, i.status]);
    expect(actions('Ticket', 'OPS-123', '#418')).toEqual([
      ['OPS-123', 'Add disk alerts', 'done'],
      ['#418', 'Rotate keys', 'todo'],
      ['action-items/write-the-runbook', 'Write the runbook', 'todo'],
    ]);
    // One ticket for two actions, or a cell that is no ticket's ID: the column is the rows' field.
    for (const [a, b] of [
      ['OPS-123', 'OPS-123'],
      ['OPS-123', 'see the doc'],
    ])
      expect(actions('Ticket', a!, b!).map((r) => r[0])).toEqual([
        'action-items/add-disk-alerts',
        'action-items/rotate-keys',
        'action-items/write-the-runbook',
      ]);
  });

  it('reads a table whose titles or dates hold slashes and percent signs', () => {
    const rows = parse(
      '| Task | Status | Due |\n|---|---|---|\n| Move 2/3 of the zones | ✅ | 01/15/2026 |\n| Cut costs 10% | | |\n',
    ).items;
    expect(rows.map((i) => [i.title, i.status])).toEqual([
      ['Move 2/3 of the zones', 'done'],
      ['Cut costs 10%', 'todo'],
    ]);
  });

  it('reads a warning sign in a status cell as work at risk, and a clipboard as work planned', () => {
    const text =
      '- ⚠️ Mind the cache\n\n| Feature | Status |\n|---|---|\n| SSO | ⚠️ vendor delay |\n| Export | 📋 |\n| Audit | ⚠️ Blocked |\n';
    const plan = parse(text);
    expect(plan.items.map((i) => [i.title, i.status])).toEqual([
      ['SSO', 'doing'],
      ['Export', 'todo'],
      ['Audit', 'blocked'],
    ]);
    const sso = plan.items[0]!;
    expect([sso.statusSource, text.slice(sso.statusSpan!.start, sso.statusSpan!.end).trim()]).toEqual([
      'field',
      '⚠️ vendor delay',
    ]);
  });

  it('reads a Done column of marks as done or not, a cross there as not done', () => {
    const text = [
      '| # | Task | Done |',
      '|---|------|------|',
      '| 1 | Log the user id | ✅ |',
      '| 2 | Log the token | ❌ |',
      '| 3 | Verify the profile | |',
      '| 4 | Write the step | `[x]` 2026-09-20 |',
      '| 5 | Ship | 2026-09-21 |',
      '',
      '| Task | Done? | Evidence |',
      '|---|---|---|',
      '| Typed library | **Yes** | src/ |',
      '| Models | no | |',
      '',
      // A cell that is no mark (`n/a`, `partly`) says something a Done column cannot: not read.
      '| Task | Completed |',
      '|---|---|',
      '| Draft | n/a |',
      '',
      '| Feature | Complete |',
      '|---|---|',
      '| Search | partly |',
    ].join('\n');
    const plan = parse(text);
    expect(plan.items.map((i) => [i.id, i.title, i.status, i.statusSource])).toEqual([
      ['1', 'Log the user id', 'done', 'field'],
      ['2', 'Log the token', 'todo', 'field'],
      ['3', 'Verify the profile', 'todo', 'field'],
      ['4', 'Write the step', 'done', 'field'],
      ['5', 'Ship', 'done', 'field'],
      [null, 'Typed library', 'done', 'field'],
      [null, 'Models', 'todo', 'field'],
    ]);
    const two = plan.byKey.get('2')!;
    expect(text.slice(two.statusSpan!.start, two.statusSpan!.end)).toBe('❌');
    expect(two.fields.map((f) => [f.key, f.rawKey, f.value])).toEqual([['done', 'Done', '❌']]);
  });

  it('reads a column of boxes without a header as the Done column of a checklist drawn as a table', () => {
    const plan = parse(
      [
        '|     | Item                  | Owner |',
        '|-----|-----------------------|-------|',
        '| [x] | Press release drafted | Mia   |',
        '| [ ] | Pricing page live     | Raj   |',
        '| ✅  | Status page           | Mia   |',
        '',
        // A column without a header of other words is no Done column.
        '|   | Item | Owner |',
        '|---|------|-------|',
        '| a | Docs | Bo    |',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.title, i.status, i.owner])).toEqual([
      ['Press release drafted', 'done', 'Mia'],
      ['Pricing page live', 'todo', 'Raj'],
      ['Status page', 'done', 'Mia'],
    ]);
  });
  it('reads a table of bugs, epics or milestones with a state column', () => {
    const rows = parse(
      '| # | Bug | Sev | Owner | State |\n|---|---|---|---|---|\n| 101 | Login loop | S1 | kim | Fixed |\n| 102 | Slow search | S2 | ana | Open |\n',
    ).items;
    expect(rows.map((i) => [i.id, i.title, i.status, i.owner])).toEqual([
      ['101', 'Login loop', 'done', 'kim'],
      ['102', 'Slow search', 'todo', 'ana'],
    ]);
  });

  it("reads a roadmap's milestones or phases as its items when no column names a task", () => {
    const milestones = parse(
      [
        '| Milestone | Owner | ETA | Status |',
        '|---|---|---|---|',
        '| M1 — Auth service GA | @lena | 2027-01-15 | 🟢 On track |',
        '| M2 — Billing v2 | TBD | 2027-02-01 | ⚪ Not started |',
        '',
      ].join('\n'),
    ).items;
    expect(milestones.map((i) => [i.id, i.title, i.owner, i.due, i.status])).toEqual([
      ['M1', 'Auth service GA', 'lena', '2027-01-15', 'doing'],
      ['M2', 'Billing v2', null, '2027-02-01', 'todo'],
    ]);
    // Milestones or phases with their status alone are the dashboard of the plan's sections, checked
    // by lint, not items.
    expect(parse('| Milestone | Status |\n|---|---|\n| M1 | Done |\n\n## M1\n\n- [ ] A\n').items.length).toBe(
      1,
    );
    expect(
      parse('| Phase | Status |\n|---|---|\n| Phase 1 | Done |\n\n## Phase 1\n\n- [ ] A\n').items.length,
    ).toBe(1);
    // Beside a task column, the phase is the task's.
    const tasks = parse(
      '| Phase | Task | Status |\n|---|---|---|\n| 1 | Schema | Done |\n| 2 | API | Planned |\n',
    );
    expect(tasks.items.map((i) => [i.title, i.phase, i.status])).toEqual([
      ['Schema', '1', 'done'],
      ['API', '2', 'todo'],
    ]);
    // A tracker's first column names its rows whatever its header, when the table says who or by when
    // and the header is no attribute's, date's or remark's: workstreams, services after their IDs.
    const rows = (table: string) => parse(table).items.map((i) => [i.id, i.title, i.owner, i.status]);
    expect(
      rows(
        '| Workstream | Owner | Status | ETA |\n|---|---|---|---|\n| Billing | @mei | 🟡 At risk | Dec 18 |\n',
      ),
    ).toEqual([[null, 'Billing', 'mei', 'doing']]);
    expect(
      rows('| ID | Service | DRI | Status |\n|---|---|---|---|\n| S-1 | Gateway | @li | Done |\n'),
    ).toEqual([['S-1', 'Gateway', 'li', 'done']]);
    // A tracker's export names its ID column as a task's too (`Ticket`, `Issue`): the title is the
    // next such column, where the first holds nothing but IDs.
    expect(
      rows(
        '| Ticket | Summary | Assignee | Status |\n|---|---|---|---|\n| PLAT-101 | Upgrade Postgres | Kim | In Progress |\n| PLAT-103 | Lag alert | — | To Do |\n',
      ),
    ).toEqual([
      ['PLAT-101', 'Upgrade Postgres', 'Kim', 'doing'],
      ['PLAT-103', 'Lag alert', null, 'todo'],
    ]);
    expect(
      rows('| Issue | Title | Status |\n|---|---|---|\n| Login fails on Safari | Safari fix | Done |\n'),
    ).toEqual([[null, 'Login fails on Safari', null, 'done']]);
    for (const none of [
      '| Phase | Owner | Status |\n|---|---|---|\n| 1 | @a | Done |\n',
      '| Notes | Owner | Status |\n|---|---|---|\n| n | @a | Done |\n',
      '| Region | Start | Status |\n|---|---|---|\n| eu | 2026-12-14 | Done |\n',
    ])
      expect(rows(none), none).toEqual([]);
  });

  it('reads a range of days as due by its last day: in a list, in parentheses, after due, in a column', () => {
    const lines = parse(
      [
        '# Sprint',
        '',
        'Date: 2026-12-01',
        '',
        '- [ ] Ship payments — Dec 14–18',
        '- [ ] Rotate keys (2026-12-01 → 2026-12-05)',
        '- [ ] Docs — @kim, Dec 14 – Dec 18',
        '- [ ] Load test (Dec 7–11) @kim',
        '- [ ] Migrate — due Dec 14–18',
        '- [ ] Report due by Dec 28 – Jan 3, 2027',
        '- [ ] Beta [due:: 2026-12-14..2026-12-18]',
        // A spaced em dash or hyphen separates two pieces: the last date is the one read.
        '- [ ] Two — Dec 14 — Dec 18',
        '- [ ] Three — Dec 14 - Dec 18',
      ].join('\n'),
    ).items;
    expect(lines.map((i) => [i.title, i.due, i.dueText])).toEqual([
      ['Ship payments', '2026-12-18', 'Dec 14–18'],
      ['Rotate keys', '2026-12-05', '2026-12-01 → 2026-12-05'],
      ['Docs', '2026-12-18', 'Dec 14 – Dec 18'],
      ['Load test @kim', '2026-12-11', 'Dec 7–11'],
      ['Migrate', '2026-12-18', 'Dec 14–18'],
      ['Report', '2027-01-03', 'Dec 28 – Jan 3, 2027'],
      ['Beta', '2026-12-18', '2026-12-14..2026-12-18'],
      ['Two', '2026-12-18', 'Dec 18'],
      ['Three', '2026-12-18', 'Dec 18'],
    ]);
    // The end of a schedule's work, or the days it spans, is its due date where none is stated.
    const rows = parse(
      [
        '# Schedule',
        '',
        'Date: 2026-12-01',
        '',
        '| Task | Start | End | Status |',
        '|---|---|---|---|',
        '| Schema | 2026-12-01 | 2026-12-05 | Done |',
        '| API | Dec 7 | Dec 18 | In progress |',
        '',
        '| Task | Dates | Due | Status |',
        '|---|---|---|---|',
        '| Docs | Dec 1 – Dec 5 | | Todo |',
        '| Launch | 14 Dec – 18 Dec | Dec 20 | Todo |',
        '',
        '### Deploy',
        '**Owner:** kim',
        '**Timeline:** Dec 14–18',
      ].join('\n'),
    ).items;
    expect(rows.map((i) => [i.title, i.due])).toEqual([
      ['Schema', '2026-12-05'],
      ['API', '2026-12-18'],
      ['Docs', '2026-12-05'],
      ['Launch', '2026-12-20'],
      ['Deploy', '2026-12-18'],
    ]);
  });

  it('reads a Target column of dates as the due date, periods by their last day, and Est. as the effort', () => {
    const rows = parse(
      [
        '**Date:** 2026-11-20',
        '',
        '| Feature | Status | Target | Est. |',
        '|---|---|---|---|',
        '| SSO | Done | 2026-10-01 | 3d |',
        '| SCIM | Blocked | Q1 2027 | 2w |',
        '| Billing | Planned | Dec 20 | |',
        '| Exports | Planned | December 2026 | |',
        '| Search | Planned | p95 under 20 ms | |',
        '| Audit | Planned | soon | |',
      ].join('\n'),
    ).items;
    expect(rows.map((i) => [i.title, i.due, i.dueText, i.effort?.minutes ?? null])).toEqual([
      ['SSO', '2026-10-01', '2026-10-01', 3 * 8 * 60],
      ['SCIM', '2027-03-31', 'Q1 2027', 2 * 5 * 8 * 60],
      ['Billing', '2026-12-20', 'Dec 20', null],
      ['Exports', '2026-12-31', 'December 2026', null],
      ['Search', null, null, null],
      ['Audit', null, null, null],
    ]);
    // A Quarter or Month column plans the work in a period: a target, due by its end.
    const periods = parse(
      '**Date:** 2026-11-20\n\n| Feature | Quarter | Status |\n|---|---|---|\n| SSO | Q1 2027 | Planned |\n| Audit | Q1 | Planned |\n| Search | TBD | Planned |\n',
    ).items;
    expect(periods.map((i) => [i.title, i.due])).toEqual([
      ['SSO', '2027-03-31'],
      ['Audit', '2027-03-31'],
      ['Search', null],
    ]);
    // A due date stated too is the one read, before the target or after it.
    const both = parse(
      '- [ ] A (due: 2026-01-02) [target:: 2026-05-01]\n- [ ] B [target:: 2026-05-01] (due: 2026-01-02)\n',
    );
    expect(both.items.map((i) => i.due)).toEqual(['2026-01-02', '2026-01-02']);
    // A tracker's export names the column Date or When: the same.
    const exported = parse(
      '| Name | Status | Assignee | Date |\n|---|---|---|---|\n| Search v2 | In progress | Kim Lee | December 10, 2026 |\n| Docs | Done | Bo | every Monday |\n',
    );
    expect(exported.items.map((i) => [i.title, i.owner, i.due])).toEqual([
      ['Search v2', 'Kim Lee', '2026-12-10'],
      ['Docs', 'Bo', null],
    ]);
    // Notion's task database names its people column Assign.
    const notion = parse(
      '| Name | Assign | Status | Due |\n| --- | --- | --- | --- |\n| Rate limiter | Priya Shah | Not started | February 2, 2027 |\n',
    );
    expect(notion.items.map((i) => [i.title, i.owner, i.status, i.due])).toEqual([
      ['Rate limiter', 'Priya Shah', 'todo', '2027-02-02'],
    ]);
  });

  it("reads a status report's initiatives, their DRI as the owner and their health as under way", () => {
    const rows = parse(
      '| Initiative | DRI | Status |\n| :--- | :---: | :--- |\n| Referrals | @kai | 🟡 At risk |\n| Pricing | @mo | Off track |\n| Search | @li | On track |\n',
    ).items;
    expect(rows.map((i) => [i.title, i.owner, i.status])).toEqual([
      ['Referrals', 'kai', 'doing'],
      ['Pricing', 'mo', 'doing'],
      ['Search', 'li', 'doing'],
    ]);
  });

  it('leaves tables of figures and tables without a task column to the dashboards', () => {
    expect(plan.items.filter((i) => i.line > 12)).toEqual([]);
  });

  it('reads a row that restates an item defined by a heading as a reference to it', () => {
    const restated = parse(
      '# P\n\n## Summary\n\n| ID | Task | Status |\n|---|---|---|\n| MH-1 | Login | ✅ |\n\n## MH-1: Login\n\n**Status:** TODO\n',
    );
    const row = restated.items.find((i) => i.kind === 'table-row')!;
    expect([row.refersTo, row.status, restated.byKey.get('MH-1')!.kind]).toEqual(['MH-1', 'done', 'heading']);
  });
});

describe('parsePlan on plans in other languages', () => {
  it("reads a phase's word in the language the plan is written in", () => {
    const p = parse(
      '# Plan\n\n## Этап 1\n- [ ] Настроить CI\n\n## フェーズ2\n- [ ] API設計\n\n## Fase 3 — Lanzamiento\n- [ ] Criar o banco\n\n## Étape 4\n- [ ] Tester\n\n## Week4 goals\n- [ ] Tidy up\n',
    );
    // A Latin word takes white space before its number, as before; Japanese writes none.
    expect(p.items.map((i) => [i.title, i.phase])).toEqual([
      ['Настроить CI', 'Этап 1'],
      ['API設計', 'フェーズ 2'],
      ['Criar o banco', 'Fase 3'],
      ['Tester', 'Étape 4'],
      ['Tidy up', null],
    ]);
  });

  it('reads a due date after `by` and a blocked status with its reason in the languages it knows', () => {
    const p = parse(
      [
        '- [ ] Kartons packen bis 10.12.2026',
        '- [ ] Traducir la guía hasta el 15/01/2027',
        '- [ ] Tradurre la guida entro il 2027-01-15',
        '- [ ] Traduire le guide avant le 15/01/2027',
        '- [ ] Перевести документацию до 20.01.2027',
        // A weekday is English only: the words stay the title's.
        '- [ ] Kartons packen bis Freitag',
        '- [ ] Migrar la base — bloqueado por falta de acceso',
        '- [ ] Audit — blockiert durch das Security-Review',
        '- [ ] Revue — bloqué par la revue juridique',
        '- [ ] Ревью — заблокировано из-за отпуска',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.due, i.status])).toEqual([
      ['Kartons packen', '2026-12-10', 'todo'],
      ['Traducir la guía', '2027-01-15', 'todo'],
      ['Tradurre la guida', '2027-01-15', 'todo'],
      ['Traduire le guide', '2027-01-15', 'todo'],
      ['Перевести документацию', '2027-01-20', 'todo'],
      ['Kartons packen bis Freitag', null, 'todo'],
      ['Migrar la base', null, 'blocked'],
      ['Audit', null, 'blocked'],
      ['Revue', null, 'blocked'],
      ['Ревью', null, 'blocked'],
    ]);
  });

  it('reads fields in full-width brackets, with full-width colons and commas', () => {
    const p = parse(
      [
        '# 迁移计划',
        '',
        '- [x] 备份数据库（负责人：王伟）',
        '- [ ] 评审迁移脚本（负责人：李娜，截止日期：2026-12-20）',
        '- [ ] 切换流量（见附录）',
        // The deadline said shorter (截止, 到期日), in Japanese (締切) and in German (Frist).
        '- [ ] 设计数据库 (负责人: 张三, 截止: 2027-01-10)',
        '- [ ] 清理日志（到期日：2027-01-12）',
        '- [ ] 移行手順を書く（担当：鈴木、締切：2027-01-14）',
        '- [ ] Tests schreiben (Frist: 2027-02-01)',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner, i.due])).toEqual([
      ['备份数据库', '王伟', null],
      ['评审迁移脚本', '李娜', '2026-12-20'],
      ['切换流量（见附录）', null, null],
      ['设计数据库', '张三', '2027-01-10'],
      ['清理日志', null, '2027-01-12'],
      ['移行手順を書く', '鈴木', '2027-01-14'],
      ['Tests schreiben', null, '2027-02-01'],
    ]);
  });

  it('reads a list set off by a double em dash, and priorities and estimates in Chinese', () => {
    const p = parse(
      [
        '# 发布计划',
        '',
        '- [ ] 备份数据库——负责人：王伟',
        '- [x] 配置监控 —— 完成',
        '- [ ] 迁移用户表（优先级：高，预计：2天）',
        '- [ ] 压测（优先级：紧急，工时：4小时）',
        '- [ ] 清理日志 — 优先级：低',
        '- [ ] 阅读文档——第三章',
        '',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [i.title, i.status, i.owner, i.priority?.rank ?? null, i.effort?.minutes ?? null]),
    ).toEqual([
      ['备份数据库', 'todo', '王伟', null, null],
      ['配置监控', 'done', null, null, null],
      ['迁移用户表', 'todo', null, 1, 16 * 60],
      ['压测', 'todo', null, 0, 240],
      ['清理日志', 'todo', null, 3, null],
      // What follows a dash is a list only when it reads as one.
      ['阅读文档——第三章', 'todo', null, null, null],
    ]);
  });

  it("reads fields in brackets and field lines keyed in the plan's language, and its date in words", () => {
    const p = parse(
      [
        '# Migrationsplan',
        '',
        'Stand: 01.12.2026',
        '',
        '- [x] Backup-Strategie festlegen (Verantwortlich: Jana)',
        '- [ ] Schema-Diff prüfen (fällig: 05.12.2026)',
        '',
        '### Replikation einrichten',
        'Estado: en progreso',
        'Responsable: Tom',
        '',
      ].join('\n'),
    );
    expect(p.facts.lastUpdated).toBe('2026-12-01');
    expect(p.items.map((i) => [i.title, i.status, i.owner, i.due])).toEqual([
      ['Backup-Strategie festlegen', 'done', 'Jana', null],
      ['Schema-Diff prüfen', 'todo', null, '2026-12-05'],
      ['Replikation einrichten', 'doing', 'Tom', null],
    ]);
  });

  it('reads status words in brackets and status pieces in the language of the plan', () => {
    const p = parse(
      [
        '- Kartons kaufen [ERLEDIGT]',
        '- Möbel abbauen [in Arbeit]',
        '- Strom ummelden — Status: offen, @jonas',
        '',
        '## Tareas',
        '',
        '- Pintar la casa — Estado: hecho',
        '- Limpiar — Estado: en progreso',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status, i.owner])).toEqual([
      ['Kartons kaufen', 'done', null],
      ['Möbel abbauen', 'doing', null],
      ['Strom ummelden', 'todo', 'jonas'],
      ['Pintar la casa', 'done', null],
      ['Limpiar', 'doing', null],
    ]);
  });

  it('reads field keys and status words in the language of the plan, full-width colons included', () => {
    const plan = parse(
      [
        '# Plano',
        '### Configurar o servidor',
        '**Estado:** Concluído  \n**Responsável:** Maria  \n**Prioridade:** Alta',
        '### Documentation',
        '**Statut :** En cours',
        '### 部署服务器',
        '**状态：** 完成\n**负责人：** 王伟',
        '### Тестирование',
        '**Статус:** Готово',
        '',
      ].join('\n\n'),
    );
    expect(plan.items.map((i) => [i.title, i.status, i.owner, i.priority?.rank ?? null])).toEqual([
      ['Configurar o servidor', 'done', 'Maria', 1],
      ['Documentation', 'doing', null, null],
      ['部署服务器', 'done', '王伟', null],
      ['Тестирование', 'done', null, null],
    ]);
  });

  it('reads deadlines and estimates under their keys in the language of the plan, keys of two words included', () => {
    const plan = parse(
      [
        '# Plan',
        '',
        '- [ ] Respaldar la base (responsable: Lucía, fecha límite: 2026-02-01)',
        '- [ ] Préparer la démo (responsable : Zoé, date limite : 2026-03-01)',
        '- [ ] Kartons besorgen — Aufwand: 2h',
        '- [ ] Migrar — Esfuerzo: 3d, Responsable: Ana',
        '',
        '### Servidor',
        '**Data di scadenza:** 2026-04-01',
        '**Stima:** 4h',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.title, i.owner, i.due, i.effort?.minutes ?? null])).toEqual([
      ['Respaldar la base', 'Lucía', '2026-02-01', null],
      ['Préparer la démo', 'Zoé', '2026-03-01', null],
      ['Kartons besorgen', null, null, 120],
      ['Migrar', 'Ana', null, 1440],
      ['Servidor', null, '2026-04-01', 240],
    ]);
  });
});

describe('parsePlan on ballot boxes and spec-kit markers', () => {
  it('reads a plain line that opens with a ballot box as an item, but not in a legend', () => {
    const plan = parse(
      [
        '# Move',
        '',
        '## Legend',
        '',
        '☐ to do',
        '☑ done',
        '',
        '## Week 1',
        '',
        '☐ Book the van',
        '☑ Cancel the internet',
        '☒ Sell the sofa',
        'and a line of prose after them',
        '',
        '- ■ Label the boxes',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.title, i.status, i.line, i.section.at(-1)])).toEqual([
      ['Book the van', 'todo', 10, 'Week 1'],
      ['Cancel the internet', 'done', 11, 'Week 1'],
      ['Sell the sofa', 'done', 12, 'Week 1'],
      ['Label the boxes', 'done', 15, 'Week 1'],
    ]);
  });

  it("reads a paragraph whose every line opens with a status mark as a checklist, the marks as the plan's legend gives them", () => {
    const plan = parse(
      [
        '# Migration',
        '',
        'Status key: ✔ done, ➜ in progress, ✖ blocked, ○ todo',
        '',
        '## Database',
        '',
        '✔ Export the schema',
        '➜ Convert the stored procedures',
        '✖ Migrate the reports (needs BI sign-off)',
        '○ Decommission the old cluster — @nina',
        '',
        '✅ One line of a paragraph',
        'is prose, its mark a claim.',
        '',
        '⚠ The API moved.',
        '⚠ Read the notes.',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.title, i.status, i.line, i.owner])).toEqual([
      ['Export the schema', 'done', 7, null],
      // `✖` is cancelled to taskmark; the plan's legend makes it blocked.
      ['Convert the stored procedures', 'doing', 8, null],
      ['Migrate the reports (needs BI sign-off)', 'blocked', 9, null],
      ['Decommission the old cluster', 'todo', 10, 'nina'],
    ]);
    // Without the legend, taskmark's own reading.
    expect(parse('# M\n\n- ✖ Migrate the reports\n').items[0]?.status).toBe('cancelled');
    // Lines that give a mark and only a status word are a legend, not tasks.
    expect(parse('# M\n\n✅ Done\n⏳ To do.\n').items).toEqual([]);
  });

  it('reads numbered lines as items when one of them carries a status mark', () => {
    const plan = parse(
      '# Launch\n\n0.1 Set up CI\n0.2 Add staging\n1.1 Write the notes ✅\n\n1.1 An outline\n1.2 of prose\n',
    );
    expect(plan.items.map((i) => [i.id, i.title, i.status])).toEqual([
      ['0.1', 'Set up CI', 'todo'],
      ['0.2', 'Add staging', 'todo'],
      ['1.1', 'Write the notes', 'done'],
    ]);
  });

  it("reads a status glyph right after a numbered line's number as its status, and edits it there", () => {
    const text =
      '# Release\n\n1.1 ✓ Cut the release branch\n1.2 ✓ Freeze the schema\n1.3 ☐ Announce the freeze\n';
    const plan = parse(text);
    expect(plan.items.map((i) => [i.id, i.title, i.status])).toEqual([
      ['1.1', 'Cut the release branch', 'done'],
      ['1.2', 'Freeze the schema', 'done'],
      ['1.3', 'Announce the freeze', 'todo'],
    ]);
    // The plan's own glyph for done.
    expect(applyEdits(text, setStatus(plan, plan.items[2]!, 'done'))).toBe(text.replace('1.3 ☐', '1.3 ✓'));
    // An arrow is no status: an outline of steps stays prose.
    expect(parse('# Steps\n\n3.1 → Read the docs\n3.2 → Then this\n').items).toEqual([]);
  });

  it("reads spec-kit's [P] and [USn] after a task's ID as tags, and only there", () => {
    const plan = parse(
      '## Phase 1\n\n- [ ] T001 [P] [US2] Album model in src/models/album.ts\n- [ ] T002 Keep [P] as written\n',
    );
    expect(plan.items.map((i) => [i.key, i.title, i.tags])).toEqual([
      ['T001', 'Album model in src/models/album.ts', ['parallel', 'us2']],
      ['T002', 'Keep [P] as written', []],
    ]);
  });
});

describe('parsePlan on plans that are one task', () => {
  const backlog = `---
id: task-42
title: 'Export albums as ZIP'
status: In Progress
assignee:
  - '@maria'
labels: [export, backend]
priority: high
dependencies: [task-40]
---

## Description

Let users download an album.

## Acceptance Criteria
<!-- AC:BEGIN -->
- [x] #1 ZIP contains all originals
- [ ] #2 Download works for albums over 2 GB
<!-- AC:END -->
`;
  const taskmaster = `# Task ID: 12
# Title: Implement OAuth login
# Status: pending
# Dependencies: 3, 7
# Priority: high
# Description: Add OAuth 2.0 login with Google and GitHub.
# Details:
Use the authorization code flow with PKCE.

# Test Strategy:
Log in with both providers in staging.
`;

  it('reads a front matter task as the item that holds the rest of the file', () => {
    const plan = parse(backlog);
    const task = plan.items[0]!;
    expect([task.kind, task.key, task.id, task.title, task.status, task.statusSource]).toEqual([
      'file',
      'task-42',
      'task-42',
      'Export albums as ZIP',
      'doing',
      'field',
    ]);
    expect([task.owner, task.priority?.rank, task.tags, task.unresolvedDeps]).toEqual([
      'maria',
      1,
      ['export', 'backend'],
      ['task-40'],
    ]);
    expect(backlog.slice(task.statusSpan!.start, task.statusSpan!.end)).toBe('In Progress');
    expect(backlog.slice(task.titleSpan.start, task.titleSpan.end)).toBe('Export albums as ZIP');
    expect(plan.items.slice(1).map((i) => [i.parent, i.depth, i.status])).toEqual([
      ['task-42', 1, 'done'],
      ['task-42', 1, 'todo'],
    ]);
    expect(task.rollup).toMatchObject({ done: 1, total: 2 });
  });

  it('reads a run of `# Key: value` headings as one task', () => {
    const plan = parse(taskmaster);
    expect(plan.items).toHaveLength(1);
    const task = plan.items[0]!;
    expect([task.kind, task.key, task.title, task.status, task.priority?.rank]).toEqual([
      'file',
      '12',
      'Implement OAuth login',
      'todo',
      1,
    ]);
    expect(task.unresolvedDeps).toEqual(['3', '7']);
    expect(task.fields.map((f) => [f.key, f.value])).toEqual([
      ['id', '12'],
      ['title', 'Implement OAuth login'],
      ['status', 'pending'],
      ['depends', '3, 7'],
      ['priority', 'high'],
      ['description', 'Add OAuth 2.0 login with Google and GitHub.'],
      ['details', ''],
      ['test strategy', ''],
    ]);
  });

  it("reads a task file's numbered headings as its subtasks, named under its ID, with their field headings", () => {
    const plan = parse(
      [
        '# Task ID: 12',
        '# Title: Implement user authentication',
        '# Status: in-progress',
        '# Dependencies: 3, 7',
        '',
        '# Subtasks:',
        '## 1. Design the session schema [done]',
        '### Dependencies: None',
        '### Description: Tables for sessions and tokens.',
        '',
        '## 2. Implement the login endpoint [in-progress]',
        '### Dependencies: 12.1',
        '**Owner:** li',
        '### Details:',
        'Lock the account after 5 failures.',
        '',
        '## 3. Write the logout endpoint [pending]',
        '### Dependencies: 12.1, 12.2',
        '### Owner: kim',
        '',
      ].join('\n'),
    );
    expect(plan.items.map((i) => [i.key, i.id, i.status, i.parent, i.dependsOn, i.owner])).toEqual([
      ['12', '12', 'doing', null, [], null],
      ['12.1', '12.1', 'done', '12', [], null],
      ['12.2', '12.2', 'doing', '12', ['12.1'], 'li'],
      ['12.3', '12.3', 'todo', '12', ['12.1', '12.2'], 'kim'],
    ]);
    // The task's own dependencies name other task files, not its subtask 3.
    expect(plan.items[0]!.unresolvedDeps).toEqual(['3', '7']);
    const deps = plan.items[3]!.fields.find((f) => f.key === 'depends')!;
    expect([deps.style, plan.text.slice(deps.valueSpan.start, deps.valueSpan.end)]).toEqual([
      'heading-field',
      '12.1, 12.2',
    ]);
    // Field lines after a field heading are still the item's; a heading of another kind is no field.
    expect(plan.items[2]!.fields.map((f) => f.key)).toEqual(['depends', 'owner']);
  });

  it("leaves a document's own metadata alone: a title and a status are not a task", () => {
    const roadmap = parse('---\ntitle: Roadmap\nstatus: draft\n---\n# Roadmap\n\n- [ ] one\n');
    expect(roadmap.items.map((i) => [i.kind, i.parent])).toEqual([['checkbox', null]]);
    expect(parse('---\nid: t-1\nstatus: done\n---\n- [ ] one\n').items.map((i) => i.kind)).toEqual([
      'checkbox',
    ]);
    expect(parse('# Status: Draft\n\n- [ ] one\n').items.map((i) => i.kind)).toEqual(['checkbox']);
  });
});

describe('parsePlan fidelity and input forms', () => {
  it('keeps offsets right with CRLF line endings and a BOM', () => {
    const text = '\uFEFF# Plan\r\n\r\n- [ ] First\r\n- [x] Second\r\n';
    const plan = parse(text);
    const second = plan.items[1]!;
    expect(text.slice(second.markSpan!.start, second.markSpan!.end)).toBe('x');
    expect(text.slice(second.titleSpan.start, second.titleSpan.end)).toBe('Second');
    expect(plan.lines.eol).toBe('\r\n');
  });

  it('gives every item a unique key that does not change when unrelated lines are added', () => {
    const a = parse('# P\n\n## A\n\n- [ ] Same\n- [ ] Same\n\n## B\n\n- [ ] Other\n');
    expect(a.items.map((i) => i.key)).toEqual(['a/same', 'a/same-2', 'b/other']);
    const b = parse(
      '# P\n\nIntro added.\n\n## A\n\n- [ ] New first? no: later\n- [ ] Same\n- [ ] Same\n\n## B\n\n- [ ] Other\n',
    );
    expect(b.byKey.get('b/other')?.title).toBe('Other');
    expect(b.byKey.get('a/same')?.line).toBe(8);
  });

  it('reads status words in other languages', () => {
    const plan = parse(
      '# Plano\n\n### T-1: Migrar banco\n\n**Status:** Concluído\n\n### T-2: Cache\n\n**Status:** 进行中\n',
    );
    expect(plan.items.map((i) => i.status)).toEqual(['done', 'doing']);
  });

  it("reads GitHub's emoji shortcodes as the glyphs they show, wherever a glyph is read", () => {
    const p = parse(
      [
        '# Status',
        '',
        '- :white_check_mark: Auth flow',
        '- :construction: Billing',
        '',
        '| Feature | Status |',
        '|---|---|',
        '| Search | :heavy_check_mark: |',
        '| Push | :x: |',
        '',
        '### Importer :white_check_mark:',
        '',
        '- [ ] :no_entry: Legal review',
        '- [ ] :rocket: Launch it',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.status])).toEqual([
      ['Auth flow', 'done'],
      ['Billing', 'doing'],
      ['Search', 'done'],
      ['Push', 'cancelled'],
      ['Importer', 'done'],
      ['Legal review', 'blocked'],
      // One taskmark does not read is text.
      [':rocket: Launch it', 'todo'],
    ]);
    const heading = p.items[4]!.statusSpan!;
    expect(p.text.slice(heading.start, heading.end)).toBe(':white_check_mark:');
  });

  it('matches markers in text damaged by a wrong code page', () => {
    const plan = parse('# Plan\n\n### OPS-1: Backups\n\n**Status:** âœ… DONE\n\n- ðŸ”„ Restore drill\n');
    expect(plan.byKey.get('OPS-1')!.status).toBe('done');
    expect(plan.items[1]).toMatchObject({ kind: 'status-bullet', status: 'doing', title: 'Restore drill' });
  });

  it('finds dependency cycles', () => {
    const plan = parse(
      '# P\n\n### A-1: One\n\n**Status:** TODO\n**Depends on:** A-2\n\n### A-2: Two\n\n**Status:** TODO\n**Depends on:** A-1\n',
    );
    expect(plan.cycles).toEqual([['A-1', 'A-2']]);
  });

  it("reads a dependency stated under an item, before its first child, as the item's own", () => {
    const plan = parse(
      [
        '# Upgrade',
        '',
        '### Step 1 — Inventory',
        '- [x] List extensions',
        '',
        '### Step 2 — Rehearsal',
        'Depends on Step 1.',
        '- [ ] Restore the snapshot',
        '  Needs Step 1 too.',
        '',
        '### Step 3 — Production',
        'The window needs 2 hours, after the Restore the snapshot step.',
        '',
        '```',
        'depends on Step 1',
        '```',
        '- [ ] Announce the window',
        '',
      ].join('\n'),
    );
    const deps = (id: string) => plan.byKey.get(id)!.dependsOn;
    expect(deps('Step-2')).toEqual(['Step-1']);
    expect(plan.items.find((i) => i.title === 'Restore the snapshot')!.dependsOn).toEqual(['Step-1']);
    // A number alone in prose is a count, code is code: neither names an item.
    expect(deps('Step-3')).toEqual([]);
  });

  it('resolves a dependency field naming an item by its whole title', () => {
    const plan = parse(
      '# Home\n\n- [ ] Order the new NAS\n- [ ] Migrate Nextcloud [depends:: order the new NAS]\n- [ ] Backups [depends:: Nothing like it]\n',
    );
    expect(plan.items.map((i) => [i.title, i.dependsOn, i.unresolvedDeps])).toEqual([
      ['Order the new NAS', [], []],
      ['Migrate Nextcloud', ['home/order-the-new-nas'], []],
      ['Backups', [], ['Nothing like it']],
    ]);
  });

  it('reads a dependency tree drawn in a code block', () => {
    const plan = parse(
      '# P\n\n### X-1: Base\n\n**Status:** TODO\n\n### X-2: Middle\n\n**Status:** TODO\n\n### X-3: Top\n\n**Status:** TODO\n\n```\nX-1 (base)\n  └── X-2 (middle)\n      └── X-3 (top)\n```\n',
    );
    expect(plan.byKey.get('X-2')!.dependsOn).toEqual(['X-1']);
    expect(plan.byKey.get('X-3')!.dependsOn).toEqual(['X-2']);
  });
});
