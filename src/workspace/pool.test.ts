import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PreparePool } from './pool.js';
import { prepareFile, prepareRecords, sha256 } from './prepare.js';

const fixtures = join(import.meta.dirname, '../core/plan/fixtures');
const jobs = [
  ...readdirSync(fixtures)
    .sort()
    .map((name) => ({ path: name, text: readFileSync(join(fixtures, name), 'utf8'), hoursPerDay: 8 })),
  {
    path: 'front.md',
    text: '---\ntitle: Launch\nowners:\n  - ann\n  - bo\n---\n# Launch\n\n- [ ] ship @ann 📅 2026-01-02\n',
    hoursPerDay: 6,
  },
];

const pools: PreparePool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

describe('PreparePool', () => {
  const built = new URL('../../dist/import-worker.js', import.meta.url);

  it.runIf(existsSync(built))(
    'prepares on worker threads exactly what the calling thread prepares',
    async () => {
      const pool = new PreparePool(2, built);
      pools.push(pool);
      const fromWorkers = await Promise.all(jobs.map((j) => pool.prepare(j)));
      const here = await Promise.all(jobs.map((j) => prepareRecords(j)));
      expect(fromWorkers).toEqual(here);
      expect(fromWorkers.flat().length).toBeGreaterThan(30);
    },
  );

  it.runIf(existsSync(built))(
    'reads, hashes and prepares files on worker threads, refusing what the calling thread refuses',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'taskmark-pool-'));
      try {
        const files = jobs.map((j, n) => {
          writeFileSync(join(dir, `${n}.md`), j.text);
          return { path: j.path, abs: join(dir, `${n}.md`), maxBytes: 1 << 20, hoursPerDay: j.hoursPerDay };
        });
        writeFileSync(join(dir, 'bin.md'), new Uint8Array([0x2d, 0x20, 0x00, 0x01]));
        const pool = new PreparePool(2, built);
        pools.push(pool);
        const fromWorkers = await Promise.all(files.map((f) => pool.prepareFile(f)));
        expect(fromWorkers).toEqual(await Promise.all(files.map((f) => prepareFile(f))));
        expect(fromWorkers.map((f) => f.hash)).toEqual(jobs.map((j) => sha256(j.text)));
        expect(fromWorkers.map((f) => f.items)).toEqual(
          await Promise.all(jobs.map((j) => prepareRecords(j))),
        );
        const bin = { path: 'bin.md', abs: join(dir, 'bin.md'), maxBytes: 1 << 20, hoursPerDay: 8 };
        await expect(pool.prepareFile(bin)).rejects.toMatchObject({ code: 'TM_BINARY_FILE' });
        await expect(pool.prepareFile({ ...bin, abs: join(dir, 'none.md') })).rejects.toMatchObject({
          code: 'TM_NOT_FOUND',
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('answers on the calling thread when its workers cannot start', async () => {
    const pool = new PreparePool(1, new URL('./no-such-worker.js', import.meta.url));
    pools.push(pool);
    const answers = await Promise.all(jobs.map((j) => pool.prepare(j)));
    expect(answers).toEqual(await Promise.all(jobs.map((j) => prepareRecords(j))));
  });
});
