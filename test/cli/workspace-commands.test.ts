/** The CLI over several plans in different dialects: keys across files, globs, colours, pipes, versions. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskmark } from '../support/cli.js';
import { generatePlan } from '../support/generate-plan.js';

const SHED = [
  '# Garden shed',
  '',
  '## Foundation',
  '',
  '* [x] Level the ground',
  '* [ ] Pour the slab',
  '    * [ ] Build the formwork',
  '    * [X] Order concrete',
  '',
  '## Roof',
  '',
  '1. [ ] Fit rafters',
  '2. [ ] Felt the roof',
  '',
].join('\n');

const ROADMAP = `# Roadmap

## Phase 1

### OPS-1: Backups

**Status:** 🔄 IN PROGRESS
**Priority:** P0

- [ ] Nightly dump
- [ ] Restore drill

### OPS-2: Alerts

**Status:** TODO
**Depends on:** OPS-1
`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'taskmark-ws-cli-'));
  writeFileSync(join(dir, 'TODO.md'), SHED);
  writeFileSync(join(dir, 'ROADMAP.md'), ROADMAP);
  return dir;
}

interface ItemRow {
  key: string;
  file: string;
  status: string;
  checkbox: string | null;
  parent: string | null;
}

describe('several plans at once', () => {
  it('lists the items of every plan found, sorted by file', () => {
    const r = taskmark(['items', '--json'], workspace());
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout) as ItemRow[];
    expect([...new Set(items.map((i) => i.file))]).toEqual(['ROADMAP.md', 'TODO.md']);
    expect(items.find((i) => i.key === 'foundation/order-concrete')).toMatchObject({
      status: 'done',
      checkbox: 'X',
      parent: 'foundation/pour-the-slab',
    });
  });

  it('finds a key in whichever plan holds it and edits only that file', () => {
    const dir = workspace();
    const r = taskmark(['set', 'ops-1', 'done'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('OPS-1: doing → done');
    expect(readFileSync(join(dir, 'ROADMAP.md'), 'utf8')).toBe(ROADMAP.replace('🔄 IN PROGRESS', '✅ DONE'));
    expect(readFileSync(join(dir, 'TODO.md'), 'utf8')).toBe(SHED);
  });

  it('refuses a bare ID that several plans define, naming both places', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'PLAN.md'), '### OPS-1: Another backup plan\n\n- [ ] Tapes\n');
    const r = taskmark(['show', 'OPS-1'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/matches 2 items: PLAN\.md:1 .*ROADMAP\.md:5/);
  });

  it('reads only the files a quoted glob matches', () => {
    const dir = workspace();
    const r = taskmark(['status', 'TODO*', '--json'], dir);
    expect((JSON.parse(r.stdout) as { file: string }[]).map((s) => s.file)).toEqual(['TODO.md']);
  });

  it('says how to name plans when the folder has none', () => {
    const r = taskmark(['status'], mkdtempSync(join(tmpdir(), 'taskmark-empty-')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No plan files here/);
  });
});

describe('edits in a GFM checklist', () => {
  it('ticks an item and its children with --children, keeping the plan marker and indent', () => {
    const dir = workspace();
    const r = taskmark(['set', 'foundation/pour-the-slab', 'done', '--children'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'TODO.md'), 'utf8')).toBe(
      SHED.replace('* [ ] Pour the slab', '* [x] Pour the slab').replace(
        '    * [ ] Build the formwork',
        '    * [x] Build the formwork',
      ),
    );
  });

  it('adds to a section with the next number and reports the new key', () => {
    const dir = workspace();
    const r = taskmark(['add', 'Fit gutters', '--section', 'roof', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ key: 'roof/fit-gutters', file: 'TODO.md', line: 14 });
    expect(readFileSync(join(dir, 'TODO.md'), 'utf8')).toBe(`${SHED}3. [ ] Fit gutters\n`);
  });

  it('writes nothing with --dry-run --json and puts the diff in the JSON', () => {
    const dir = workspace();
    const r = taskmark(['rm', 'roof/fit-rafters', '--dry-run', '--json'], dir);
    const out = JSON.parse(r.stdout) as { changed: boolean; dryRun: boolean; diff: string };
    expect(out).toMatchObject({ changed: true, dryRun: true });
    expect(out.diff).toContain('-1. [ ] Fit rafters');
    expect(readFileSync(join(dir, 'TODO.md'), 'utf8')).toBe(SHED);
  });
});

describe('usage errors', () => {
  it('exits 2 without touching the plan for an edit with an empty value or a bad --limit', () => {
    const dir = workspace();
    const r = taskmark(['edit', 'OPS-2', '--set', 'owner='], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/use --unset owner/);
    expect(readFileSync(join(dir, 'ROADMAP.md'), 'utf8')).toBe(ROADMAP);
    expect(taskmark(['next', '--limit', '0'], dir).code).toBe(2);
    expect(taskmark(['status', '--bogus'], dir).stderr).toMatch(/unknown option '--bogus'/);
  });
});

describe('terminal output', () => {
  it('colours output when FORCE_COLOR is set and NO_COLOR is not', () => {
    const dir = workspace();
    expect(taskmark(['status'], dir, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
    expect(taskmark(['status'], dir, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
    expect(taskmark(['status'], dir, { NO_COLOR: '', FORCE_COLOR: '0' }).stdout).not.toMatch(/\u001b\[/);
  });

  it('never colours --json output', () => {
    const r = taskmark(['items', '--json'], workspace(), { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('stops quietly when the reader of its output goes away', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskmark-pipe-'));
    writeFileSync(join(dir, 'PLAN.md'), generatePlan(400_000));
    const bin = resolve(import.meta.dirname, '../../bin/taskmark.js');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" items | head -n 1`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stdout.split('\n')[0]).toContain('PLAN.md');
    expect(r.stderr).toBe('');
  });

  it('prints the version of the package', () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    expect(taskmark(['--version'], workspace()).stdout.trim()).toBe(pkg.version);
  });
});

describe('damaged files', () => {
  it('skips a found plan that is not text with a warning, and reads the others', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'tasks.md'), Buffer.from([0x2d, 0x20, 0xff, 0x0a]));
    const r = taskmark(['status', '--json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipping tasks\.md: not valid UTF-8 \(bad byte 0xff at offset 2, line 1\)/);
    expect((JSON.parse(r.stdout) as { file: string }[]).map((s) => s.file)).toEqual([
      'ROADMAP.md',
      'TODO.md',
    ]);
  });

  it('refuses a named plan that is not text', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'tasks.md'), Buffer.from([0x2d, 0x20, 0xff, 0x0a]));
    const r = taskmark(['status', 'tasks.md', 'TODO.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
