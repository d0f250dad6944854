/**
 * Store benchmark: a generated workspace of 1,000 plans and 100,000 items, imported into SQLite and
 * PostgreSQL in the same run: full import, no-op re-import, re-import with 1% of the plans changed,
 * and search latency (p50/p95 over a fixed query mix). Prints the figures, the targets, and the
 * ratios between backends and against the full import. Run: npm run bench:store
 * (PostgreSQL: TASKMARK_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; skipped
 * with a printed line when unreachable.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Store } from '../src/core/store/port.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { type ImportSettings, importWorkspace } from '../src/workspace/import.js';
import { QUERY_MIX, runQueryMix } from './store-queries.js';

const PLANS = Number(process.env.BENCH_PLANS ?? 1000);
const ITEMS_PER_PLAN = 100;
const PG_URL = process.env.TASKMARK_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const OWNERS = ['alice', 'bob', 'carol', 'dan', 'erin', 'frank'];
const TAGS = ['ops', 'docker', 'docs', 'security', 'ui', 'perf'];
const VERBS =
  'migrate configure document deploy verify rotate backup restore index monitor alert audit'.split(' ');
const NOUNS =
  'database gateway scheduler secrets dashboard pipeline cluster storage search billing queue'.split(' ');
const PRIORITIES = ['P0 - Reliability', 'P1 - Features', 'P2 - Polish', 'P3 - Someday'];
const MARKS = [' ', ' ', ' ', 'x', 'x', '/'];

/** A deterministic plan of exactly ITEMS_PER_PLAN items: 4 priority sections of 5 parents with 4 children each. */
function planText(n: number, variant = 0): string {
  const out = [`# Plan ${n}\n`];
  let i = 0;
  const pick = <T>(xs: readonly T[], k: number) => xs[k % xs.length]!;
  for (const section of PRIORITIES) {
    out.push(`\n## ${section}\n\n`);
    for (let p = 0; p < 5; p++) {
      for (let c = 0; c < 5; c++) {
        const k = n * 131 + i * 17;
        const mark = c === 0 && p === 0 && variant > 0 ? 'x' : pick(MARKS, k);
        const id = `T${n}-${String(i).padStart(3, '0')}`;
        const title = `${pick(VERBS, k)} the ${pick(NOUNS, k >> 2)} ${pick(NOUNS, k >> 4)}`;
        const due = `2026-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
        const indent = c === 0 ? '' : '  ';
        out.push(
          `${indent}- [${mark}] ${id}: ${title} #${pick(TAGS, k)} [owner:: ${pick(OWNERS, k >> 1)}] 📅 ${due}\n`,
        );
        i++;
      }
    }
  }
  return out.join('');
}

