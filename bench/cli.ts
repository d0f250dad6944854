/**
 * CLI start-up: `taskmark status` on the seed plans against bare `node -e ''`, alternating runs in
 * the same session, reporting medians and the ratio (target: at most 3x bare Node). Run: npm run bench:cli
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generatePlan } from '../test/support/generate-plan.js';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin/taskmark.js');
const seedsDir = resolve(root, '../shared/seeds');
let files: string[];
if (existsSync(seedsDir)) {
  files = readdirSync(seedsDir)
    .sort()
    .map((f) => join(seedsDir, f));
} else {
  console.log('seeds: ../shared/seeds not found, using a generated 150 KB plan instead');
  const dir = mkdtempSync(join(tmpdir(), 'taskmark-bench-'));
  files = [join(dir, 'PLAN.md')];
  writeFileSync(files[0]!, generatePlan(150_000));
}

const time = (args: string[]) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const runs = 20;
const bare: number[] = [];
const version: number[] = [];
const status: number[] = [];
// One warm-up run each, then alternating runs so both see the same machine load.
time(['-e', '']);
time([bin, '--version']);
time([bin, 'status', ...files]);
for (let i = 0; i < runs; i++) {
  bare.push(time(['-e', '']));
  version.push(time([bin, '--version']));
  status.push(time([bin, 'status', ...files]));
}
const b = median(bare);
const v = median(version);
const s = median(status);
const row = (label: string, ms: number) =>
  console.log(`${label.padEnd(30)} median ${ms.toFixed(1).padStart(6)} ms  ${(ms / b).toFixed(2)}x`);
console.log(`${runs} alternating runs each`);
row("node -e ''", b);
row('taskmark --version', v);
row(`taskmark status (${files.length} plans)`, s);
console.log(`ratio: ${(s / b).toFixed(2)}x bare Node start-up (target <= 3x)`);
