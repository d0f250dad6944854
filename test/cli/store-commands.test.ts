import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { taskmark } from '../support/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'taskmark-cli-store-'));
  dirs.push(root);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

// Without this the tests would follow a TASKMARK_DATABASE_URL set in the developer's shell.
const env = { TASKMARK_DATABASE_URL: '' };
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('taskmark init, import, backup and restore', () => {
  it('creates the config and the SQLite database, and keeps an existing config', () => {
    const root = workspace({});
    const first = taskmark(['init', '--json'], root, env);
    expect(first.code).toBe(0);
    expect(json(first.stdout)).toMatchObject({
      createdConfig: true,
      database: join(root, '.taskmark', 'taskmark.db'),
    });
    expect(json(taskmark(['init', '--json'], root, env).stdout)).toMatchObject({ createdConfig: false });
  });

  it('imports once, then finds nothing to do', () => {
    const root = workspace({ '.taskmark.yml': '', 'TODO.md': '- [ ] a\n- [x] b\n' });
    const first = taskmark(['import', '--json'], root, env);
    expect(first.code).toBe(0);
    expect(json(first.stdout)).toMatchObject({ changed: ['TODO.md'], events: 2 });
    expect(json(taskmark(['import', '--json'], root, env).stdout)).toMatchObject({
      changed: [],
      unchanged: 1,
    });
  });

  it('exits 1 and names a skipped binary plan', () => {
    const root = workspace({ '.taskmark.yml': '', 'TODO.md': '- [ ] a\n', 'tasks.md': 'a\u0000b' });
    const r = taskmark(['import'], root, env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tasks.md');
    expect(r.stdout).toContain('imported TODO.md');
  });

  it('searches the items, taking in plan changes first', () => {
    const root = workspace({
      '.taskmark.yml': '',
      'TODO.md': '- [ ] rotate the secrets\n- [x] rotate logs\n',
    });
    taskmark(['import'], root, env);
    writeFileSync(join(root, 'TODO.md'), '- [ ] rotate the secrets\n- [x] rotate logs\n- [ ] rotate keys\n');
    const r = taskmark(['search', 'rot*', 'status:todo', '--json'], root, env);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { total: number; hits: { title: string }[]; facets: { status: unknown } };
    expect(out.total).toBe(2);
    expect(out.hits.map((h) => h.title).sort()).toEqual(['rotate keys', 'rotate the secrets']);
    expect(out.facets.status).toEqual([{ value: 'todo', count: 2 }]);
  });

  it('points at the bad token of an invalid query with exit code 2', () => {
    const root = workspace({ '.taskmark.yml': '', 'TODO.md': '- [ ] a\n' });
    const r = taskmark(['search', 'status:nope'], root, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope');
  });

  it('restores a backup into another workspace', () => {
    const a = workspace({ '.taskmark.yml': '', 'TODO.md': '- [ ] a\n' });
    taskmark(['import'], a, env);
    const file = join(a, 'snapshot.jsonl');
    const b = taskmark(['backup', file, '--format', 'jsonl', '--json'], a, env);
    expect(b.code).toBe(0);
    expect(json(b.stdout)).toMatchObject({ format: 'jsonl', rows: { items: 1, documents: 1 } });
    const other = workspace({ '.taskmark.yml': '' });
    const r = taskmark(['restore', file, '--json'], other, env);
    expect(r.code).toBe(0);
    expect(json(taskmark(['import', '--json'], other, env).stdout)).toMatchObject({ removed: ['TODO.md'] });
  });

  it('refuses an unknown backup format with exit code 2', () => {
    const root = workspace({ '.taskmark.yml': '' });
    const r = taskmark(['backup', join(root, 'x'), '--format', 'zip'], root, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be sqlite or jsonl');
  });
});
