/** Atomicity of write-back: a write interrupted between the temporary file and the rename changes nothing. */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isTmError } from '../../src/core/errors.js';
import { rewritePlanAtomic, writePlanAtomic } from '../../src/workspace/write.js';

const ROOT = resolve(import.meta.dirname, '../..');
const WRITE_MODULE = resolve(ROOT, 'src/workspace/write.ts');

const OLD = '\uFEFF# Plan\r\n- [ ] Ship it\r\n';
const NEW = '\uFEFF# Plan\r\n- [x] Ship it\r\n';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function planFile(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'taskmark-atomic-'));
  dirs.push(dir);
  const path = join(dir, 'TODO.md');
  writeFileSync(path, OLD);
  return { dir, path };
}

/**
 * A real writer process that stops between the synced temporary file and the rename, says so on
 * stdout, and waits there to be killed.
 */
function writerStoppedBeforeRename(path: string): Promise<{ kill: () => Promise<void> }> {
  const script = `
    const { writePlanAtomic } = await import(${JSON.stringify(WRITE_MODULE)});
    const [path, expected, next] = process.argv.slice(1);
    writePlanAtomic(path, expected, next, {
      beforeRename() {
        process.stdout.write('ready\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      },
    });`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, path, OLD, NEW],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((ready, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`the writer exited (${code}) before reaching the rename`)));
    child.stdout.on('data', (b: Buffer) => {
      if (!b.toString().includes('ready')) return;
      ready({
        kill: () =>
          new Promise((dead) => {
            child.removeAllListeners('exit');
            child.on('exit', () => dead());
            child.kill('SIGKILL');
          }),
      });
    });
  });
}

describe('atomic write-back', () => {
  it('leaves the old file intact when the writer is killed between the temporary file and the rename', async () => {
    const { dir, path } = planFile();
    const writer = await writerStoppedBeforeRename(path);
    // At this point the new text is complete and synced, but only in the temporary file.
    const temp = readdirSync(dir).find((f) => f.endsWith('.tmp'))!;
    expect(readFileSync(join(dir, temp), 'utf8')).toBe(NEW);
    expect(readFileSync(path, 'utf8')).toBe(OLD);
    await writer.kill();
    expect(readFileSync(path)).toEqual(Buffer.from(OLD, 'utf8'));
    // The dead writer's lock is left behind, but does not block the next edit (a live holder's
    // lock would make this write give up after its wait, long before the lock counts as stale).
    expect(readdirSync(dir)).toContain('TODO.md.taskmark.lock');
    writePlanAtomic(path, OLD, NEW);
    expect(readFileSync(path, 'utf8')).toBe(NEW);
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('leaves the old file intact, and no temporary file or lock, when the rename fails', () => {
    const { dir, path } = planFile();
    const fail = () => {
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    };
    try {
      writePlanAtomic(path, OLD, NEW, { beforeRename: fail });
      expect.unreachable();
    } catch (e) {
      expect(isTmError(e, 'TM_IO')).toBe(true);
      expect((e as Error).message).toContain(`${path}: could not write`);
      expect((e as Error).message).toContain('The plan is unchanged');
    }
    expect(readFileSync(path, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['TODO.md']);
    expect(() => rewritePlanAtomic(path, () => NEW, { beforeRename: fail })).toThrow(/could not write/);
    expect(readdirSync(dir)).toEqual(['TODO.md']);
    writePlanAtomic(path, OLD, NEW);
    expect(readFileSync(path, 'utf8')).toBe(NEW);
  });

  it('keeps the file mode of the plan', () => {
    const { path } = planFile();
    chmodSync(path, 0o640);
    writePlanAtomic(path, OLD, NEW);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });
});
