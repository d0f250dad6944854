/**
 * Deterministic generator of large plans in a mix of dialects, for benchmarks and scaling tests:
 * phases with ID-led heading items and field lines, nested checklists with extended marks, inline
 * fields, status bullets, code blocks with boxes that are not tasks, and tables.
 */

/** A small seeded PRNG (mulberry32) so generated plans are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'migrate configure document deploy verify rotate backup restore index monitor alert cache shard replicate audit review'.split(
    ' ',
  );
const NOUNS =
  'database gateway scheduler secrets dashboard pipeline cluster storage search ingest billing reports tokens queue'.split(
    ' ',
  );
const MARKS = [' ', ' ', ' ', 'x', 'x', '/', '-', '!'];
const STATUS = ['⏳ TODO', '🔄 IN PROGRESS', '✅ DONE', '⏸️ BLOCKED'];

/** A plan of roughly `targetBytes` characters. */
export function generatePlan(targetBytes: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const title = () => `${pick(WORDS)} the ${pick(NOUNS)} ${pick(NOUNS)}`;
  const parts: string[] = ['# Generated platform plan\n\n**Plan Date:** 2026-01-05\n\n'];
  let size = parts[0]!.length;
  let phase = 0;
  let id = 0;
  while (size < targetBytes) {
    phase++;
    const chunk: string[] = [`## Phase ${phase}: ${title()} (Week ${phase}-${phase + 2})\n\n`];
    for (let h = 0; h < 5; h++) {
      id++;
      const code = `PL-${String(id).padStart(4, '0')}`;
      chunk.push(`### ${code}: ${title()}\n\n`);
      chunk.push(
        `**Category:** Ops | **Effort:** ${1 + Math.floor(r() * 5)} days | **Assignee:** dev${Math.floor(r() * 9)} | **Due:** 2026-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}\n`,
      );
      chunk.push(`**Status:** ${pick(STATUS)}\n`);
      if (id > 1 && r() < 0.3) chunk.push(`**Depends on:** PL-${String(id - 1).padStart(4, '0')}\n`);
      chunk.push('\n**Acceptance Criteria:**\n\n');
      for (let i = 0; i < 6; i++) {
        chunk.push(
          `- [${pick(MARKS)}] ${title()} [due:: 2026-02-0${1 + Math.floor(r() * 8)}] #${pick(NOUNS)}\n`,
        );
        if (r() < 0.4) chunk.push(`  - [${pick(MARKS)}] ${title()} (2h) @dev${Math.floor(r() * 5)}\n`);
      }
      if (r() < 0.3) chunk.push('\n```md\n- [ ] not a task inside code\n```\n');
      if (r() < 0.3) chunk.push('\n- ✅ shipped the first cut\n- ⏳ follow-up pending\n');
      if (r() < 0.2) chunk.push('\n| Metric | Target |\n| --- | --- |\n| p95 | 20 ms |\n');
      chunk.push('\n');
    }
    const text = chunk.join('');
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}
