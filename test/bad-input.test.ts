/** Hostile and huge inputs: a clear error or a correct result, never a crash or a hang. */
import { describe, expect, it } from 'vitest';
import { setAttribute, setStatus } from '../src/core/edit/index.js';
import { isTmError } from '../src/core/errors.js';
import { lintPlan } from '../src/core/lint/engine.js';
import { parsePlan } from '../src/core/plan/parse.js';
import { rankNext } from '../src/core/rank/next.js';

const parse = (text: string) => parsePlan(text, { file: 'big.md' });

describe('bad and huge input', () => {
  it('parses a 50 MB plan', () => {
    const prose = 'Some prose that goes on for a while, with **bold** and `code` and a [link](x).\n'.repeat(
      60,
    );
    const chunk = `## Section\n\n${prose}\n- [ ] a task\n- [x] a done task\n\n`;
    const text = chunk.repeat(Math.ceil((50 * 1024 * 1024) / chunk.length));
    const plan = parse(text);
    const sections = Math.ceil((50 * 1024 * 1024) / chunk.length);
    expect(plan.items.length).toBe(2 * sections);
    expect(plan.items.at(-1)!.status).toBe('done');
  });

  it('parses a list of 100,000 items with unique keys', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `- [${i % 3 === 0 ? 'x' : ' '}] task ${i}`).join(
      '\n',
    );
    const plan = parse(text);
    expect(plan.items.length).toBe(100_000);
    expect(new Set(plan.items.map((i) => i.key)).size).toBe(100_000);
    expect(plan.items.filter((i) => i.status === 'done').length).toBe(33_334);
  });

  it('ranks what to do next among 150,000 open items', () => {
    // Every open item is a candidate: more than a function call takes as arguments.
    const text = Array.from({ length: 150_000 }, (_, i) => `- [ ] task ${i}${i === 7 ? ' (P0)' : ''}`).join(
      '\n',
    );
    const ranked = rankNext([parse(text)], { today: '2026-12-07', limit: 2 });
    expect(ranked.map((e) => e.item.title)).toEqual(['task 7', 'task 0']);
  });

  it('survives 10,000 levels of nested lists and block quotes', () => {
    const lists = `${'- '.repeat(10_000)}[ ] deep\n`;
    expect(parse(lists).items.map((i) => i.title)).toEqual(['deep']);
    const quotes = `${'> '.repeat(10_000)}- [x] quoted\n`;
    expect(parse(quotes).items.map((i) => [i.title, i.status])).toEqual([['quoted', 'done']]);
  });

  it('survives 10,000 nested checkbox items', () => {
    // Each level is a new list item inside the previous one's content: "- [ ] a" then "  - [ ] b"…
    // indentation makes that quadratic in size, so nest with block quotes per level instead.
    const text = Array.from(
      { length: 10_000 },
      (_, i) => `${'>'.repeat(Math.min(i, 50))} - [ ] level ${i}`,
    ).join('\n');
    const plan = parse(text);
    expect(plan.items.length).toBe(10_000);
  });

  it('reads a line of 200,000 fields, a list of 200,000 dependencies and a parent of 200,000 children', () => {
    // Each once overflowed the call stack, spreading every field, reference or child into one call.
    const bars = parse(`### A-1 T\n**Owner:** x${' | **K:** v'.repeat(200_000)}\n`);
    expect(bars.items[0]!.fields.length).toBe(200_001);
    const dots = parse(`### A-1 T\nOwner: x${' · Key: v'.repeat(200_000)}\n`);
    expect(dots.items[0]!.fields.length).toBe(200_001);
    const ids = Array.from({ length: 200_000 }, (_, i) => `A-${i}`).join(', ');
    expect(parse(`- [ ] x [depends:: ${ids}]\n`).items[0]!.unresolvedDeps.length).toBe(200_000);
    const tree = parse(`- [ ] parent\n${'  - [ ] child\n'.repeat(200_000)}`);
    expect(setStatus(tree, tree.items[0]!, 'done', { children: true }).length).toBe(200_001);
    // And in time linear in them: the unknown references and the tags were each looked up in a list.
    const tags = Array.from({ length: 100_000 }, (_, i) => ` #t${i}`).join('');
    expect(parse(`- [ ] x${tags}\n`).items[0]!.tags.length).toBe(100_000);
  });

  it('handles NUL bytes, lone surrogates and control characters in text', () => {
    const text = '# P\u0000lan\n\n- [ ] a\u0000b\n- [ ] \uD800 lone\n- [x] \u0007 bell\n';
    expect(parse(text).items.map((i) => i.status)).toEqual(['todo', 'todo', 'done']);
  });

  it('keeps hostile strings as text', () => {
    const hostile = [
      "'; DROP TABLE items; --",
      '<script>alert(1)</script>',
      '../../etc/passwd',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt is the point of this string
      '${process.exit(1)}',
      '\u202Eevil',
    ];
    const plan = parse(hostile.map((h) => `- [ ] ${h}`).join('\n'));
    expect(plan.items.map((i) => i.title)).toEqual(hostile.map((h) => h.trim()));
  });

  it('refuses text over the size limit with a clear error', () => {
    const huge = { length: 300 * 1024 * 1024 } as unknown as string;
    try {
      parsePlan(huge, { file: 'huge.md' });
      expect.unreachable();
    } catch (e) {
      expect(isTmError(e, 'TM_TOO_LARGE')).toBe(true);
    }
  });

  // A line holding a long run of one character, in each place a plan's readers look: a regex that
  // backtracks through the run at every offset of it is quadratic, and these runs (100,000 of each
  // of ten characters, a million in all) would take it past the test's timeout. Read linearly, each
  // plan takes a fraction of a second.
  const run = [' ', '\t', '`', '[', '(', '-', '—', '_', '1', ':'].map((c) => c.repeat(100_000)).join('');
  const places: [string, (r: string) => string][] = [
    ['an item line', (r) => `- [ ] x${r}due 2026-01-01 (P1, 2d) — Owner: Kim\n`],
    ['a heading', (r) => `## v1 (target:${r}2026-03-01) Q1 2026${r}(DONE)\n\n- [ ] a\n`],
    ['a field line', (r) => `### T-1: x\n\n- **Status:**${r}Done\n**Last Updated:** 2026${r}x\n`],
    ['a table row', (r) => `| Task | Status |\n|---|---|\n| a${r}b | Done |\n`],
    ['a progress claim', (r) => `Overall Progress: 62.5%${r}(5 of 8 phases complete)\n\n- [x] a\n`],
    ['a status bullet', (r) => `- ✅${r}Done: thing\n- b ✅\n- c ✅${r}\n`],
    ['front matter', (r) => `---\ntitle: x${r}\nversion: 1${r}\n---\n- [ ] a\n`],
    ['a dependency', (r) => `- [ ] T001 x\n- [ ] T002 depends on${r}T001\nT002 → ${r} → T001\n`],
    [
      'a marked list',
      (r) => `- a${r}x ✅\n- b${r}x — [DONE]\n- c — **Done**${r}\n- @d${r}: e — (owner: Bo)\n`,
    ],
    [
      'a status after a name and its fields',
      (r) =>
        `- Search: in progress (P1,${r}@ana) — 3d${r}\n- Vendor: blocked on${r}legal (P0)\n- x${r}: done, ${r}\n`,
    ],
    ['a field line joined by dots', (r) => `### T-1: x\nOwner: a${r} · Status: Done${r} · Due: 2026-01-01\n`],
    [
      'an annotated heading',
      (r) => `## x${r}✅ COMPLETE\n\n### 1. y${r}(8 pts)\n\n### 2. z — due${r}2026-01-01 🔴\n\n- [ ] a\n`,
    ],
    [
      'a field opened by an icon',
      (r) =>
        `### T-1: x\n👤${r}**Owner:** Kim | 📅 **Due:**${r}2026\n\n- 📊${r}Status: Done\n- ✅ Status:${r}\n`,
    ],
    // The run after the fields: its backticks open a code span that holds the rest of their row.
    [
      'a table of fields',
      (r) =>
        `# P\n\n### T\n\n| Field | Value |\n|---|---|\n| Status | Done |\n| Owner | a |\n| Notes | ${r} |\n`,
    ],
    [
      'a mark before a heading name',
      (r) => `## 3 ✅ — w${r}\n\n## 1${r}✅${r}— y${r}\n\n## 2 🔄${r}Done — z\n`,
    ],
    [
      'a Done column',
      (r) =>
        `| Task | Done |\n|---|---|\n| a | ✅ |\n| c${r} | no |\n\n| Task | Done |\n|---|---|\n| b | ${r}2026-01-01 |\n`,
    ],
    [
      'a remark after a status',
      (r) => `1. a — Status: Done (x${r})\n2. b — Due: ${r}2026-01-01 (y)\n- [ ] c — Status:${r}(z)\n`,
    ],
    ['fields on a heading line', (r) => `### T-1: x${r}[due:: 2026-01-01]${r}(P1)${r}— @kim, 2d${r}\n`],
    [
      'a status word in bold after a box',
      (r) => `- [ ] **In progress:**${r}x\n- [ ] (blocked${r}) y\n- [ ] __${r}__: z\n`,
    ],
    [
      'a mark ending an open box',
      (r) => `- [ ] a${r}[blocked]\n- [ ] b — ${r}🚧${r}\n- [ ] c${r}**In progress**\n`,
    ],
    [
      'a task that is its ID and a list',
      (r) => `- [ ] T-1 — ${r}blocked${r}, @kim\n- [ ] T-2 ${r}1d 1d 1d${r}\n`,
    ],
    [
      'lists grouped under bullets',
      (r) => `- a\n  - b${r}(done)\n  - c (done)${r}\n- d\n  - e ${r}✅\n\n- [ ] z\n`,
    ],
    [
      'a list in braces',
      (r) => `- [ ] x {owner: a${r}, due: ${r}}\n- [ ] y {${r}{owner: b}${r}}\n- [ ] z ${r}}{${r}\n`,
    ],
    ['a range of dates', (r) => `## Sprint 1 (Dec 1${r}– Dec 12${r}) Jan 6${r}-${r}17${r}\n\n- [ ] a\n`],
    ['a heading struck whole', (r) => `~~## x${r}y~~\n~~#${r}~~\n~~## a ~~${r}~~\n`],
    ['an owner after an arrow', (r) => `- [ ] x${r}→ @kim\n- [ ] y ->${r}@bo (3 pts${r})\n`],
    [
      'a TaskPaper tag or an owner after a bust',
      (r) =>
        `- x @due(${r}2026-01-01) @priority(${r}) @a${r}(b) 👤${r}Kim${r}\n- y 👤 @k${r}Lee${r}@due(1)\n`,
    ],
    [
      'a status in parentheses or emphasis ending a line',
      (r) => `- [ ] a${r}(blocked)\n- [ ] b *(${r}on hold)*\n- c${r}_WIP_\n- d ${r}*(done)*${r}\n`,
    ],
    [
      'italic keys and a list in parentheses on a bullet',
      (r) =>
        `- x${r}— *Owner:*${r}Kim — _Est:_${r}3d\n- y (1d,${r}@ana) (P1,${r}due 2026-03-01)\n- [ ] z — *Owner:* Kim (1d, @ana)${r}\n`,
    ],
    [
      'a priority label opening a title',
      (r) => `- [ ] 🔴${r}**Critical**${r}: x\n- [ ] High${r}: y\n- [ ] 🟡 ${r}\n`,
    ],
    [
      'a status piece or a line opening with an ID',
      (r) =>
        `ENG-42 a${r}— In Progress${r}— @kim\nENG-43 b — @kim,${r}2d ✅\n- x —${r}Blocked\n- [ ] y — ${r}Done\n`,
    ],
    [
      'a status after a name and a colon',
      (r) => `- **a${r}**: ✅ Complete\n- b${r}: ${r}done (${r})\n- c: ✅${r}done\n- [ ] d\n`,
    ],
    [
      'an Obsidian date in words',
      (r) => `- [ ] a 📅${r}Dec${r}11${r},${r}2026 ⏳ Mar 3${r}\n- [ ] b 📅 Dec 1${r}\n`,
    ],
    [
      'a heading stating its status',
      (r) => `## Build${r}— Status:${r}Done\n\n## x (status:${r}blocked${r})\n\n- [ ] a\n`,
    ],
    [
      'a status with its reason, an owner that is a mention, a linked ID',
      (r) =>
        `- [ ] a — blocked${r}on infra\n- b —${r}waiting for${r}legal\n- [ ] c — Owner:${r}@kim, ETA${r}Jan 20\n- [ ] [PROJ-1](${r}) d\n`,
    ],
    [
      "TaskPaper's status tags",
      (r) => `- a${r}@done(${r})\n- b @cancelled${r}\n- c ${r}@done\n- [ ] d${r}@done${r}@cancelled(x)\n`,
    ],
    [
      'an owner named in words',
      (r) =>
        `- [ ] a — assigned to${r}Bo${r}, due 2026-01-01\n- [ ] b (owned by ${r}@kim, 2d)\n- [ ] c — assigned to Kim${r}\n`,
    ],
    [
      'a title wrapped onto its next lines',
      (r) => `- [ ] a for the\n  b${r}\n  c${r}x\n  ${'d\n  '.repeat(50_000)}\n`,
    ],
    [
      'a list joined by dots, and bangs',
      (r) => `- [ ] a${r}· 2d${r}•${r}P1 !!!\n- [ ] !!${r}b${r}!!\n- [ ] c${' · @d · 2d'.repeat(60_000)}\n`,
    ],
    [
      'story points and a target in a list, code before one',
      (r) =>
        `- [ ] a — @b${r}— 3 pts${r}\n- [ ] c — ${r}5${r}story points\n- [ ] \`d${r}\` — **Target:**${r}Feb 2027\n`,
    ],
    [
      'a status with its reason in brackets or after a colon',
      (r) =>
        `- [ ] a (blocked:${r})\n- [ ] b *(on hold until${r}Q2)*\n- c — Blocked:${r}vendor\n- [ ] d Blocked${r}(waiting on x)\n`,
    ],
    [
      'a share of the work said done',
      (r) =>
        `- [ ] a —${r}80%${r}\n- [ ] b, 40 %${r}done\n- [ ] c${' — 5%'.repeat(60_000)}\n- [ ] d —${r}unassigned${r}\n`,
    ],
    [
      'a title in bold over fields',
      (r) =>
        `**Task 1:${r}x**\n- Owner: a${r}\n- [ ] b${r}\n- c (2d, @d)${r}\n\n**${r}**\n**Status:** ${r}\n\n**y${r}:**\n${'- Owner: e\n'.repeat(30_000)}`,
    ],
    [
      'a date standing as a piece of a list',
      (r) => `- [ ] a —${r}2026-12-14\n- [ ] b — Dec 14,${r}2026\n- [ ] c${', 2026-12-14'.repeat(60_000)}\n`,
    ],
    ['an HTML comment on an item line', (r) => `- [ ] a <!--${r}-->${r}<!--${r}-->\n- [ ] b <!--${r}\n`],
    // A mention's name is read to its end once, not again from each character given back before an `@`;
    // an estimate's white space is one run, not two that may split it any way.
    [
      'a name before an address, an estimate after white space',
      (r) =>
        `- [ ] a @k${r.replace(/[^\p{L}\p{N}._-]/gu, '')}@x (${r}~${r}2h)\n- b — est ${r}${r.replace(/\D/g, '')}h\n`,
    ],
    [
      "a meeting's roster and its action items",
      (r) =>
        `# Sync\n\nAttendees:${r}Alice,${r}Bob${r}and Carol\n\n## Attendees${r}\n\n- Dan${r}\n\n- [ ] Alice:${r}x\n- [ ] Bob to${r}y\n`,
    ],
    [
      'a paragraph of lines opened by marks, a legend giving a glyph, a date line',
      (r) => `# P\n\nStart date:${r}2027-01-11\nKey: ✖ blocked${r}, ○ todo\n\n✔${r}a\n✖ b${r}\n○ ${r}c\n`,
    ],
    [
      'a priority group in a heading, MoSCoW words alone',
      (r) => `## Search (priority:${r}P1${r})\n\n- [ ] a\n\n## Must${r}\n\n- b\n\n## Could (${r})\n\n- c\n`,
    ],
    [
      'a list in brackets joined by middle dots, a waiting tag',
      (r) => `- [ ] a (P1 ·${r}· 2d${r}• @k)\n- b${r}@waiting\n- c @waiting${r}\n`,
    ],
    // A title ending with what it waits for is looked up by its words before that phrase as well.
    [
      'a title ending with a dependency, named by another line',
      (r) =>
        `- [ ] a b (depends on:${r}c)\n- [ ] d e — needs${r}f${' (needs g'.repeat(30_000)}\n- [ ] h — after a b${r}\n`,
    ],
    [
      "todo.txt's lines",
      (r) =>
        `x a${r}\n(A) 2026-11-20 b${r}\nx 2026-11-21 2026-11-19 c${r}\n(C) d${r}\n(B) ${'x '.repeat(60_000)}\n`,
    ],
    // Every mention after a colon is tried as an owner's value: each looks back a key's length only.
    [
      'many owners that are mentions',
      () => `- [ ] x — ${'Owner: @a, '.repeat(60_000)}@b: @c ${'@d: '.repeat(60_000)}\n`,
    ],
  ];
  it.each(places)('parses, lints and edits a long run of any character in %s in linear time', (_, make) => {
    const plan = parse(make(run));
    expect(plan.items.length).toBeGreaterThan(0);
    const ctx = { today: '2026-12-03', dueSoonDays: 7, similarity: 0.9, hoursPerDay: 8 };
    expect(Array.isArray(lintPlan(plan, ctx))).toBe(true);
    const item = plan.items[0]!;
    for (const edit of [() => setStatus(plan, item, 'done'), () => setAttribute(plan, item, 'owner', 'z')]) {
      try {
        edit();
      } catch (e) {
        // An edit may be refused with a clear error; it must not fail otherwise.
        if (!isTmError(e)) throw e;
      }
    }
  });
});
