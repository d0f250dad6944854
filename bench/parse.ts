/**
 * Parser throughput: taskmark's parsePlan against markdown-it and mdast-util-from-markdown + GFM
 * (both full parsers of the same text), on the reference seeds and a large generated plan, measured
 * in the same run. Also taskmark's block structure alone (lines and CommonMark/GFM blocks, the part
 * of the work markdown-it's block parser does), so the cost of the plan model on top of it shows.
 * Prints MB/s and the ratios. Run: npm run bench:parse
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { scanBlocks } from '../src/core/plan/blocks.js';
import { splitLines } from '../src/core/plan/lines.js';
import { parsePlan } from '../src/core/plan/parse.js';
import { generatePlan } from '../test/support/generate-plan.js';

const md = new MarkdownIt();
const parsers: Record<string, (s: string) => unknown> = {
  taskmark: (s) => parsePlan(s, { file: 'bench.md' }),
  'taskmark blocks': (s) => scanBlocks(s, splitLines(s)),
  'markdown-it': (s) => md.parse(s, {}),
  'mdast+gfm': (s) => fromMarkdown(s, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }),
};

function mbPerSecond(fn: (s: string) => unknown, text: string, minMs: number): number {
  // The warm-up run counts when it alone takes longer than the budget (mdast on megabytes).
  const first = performance.now();
  fn(text);
  const warm = performance.now() - first;
  if (warm >= minMs) return text.length / (warm / 1000) / 1e6;
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs || runs < 3) {
    fn(text);
    runs++;
    elapsed = performance.now() - start;
  }
  return (text.length * runs) / (elapsed / 1000) / 1e6;
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
  for (const [p, fn] of Object.entries(parsers)) {
    // mdast is slow on big inputs: give every parser the same minimum wall time.
    results[p] = mbPerSecond(fn, text, 1500);
    console.log(`  ${p.padEnd(16)} ${results[p].toFixed(1).padStart(8)} MB/s`);
  }
  const ratio = (a: string, b: string) => `${(results[a]! / results[b]!).toFixed(1)}x`;
  console.log(
    `  plan model: ${ratio('taskmark', 'markdown-it')} markdown-it, ${ratio('taskmark', 'mdast+gfm')} mdast+gfm (target >= 10x markdown-it)`,
  );
  console.log(
    `  block structure alone: ${ratio('taskmark blocks', 'markdown-it')} markdown-it, ${ratio('taskmark blocks', 'mdast+gfm')} mdast+gfm`,
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
