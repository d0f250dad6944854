import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PreparePool } from './pool.js';
import { prepareRecords } from './prepare.js';

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

  it('answers on the calling thread when its workers cannot start', async () => {
    const pool = new PreparePool(1, new URL('./no-such-worker.js', import.meta.url));
    pools.push(pool);
    const answers = await Promise.all(jobs.map((j) => pool.prepare(j)));
    expect(answers).toEqual(await Promise.all(jobs.map((j) => prepareRecords(j))));
  });
});
