import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isTmError } from '../core/errors.js';
import { DEFAULTS, resolveConfig } from './config.js';

const dirs: string[] = [];
function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'taskmark-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('resolveConfig', () => {
  it('uses the defaults and the SQLite file under .taskmark when nothing is configured', () => {
    const root = workspace();
    const c = resolveConfig({ cwd: root, env: {} });
    expect(c.root).toBe(root);
    expect(c.file).toBeNull();
    expect(c.databaseUrl).toBeNull();
    expect(c.databasePath).toBe(join(root, '.taskmark', 'taskmark.db'));
    expect(c.hoursPerDay).toBe(DEFAULTS.hoursPerDay);
    expect(c.lint.similarity).toBe(DEFAULTS.lint.similarity);
    expect(Object.isFrozen(c.plans)).toBe(true);
  });

  it('finds the workspace root from a subfolder and reads its .taskmark.yml', () => {
    const root = workspace({
      '.taskmark.yml':
        'today: 2026-03-01\nhoursPerDay: 6\nlint:\n  rules:\n    overdue: off\n    duplicate-title: error\n',
    });
    mkdirSync(join(root, 'docs'));
    const c = resolveConfig({ cwd: join(root, 'docs'), env: {} });
    expect(c.root).toBe(root);
    expect(c.today).toBe('2026-03-01');
    expect(c.hoursPerDay).toBe(6);
    expect(c.lint.rules).toEqual({ overdue: 'off', 'duplicate-title': 'error' });
  });

  it('lets the environment override the file and flags override the environment', () => {
    const root = workspace({ '.taskmark.yml': 'today: 2026-03-01\n' });
    expect(resolveConfig({ cwd: root, env: { TASKMARK_TODAY: '2026-04-01' } }).today).toBe('2026-04-01');
    expect(
      resolveConfig({ cwd: root, env: { TASKMARK_TODAY: '2026-04-01' }, flags: { today: '2026-05-01' } })
        .today,
    ).toBe('2026-05-01');
    expect(
      resolveConfig({ cwd: root, env: { TASKMARK_DATABASE_URL: 'postgres://u@h/db' } }).databaseUrl,
    ).toBe('postgres://u@h/db');
  });

  it('reports every problem at once, naming where each comes from', () => {
    const root = workspace({ '.taskmark.yml': 'hoursPerDay: 30\nplans:\n  minTask: 3\n' });
    let message = '';
    try {
      resolveConfig({
        cwd: root,
        env: { TASKMARK_DATABASE_URL: 'mysql://x' },
        flags: { today: '2026-13-45' },
      });
    } catch (e) {
      expect(isTmError(e, 'TM_USAGE')).toBe(true);
      message = (e as Error).message;
    }
    expect(message).toContain('hoursPerDay');
    expect(message).toContain('minTask');
    expect(message).toContain('--today');
    expect(message).toContain('TASKMARK_DATABASE_URL');
  });

  it('rejects a config file that is not YAML with a clear message', () => {
    const root = workspace({ '.taskmark.yml': 'a: [unclosed\n' });
    expect(() => resolveConfig({ cwd: root, env: {} })).toThrow(/not valid YAML/);
  });
});