function generate(root: string): void {
  for (let n = 0; n < PLANS; n++) {
    const dir = join(root, `team-${String(n % 20).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `plan-${String(n).padStart(4, '0')}.md`), planText(n));
  }
}

/** Changes 1% of the plans (a ticked box each). */
function touch(root: string, round: number): void {
  for (let n = round; n < PLANS; n += 100) {
    const dir = join(root, `team-${String(n % 20).padStart(2, '0')}`);
    writeFileSync(join(dir, `plan-${String(n).padStart(4, '0')}.md`), planText(n, round + 1));
  }
}

/**
 * Writes still on their way to disk (a previous run leaves some 300 MB: databases, their logs, the
 * generated files, and PostgreSQL's dirty buffers until its next checkpoint) are flushed before a
 * backend is timed, so the write-back of earlier work does not land in this run's figures. Each
 * import's own writes stay in them. Where `sync` is missing, or PostgreSQL refuses CHECKPOINT to a
 * user who is not a superuser, that part is skipped.
 */
async function settle(): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await c
    .connect()
    .then(() => c.query('checkpoint'))
    .catch(() => {})
    .finally(() => c.end().catch(() => {}));
  spawnSync('sync', { stdio: 'ignore' });
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

interface Figures {
  full: number;
  noop: number;
  changed: number;
  items: number;
  p50: number;
  p95: number;
  facets: { p50: number; p95: number };
  perQuery: { query: string; p50: number; p95: number }[];
}

async function measure(
  name: string,
  store: Store,
  settings: ImportSettings,
  round: number,
): Promise<Figures> {
  let t = process.hrtime.bigint();
  const first = await importWorkspace(store, settings);
  const full = ms(t);
  t = process.hrtime.bigint();
  const again = await importWorkspace(store, settings);
  const noop = ms(t);
  if (again.changed.length !== 0)
    throw new Error(`${name}: the no-op re-import changed ${again.changed.length} files`);
  touch(settings.root, round);
  t = process.hrtime.bigint();
  const third = await importWorkspace(store, settings);
  const changed = ms(t);
  if (third.changed.length !== PLANS / 100) throw new Error(`${name}: expected ${PLANS / 100} changed files`);
  const items = (await store.listDocuments()).reduce((s, d) => s + d.itemCount, 0);
  const { p50, p95, facets, perQuery } = await runQueryMix(store);
  console.log(
    `${name.padEnd(10)} full import ${fmt(full)} (${first.files} plans, ${items} items) · no-op ${fmt(noop)} · 1% changed ${fmt(changed)} · search p50 ${fmt(p50)} p95 ${fmt(p95)} · with 8 facets p50 ${fmt(facets.p50)} p95 ${fmt(facets.p95)}`,
  );
  return { full, noop, changed, items, p50, p95, facets, perQuery };
}

const fmt = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);

async function postgresReachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => {});
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'taskmark-bench-store-'));
  const schema = `tm_bench_${process.pid}`;
  try {
    generate(root);
    console.log(
      `workspace: ${PLANS} plans × ${ITEMS_PER_PLAN} items in ${root}; ${QUERY_MIX.length} search queries`,
    );
    const settings: ImportSettings = {
      root,
      plans: { include: ['**/plan-*.md'], exclude: [], minTasks: 5, maxBytes: 1 << 20 },
      hoursPerDay: 8,
    };
    await settle();
    const sqlite = await openSqliteStore(join(root, '.taskmark', 'taskmark.db'));
    const s = await measure('SQLite', sqlite, settings, 0);
    await sqlite.close();

    let p: Figures | null = null;
    const why = await postgresReachable();
    if (why) console.log(`SKIP PostgreSQL: ${PG_URL} is unreachable (${why})`);
    else {
      await settle();
      const store = await openPostgresStore(PG_URL, { schema, poolSize: 4 });
      p = await measure('PostgreSQL', store, settings, 1);
      await store.close();
    }

    console.log('\ntargets (SQLite): full import < 5 s, no-op re-import < 0.5 s, search p95 < 20 ms');
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log(
      `  full ${fmt(s.full)} ${verdict(s.full < 5000)} · no-op ${fmt(s.noop)} ${verdict(s.noop < 500)} · p95 ${fmt(s.p95)} ${verdict(s.p95 < 20)}`,
    );
    console.log(
      `ratios: no-op / full ${(s.noop / s.full).toFixed(3)} (SQLite)${p ? `, ${(p.noop / p.full).toFixed(3)} (PostgreSQL)` : ''}`,
    );
    if (p) {
      console.log(
        `        PostgreSQL / SQLite: full ${(p.full / s.full).toFixed(2)}x · no-op ${(p.noop / s.noop).toFixed(2)}x · 1% changed ${(p.changed / s.changed).toFixed(2)}x · search p95 ${(p.p95 / s.p95).toFixed(2)}x`,
      );
    }
    console.log(`\nsearch latency per query, p50 / p95 (target p95 < 20 ms):`);
    for (const [n, q] of s.perQuery.entries()) {
      const pq = p?.perQuery[n];
      console.log(
        `  ${q.query.padEnd(40)} SQLite ${fmt(q.p50)} / ${fmt(q.p95)}${pq ? ` · PostgreSQL ${fmt(pq.p50)} / ${fmt(pq.p95)}` : ''}`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: PG_URL });
    await c
      .connect()
      .then(() => c.query(`drop schema if exists ${schema} cascade`))
      .catch(() => {})
      .finally(() => c.end().catch(() => {}));
  }
}

await main();
