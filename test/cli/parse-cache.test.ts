/**
 * The parse cache end to end: the built CLI run twice on the same plans gives the same output from
 * the cached models as from a fresh parse, sees an edit at once, and `--no-cache` bypasses it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { taskmark } from '../support/cli.js';
import { generatePlan } from '../support/generate-plan.js';

let cwd: string;
let cacheDir: string;
const run = (...args: string[]) => taskmark(args, cwd, { TASKMARK_CACHE_DIR: cacheDir });
const entries = () => readdirSync(cacheDir).filter((n) => n.endsWith('.bin'));

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'taskmark-cache-cli-'));
  cacheDir = join(cwd, '.cache-dir');
  writeFileSync(join(cwd, 'TODO.md'), generatePlan(40_000, 7));
  writeFileSync(
    join(cwd, 'ROADMAP.md'),
    '---\nowner: Ana\n---\n# Roadmap\n\n- [ ] MH-1: first\n- [x] MH-2: second\n',
  );
});

afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('taskmark with the parse cache', () => {
  it('gives the same items and status from cached models as from a fresh parse', () => {
    const fresh = [
      run('items', '--json', '--no-cache'),
      run('status', '--json', '--today', '2026-03-01', '--no-cache'),
    ];
    expect(() => readdirSync(cacheDir)).toThrow();
    const first = [run('items', '--json'), run('status', '--json', '--today', '2026-03-01')];
    expect(entries()).toHaveLength(2);
    // A hit reads an entry and leaves it as it is; a miss would write it again.
    const written = entries().map((n) => statSync(join(cacheDir, n)).mtimeMs);
    const cached = [run('items', '--json'), run('status', '--json', '--today', '2026-03-01')];
    for (const r of [...fresh, ...first, ...cached]) expect(r.code, r.stderr).toBe(0);
    expect(first.map((r) => r.stdout)).toEqual(fresh.map((r) => r.stdout));
    expect(cached.map((r) => r.stdout)).toEqual(fresh.map((r) => r.stdout));
    expect(entries().map((n) => statSync(join(cacheDir, n)).mtimeMs)).toEqual(written);
  });

  it('sees an edit made by taskmark or by hand at once', () => {
    expect(run('items', '--json', 'ROADMAP.md').code).toBe(0);
    expect(run('set', 'MH-1', 'done', 'ROADMAP.md').code).toBe(0);
    const afterSet = JSON.parse(run('items', '--json', 'ROADMAP.md').stdout) as {
      key: string;
      status: string;
    }[];
    expect(afterSet.map((i) => i.status)).toEqual(['done', 'done']);
    const path = join(cwd, 'ROADMAP.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('[x] MH-2', '[ ] MH-2'));
    const afterHand = JSON.parse(run('items', '--json', 'ROADMAP.md').stdout) as {
      key: string;
      status: string;
    }[];
    expect(afterHand.map((i) => i.status)).toEqual(['done', 'todo']);
  });

  it('keeps one entry per plan and options, and a damaged entry is parsed over', () => {
    run('status', '--json', 'ROADMAP.md');
    run('status', '--json', 'ROADMAP.md', '--hours-per-day', '6');
    run('status', '--json', 'ROADMAP.md');
    expect(entries()).toHaveLength(2);
    for (const name of entries()) writeFileSync(join(cacheDir, name), 'garbage');
    const r = run('status', '--json', 'ROADMAP.md');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(
      JSON.parse(run('status', '--json', 'ROADMAP.md', '--no-cache').stdout),
    );
  });
});
