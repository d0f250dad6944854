/** `taskmark sync` end to end: --check exit codes, --dry-run diffs, writes, --unmanaged, --adopt, --json, bad markers. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskmark } from '../support/cli.js';

const PLAN = [
  '# Roof',
  '',
  '**Completion:** 0/4 (0%)',
  '',
  '<!-- taskmark:progress by=section format=table -->',
  '<!-- /taskmark -->',
  '',
  '## Gutters',
  '',
  '- [x] Buy gutters',
  '- [x] Fit gutters',
  '',
  '## Tiles',
  '',
  '- [ ] Order tiles',
  '- [ ] Lay tiles',
  '',
].join('\n');

function workspace(text = PLAN): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'taskmark-sync-'));
  const file = join(dir, 'PLAN.md');
  writeFileSync(file, text);
  return { dir, file };
}

describe('taskmark sync --check', () => {
  it('exits 1 and names the stale block when a managed block is out of date, writing nothing', () => {
    const { dir, file } = workspace();
    const r = taskmark(['sync', 'PLAN.md', '--check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('PLAN.md: dashboards are stale');
    expect(r.stdout).toContain('PLAN.md:5  managed progress block is out of date');
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('lists hand-written dashboards too with --unmanaged', () => {
    const { dir } = workspace();
    const r = taskmark(['sync', 'PLAN.md', '--check', '--unmanaged'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('PLAN.md:3  Dashboard says 0/4 (0%) but 2 of 4 items are done (50%)');
  });

  it('exits 0 once the plan is synced', () => {
    const { dir } = workspace();
    expect(taskmark(['sync', 'PLAN.md', '--unmanaged'], dir).code).toBe(0);
    const r = taskmark(['sync', 'PLAN.md', '--check', '--unmanaged'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PLAN.md: dashboards are up to date');
  });

  it('exits 2 on an unknown option', () => {
    const { dir } = workspace();
    expect(taskmark(['sync', 'PLAN.md', '--chek'], dir).code).toBe(2);
  });
});

describe('taskmark sync', () => {
  it('prints a unified diff with --dry-run and writes nothing', () => {
    const { dir, file } = workspace();
    const r = taskmark(['sync', 'PLAN.md', '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/PLAN.md');
    expect(r.stdout).toContain('+++ b/PLAN.md');
    expect(r.stdout).toContain('+| Gutters   |     2 |     2 |     100% |');
    expect(r.stdout).not.toContain('-**Completion:**');
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('regenerates managed blocks and leaves hand-written dashboards unless asked', () => {
    const { dir, file } = workspace();
    const r = taskmark(['sync', 'PLAN.md'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PLAN.md: dashboards synced');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('| **TOTAL** | **2** | **4** |  **50%** |\n<!-- /taskmark -->\n');
    expect(text).toContain('**Completion:** 0/4 (0%)');
    expect(r.stdout).toContain(
      '1 hand-written dashboard is stale too; `taskmark sync --unmanaged` rewrites them in place',
    );
    expect(taskmark(['sync', 'PLAN.md'], dir).stdout).toContain('dashboards already up to date');
  });

  it('rewrites hand-written figures in place with --unmanaged', () => {
    const { dir, file } = workspace();
    expect(taskmark(['sync', 'PLAN.md', '--unmanaged'], dir).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('**Completion:** 2/4 (50%)\n');
  });

  it('adopts a progress table with --adopt', () => {
    const text = [
      '# Roof',
      '',
      '| Area    | Tasks | Progress |',
      '| ------- | ----- | -------- |',
      '| Gutters | 2     | 0%       |',
      '| Tiles   | 2     | 0%       |',
      '',
      '## Gutters',
      '',
      '- [x] Buy gutters',
      '',
      '## Tiles',
      '',
      '- [ ] Order tiles',
      '',
    ].join('\n');
    const { dir, file } = workspace(text);
    expect(taskmark(['sync', 'PLAN.md', '--adopt'], dir).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('<!-- taskmark:progress by=section format=table -->\n');
  });

  it('prints one JSON document with --json', () => {
    const { dir } = workspace();
    const r = taskmark(['sync', 'PLAN.md', '--check', '--json', '--unmanaged'], dir);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.check).toBe(true);
    expect(doc.files[0].changed).toBe(true);
    expect(doc.files[0].stale.map((s: { line: number }) => s.line)).toEqual([3, 5]);
  });

  it('refuses to rewrite a plan with a malformed marker, saying which', () => {
    const bad = PLAN.replace('<!-- /taskmark -->\n', '');
    const { dir, file } = workspace(bad);
    const r = taskmark(['sync', 'PLAN.md'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PLAN.md:5: The managed block opened on line 5 is never closed');
    expect(readFileSync(file, 'utf8')).toBe(bad);
  });
});
