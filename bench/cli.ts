/**
 * CLI start-up: `taskmark status` on the seed plans against bare `node -e ''`, alternating runs in
 * the same session, reporting medians and the ratio (target: at most 3x bare Node). `status` is
 * measured as a user meets it, with the parse cache filled by the previous run, and also with the
 * cache empty and with `--no-cache`, the cost when every plan has changed. Run: npm run bench:cli
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

// The parse cache lives in a directory of this run's own, so every row starts from a known state.
const cacheDir = mkdtempSync(join(tmpdir(), 'taskmark-bench-cache-'));
const env = { ...process.env, NO_COLOR: '1', TASKMARK_CACHE_DIR: cacheDir };

const time = (args: string[]) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const emptyCache = () => {
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir);
};

const runs = 30;
interface Row {
  readonly label: string;
  readonly args: string[];
  /** Runs before each timed run, untimed. */
  readonly before?: () => void;
  readonly times: number[];
}
const status = [bin, 'status', ...files];
const rows: Row[] = [
  { label: "node -e ''", args: ['-e', ''], times: [] },
  { label: 'taskmark --version', args: [bin, '--version'], times: [] },
  // The usual case: the plans have not changed since the last command, their models are read back.
  { label: `taskmark status (${files.length} plans)`, args: status, times: [] },
  // A plan changed (or the first run): parsed, then written to the cache.
  { label: '  … cache empty (parse, write)', args: status, before: emptyCache, times: [] },
  // Every plan parsed in a fresh process, nothing read or written.
  { label: '  … --no-cache (parse only)', args: [...status, '--no-cache'], times: [] },
];
// One warm-up run each (which also fills the cache), then alternating runs so all see the same
// machine load. The order is reversed every other round: on a shared host, a run's position after
// another measurably moved it. The row after "cache empty" finds the cache filled again.
for (const r of rows) time(r.args);
for (let i = 0; i < runs; i++) {
  const round = i % 2 === 0 ? rows : [...rows].reverse();
  for (const r of round) {
    r.before?.();
    r.times.push(time(r.args));
  }
}
rmSync(cacheDir, { recursive: true, force: true });
const [bare, , cached, empty, noCache] = rows.map((r) => median(r.times)) as [
  number,
  number,
  number,
  number,
  number,
];
console.log(`${runs} alternating runs each`);
for (const r of rows) {
  const ms = median(r.times);
  console.log(`${r.label.padEnd(32)} median ${ms.toFixed(1).padStart(6)} ms  ${(ms / bare).toFixed(2)}x`);
}
console.log(`ratio: ${(cached / bare).toFixed(2)}x bare Node start-up (target <= 3x)`);
console.log(
  `  a changed plan: ${(empty / bare).toFixed(2)}x (cache written), ${(noCache / bare).toFixed(2)}x with --no-cache`,
);
