/** Conflict detection: a plan changed on disk after it was read is never overwritten. */
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyChange } from '../../src/cli/change.js';
import { setStatus } from '../../src/core/edit/index.js';
import { isTmError } from '../../src/core/errors.js';
import { parsePlan } from '../../src/core/plan/parse.js';
import { writePlanAtomic } from '../../src/workspace/write.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function planFile(text: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'taskmark-conflict-'));
  dirs.push(dir);
  const path = join(dir, 'TODO.md');
  writeFileSync(path, text);
  return { dir, path };
}

function conflictOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    expect(isTmError(e, 'TM_PLAN_CONFLICT')).toBe(true);
    return e as Error;
  }
  throw new Error('no conflict');
}

const READ = '# Plan\n- [ ] a\n- [ ] b\n';
const EDITED = '# Plan\n- [x] a\n- [ ] b\n';

describe('writePlanAtomic conflicts', () => {
  it('refuses to overwrite a file changed after it was read, naming the file', () => {
    const { dir, path } = planFile(READ);
    const theirs = '# Plan\n- [ ] a\n- [ ] b\n- [ ] c (added in an editor)\n';
    writeFileSync(path, theirs);
    const e = conflictOf(() => writePlanAtomic(path, READ, EDITED));
    expect(e.message).toBe(`${path} changed since it was read; nothing was written. Run the command again.`);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    expect(readdirSync(dir)).toEqual(['TODO.md']);
  });

  it('sees a change that keeps the length, and one to bytes that are not UTF-8', () => {
    const { path } = planFile(READ);
    writeFileSync(path, READ.replace('a', 'z'));
    conflictOf(() => writePlanAtomic(path, READ, EDITED));
    writeFileSync(path, Buffer.from([0x23, 0x20, 0xff, 0x0a]));
    conflictOf(() => writePlanAtomic(path, READ, EDITED));
    expect(readFileSync(path)).toEqual(Buffer.from([0x23, 0x20, 0xff, 0x0a]));
  });

  it('reports a plan removed since it was read as a conflict, and creates nothing', () => {
    const { dir, path } = planFile(READ);
    unlinkSync(path);
    expect(conflictOf(() => writePlanAtomic(path, READ, EDITED)).message).toContain(`${path} was removed`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes through a symlink, so the link stays a link', () => {
    const { dir, path } = planFile(READ);
    const link = join(dir, 'ROADMAP.md');
    symlinkSync(path, link);
    writePlanAtomic(link, READ, EDITED);
    expect(readFileSync(path, 'utf8')).toBe(EDITED);
    expect(readdirSync(dir).sort()).toEqual(['ROADMAP.md', 'TODO.md']);
  });
});

describe('applyChange on a plan changed since it was read', () => {
  it('computes the edit again on the newer text, so both changes survive', async () => {
    const { path } = planFile(READ);
    const plan = parsePlan(READ, { file: path });
    writeFileSync(path, '# Plan\n- [ ] a\n- [x] b\n');
    const change = await applyChange(plan, [(p) => setStatus(p, p.byKey.get('plan/a')!, 'done')], {});
    expect(readFileSync(path, 'utf8')).toBe('# Plan\n- [x] a\n- [x] b\n');
    expect(change.before.text).toBe('# Plan\n- [ ] a\n- [x] b\n');
    expect(change.diff).toContain('-- [ ] a\n+- [x] a');
  });

  it('fails with a conflict and writes nothing when the edit no longer applies', async () => {
    const { path } = planFile(READ);
    const plan = parsePlan(READ, { file: path });
    const theirs = '# Plan\n- [ ] b\n';
    writeFileSync(path, theirs);
    await expect(
      applyChange(plan, [(p) => setStatus(p, p.byKey.get('plan/a')!, 'done')], {}),
    ).rejects.toSatisfy(
      (e) =>
        isTmError(e, 'TM_PLAN_CONFLICT') &&
        (e as Error).message.startsWith(`${path} changed since it was read`),
    );
    expect(readFileSync(path, 'utf8')).toBe(theirs);
  });

  it('writes nothing with --dry-run, whatever the file holds', async () => {
    const { path } = planFile(READ);
    const plan = parsePlan(READ, { file: path });
    writeFileSync(path, 'changed\n');
    const change = await applyChange(plan, [(p) => setStatus(p, p.byKey.get('plan/a')!, 'done')], {
      dryRun: true,
      json: true,
    });
    expect(change.changed).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('changed\n');
  });
});
