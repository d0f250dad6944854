/** The editing commands end to end: minimal changes on disk, --dry-run diffs, --json results. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskmark } from '../support/cli.js';

const PLAN = [
  '# Website relaunch',
  '',
  '### WEB-1: Content audit',
  '',
  '**Status:** ⏳ TODO  ',
  '**Owner:** Sam  ',
  '',
  '- [ ] Inventory pages',
  '- [x] Export analytics',
  '',
  '### WEB-2: Redirects',
  '',
  '**Status:** 🔄 IN PROGRESS  ',
  '',
  '1. [ ] Map old URLs',
  '2. [ ] Test redirects',
  '',
].join('\r\n');

function workspace(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'taskmark-edit-'));
  const file = join(dir, 'PLAN.md');
  writeFileSync(file, PLAN);
  return { dir, file };
}

describe('taskmark set', () => {
  it('changes one status field in the plan vocabulary and keeps CRLF and trailing spaces', () => {
    const { dir, file } = workspace();
    const r = taskmark(['set', 'WEB-1', 'done'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('WEB-1: todo → done');
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace('**Status:** ⏳ TODO  ', '**Status:** ✅ DONE  '));
  });

  it('ticks a checkbox by its key and reports JSON', () => {
    const { dir, file } = workspace();
    const r = taskmark(['set', 'WEB-1/inventory-pages', 'done', '--json'], dir);
    expect(JSON.parse(r.stdout)).toMatchObject({
      key: 'WEB-1/inventory-pages',
      from: 'todo',
      to: 'done',
      changed: true,
    });
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace('- [ ] Inventory pages', '- [x] Inventory pages'));
  });

  it('prints a unified diff and writes nothing with --dry-run', () => {
    const { dir, file } = workspace();
    const r = taskmark(['set', 'WEB-2', 'blocked', '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-**Status:** 🔄 IN PROGRESS  ');
    expect(r.stdout).toContain('+**Status:** ⏸️ BLOCKED  ');
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('refuses an unknown status with exit code 2', () => {
    const { dir } = workspace();
    const r = taskmark(['set', 'WEB-1', 'sideways'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a status/);
  });
});

describe('taskmark add, edit and rm', () => {
  it('adds an item to an ordered list with the next number and the file line endings', () => {
    const { dir, file } = workspace();
    expect(taskmark(['add', 'Update sitemap', '--parent', 'WEB-2'], dir).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      PLAN.replace('2. [ ] Test redirects\r\n', '2. [ ] Test redirects\r\n3. [ ] Update sitemap\r\n'),
    );
    const items = JSON.parse(taskmark(['items', '--json'], dir).stdout) as {
      title: string;
      parent: string;
    }[];
    expect(items.find((i) => i.title === 'Update sitemap')?.parent).toBe('WEB-2');
  });

  it('sets and clears attributes in the lines style', () => {
    const { dir, file } = workspace();
    expect(taskmark(['edit', 'WEB-1', '--set', 'owner=Kim', '--set', 'due=2026-05-01'], dir).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('**Owner:** Kim  \r\n**Due:** 2026-05-01  \r\n');
    expect(taskmark(['edit', 'WEB-1', '--unset', 'due'], dir).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace('**Owner:** Sam', '**Owner:** Kim'));
  });

  it('removes an item with its children', () => {
    const { dir, file } = workspace();
    const r = taskmark(['rm', 'WEB-1', '--json'], dir);
    expect(JSON.parse(r.stdout).removed).toHaveLength(3);
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace(/### WEB-1[\s\S]*?(?=### WEB-2)/, ''));
  });

  it('needs to be told where an added item goes in a plan of several sections', () => {
    const { dir } = workspace();
    const r = taskmark(['add', 'Orphan'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--section TITLE ("Website relaunch", "Content audit", "Redirects")');
    expect(readFileSync(join(dir, 'PLAN.md'), 'utf8')).toBe(PLAN);
  });

  it('adds at the end of a plan without headings, and of a todo.txt list, in its notation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskmark-edit-'));
    writeFileSync(join(dir, 'TODO.md'), '- [ ] Fix the gate\n- [x] Oil the hinges\n');
    expect(taskmark(['add', 'Paint the fence', 'TODO.md'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'TODO.md'), 'utf8')).toBe(
      '- [ ] Fix the gate\n- [x] Oil the hinges\n- [ ] Paint the fence\n',
    );
    const todo = '(A) 2026-11-20 Call the landlord +home\nx 2026-11-21 Renew the passport\nBuy milk @store\n';
    writeFileSync(join(dir, 'todo.txt'), todo);
    expect(
      taskmark(['add', 'Pay the rent', '--status', 'done', 'todo.txt', '--today', '2026-12-06'], dir).code,
    ).toBe(0);
    expect(taskmark(['set', 'buy-milk', 'done', 'todo.txt', '--today', '2026-12-07'], dir).code).toBe(0);
    expect(taskmark(['set', 'renew-the-passport', 'todo', 'todo.txt'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'todo.txt'), 'utf8')).toBe(
      '(A) 2026-11-20 Call the landlord +home\nRenew the passport\nx 2026-12-07 Buy milk @store\nx 2026-12-06 Pay the rent\n',
    );
    // A status set among the attributes is given today's date too: a line with a creation date
    // cannot be marked done without one.
    expect(
      taskmark(
        ['edit', 'call-the-landlord', '--set', 'status=done', 'todo.txt', '--today', '2026-12-08'],
        dir,
      ).code,
    ).toBe(0);
    expect(readFileSync(join(dir, 'todo.txt'), 'utf8').split('\n')[0]).toBe(
      'x 2026-12-08 (A) 2026-11-20 Call the landlord +home',
    );
    // todo.txt says open or done, nothing else: the file is left as it was.
    const r = taskmark(['set', 'call-the-landlord', 'blocked', 'todo.txt'], dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('a todo.txt line is open or done');
  });
});
