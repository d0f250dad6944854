/**
 * Lint throughput and scaling: generated plans of 1, 2, 4, 8 and 10 MB full of findings (stale
 * parents, overdue items, near-duplicates, mojibake, unknown references, lost characters), linted
 * with every rule. The reference, measured in the same run on the same text, is parsing alone:
 * lint's cost is printed as a ratio to it, and its time per MB as a ratio to the 1 MB plan's, so
 * linear time shows as a flat 1.0x column. Run: npm run bench:lint
 */
import { collectFixes, lintPlan } from '../src/core/lint/engine.js';
import type { LintContext } from '../src/core/lint/types.js';
import { damage } from '../src/core/plan/encoding.js';
import { parsePlan } from '../src/core/plan/parse.js';

const CTX: LintContext = { today: '2026-06-01', dueSoonDays: 7, similarity: 0.9, hoursPerDay: 8 };
const VERBS = 'migrate configure document deploy verify rotate backup restore index monitor audit'.split(' ');
const NOUNS =
  'database gateway scheduler secrets dashboard pipeline cluster storage search billing queue'.split(' ');

/** A plan of about `bytes` characters in which roughly one item in four has a finding. */
function generate(bytes: number): string {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const parts: string[] = ['# Generated plan\n\n**Version:** 1.0.0\n**Last Updated:** 2026-05-01\n\n'];
  let size = parts[0]!.length;
  for (let n = 1; size < bytes; n++) {
    const title = `${VERBS[rand(VERBS.length)]} the ${NOUNS[rand(NOUNS.length)]} for region ${n % 97}`;
    const month = String(1 + rand(12)).padStart(2, '0');
    const status = ['TODO', 'DONE', 'IN PROGRESS'][rand(3)];
    const dep = rand(10) === 0 ? `GEN-${n + 1_000_000}` : `GEN-${Math.max(1, n - 1)}`;
    const mojibake = rand(6) === 0 ? ` ${damage('✅ ready 🚀', 'windows-1252')}` : '';
    const lost = rand(50) === 0 ? ' \uFFFD' : '';
    const block =
      `## Phase ${Math.ceil(n / 25)}\n\n### GEN-${n}: ${title}${mojibake}\n\n**Status:** ${status}\n**Due:** 2026-${month}-15\n**Depends on:** ${dep}\n\n` +
      `- [${rand(3) === 0 ? 'x' : ' '}] ${title} step one${lost}\n` +
      `  - [x] Prepare the ${NOUNS[rand(NOUNS.length)]} change\n` +
      `  - [${rand(2) === 0 ? 'x' : ' '}] Review the ${NOUNS[rand(NOUNS.length)]} change\n` +
      `- [ ] ${title} step two\n` +
      `- [ ] ${title} step two again\n\n`;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

function time(fn: () => void, minMs = 1500): number {
  fn();
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < minMs || times.length < 3) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const rows: string[][] = [];
let perMb1 = 0;
for (const mb of [1, 2, 4, 8, 10]) {
  const text = generate(mb * 1024 * 1024);
  const plan = parsePlan(text, { file: 'bench.md' });
  const findings = lintPlan(plan, CTX);
  const parseMs = time(() => parsePlan(text, { file: 'bench.md' }));
  const lintMs = time(() => lintPlan(plan, CTX));
  const fixMs = time(() => collectFixes(lintPlan(plan, CTX)));
  const perMb = lintMs / mb;
  if (mb === 1) perMb1 = perMb;
  rows.push([
    `${mb} MB`,
    String(plan.items.length),
    String(findings.length),
    parseMs.toFixed(0),
    lintMs.toFixed(0),
    fixMs.toFixed(0),
    `${(lintMs / parseMs).toFixed(2)}x`,
    `${(perMb / perMb1).toFixed(2)}x`,
  ]);
}

const head = [
  'size',
  'items',
  'findings',
  'parse ms',
  'lint ms',
  'lint+fixes ms',
  'lint/parse',
  'lint ms/MB vs 1 MB',
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const fmt = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join('  ');
console.log(fmt(head));
for (const r of rows) console.log(fmt(r));
console.log('\nlint/parse: lint time as a multiple of parsing the same text (the reference, same run).');
console.log('lint ms/MB vs 1 MB: 1.00x at every size means lint time grows linearly with the plan.');
