import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isTmError } from '../core/errors.js';
import { discoverPlans } from './discover.js';
import { decodePlan, firstInvalidUtf8, readPlanFile } from './read.js';
import { writePlanAtomic } from './write.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'taskmark-ws-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  dirs.length = 0;
});

describe('readPlanFile', () => {
  it('keeps the BOM and CRLF so the text writes back byte for byte', () => {
    const d = tmp();
    const bytes = Buffer.from('\uFEFF# Plan\r\n- [ ] a\r\n', 'utf8');
    writeFileSync(join(d, 'p.md'), bytes);
    const { text } = readPlanFile(join(d, 'p.md'));
    expect(Buffer.from(text, 'utf8').equals(bytes)).toBe(true);
  });

  it('refuses invalid UTF-8 with the offset and line of the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('# ok\nbad: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(firstInvalidUtf8(bytes)).toBe(10);
    try {
      decodePlan('p.md', bytes);
      expect.unreachable();
    } catch (e) {
      expect(isTmError(e, 'TM_BAD_ENCODING')).toBe(true);
      expect((e as Error).message).toContain('offset 10, line 2');
    }
  });

  it('refuses binary files', () => {
    expect(() => decodePlan('x.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toThrow(
      /binary/,
    );
  });

  it('refuses text-free files made mostly of control bytes, but reads tabs, form feeds and ANSI colours', () => {
    const noisy = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(() => decodePlan('x.dat', noisy)).toThrow(/control characters/);
    const text = '- [ ] a\t\x0c\x1b[32mgreen\x1b[0m\r\n';
    expect(decodePlan('log.md', Buffer.from(text))).toBe(text);
  });

  it('reports the size and modification time of what it read', () => {
    const d = tmp();
    const p = join(d, 'TODO.md');
    writeFileSync(p, '- [ ] é\n');
    const f = readPlanFile(p);
    expect(f).toMatchObject({ path: p, text: '- [ ] é\n', size: 9 });
    expect(f.mtimeMs).toBe(statSync(p).mtimeMs);
  });

  it('says when the file does not exist or is a directory', () => {
    const d = tmp();
    expect(() => readPlanFile(join(d, 'nope.md'))).toThrow(/no such file/);
    expect(() => readPlanFile(d)).toThrow(/not a regular file|is a directory/);
  });

  it('refuses files over the size limit without reading them', () => {
    const d = tmp();
    writeFileSync(join(d, 'big.md'), 'x'.repeat(2000));
    expect(() => readPlanFile(join(d, 'big.md'), 1000)).toThrow(/2.0 KB, over the 1000 bytes limit/);
  });

  it('agrees with the platform decoder on which byte strings are valid UTF-8', () => {
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: 1 + (i % 7) }, (_, k) => (i * 131 + k * 197) & 0xff);
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(bytes) === bytes.length).toBe(valid);
    }
  });
});

