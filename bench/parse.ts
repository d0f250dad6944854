/**
 * Parser throughput: taskmark's parsePlan against markdown-it and mdast-util-from-markdown + GFM
 * (both full parsers of the same text), on the reference seeds and a large generated plan, measured
 * in the same run. Also taskmark's block structure alone (lines and CommonMark/GFM blocks, the part
 * of the work markdown-it's block parser does), so the cost of the plan model on top of it shows.
 * Prints steady-state MB/s (after a warm-up, as a long-lived server or the watcher parses) and the
 * ratios, and the first parse of each parser in the process (before the JIT has compiled it, as a
 * one-shot CLI run parses). taskmark is measured as it ships: its parser bundled by esbuild as the
 * build bundles the CLI, not through tsx's on-the-fly transform (which wraps every function it
 * defines in a naming helper and costs about a third of the throughput). Run: npm run bench:parse
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import MarkdownIt from 'markdown-it';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { scanBlocks as ScanBlocks } from '../src/core/plan/blocks.js';
import type { splitLines as SplitLines } from '../src/core/plan/lines.js';
import type { parsePlan as ParsePlan } from '../src/core/plan/parse.js';
import { generatePlan } from '../test/support/generate-plan.js';

/** The parser's modules bundled as scripts/build.mjs bundles the CLI (ESM, node20, not minified). */
async function loadShipped(): Promise<{
  parsePlan: typeof ParsePlan;
  scanBlocks: typeof ScanBlocks;
  splitLines: typeof SplitLines;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'taskmark-bench-parse-'));
  const entry = join(dir, 'entry.mjs');
  const src = resolve(import.meta.dirname, '../src/core/plan');
  try {
    await build({
      stdin: {
        contents: [
          `export { parsePlan } from ${JSON.stringify(join(src, 'parse.ts'))};`,
          `export { scanBlocks } from ${JSON.stringify(join(src, 'blocks.ts'))};`,
          `export { splitLines } from ${JSON.stringify(join(src, 'lines.ts'))};`,
        ].join('\n'),
        resolveDir: src,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile: entry,
      logLevel: 'warning',
    });
    return await import(pathToFileURL(entry).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { parsePlan, scanBlocks, splitLines } = await loadShipped();

const md = new MarkdownIt();
const parsers: Record<string, (s: string) => unknown> = {
  taskmark: (s) => parsePlan(s, { file: 'bench.md' }),
  'taskmark blocks': (s) => scanBlocks(s, splitLines(s)),
  'markdown-it': (s) => md.parse(s, {}),
  'mdast+gfm': (s) => fromMarkdown(s, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }),
};

interface Measure {
  /** Milliseconds of the first parse in this process. */
  readonly firstMs: number;
  /** MB/s once warm. */
  readonly mbps: number;
}

function measure(fn: (s: string) => unknown, text: string, minMs: number): Measure {
  const first = performance.now();
  fn(text);
  const firstMs = performance.now() - first;
  // A first run longer than the budget (mdast on megabytes) is the measure: warming would take minutes.
  if (firstMs >= minMs) return { firstMs, mbps: text.length / (firstMs / 1000) / 1e6 };
  // Warm-up, untimed: the JIT compiles the hot paths of every parser before its time is taken.
  const warmStart = performance.now();
  while (performance.now() - warmStart < minMs / 2) fn(text);
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs || runs < 3) {
    fn(text);
    runs++;
    elapsed = performance.now() - start;
  }
  return { firstMs, mbps: (text.length * runs) / (elapsed / 1000) / 1e6 };
}

const seedsDir = resolve(import.meta.dirname, '../../shared/seeds');
const inputs: [string, string][] = [];
if (existsSync(seedsDir)) {
  const seeds = readdirSync(seedsDir)
    .sort()
    .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
  inputs.push(['seeds (5 plans, concatenated)', seeds.join('\n')]);
} else {
  console.log('seeds: ../shared/seeds not found, skipping that input');
}
inputs.push(['generated plan, 1 MB', generatePlan(1024 * 1024)]);

for (const [name, text] of inputs) {
  console.log(`\n${name}: ${(text.length / 1e6).toFixed(2)} M chars`);
  const results: Record<string, number> = {};
  const firsts: Record<string, number> = {};
  for (const [p, fn] of Object.entries(parsers)) {
    // mdast is slow on big inputs: give every parser the same minimum wall time.
    const m = measure(fn, text, 1500);
    results[p] = m.mbps;
    firsts[p] = m.firstMs;
    console.log(
      `  ${p.padEnd(16)} ${m.mbps.toFixed(1).padStart(8)} MB/s warm   first parse ${m.firstMs.toFixed(0).padStart(6)} ms`,
    );
  }
  const ratio = (a: string, b: string) => `${(results[a]! / results[b]!).toFixed(1)}x`;
  console.log(
    `  plan model: ${ratio('taskmark', 'markdown-it')} markdown-it, ${ratio('taskmark', 'mdast+gfm')} mdast+gfm (target >= 10x markdown-it)`,
  );
  console.log(
    `  block structure alone: ${ratio('taskmark blocks', 'markdown-it')} markdown-it, ${ratio('taskmark blocks', 'mdast+gfm')} mdast+gfm`,
  );
  console.log(
    `  first parse: taskmark ${(firsts['markdown-it']! / firsts.taskmark!).toFixed(1)}x markdown-it's speed`,
  );
}

// Scaling: time per MB should stay flat as the input grows (linear time).
console.log('\nscaling (taskmark):');
for (const mb of [1, 2, 4, 8]) {
  const text = generatePlan(mb * 1024 * 1024, mb);
  parsePlan(text, { file: 'bench.md' });
  const start = performance.now();
  parsePlan(text, { file: 'bench.md' });
  const ms = performance.now() - start;
  console.log(
    `  ${String(mb).padStart(2)} MB: ${ms.toFixed(0).padStart(6)} ms  (${(ms / mb).toFixed(1)} ms/MB)`,
  );
}
