/**
 * Golden tests on the reference plans in ../shared/seeds: the full `items --json` and
 * `status --json` output of each seed, checked by hand. Regenerate with `UPDATE_GOLDEN=1 npm test`
 * and review the diff line by line.
 *
 * Reasoning for the non-obvious results (the spot checks below pin each of them):
 *
 * 000 (MoSCoW TODO, damaged emoji). The front matter and the `**Version:**` lines under the first
 *   H1 are plan facts, not an item: that H1 is the title. `## P0-001: …` headings are items keyed by
 *   their IDs; their `**Status:** ðŸ”„ NOT STARTED` reads as todo because the words outside
 *   parentheses win over the (damaged) 🔄 emoji, and `🔄 IN PROGRESS (Phase 1 Complete)` reads as
 *   doing for the same reason. Items under `# ðŸ”´ MUST HAVE` inherit priority Must Have (rank 0)
 *   through the repaired 🔴 heading. The `âœ…` bullets under MH-001's "Progress:" are done status
 *   bullets; the `â³` ones lost a byte (0x8F has no Windows-1252 character), so they cannot be
 *   read as ⏳ and stay prose; they are reported as encoding damage instead. `## ðŸ”„ Review Process`
 *   is not an item: 🔄 decorates headings too often to mark status on its own.
 * 001 (nested checklists). `# Copyright (c) …` is a notice, so the title is the next H1.
 *   `### 1.1 Project Structure` headings hold checklists, so they are items with numeric IDs; their
 *   status comes from their direct children (1.1 is done although a grandchild is open: the plan
 *   ticked the parent, and lint reports that contradiction).
 * 002 (carryover + changelog). `### Week 9 - … (NOT IMPLEMENTED)` is an item with status todo;
 *   `#### ✅ Documentation System … - COMPLETED` is a done item nested in it with open children.
 *   `## 🔄 Carryover Items` and `## 📝 Changelog` are status sections, not items. Each
 *   `- **✅ Completed**: …` changelog line is a done status bullet under its week heading.
 * 003 (action plan). `**Plan Date:** November 26, 2025` anchors relative dates: `Due Date: Day 1`
 *   is 2025-11-26, and items under `## Phase 2 … (Week 4-6)` without their own due date are due at
 *   the end of week 6. `**Task 1.1:**` items are keyed under their parent (`P0-001/Task-1.1`) and
 *   take their effort from the `**Duration:**` sub-bullet. The ✅ bullets under each task's
 *   "Deliverables" are decoration, not completion: every bullet carries the same mark under a task
 *   whose own status is TODO, so they are prose (the plan's own "0% Complete" agrees). The
 *   `- [ ] P0-001: …` lines of the phase checklists restate items and refer to them (`refersTo`),
 *   and are not counted twice. The box-drawn "Dependency Graph" gives P0-003 → P0-001 and so on;
 *   the box-drawn progress tree with bars is a dashboard, not dependencies. The legend lines are
 *   not items.
 * 004 (next steps). `- ✅ Phase 0.1: Foundation (Complete)` and `- ⏳ Phase 0.6: …` are status
 *   bullets (done / todo); the bold `**Create logging configuration module**` titles keep their
 *   trailing path in parentheses.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { itemToJson } from '../../src/core/ops/items.js';
import { planStatus } from '../../src/core/ops/status.js';
import { parsePlan } from '../../src/core/plan/parse.js';

const SEEDS = resolve(import.meta.dirname, '../../../shared/seeds');
const TODAY = '2025-12-01';
const hasSeeds = existsSync(SEEDS);
if (!hasSeeds) console.warn(`skipping seed golden tests: ${SEEDS} not found`);
const seeds = hasSeeds ? readdirSync(SEEDS).filter((f) => !f.startsWith('.')).sort() : [];
const update = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, value: unknown): void {
  const path = join(import.meta.dirname, name);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (update || !existsSync(path)) {
    writeFileSync(path, text);
    if (!update) throw new Error(`wrote missing golden file ${name}; review it and run the tests again`);
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}

const parseSeed = (seed: string) => parsePlan(readFileSync(join(SEEDS, seed), 'utf8'), { file: seed, parseYaml });

describe.skipIf(!hasSeeds)('seed plans: spot checks a careful reader agrees with', () => {
  const find = (seed: string) => parseSeed(seeds.find((s) => s.startsWith(seed))!);

  it('000: reads damaged statuses and priorities, and keeps the title out of the items', () => {
    const plan = find('000');
    expect(plan.title).toBe('Modern Data Platform - Comprehensive TODO');
    expect(plan.byKey.get('P0-001')).toMatchObject({ status: 'todo', owner: 'GitHub Copilot', due: '2025-10-28' });
    expect(plan.byKey.get('MH-001')).toMatchObject({ status: 'doing', priority: { rank: 0, label: 'Must Have' } });
    expect(plan.items.some((i) => i.title === 'Review Process')).toBe(false);
    expect(plan.anomalies.some((a) => a.repaired === '🚀')).toBe(true);
  });

  it('001: numeric headings with checklists are items, and a notice is not the title', () => {
    const plan = find('001');
    expect(plan.title).toBe('ScrumMate - Implementation Tasks');
    expect(plan.byKey.get('1.1')).toMatchObject({ kind: 'heading', status: 'done' });
  });

  it('002: annotated headings and changelog bullets', () => {
    const plan = find('002');
    const week9 = plan.items.find((i) => i.title.startsWith('Week 9'))!;
    expect(week9.status).toBe('todo');
    const docs = plan.items.find((i) => i.title.startsWith('Documentation System'))!;
    expect([docs.status, docs.parent]).toEqual(['done', week9.key]);
    expect(plan.items.filter((i) => i.kind === 'status-bullet' && i.status === 'done').length).toBe(65);
  });

  it('003: relative dates, scoped task IDs, references, the drawn dependency tree', () => {
    const plan = find('003');
    expect(plan.facts.date).toBe('2025-11-26');
    expect(plan.byKey.get('P0-001')).toMatchObject({ due: '2025-11-26', effort: { minutes: 240 } });
    expect(plan.byKey.get('P0-001/Task-1.1')).toMatchObject({ effort: { minutes: 30 } });
    expect(plan.byKey.get('P0-003')!.dependsOn).toEqual(['P0-001']);
    expect(plan.byKey.get('P1-004')!.dependsOn).toEqual(['P1-003']);
    expect(plan.items.filter((i) => i.refersTo === 'P0-001').length).toBe(1);
    expect(plan.items.some((i) => i.kind === 'status-bullet')).toBe(false);
  });

  it('004: status bullets of the current-progress list', () => {
    const plan = find('004');
    const bullets = plan.items.filter((i) => i.kind === 'status-bullet');
    expect(bullets.map((b) => b.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'todo', 'todo', 'todo', 'todo']);
  });
});

describe.skipIf(!hasSeeds)('seed plans', () => {
  it.each(seeds)('%s: items --json matches the golden file', (seed) => {
    const plan = parsePlan(readFileSync(join(SEEDS, seed), 'utf8'), { file: seed, parseYaml });
    golden(`${seed}.items.json`, plan.items.map((i) => itemToJson(i, plan)));
  });

  it.each(seeds)('%s: status --json matches the golden file', (seed) => {
    const plan = parsePlan(readFileSync(join(SEEDS, seed), 'utf8'), { file: seed, parseYaml });
    golden(`${seed}.status.json`, planStatus(plan, TODAY));
  });
});