describe('writePlanAtomic', () => {
  it('writes when the file is unchanged and keeps its mode', () => {
    const d = tmp();
    const p = join(d, 'TODO.md');
    writeFileSync(p, '- [ ] a\n');
    chmodSync(p, 0o640);
    writePlanAtomic(p, '- [ ] a\n', '- [x] a\n');
    expect(readFileSync(p, 'utf8')).toBe('- [x] a\n');
    expect(readdirSync(d)).toEqual(['TODO.md']);
  });

  it('writes a BOM and CRLF plan back byte for byte apart from the edit', () => {
    const d = tmp();
    const p = join(d, 'TODO.md');
    writeFileSync(p, Buffer.from('\uFEFF# Plan\r\n- [ ] a  \r\n\t- [ ] b\r\n', 'utf8'));
    const { text } = readPlanFile(p);
    writePlanAtomic(p, text, text.replace('[ ] a', '[x] a'));
    expect(readFileSync(p)).toEqual(Buffer.from('\uFEFF# Plan\r\n- [x] a  \r\n\t- [ ] b\r\n', 'utf8'));
  });

  it('writes through a symlinked plan and keeps the link', () => {
    const d = tmp();
    mkdirSync(join(d, 'docs'));
    writeFileSync(join(d, 'TODO.md'), '- [ ] a\n');
    symlinkSync('../TODO.md', join(d, 'docs', 'TODO.md'));
    writePlanAtomic(join(d, 'docs', 'TODO.md'), '- [ ] a\n', '- [x] a\n');
    expect(lstatSync(join(d, 'docs', 'TODO.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'TODO.md'), 'utf8')).toBe('- [x] a\n');
  });

  it('refuses with a conflict when the file was removed since it was read', () => {
    const d = tmp();
    expect(() => writePlanAtomic(join(d, 'TODO.md'), '- [ ] a\n', '- [x] a\n')).toThrow(
      expect.objectContaining({ code: 'TM_PLAN_CONFLICT' }),
    );
    expect(readdirSync(d)).toEqual([]);
  });

  it('refuses with a conflict naming the file when it changed since it was read', () => {
    const d = tmp();
    const p = join(d, 'TODO.md');
    writeFileSync(p, '- [ ] a\n- [ ] b\n');
    try {
      writePlanAtomic(p, '- [ ] a\n', '- [x] a\n');
      expect.unreachable();
    } catch (e) {
      expect(isTmError(e, 'TM_PLAN_CONFLICT')).toBe(true);
      expect((e as Error).message).toContain(p);
    }
    expect(readFileSync(p, 'utf8')).toBe('- [ ] a\n- [ ] b\n');
  });

  it('leaves the old file intact when the write is interrupted before the rename', () => {
    const d = tmp();
    const p = join(d, 'TODO.md');
    writeFileSync(p, 'old\n');
    expect(() =>
      writePlanAtomic(p, 'old\n', 'new\n', {
        beforeRename: () => {
          throw new Error('power cut');
        },
      }),
    ).toThrow(/could not write/);
    expect(readFileSync(p, 'utf8')).toBe('old\n');
    expect(readdirSync(d)).toEqual(['TODO.md']);
  });

  it('loses no update when several processes edit the same plan at once', async () => {
    const d = tmp();
    const p = join(d, 'TODO.md');
    const n = 6;
    writeFileSync(p, '');
    const script = `
      import { writePlanAtomic } from ${JSON.stringify(new URL('./write.ts', import.meta.url).href)};
      import { readFileSync } from 'node:fs';
      const [path, line] = process.argv.slice(2);
      for (;;) {
        const before = readFileSync(path, 'utf8');
        try { writePlanAtomic(path, before, before + line + '\\n'); break; }
        catch (e) { if (e.code !== 'TM_PLAN_CONFLICT') throw e; }
      }`;
    writeFileSync(join(d, 'writer.mts'), script);
    await Promise.all(
      Array.from(
        { length: n },
        (_, i) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(
              process.execPath,
              ['--import', 'tsx', join(d, 'writer.mts'), p, `- [ ] item ${i}`],
              { stdio: 'inherit' },
            );
            child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))));
          }),
      ),
    );
    const lines = readFileSync(p, 'utf8').trim().split('\n').sort();
    expect(lines).toEqual(Array.from({ length: n }, (_, i) => `- [ ] item ${i}`).sort());
  });
});

describe('discoverPlans', () => {
  it('finds plan-named files, honours .gitignore and never follows links out of the tree', async () => {
    const root = tmp();
    const outside = tmp();
    mkdirSync(join(root, 'docs'));
    mkdirSync(join(root, 'node_modules', 'x'), { recursive: true });
    mkdirSync(join(root, 'build'));
    writeFileSync(join(root, 'TODO.md'), '- [ ] a\n');
    writeFileSync(join(root, 'docs', 'action-plan.md'), '- [ ] a\n');
    writeFileSync(join(root, 'docs', 'ROADMAP.txt'), '- [ ] a\n');
    writeFileSync(join(root, 'docs', 'explanation.md'), 'prose\n');
    writeFileSync(join(root, 'node_modules', 'x', 'TODO.md'), '- [ ] a\n');
    writeFileSync(join(root, 'build', 'tasks.md'), '- [ ] a\n');
    writeFileSync(join(root, '.gitignore'), 'build/\n');
    writeFileSync(join(outside, 'TODO.md'), '- [ ] secret\n');
    symlinkSync(join(outside, 'TODO.md'), join(root, 'docs', 'linked-todo.md'));
    const found = await discoverPlans([], root);
    expect(found.sort()).toEqual(['TODO.md', 'docs/ROADMAP.txt', 'docs/action-plan.md']);
  });

  it('lists each file once however it is named, in sorted order', async () => {
    const root = tmp();
    mkdirSync(join(root, 'plans'));
    writeFileSync(join(root, 'plans', 'b-notes.md'), '- [ ] b\n');
    writeFileSync(join(root, 'plans', 'ROADMAP.txt'), '- [ ] r\n');
    writeFileSync(join(root, 'plans', 'image.png'), 'x');
    writeFileSync(join(root, 'TODO.md'), '- [ ] a\n');
    symlinkSync('TODO.md', join(root, 'todo-link.md'));
    expect(await discoverPlans(['./TODO.md', 'TODO.md', 'todo-link.md', 'plans', '*.md'], root)).toEqual([
      'TODO.md',
      'plans/ROADMAP.txt',
      'plans/b-notes.md',
    ]);
  });

  it('takes explicit files, directories and globs, and says when a glob matches nothing', async () => {
    const root = tmp();
    writeFileSync(join(root, 'a.plan'), '- [ ] a\n');
    writeFileSync(join(root, 'b.md'), '- [ ] b\n');
    expect(await discoverPlans(['*.plan'], root)).toEqual(['a.plan']);
    expect(await discoverPlans(['a.plan', 'b.md'], root)).toEqual(['a.plan', 'b.md']);
    await expect(discoverPlans(['*.none'], root)).rejects.toThrow(/no file matches/);
    expect(existsSync(root)).toBe(true);
  });
});
