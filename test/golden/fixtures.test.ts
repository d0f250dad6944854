/**
 * Golden tests on the project's own hand-written plans (src/core/plan/fixtures), one per dialect:
 * each item's key, kind, title, status and where it comes from, owner, due date, priority, effort and
 * dependencies, one line per item so a change reads as a diff of lines. Regenerate with
 * `UPDATE_GOLDEN=1 npm test` and review the diff line by line.
 *
 * quarter-review.md gathers the forms of one session's dialect work, read as a careful reader would:
 * lanes that name their window (`## Now (Dec)`, `## Next (Q1 2027)`, `## Later — H2`), whose cards
 * are due by a range's last day (`Dec 14–18`) or by the lane's quarter; a card named by its title in
 * another's dependency; a list of work whose bold-labelled bullets are tasks but for a remark's
 * (`**Note:**`); a meeting's action item under its bold label, owned by the roster's Raj, and one
 * owned by the name in parentheses ending it; a step named by its number; a range across the year's
 * end; a tracker whose first column names its rows, due by its Quarter; a schedule due by its End.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/core/model.js';
import { parsePlan } from '../../src/core/plan/parse.js';

const FIXTURES = resolve(import.meta.dirname, '../../src/core/plan/fixtures');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .sort();
const update = process.env.UPDATE_GOLDEN === '1';

/** One item as a line: what a reader checks of it. */
function line(i: Item): string {
  const parts = [
    `${i.line}`,
    i.key,
    i.kind,
    JSON.stringify(i.title),
    `${i.status}/${i.statusSource}`,
    i.owner === null ? '' : `owner=${JSON.stringify(i.owner)}`,
    i.due === null ? '' : `due=${i.due}`,
    i.priority === null ? '' : `priority=${i.priority.rank}`,
    i.effort === null ? '' : `effort=${i.effort.minutes}m`,
    i.dependsOn.length === 0 ? '' : `after=${i.dependsOn.join(',')}`,
    i.parent === null ? '' : `parent=${i.parent}`,
  ];
  return parts.filter((p) => p !== '').join(' | ');
}

describe('fixture plans', () => {
  it.each(fixtures)('%s: its items match the golden file', (name) => {
    const plan = parsePlan(readFileSync(join(FIXTURES, name), 'utf8'), { file: name });
    const text = `${plan.items.map(line).join('\n')}\n`;
    const path = join(import.meta.dirname, 'fixtures', `${name}.items.txt`);
    if (update) writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });
});
