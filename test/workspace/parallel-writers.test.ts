/** Several taskmark processes editing one plan at once: every edit survives. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/taskmark.js');
const N = 12;

/** Runs the built CLI without waiting, so all processes start together. */
function start(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.stdout.resume();
    child.on('close', (code) => done({ code, stderr }));
  });
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function planWith(n: number, eol = '\n'): string {
  const lines = ['# Release', ''];
  for (let i = 1; i <= n; i++) lines.push(`- [ ] T-${i}: Step ${i}`);
  return lines.join(eol) + eol;
}

describe('parallel writers', () => {
  it(`keeps all ${N} edits when ${N} processes tick different items of one plan at once`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskmark-parallel-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'TODO.md'), planWith(N));
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => start(['set', `T-${i + 1}`, 'done', 'TODO.md'], dir)),
    );
    expect(results.map((r) => r.stderr).filter(Boolean)).toEqual([]);
    expect(results.map((r) => r.code)).toEqual(Array(N).fill(0));
    const text = readFileSync(join(dir, 'TODO.md'), 'utf8');
    expect(text).toBe(planWith(N).replaceAll('- [ ]', '- [x]'));
    // No lock or temporary file is left behind.
    expect(readdirSync(dir)).toEqual(['TODO.md']);
  });

  it('keeps every kind of edit (set, edit, add, rm) made at once, and the line endings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskmark-parallel-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'TODO.md'), planWith(6, '\r\n'));
    const results = await Promise.all([
      start(['set', 'T-1', 'done', 'TODO.md'], dir),
      start(['set', 'T-2', 'doing', 'TODO.md'], dir),
      start(['rm', 'T-3', 'TODO.md'], dir),
      start(['edit', 'T-4', '--set', 'owner=Dana', 'TODO.md'], dir),
      start(['add', 'Announce it', '--section', 'Release', 'TODO.md'], dir),
      start(['set', 'T-6', 'cancelled', 'TODO.md'], dir),
    ]);
    expect(results.map((r) => r.stderr).filter(Boolean)).toEqual([]);
    const text = readFileSync(join(dir, 'TODO.md'), 'utf8');
    expect(text).toMatch(/- \[x\] T-1: Step 1\r\n/);
    expect(text).toMatch(/- \[\/\] T-2: Step 2\r\n/);
    expect(text).not.toContain('T-3');
    expect(text).toMatch(/T-4: Step 4.*Dana/s);
    expect(text).toMatch(/- \[ \] T-5: Step 5\r\n/);
    expect(text).toMatch(/T-6: Step 6/);
    expect(text).toMatch(/- \[ \] Announce it\r\n/);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });
});
