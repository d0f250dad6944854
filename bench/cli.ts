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

const runs = 30;
const commands: { args: string[]; times: number[] }[] = [
  { args: ['-e', ''], times: [] },
  { args: [bin, '--version'], times: [] },
  { args: [bin, 'status', ...files], times: [] },
];
// One warm-up run each, then alternating runs so all see the same machine load. The order is
// reversed every other round: on a shared host, a run's position after another measurably moved it.
for (const c of commands) time(c.args);
for (let i = 0; i < runs; i++) {
  const round = i % 2 === 0 ? commands : [...commands].reverse();
  for (const c of round) c.times.push(time(c.args));
}
const [bare, version, status] = commands.map((c) => c.times) as [number[], number[], number[]];
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
